// Following a decision through (落实反馈): the worker convenes a council meeting, signs in five of
// its seven members, a motion passes; on the follow-up page the worker gives it an owner and a due
// day, reports progress and closes it with a report back, which a visitor reads on the meeting's
// public page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext, signIn } from './helpers.ts';
import { conveneMeeting } from './meeting-helpers.ts';
import { people } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('meeting follow-through', () => {
  test(
    'an adopted motion gets an owner and a due day, progress, and a report back the public reads',
    { timeout: manyPagesTimeout * 2 },
    async () => {
      const title = `照明议事会 ${String(Date.now()).slice(-5)}`;
      const worker = await (await phoneContext(browser)).newPage();
      await signIn(worker, people.shuyuanWorker);
      const meetingId = await conveneMeeting(worker, { title, agenda: '二号楼路灯' });

      for (let i = 0; i < 5; i++) {
        const absent = worker.locator('li[data-resident]').filter({ hasText: '未到' }).first();
        const residentId = await absent.getAttribute('data-resident');
        await absent.getByRole('button', { name: '代为签到' }).click();
        const row = worker.locator(`li[data-resident="${residentId}"] .attendance-state`);
        await expect.poll(() => row.textContent()).toContain('已到');
      }
      await worker.locator('textarea[name="text"]').first().fill('请物业一周内修复二号楼路灯。');
      await worker.getByRole('button', { name: '提出动议' }).first().click();
      await expect.poll(() => worker.getByText('动议已提出。').count()).toBe(1);
      await worker.locator('input[name="for"]').first().fill('5');
      await worker.getByRole('button', { name: '记录表决' }).click();
      await expect
        .poll(() => worker.locator('.motion-result').first().textContent())
        .toContain('通过');

      await worker.getByRole('link', { name: '落实反馈：决议的责任、期限和进展' }).click();
      const adopted = worker.locator('form[data-motion]').first();
      const motionId = await adopted.getAttribute('data-motion');
      await adopted.locator(`#owner-${motionId}`).fill('物业公司');
      const inAWeek = new Date(Date.now() + 7 * 86_400_000 + 8 * 3_600_000);
      await adopted.locator(`#due-${motionId}`).fill(inAWeek.toISOString().slice(0, 10));
      await adopted.getByRole('button', { name: '明确责任和期限' }).click();
      await expect.poll(() => worker.locator('li.resolution').count()).toBe(1);
      const resolution = worker.locator('li.resolution');
      expect(await resolution.textContent()).toContain('落实中');
      await resolution.locator('input[name="text"]').fill('物业已订购灯具。');
      await resolution.getByRole('button', { name: '报告进展' }).click();
      await expect.poll(() => resolution.getByText('进展已记录。').count()).toBe(1);
      await resolution.locator('textarea[name="report"]').fill('路灯已修复，居民已确认。');
      await resolution.getByRole('button', { name: '办结并反馈' }).click();
      await expect.poll(() => resolution.getByText('已办结并反馈。').count()).toBe(1);
      expect(await resolution.textContent()).toContain('已办结');

      const visitor = await (await phoneContext(browser)).newPage();
      await visitor.goto(`/meetings/${meetingId}`);
      const shown = visitor.locator('li.resolution');
      expect(await shown.textContent()).toContain('反馈：路灯已修复，居民已确认。');
      expect(await shown.textContent()).toContain('物业已订购灯具。');
      expect(await shown.textContent()).toContain('责任方：物业公司');
    },
  );
});
