// Screening (筛选共议) in 书院社区, with JavaScript: the worker sends a proposal to a site survey
// and screens another out under the excluded list, the consultant records the survey, and the
// round-table puts proposals into the project pool, which the public pool page then lists; the
// author is told in her inbox.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext, signIn, signInResident } from './helpers.ts';
import { demoCycles, people, photoFile } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const where = `community=shuyuan&cycle=${demoCycles.yushan}`;
/** Proposals of the seed in 书院社区 awaiting screening. */
const handrails = '书院新村3幢楼道加装扶手';
const bikeShed = '小区东门增设非机动车停车棚';
const riverLights = '书院河沿岸步道照明改造';

const card = (within: Page | Locator, title: string) =>
  within.getByRole('article', { name: title });

// One journey through many pages, with several people signing in.
describe('screening and the round-table', { timeout: manyPagesTimeout }, () => {
  test('survey, screening out, round-table into the pool, shown publicly', async () => {
    const worker = await phoneContext(browser);
    const page = await worker.newPage();
    await signIn(page, people.shuyuanWorker);
    await page.goto(`/work/screening?${where}`);

    await card(page, handrails).getByRole('button', { name: '安排现场踏勘' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已安排「${handrails}」现场踏勘` })
      .waitFor();
    const inSurvey = page.getByRole('region', { name: /现场踏勘中/ });
    await card(inSurvey, handrails).waitFor();

    const shed = card(page, bikeShed);
    await shed.getByText('认定不可行').click();
    await shed.getByLabel('属于负面清单中的哪一项').selectOption('N1');
    await shed.getByLabel('理由').fill('充电桩收费由物业经营，不属于公益项目。');
    await shed.getByRole('button', { name: '确认不可行' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已认定「${bikeShed}」不可行` })
      .waitFor();
    const decided = page.getByRole('region', { name: /已处理/ });
    expect(await card(decided, bikeShed).textContent()).toContain('负面清单 N1');

    // The consultant surveys the handrails.
    const consultant = await phoneContext(browser);
    const surveyPage = await consultant.newPage();
    await signIn(surveyPage, people.consultant);
    await surveyPage.goto('/survey');
    await card(surveyPage, handrails).getByRole('link', { name: '记录踏勘结果' }).click();
    await surveyPage.getByLabel('单位（可不填）').fill('琴湖市建筑设计院');
    await surveyPage.getByLabel('踏勘情况').fill('楼道宽1.1米，可沿墙安装不锈钢扶手，共6层。');
    await surveyPage.getByLabel('核定费用（元，可不填）').fill('10500');
    await surveyPage.getByRole('radio', { name: '可行', exact: true }).check();
    await surveyPage.locator('#survey-photos').setInputFiles(photoFile('楼道.png'));
    await surveyPage.getByRole('button', { name: '保存踏勘记录' }).click();
    await surveyPage.waitForURL('**/proposals/**');
    expect(await surveyPage.getByRole('status').textContent()).toContain('踏勘记录已保存');
    await surveyPage.getByText('踏勘核定费用').waitFor();
    await consultant.close();

    await page.reload();
    expect(await card(inSurvey, handrails).textContent()).toContain('楼道宽1.1米');

    // The round-table: two into the pool, one back to its author.
    await page.goto(`/work/roundtable?${where}`);
    const pick = async (title: string, decision: string, reason?: string) => {
      const group = page.getByRole('group', { name: title });
      await group.getByRole('radio', { name: decision }).check();
      if (reason) await group.getByLabel('理由或修改意见').fill(reason);
    };
    await page.getByLabel('第 1 位的姓名（可不填）').fill('张卫东');
    await pick(handrails, '纳入项目库');
    await pick(riverLights, '纳入项目库');
    // A rejection needs a reason: refused beside the proposal first.
    await pick('垃圾分类投放亭改造', '不通过');
    await page.getByRole('button', { name: '保存圆桌会记录' }).click();
    const kiosk = page.getByRole('group', { name: '垃圾分类投放亭改造' });
    await kiosk.getByText('请写明理由').waitFor();
    await pick('垃圾分类投放亭改造', '退回修改', '请说明投放亭的日常保洁由谁负责');
    await page.getByRole('button', { name: '保存圆桌会记录' }).click();
    await page.getByRole('status').filter({ hasText: '3 条建议的决定已生效' }).waitFor();
    const past = page.getByRole('region', { name: '已记录的圆桌会' });
    expect(await past.getByRole('article').first().textContent()).toContain('张卫东（主持人）');
    await worker.close();

    // The public pool of 书院社区.
    const visitor = await phoneContext(browser);
    const pool = await visitor.newPage();
    await pool.goto(`/cycles/${demoCycles.yushan}/proposals?community=shuyuan&view=pool`);
    const listed = await pool.getByRole('region', { name: '项目库' }).textContent();
    expect(listed).toContain(handrails);
    expect(listed).toContain(riverLights);
    expect(listed).toContain('10,500.00 元');
    await visitor.close();

    // The author of the handrails proposal hears of it.
    const author = await phoneContext(browser);
    const inbox = await author.newPage();
    await signInResident(inbox, people.guYueqin);
    await inbox.goto('/me/inbox');
    await inbox
      .getByRole('listitem')
      .filter({ hasText: `建议「${handrails}」经邻里圆桌会讨论纳入项目库` })
      .waitFor();
    await author.close();
  });
});
