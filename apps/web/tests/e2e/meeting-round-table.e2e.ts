// Screening's round-table (邻里圆桌会) held as a meeting of 书院社区's seeded round-table: the
// worker convenes it, signs four of its five members in, tables a motion on a seeded proposal
// awaiting screening and records it adopted, then decides the proposal into the pool on that
// motion from the meeting's page (no JavaScript needed); the public pool lists it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext, signIn } from './helpers.ts';
import { demoCycles, people } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const handrails = '书院新村3幢楼道加装扶手';

describe('the round-table as a meeting', { timeout: manyPagesTimeout }, () => {
  test('an adopted motion puts a proposal into the pool', async () => {
    const worker = await (await phoneContext(browser)).newPage();
    await signIn(worker, people.shuyuanWorker);
    await worker.goto('/work/meetings?community=shuyuan');
    await worker.locator('#convene-body').selectOption({ label: '书院社区邻里圆桌会' });
    await worker.locator('#convene-title').fill('民生微实事圆桌会');
    // Within the hour (China time): held today, its notice flagged late.
    const soon = new Date(Date.now() + 8 * 3_600_000 + 10 * 60_000).toISOString().slice(0, 16);
    await worker.locator('#convene-starts-at').fill(soon);
    await worker.locator('#convene-place').fill('书院社区睦邻客厅');
    await worker.locator('#convene-agenda').fill('本期建议筛选');
    await worker.getByRole('button', { name: '发布通知' }).click();
    await expect.poll(() => worker.getByText('「民生微实事圆桌会」的通知已发布。').count()).toBe(1);
    await worker.getByRole('link', { name: '民生微实事圆桌会' }).click();
    await expect
      .poll(() => worker.getByRole('heading', { level: 1 }).textContent())
      .toBe('民生微实事圆桌会');

    for (let i = 0; i < 4; i++) {
      await worker.getByRole('button', { name: '代为签到' }).first().click();
      await expect
        .poll(() => worker.locator('.attendance-state', { hasText: '已到' }).count())
        .toBe(i + 1);
    }
    await worker.locator('textarea[name="text"]').first().fill(`同意「${handrails}」纳入项目库。`);
    await worker.getByRole('button', { name: '提出动议' }).first().click();
    await expect.poll(() => worker.getByText('动议已提出。').count()).toBe(1);
    await worker.locator('input[name="for"]').first().fill('4');
    await worker.getByRole('button', { name: '记录表决' }).click();
    await expect
      .poll(() => worker.locator('.motion-result').first().textContent())
      .toContain('通过');

    const section = worker.locator('section[aria-labelledby="roundtable-heading"]');
    await section.locator('select[name^="proposal-"]').selectOption({ label: handrails });
    await section.getByRole('button', { name: '记录圆桌会的决定' }).click();
    await expect.poll(() => worker.getByText('已记录圆桌会对建议的决定。').count()).toBe(1);

    const visitor = await (await phoneContext(browser)).newPage();
    await visitor.goto(`/cycles/${demoCycles.yushan}/proposals?community=shuyuan&view=pool`);
    expect(await visitor.getByRole('region', { name: '项目库' }).textContent()).toContain(
      handrails,
    );
  });
});
