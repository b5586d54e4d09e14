// The street's deliberation board: the street officer of 虞山街道 sees the street's own bodies
// and establishes one, reads the overdue decisions of its communities' meetings and follows the
// street's vitality index to a meeting it counted; a community worker of 书院社区 is refused the
// street's board.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './axe.ts';
import { launchChromium } from './chromium.ts';
import { phoneContext, signIn } from './helpers.ts';
import { people } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the street’s deliberation board', () => {
  test('the street officer reads it; a community worker is refused it', async () => {
    const officer = await (await phoneContext(browser)).newPage();
    await signIn(officer, people.yushanOfficer);
    await officer.goto('/work/meetings?community=shuyuan');
    await officer.getByRole('link', { name: '街道议事协商看板' }).click();
    await expect
      .poll(() => officer.getByRole('heading', { level: 1 }).textContent())
      .toBe('街道议事协商看板');
    expect(await officer.locator('#street-overdue').textContent()).toContain('逾期未办结的决议');

    // The street's own bodies: the seeded committee with its meetings, and one more established
    // here with the form the community page uses.
    const bodies = officer.locator('section[aria-labelledby="street-bodies"]');
    expect(await bodies.textContent()).toContain('虞山街道议事协商委员会');
    expect(
      await officer.locator('section[aria-labelledby="street-meetings"] li').count(),
    ).toBeGreaterThan(0);
    await officer.locator('#establish-name').fill('虞山街道居民议事会');
    await officer.locator('#establish-name').press('Enter');
    await expect.poll(() => bodies.textContent()).toContain('虞山街道居民议事会');

    // The street's vitality index: a trend of 12 months with its table, the demo council's
    // meetings as evidence, each linked to its public page.
    await officer.getByRole('link', { name: '全街道的议事协商活力指数' }).click();
    await expect
      .poll(() => officer.getByRole('heading', { level: 1 }).textContent())
      .toBe('虞山街道的议事协商活力指数');
    expect(await officer.locator('#vitality-table tbody tr').count()).toBe(12);
    expect(await officer.locator('svg circle[data-small-sample]').count()).toBeGreaterThan(6);
    expect(await axeViolations(officer)).toEqual([]);
    const evidence = officer.locator('#evidence-heading ~ section a').first();
    const title = await evidence.textContent();
    await evidence.click();
    await expect.poll(() => officer.getByRole('heading', { level: 1 }).textContent()).toBe(title);

    const worker = await (await phoneContext(browser)).newPage();
    await signIn(worker, people.shuyuanWorker);
    await worker.goto('/work/meetings?community=shuyuan');
    expect(await worker.getByRole('link', { name: '街道议事协商看板' }).count()).toBe(0);
    const refused = await worker.goto('/work/meetings/street?community=shuyuan');
    expect(refused?.status()).toBe(403);
  });
});
