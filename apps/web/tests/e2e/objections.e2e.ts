// Objections to the selection during its public notice (公示, 群众共督), in the seed's cycle in
// publicity: a resident objects to a selected project with a photo and to the count; the
// community worker dismisses the first with a reason and the street officer upholds the second
// (a recount, which leaves the tally as it was); the notice page shows both with their answers.
// In the seed's spring cycle, whose notice is over, the street officer confirms the selection.
// The officer's cycle page shows why the selection cannot be confirmed yet. axe-core's WCAG 2.1
// A/AA rules on the notice, objection, answer and confirmation pages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { looks, violationsAt, wearLook } from './axe.ts';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext, signIn, signInResident } from './helpers.ts';
import { people, photoFile } from './micro-helpers.ts';

const cycleId = 'demo-cycle-notice';
const noticePath = `/cycles/${cycleId}/notice`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function fileObjection(page: Page, target: string, text: string, photo = false) {
  await page.goto(noticePath);
  await page.getByRole('link', { name: '提出异议' }).click();
  await page.waitForURL((url) => url.pathname === `${noticePath}/object`);
  await page.getByLabel('异议针对').selectOption(target);
  await page.getByLabel('异议内容').fill(text);
  if (photo) await page.locator('#objection-photos').setInputFiles(photoFile('报价单.png'));
  await page.getByRole('button', { name: '提交异议' }).click();
  await page.waitForURL((url) => url.pathname === noticePath);
  expect(await page.getByRole('status').textContent()).toContain('您的异议已提交');
}

/** The objection item whose text is `text`. */
const objectionItem = (page: Page, text: string) =>
  page.locator('li[id^="objection-"]').filter({ hasText: text });

async function answer(page: Page, text: string, choice: RegExp, reason: string) {
  await page.goto(noticePath);
  await objectionItem(page, text).getByRole('link', { name: '答复这条异议' }).click();
  await page.waitForURL((url) => url.pathname.startsWith(`${noticePath}/`));
  await page.getByRole('radio', { name: choice }).check();
  await page.getByLabel('答复理由').fill(reason);
  await page.getByRole('button', { name: '提交答复' }).click();
  await page.waitForURL((url) => url.pathname === noticePath);
  expect(await page.getByRole('status').textContent()).toContain('已答复这条异议');
}

const projectText = '长者食堂夏季套餐的报价比同类服务高出一倍,请核实。';
const countText = '我的选票回执在公告板上查不到,请复核计票。';

describe('objections', () => {
  test(
    'a resident objects, the worker and the street officer answer, the notice shows both',
    { timeout: manyPagesTimeout },
    async () => {
      const residentContext = await phoneContext(browser);
      const resident = await residentContext.newPage();
      await signInResident(resident, people.guYueqin);
      await resident.goto(noticePath);
      expect(await resident.getByText(/公示期：.* 至 .*，共 5 天。/).count()).toBe(1);
      await fileObjection(resident, 'shuyuan/demo-n-canteen', projectText, true);
      await fileObjection(resident, 'shuyuan', countText);
      const mine = objectionItem(resident, projectText);
      expect(await mine.textContent()).toMatch(
        /待答复.*针对项目「长者食堂夏季消暑套餐」.*我提出的/,
      );
      expect(await mine.getByRole('img').count()).toBe(1);

      const workerContext = await phoneContext(browser);
      const worker = await workerContext.newPage();
      await signIn(worker, people.shuyuanWorker);
      await answer(worker, projectText, /异议不成立/, '报价已经第三方造价审核,与同类服务相当。');

      const officerContext = await phoneContext(browser);
      const officer = await officerContext.newPage();
      await signIn(officer, people.yushanOfficer);
      await answer(officer, countText, /异议成立/, '已按公告板重新计票,结果与公布一致。');

      // Anyone, signed in or not, reads both answers on the notice.
      const publicContext = await phoneContext(browser);
      const reader = await publicContext.newPage();
      await reader.goto(noticePath);
      expect(await objectionItem(reader, projectText).textContent()).toMatch(
        /异议不成立.*报价已经第三方造价审核/,
      );
      expect(await objectionItem(reader, countText).textContent()).toMatch(
        /异议成立.*已按公告板重新计票.*已按选票公告板重新计票/,
      );
      expect(await reader.getByText('尚未答复的异议：0 条。').count()).toBe(1);
      expect(await reader.getByRole('link', { name: '答复这条异议' }).count()).toBe(0);
      for (const context of [residentContext, workerContext, officerContext, publicContext]) {
        await context.close();
      }
    },
  );

  test('the street officer confirms a selection whose notice is over, its objection answered', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, people.yushanOfficer);
    await page.goto('/admin/cycles/demo-cycle-confirm');
    expect(await page.getByText('公示期已满，异议均已答复').count()).toBe(1);
    await page.getByRole('button', { name: '确认入选项目（进入「实施」阶段）' }).click();
    await page.getByRole('status').filter({ hasText: '已进入「实施」阶段' }).waitFor();
    await page.goto('/cycles/demo-cycle-confirm/notice');
    expect(await page.getByText('公示期已结束，入选项目已确认。').count()).toBe(1);
    expect(await page.getByText(/异议不成立/).count()).toBe(1);
    await context.close();
  });

  test.each(looks)('%s: the notice and objection pages pass axe-core', async (_, cookies) => {
    const context = await phoneContext(browser);
    await wearLook(context, cookies);
    const page = await context.newPage();
    const problems = await violationsAt(page, noticePath);
    await signInResident(page, people.guYueqin);
    problems.push(...(await violationsAt(page, `${noticePath}/object`)));
    await context.close();
    expect(problems).toEqual([]);
  });

  test(
    'the answer and confirmation pages pass axe-core',
    { timeout: manyPagesTimeout },
    async () => {
      const problems: string[] = [];
      // An objection of the resident's, unanswered, for the worker's answer page.
      const residentContext = await phoneContext(browser);
      const resident = await residentContext.newPage();
      await signInResident(resident, people.guYueqin);
      const text = '东门快递点的雨棚项目不在本周期,请核实公示内容。';
      await fileObjection(resident, 'shuyuan', text);
      await residentContext.close();
      const workerContext = await phoneContext(browser);
      const worker = await workerContext.newPage();
      await signIn(worker, people.shuyuanWorker);
      await worker.goto(noticePath);
      await objectionItem(worker, text).getByRole('link', { name: '答复这条异议' }).click();
      await worker.waitForURL((url) => url.pathname.startsWith(`${noticePath}/`));
      problems.push(...(await violationsAt(worker, new URL(worker.url()).pathname)));
      await workerContext.close();
      // The officer's confirmation: the tallies, and what holds it back.
      const officerContext = await phoneContext(browser);
      const officer = await officerContext.newPage();
      await signIn(officer, people.yushanOfficer);
      problems.push(...(await violationsAt(officer, `/admin/cycles/${cycleId}`)));
      expect(await officer.getByText(/还有 1 条异议尚未答复/).count()).toBe(1);
      expect(await officer.getByText(/公示期到 .* 才结束/).count()).toBe(1);
      await officerContext.close();
      expect(problems).toEqual([]);
    },
  );
});
