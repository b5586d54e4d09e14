// Paper ballots (纸质选票) in the seed's cycle in voting: one worker opens a batch and enters it,
// a second enters it again with one sheet read differently, a third (without JavaScript) sees
// that mismatch, takes the right reading, and the batch counts: the public bulletin counts two more
// ballots, and the receipt look-up tells the voter of the sheet whose printed receipt code the
// workers typed that her ballot is listed when voting closes (the API test looks it up then).
// axe-core's WCAG 2.1 A/AA rules on the batch, entry and resolution pages on the way.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './axe.ts';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext, signIn } from './helpers.ts';
import { people } from './micro-helpers.ts';

const bulletinPath = '/ballots/bulletin?cycleId=demo-cycle-voting&communityId=shuyuan';
const workers = {
  first: people.shuyuanWorker,
  second: { loginName: 'shuyuan2', password: 'qinhu-shuyuan2-2025' },
  third: { loginName: 'shuyuan3', password: 'qinhu-shuyuan3-2025' },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function bulletinCount(page: Page): Promise<number> {
  await page.goto(bulletinPath);
  // During voting the bulletin is the number of ballots cast, nothing more.
  const live = await page.getByText(/^投票进行中/).textContent();
  return Number(/已有 (\d+) 张选票/.exec(live ?? '')![1]);
}

const receipt = 'E2EP-4PR5-0000-0001';

/** Fills one sheet of the entry form: serial, receipt, voter (phone or name), the projects marked. */
async function fillSheet(
  page: Page,
  row: number,
  serial: string,
  voter: string,
  projects: RegExp[],
  printed = '',
) {
  const sheet = page.getByRole('group', { name: `第 ${row + 1} 张`, exact: true });
  await sheet.getByLabel('选票编号').fill(serial);
  await sheet.getByLabel('回执码（选填）').fill(printed);
  await sheet.getByLabel('选民（手机号或姓名）').fill(voter);
  for (const name of projects) await sheet.getByRole('checkbox', { name }).check();
}

// One journey through many pages, with several people signing in.
describe('paper ballots', { timeout: manyPagesTimeout }, () => {
  test('two workers enter a batch with one difference; a third resolves it, it counts, and a voter learns when to look hers up', async () => {
    const problems: string[] = [];
    const firstContext = await phoneContext(browser);
    const first = await firstContext.newPage();
    const before = await bulletinCount(first);

    await signIn(first, workers.first);
    await first.goto('/work/paper-ballots?community=shuyuan');
    await first.getByRole('link', { name: '纸质选票', exact: true }).waitFor();
    problems.push(...(await axeViolations(first)));
    await first.getByLabel('批次名称').fill('E2E 第 1 号票箱');
    await first.getByRole('button', { name: '新建批次' }).click();
    await first.getByRole('heading', { name: 'E2E 第 1 号票箱' }).waitFor();
    expect(await first.getByText('状态：待第一次录入').count()).toBe(1);
    const batchUrl = first.url();

    await first.getByRole('link', { name: '录入本批次' }).click();
    await first.getByRole('heading', { name: '录入「E2E 第 1 号票箱」' }).waitFor();
    problems.push(...(await axeViolations(first)));
    const chosen = [/楼道休息折叠座椅/, /长者食堂周末开餐/];
    // A receipt code mistyped (too short) is refused beside its field; the worker corrects it.
    await fillSheet(first, 0, 'E2E-001', '13900001011', chosen, 'E2EP-4PR5');
    await fillSheet(first, 1, 'E2E-002', '陶永福', [/长者食堂周末开餐/]);
    await first.getByRole('button', { name: '提交录入' }).click();
    await first.getByText(/回执码应为 16 位字母或数字/).waitFor();
    await first
      .getByRole('group', { name: '第 1 张', exact: true })
      .getByLabel('回执码（选填）')
      .fill(receipt.toLowerCase());
    await first.getByRole('button', { name: '提交录入' }).click();
    await first.getByText('您的录入已保存。').waitFor();
    expect(await first.getByText('第 1 次录入：2 张').count()).toBe(1);
    expect(await first.getByRole('link', { name: '录入本批次' }).count()).toBe(0);

    const secondContext = await phoneContext(browser);
    const second = await secondContext.newPage();
    await signIn(second, workers.second);
    await second.goto(batchUrl);
    await second.getByRole('link', { name: '录入本批次' }).click();
    await fillSheet(
      second,
      0,
      'E2E-001',
      '周阿娣',
      [/长者食堂周末开餐/, /楼道休息折叠座椅/],
      receipt,
    );
    await fillSheet(second, 1, 'e2e-002', '13900001012', [/中心绿地步道太阳能灯/]);
    await second.getByRole('button', { name: '提交录入' }).click();
    await second.getByText('您的录入已保存。').waitFor();
    expect(await second.getByText('状态：有不一致待核定').count()).toBe(1);
    expect(await second.getByText(/您录入过本批次，须由第三名工作人员核定/).count()).toBe(1);

    // axe runs in the page: the third worker's pages are scanned with JavaScript first.
    const scanContext = await phoneContext(browser);
    const scanning = await scanContext.newPage();
    await signIn(scanning, workers.third);
    await scanning.goto(batchUrl);
    problems.push(...(await axeViolations(scanning)));
    await scanning.getByRole('link', { name: /核定不一致/ }).click();
    await scanning.getByRole('button', { name: '核定并计入' }).waitFor();
    problems.push(...(await axeViolations(scanning)));
    await scanContext.close();

    // The third worker, on a phone without JavaScript: plain form posts.
    const thirdContext = await phoneContext(browser, { javaScriptEnabled: false });
    const third = await thirdContext.newPage();
    await signIn(third, workers.third);
    await third.goto(batchUrl);
    await third.getByRole('link', { name: /核定不一致/ }).click();
    const sheet = third.getByRole('group', { name: /编号 E2E-002/ });
    await sheet.waitFor();
    expect(await sheet.getByText('两次录入勾选的项目不同', { exact: false }).count()).toBe(1);
    expect(await sheet.getByText('（未录入回执码）').count()).toBe(2);
    expect(await third.getByRole('group', { name: /编号 E2E-001/ }).count()).toBe(0);

    // Submitting without a decision is refused, and says so beside the sheet.
    await third.getByRole('button', { name: '核定并计入' }).click();
    await third.getByText('请为这张选票作出选择。').waitFor();
    await third
      .getByRole('group', { name: /编号 E2E-002/ })
      .getByRole('radio', { name: '采用第二次录入' })
      .check();
    await third.getByRole('button', { name: '核定并计入' }).click();
    await third.getByText('已核定，本批次已计入。').waitFor();
    expect(await third.getByText('本批次已计入 2 张选票。').count()).toBe(1);
    expect(await third.getByText('状态：已计入').count()).toBe(1);

    expect(await bulletinCount(third)).toBe(before + 2);
    // 周阿娣 types the receipt code on her stub: during voting no ballot is listed or looked up.
    expect(await third.getByRole('cell', { name: receipt, exact: true }).count()).toBe(0);
    await third.getByRole('textbox', { name: /回执码/ }).fill(receipt);
    await third.getByRole('button', { name: '查找' }).click();
    await third.waitForURL((url) => url.searchParams.get('receipt') === receipt);
    const found = (await third.getByRole('status').textContent()) ?? '';
    expect(found).toContain(`投票结束后，回执码 ${receipt} 的选票`);
    expect(found).not.toMatch(/楼道休息折叠座椅|长者食堂周末开餐/);
    await third.goto('/work/paper-ballots?community=shuyuan');
    const row = third.getByRole('listitem').filter({ hasText: 'E2E 第 1 号票箱' });
    expect(await row.getByText('已计入').count()).toBe(1);

    expect(problems).toEqual([]);
    await Promise.all([firstContext.close(), secondContext.close(), thirdContext.close()]);
  });
});
