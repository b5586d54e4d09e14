// A deliberation meeting (议事协商) of the seeded 书院社区 residents' council: the worker convenes
// a meeting with notice from the meetings page; at the seeded meeting the projector shows the
// rotating QR code and no quorum; two members "scan" it on their phones (open the link the QR
// holds) and sign in, the worker signs in three more without phones, and the projector, never
// reloaded, shows quorum (server-sent events); the worker tables a motion and records the vote,
// which passes, and a second one by named vote; the public page shows both results.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { baseURL, manyPagesTimeout, phoneContext, signIn, signInResident } from './helpers.ts';
import { people } from './micro-helpers.ts';

const meetingId = 'demo-meeting-shuyuan-next';
const runPath = `/work/meetings/${meetingId}?community=shuyuan`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('deliberation meetings', () => {
  test(
    'convene with notice; sign in by QR and by the worker; live quorum; a motion passes',
    { timeout: manyPagesTimeout * 2 },
    async () => {
      const worker = await (await phoneContext(browser)).newPage();
      await signIn(worker, people.shuyuanWorker);

      // Convening with notice: six days ahead is on time.
      await worker.goto('/work/meetings?community=shuyuan');
      await worker.locator('#convene-title').fill('绿化议事会');
      const inSixDays = new Date(Date.now() + 6 * 86_400_000 + 8 * 3_600_000);
      await worker
        .locator('#convene-starts-at')
        .fill(`${inSixDays.toISOString().slice(0, 10)}T19:00`);
      await worker.locator('#convene-place').fill('书院社区议事厅');
      await worker.locator('#convene-agenda').fill('小区绿化补种');
      await worker.getByRole('button', { name: '发布通知' }).click();
      await expect.poll(() => worker.getByText('「绿化议事会」的通知已发布。').count()).toBe(1);
      const listed = worker.locator('li').filter({ hasText: '绿化议事会' });
      expect(await listed.textContent()).not.toContain('通知过晚');

      // The projector screen, opened once and never reloaded.
      const screen = await (
        await browser.newContext({
          baseURL,
          locale: 'zh-CN',
          viewport: { width: 1280, height: 800 },
        })
      ).newPage();
      await signIn(screen, people.shuyuanWorker);
      await screen.goto(`/work/meetings/${meetingId}/projector?community=shuyuan`);
      await expect.poll(() => screen.locator('#quorum').textContent()).toContain('未达到法定人数');
      const link = await screen.locator('#sign-in-link').getAttribute('href');
      expect(await screen.locator('section svg').count()).toBe(1);

      // Two members scan the code on their phones.
      for (const member of [people.guYueqin, people.shenJiayi]) {
        const phone = await (await phoneContext(browser)).newPage();
        await signInResident(phone, member);
        await phone.goto(link!);
        await phone.getByRole('button', { name: '签到' }).click();
        await expect.poll(() => phone.getByText('签到成功。').count()).toBe(1);
        await phone.context().close();
      }

      // The worker signs in three members without phones.
      await worker.goto(runPath);
      for (let i = 0; i < 3; i++) {
        const absent = worker.locator('li[data-resident]').filter({ hasText: '未到' }).first();
        const residentId = await absent.getAttribute('data-resident');
        await absent.getByRole('button', { name: '代为签到' }).click();
        const row = worker.locator(`li[data-resident="${residentId}"] .attendance-state`);
        await expect.poll(() => row.textContent()).toContain('已到');
      }
      await expect.poll(() => worker.locator('#quorum').textContent()).toContain('已达到法定人数');

      // The projector followed without a reload.
      await expect
        .poll(() => screen.locator('#quorum').textContent(), { timeout: 5_000 })
        .toContain('已达到法定人数');
      expect(await screen.locator('#present li').count()).toBe(5);

      // A motion on the first item, voted 4 for, 1 against: passed, computed.
      await worker.locator('textarea[name="text"]').first().fill('同意车棚改造方案。');
      await worker.getByRole('button', { name: '提出动议' }).first().click();
      await expect.poll(() => worker.getByText('动议已提出。').count()).toBe(1);
      await worker.locator('input[name="for"]').first().fill('4');
      await worker.locator('input[name="against"]').first().fill('1');
      await worker.getByRole('button', { name: '记录表决' }).click();
      await expect
        .poll(() => worker.locator('.motion-result').first().textContent())
        .toContain('通过');

      // A second motion by named vote (no JavaScript needed: a disclosure and radio buttons):
      // three of the members present for, one against, one without a choice.
      await worker.locator('textarea[name="text"]').first().fill('同意车棚夜间照明方案。');
      await worker.getByRole('button', { name: '提出动议' }).first().click();
      await expect.poll(() => worker.getByText('改为记名表决').count()).toBe(1);
      await worker.getByText('改为记名表决').click();
      const named = worker.locator('form[data-named-vote]');
      const ballots = named.locator('fieldset');
      expect(await ballots.count()).toBe(5);
      for (const [i, choice] of ['for', 'for', 'for', 'against'].entries()) {
        await ballots.nth(i).locator(`input[value="${choice}"]`).check();
      }
      await named.getByRole('button', { name: '记录记名表决' }).click();
      await expect
        .poll(() => worker.locator('.motion-result').nth(1).textContent())
        .toContain('记名表决');
      expect(await worker.locator('ul[aria-label="记名表决"]').textContent()).toContain('反对：');

      const visitor = await (await phoneContext(browser)).newPage();
      await visitor.goto(`/meetings/${meetingId}`);
      expect(await visitor.locator('.motion-result').first().textContent()).toContain('通过');
      const namedResult = await visitor.locator('.motion-result').nth(1).textContent();
      expect(namedResult).toContain('记名表决');
      expect(namedResult).toContain('通过');
      expect(await visitor.locator('#quorum').textContent()).toContain('已达到法定人数');
    },
  );
});
