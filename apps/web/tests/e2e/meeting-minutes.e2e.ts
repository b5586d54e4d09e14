// Minutes (会议纪要) from draft to a corrected version: the worker convenes a council meeting,
// signs in two members without phones and closes it; the draft written from the record is saved
// and circulated; 沈佳怡 asks for a correction on her phone; the worker redrafts and circulates
// again; both members sign; the worker approves; a visitor reads version 1; a correction is
// published as version 2 with its reason, version 1 still shown.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext, signIn, signInResident } from './helpers.ts';
import { conveneMeeting } from './meeting-helpers.ts';
import { people } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('meeting minutes', () => {
  test(
    'drafted from the record, corrected on request, signed, approved and corrected as version 2',
    { timeout: manyPagesTimeout * 2 },
    async () => {
      const title = `纪要议事会 ${String(Date.now()).slice(-5)}`;
      const worker = await (await phoneContext(browser)).newPage();
      await signIn(worker, people.shuyuanWorker);
      const meetingId = await conveneMeeting(worker, { title, agenda: '楼道照明' });

      for (const residentId of ['demo-r-wang', 'demo-r-zhang']) {
        const row = worker.locator(`li[data-resident="${residentId}"]`);
        await row.getByRole('button', { name: '代为签到' }).click();
        await expect.poll(() => row.locator('.attendance-state').textContent()).toContain('已到');
      }
      await worker.getByRole('button', { name: '结束会议' }).click();
      await expect.poll(() => worker.getByRole('button', { name: '结束会议' }).count()).toBe(0);

      await worker.getByRole('link', { name: '会议纪要：起草、传阅、通过' }).click();
      const draft = worker.locator('#minutes-text');
      await expect.poll(() => draft.inputValue()).toContain('实到 2 人');
      await worker.getByRole('button', { name: '保存草稿' }).click();
      await expect.poll(() => worker.getByText('纪要草稿已保存。').count()).toBe(1);
      await worker.getByRole('button', { name: '传阅给参会人员' }).click();
      await expect.poll(() => worker.getByText('纪要草稿已传阅').count()).toBe(1);

      // 沈佳怡 asks for a correction on her phone.
      const zhang = await (await phoneContext(browser)).newPage();
      await signInResident(zhang, people.shenJiayi);
      await zhang.goto(`/meetings/${meetingId}/minutes`);
      await zhang.locator('#minutes-request').fill('请补记：楼道照明由物业一周内修复。');
      await zhang.getByRole('button', { name: '提出更正' }).click();
      await expect.poll(() => zhang.getByText('您的更正请求已送达记录人。').count()).toBe(1);

      // Approval waits for the correction: the worker redrafts and circulates again.
      await worker.reload();
      await expect
        .poll(() => worker.locator('#minutes-requests').textContent())
        .toContain('楼道照明由物业一周内修复');
      await worker.getByRole('button', { name: '通过并发布' }).click();
      await expect.poll(() => worker.getByText('更正请求').count()).toBeGreaterThan(1);
      await draft.fill(`${await draft.inputValue()}\n决定：楼道照明由物业一周内修复。`);
      await worker.getByRole('button', { name: '保存草稿' }).click();
      await expect.poll(() => worker.getByText('纪要草稿已保存。').count()).toBe(1);
      await worker.getByRole('button', { name: '传阅给参会人员' }).click();
      await expect.poll(() => worker.getByText('纪要草稿已传阅').count()).toBe(1);

      // Both members sign.
      const wang = await (await phoneContext(browser)).newPage();
      await signInResident(wang, people.guYueqin);
      for (const phone of [wang, zhang]) {
        await phone.goto(`/meetings/${meetingId}/minutes`);
        expect(await phone.locator('#minutes-draft').textContent()).toContain('一周内修复');
        await phone.getByRole('button', { name: '签认纪要' }).click();
        await expect.poll(() => phone.getByText('您已签认。').count()).toBeGreaterThan(0);
      }

      await worker.reload();
      await worker.getByRole('button', { name: '通过并发布' }).click();
      await expect.poll(() => worker.getByText('纪要已通过并发布').count()).toBe(1);

      const visitor = await (await phoneContext(browser)).newPage();
      await visitor.goto(`/meetings/${meetingId}/minutes`);
      const first = visitor.locator('.minutes-version');
      expect(await first.count()).toBe(1);
      expect(await first.textContent()).toContain('第 1 版');
      expect(await first.textContent()).toContain('2 名到会成员签认');

      // A correction after approval is version 2, with its reason.
      const corrected = worker.locator('#minutes-correct-text');
      await corrected.fill(`${await corrected.inputValue()}\n（更正）物业已于次日修复。`);
      await worker.locator('#minutes-correct-reason').fill('补记落实情况');
      await worker.getByRole('button', { name: '发布更正版本' }).click();
      await expect.poll(() => worker.getByText('更正版本已发布。').count()).toBe(1);
      await visitor.reload();
      await expect.poll(() => visitor.locator('.minutes-version').count()).toBe(2);
      expect(await visitor.locator('.minutes-version').first().textContent()).toContain(
        '更正理由：补记落实情况',
      );
      expect(await visitor.locator('.minutes-version').nth(1).textContent()).not.toContain(
        '物业已于次日修复',
      );
    },
  );
});
