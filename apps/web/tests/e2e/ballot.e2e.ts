// Ballots (项目共决) in the seed's cycle in voting: a resident votes and changes her vote (during
// voting the bulletin shows how many have voted, unchanged by her change, and her receipt look-up
// says when it will answer); a relative votes for her through a 'vote' proxy; a ballot cast
// without JavaScript, refused first for too many projects; the summer cycle, whose vote has
// closed: every ballot of 书院社区 by receipt, the totals only of 虹桥社区 (one ballot) and why;
// axe-core's WCAG 2.1 A/AA rules on the vote, bulletin (all three kinds) and result pages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { looks, violationsAt, wearLook } from './axe.ts';
import { launchChromium } from './chromium.ts';
import { phoneContext, signInResident } from './helpers.ts';
import { people } from './micro-helpers.ts';

const cycleId = 'demo-cycle-voting';
const votePath = `/cycles/${cycleId}/vote`;
const bulletinPath = `/ballots/bulletin?cycleId=${cycleId}&communityId=shuyuan`;
const closedBulletin = (communityId: string) =>
  `/ballots/bulletin?cycleId=demo-cycle-notice&communityId=${communityId}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function castBallot(page: Page, projects: RegExp[], button: RegExp): Promise<string> {
  for (const name of projects) await page.getByRole('checkbox', { name }).check();
  await page.getByRole('button', { name: button }).click();
  const receipt = page.locator('[data-receipt]');
  await receipt.waitFor();
  return (await receipt.textContent())!.trim();
}

async function findReceipt(page: Page, receipt: string): Promise<string> {
  await page.goto(bulletinPath);
  await page.getByRole('textbox', { name: /回执码/ }).fill(receipt);
  await page.getByRole('button', { name: '查找' }).click();
  await page.waitForURL((url) => url.searchParams.get('receipt') === receipt);
  return (await page.getByRole('status').textContent()) ?? '';
}

/** The number of ballots the bulletin shows during voting. */
async function ballotsCast(page: Page): Promise<number> {
  await page.goto(bulletinPath);
  const live = await page.getByText(/^投票进行中/).textContent();
  return Number(/已有 (\d+) 张选票/.exec(live ?? '')![1]);
}

describe('ballots', () => {
  test('a resident votes, then changes her vote: during voting the bulletin shows neither ballot', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signInResident(page, people.guYueqin);
    await page.goto(votePath);
    expect(await page.getByText('选择最多 3 项').count()).toBe(1);
    await page.getByRole('checkbox', { name: /楼道休息折叠座椅/ }).check();
    await page.getByText('已选 1 项，最多 3 项').waitFor();
    const first = await castBallot(page, [/长者食堂周末开餐/], /^投出选票$/);
    expect(first).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(await page.getByRole('status').textContent()).toContain('回执码只显示这一次');

    expect(await page.getByRole('status').textContent()).toContain('选票公告板在投票结束后公布');
    await page.getByRole('link', { name: '选票公告板（投票结束后公布）' }).click();
    await page.waitForURL((url) => url.pathname === '/ballots/bulletin');
    const pending = await page.getByRole('status').textContent();
    expect(pending).toContain(`投票结束后，回执码 ${first} 的选票`);
    expect(pending).not.toMatch(/楼道休息折叠座椅|长者食堂周末开餐/);
    const cast = await ballotsCast(page);

    await page.goto(votePath);
    expect(await page.getByText(/您已于 .* 投票/).count()).toBe(1);
    const second = await castBallot(
      page,
      [/中心绿地步道太阳能灯/, /7至9幢雨水管网疏通改造/],
      /^修改选票$/,
    );
    expect(second).not.toBe(first);
    expect(await page.getByRole('status').textContent()).toContain('原来的选票已作废');

    // The change shows nowhere: the same number, no receipt listed, neither looked up.
    expect(await ballotsCast(page)).toBe(cast);
    expect(await page.locator('table').count()).toBe(0);
    for (const receipt of [first, second]) {
      const answer = await findReceipt(page, receipt);
      expect(answer).toContain('投票尚未结束');
      expect(answer).not.toMatch(/中心绿地步道太阳能灯|已计入|没有回执码/);
    }
    await context.close();
  });

  test('a relative votes for a resident who granted her a vote proxy', async () => {
    const grantorContext = await phoneContext(browser);
    const grantor = await grantorContext.newPage();
    await signInResident(grantor, people.shenJiayi);
    await grantor.goto('/me/proxies');
    const grant = grantor.getByRole('region', { name: '委托家人代办' });
    await grant.getByLabel('受托人的手机号').fill(people.guYueqin.phone);
    await grant.getByRole('radio', { name: '只代为投票' }).check();
    await grant.getByRole('button', { name: '确认委托' }).click();
    await grant.getByRole('status').filter({ hasText: '已委托' }).waitFor();

    const proxyContext = await phoneContext(browser);
    const proxy = await proxyContext.newPage();
    await signInResident(proxy, people.guYueqin);
    await proxy.goto(votePath);
    await proxy.getByRole('radio', { name: /沈佳怡（委托我代为投票）/ }).check();
    await proxy.getByRole('button', { name: '显示选票' }).click();
    await proxy.waitForURL((url) => url.searchParams.has('for'));
    // Not her own ballot: nothing says she has voted already.
    expect(await proxy.getByText(/您已于/).count()).toBe(0);
    await castBallot(proxy, [/东门快递点加装雨棚/], /^投出选票$/);
    expect(await proxy.getByRole('status').textContent()).toContain('东门快递点加装雨棚');
    await grantorContext.close();
    await proxyContext.close();
  });

  test('without JavaScript: too many projects are refused with the reason, then the ballot is cast', async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInResident(page, people.shenJiayi);
    await page.goto(votePath);
    for (const name of [/楼道休息/, /长者食堂/, /儿童阅读角/, /雨水管网/]) {
      await page.getByRole('checkbox', { name }).check();
    }
    // Her proxy cast one for her already: this changes it.
    await page.getByRole('button', { name: '修改选票' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('最多只能选 3 个项目');
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(4);
    expect(await page.getByText('已选 4 项，最多 3 项').count()).toBe(1);
    await page.getByRole('checkbox', { name: /雨水管网/ }).uncheck();
    await page.getByRole('button', { name: '修改选票' }).click();
    await page.locator('[data-receipt]').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('原来的选票已作废');
    await context.close();
  });

  test('once the vote has closed: every ballot by receipt, or the totals only and why', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(closedBulletin('shuyuan'));
    expect(await page.locator('#rows-heading').textContent()).toContain('共 4 张选票');
    expect(await page.locator('tbody tr').count()).toBe(4);
    expect(await page.getByRole('link', { name: '下载 pabulib .pb 文件' }).count()).toBe(1);

    await page.goto(closedBulletin('hongqiao'));
    expect(await page.getByText('虹桥社区只有 1 张选票，少于 4 张').count()).toBe(1);
    expect(await page.locator('#totals-heading').textContent()).toContain('各项目得票数');
    expect(await page.getByRole('row', { name: /虹桥老桥栏杆加固 1/ }).count()).toBe(1);
    // Neither receipts nor files for the public.
    expect(await page.getByRole('columnheader', { name: '回执码' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /下载/ }).count()).toBe(0);
    await page.goto('/cycles/demo-cycle-notice/results');
    expect(await page.getByText('本社区选票少于 4 张').count()).toBe(1);
    await context.close();
  });

  test.each(looks)('%s: the vote, bulletin and result pages pass axe-core', async (_, cookies) => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signInResident(page, people.guYueqin);
    await wearLook(context, cookies);
    const problems: string[] = [];
    for (const path of [
      votePath,
      bulletinPath,
      closedBulletin('shuyuan'),
      closedBulletin('hongqiao'),
      `/cycles/${cycleId}/results`,
    ]) {
      problems.push(...(await violationsAt(page, path)));
    }
    await context.close();
    expect(problems).toEqual([]);
  });
});
