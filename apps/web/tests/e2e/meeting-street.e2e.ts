// The street's deliberation board: the street officer of 玉山街道 reads the overdue decisions of
// its communities' meetings; a community worker of 书院社区 is refused the street's board.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

    const worker = await (await phoneContext(browser)).newPage();
    await signIn(worker, people.shuyuanWorker);
    await worker.goto('/work/meetings?community=shuyuan');
    expect(await worker.getByRole('link', { name: '街道议事协商看板' }).count()).toBe(0);
    const refused = await worker.goto('/work/meetings/street?community=shuyuan');
    expect(refused?.status()).toBe(403);
  });
});
