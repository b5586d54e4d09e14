// What waits for staff, and closing a cycle that waits for it. The inbox (待办): a second worker
// of 书院社区 finds the seed's erasure awaiting a second person, the feedback owed in the summer
// cycle, and the tie and the objection residents brought through the pages; each item's link
// leads to where it is done, and once done it is gone and the nav's count drops. 琴枫社区's
// worker sees none of it; a resident is sent to their own messages. The street officer cannot
// close the seed's cycle in evaluation while an author not selected waits for feedback: the page
// names the proposal instead of offering the close; a worker gives the feedback from the inbox
// without JavaScript, and the officer closes it. The officer drafts a cycle with its minimum
// support and bulletin minimum, which its public page shows. axe-core's rules on the inbox.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { looks, violationsAt, wearLook } from './axe.ts';
import { launchChromium } from './chromium.ts';
import {
  manyPagesTimeout,
  phoneContext,
  registerResident,
  signIn,
  signInResident,
} from './helpers.ts';
import { people } from './micro-helpers.ts';

const shuyuanWorker2 = { loginName: 'shuyuan2', password: 'qinhu-shuyuan2-2025' };
/** A resident new to 书院社区: her tie waits for a worker to verify it. */
const newcomer = {
  name: '褚秀英',
  phone: '13500000031',
  password: 'chu-xiuying-1968',
  birthYear: '1968',
  streetId: 'yushan',
  communityId: 'shuyuan',
  kind: 'lives' as const,
};
const noticePath = '/cycles/demo-cycle-notice/notice';
const objectionText = '长者食堂套餐的送餐范围没有写清楚,请在公示中说明。';
/** The seed's cycle in evaluation, and its proposal whose author waits for feedback. */
const evaluating = { cycleId: 'demo-cycle-evaluating', owed: '电动自行车充电车棚' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function staffPage(account: { loginName: string; password: string }, javaScript = true) {
  const context = await phoneContext(browser, { javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

/** The inbox's items. */
const items = (page: Page) => page.locator('main ul > li');
const item = (page: Page, text: string | RegExp) => items(page).filter({ hasText: text });

/**
 * Opens the inbox from the nav and returns how many items wait, after checking that the nav's
 * count, the page's count and the list agree.
 */
async function openInbox(page: Page): Promise<number> {
  await page.goto('/work');
  await page.getByRole('navigation').getByRole('link', { name: /^待办/ }).click();
  await page.waitForURL((url) => url.pathname === '/inbox');
  await page.getByRole('heading', { name: '待办事项', level: 1 }).waitFor();
  const count = await items(page).count();
  const nav = page.getByRole('navigation').getByRole('link', { name: /^待办/ });
  expect(await nav.textContent()).toBe(count === 0 ? '待办' : `待办（${count}）`);
  if (count > 0) expect(await page.getByText(`共 ${count} 项等待处理`).count()).toBe(1);
  return count;
}

describe('the staff inbox', () => {
  test(
    'a second worker finds each kind of work, follows its link, acts, and sees it gone',
    { timeout: manyPagesTimeout },
    async () => {
      // Residents bring work through the pages: a newcomer's tie, and an objection.
      const newcomerContext = await phoneContext(browser);
      await registerResident(await newcomerContext.newPage(), newcomer);
      await newcomerContext.close();
      const residentContext = await phoneContext(browser);
      const resident = await residentContext.newPage();
      await signInResident(resident, people.guYueqin);
      await resident.goto(noticePath);
      await resident.getByRole('link', { name: '提出异议' }).click();
      await resident.getByLabel('异议针对').selectOption('shuyuan/demo-n-canteen');
      await resident.getByLabel('异议内容').fill(objectionText);
      await resident.getByRole('button', { name: '提交异议' }).click();
      await resident.waitForURL((url) => url.pathname === noticePath);
      await residentContext.close();

      const page = await staffPage(shuyuanWorker2);
      let waiting = await openInbox(page);
      expect(waiting).toBeGreaterThanOrEqual(5);
      // Newest first: the objection was filed last.
      expect(await items(page).first().textContent()).toContain('的公示收到一条异议，等待答复');
      expect(await items(page).allTextContents()).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /书院社区：一份注销居民信息的书面申请（.+ 提出）等待第二人确认。[\s\S]*去确认/,
          ),
          expect.stringMatching(/书院社区：一项社区联系（居住）等待核实。[\s\S]*去核实/),
          expect.stringMatching(/书院社区：建议「中心绿地休闲凉亭」未入选，提议人在等待意见反馈。/),
          expect.stringMatching(/书院社区：建议「电动自行车充电车棚」未入选/),
        ]),
      );
      // Nobody is named: not the resident to be erased, nor the one who objected.
      const listed = (await items(page).allTextContents()).join();
      for (const name of ['陆根生', '顾月琴', newcomer.name]) expect(listed).not.toContain(name);

      // The erasure: confirmed on the erasure page, it waits for nobody.
      await item(page, '注销居民信息的书面申请').getByRole('link', { name: '去确认' }).click();
      await page.waitForURL((url) => url.pathname === '/work/erasures');
      expect(new URL(page.url()).searchParams.get('community')).toBe('shuyuan');
      const erasure = page.getByRole('article', { name: /陆根生/ });
      await erasure.getByRole('button', { name: '确认注销' }).click();
      await erasure.getByRole('status').filter({ hasText: '已确认，执行前仍可停止' }).waitFor();
      expect(await openInbox(page)).toBe(--waiting);
      expect(await item(page, '注销居民信息').count()).toBe(0);

      // The tie: verified on the verification page.
      await item(page, '一项社区联系').getByRole('link', { name: '去核实' }).click();
      await page.waitForURL((url) => url.pathname === '/work/verification');
      const tie = page.getByRole('article', { name: newcomer.name });
      await tie.getByLabel('核实说明').fill('已查看户口簿');
      await tie.getByRole('button', { name: `核实通过：${newcomer.name}` }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `已核实：${newcomer.name}` })
        .waitFor();
      expect(await openInbox(page)).toBe(--waiting);
      expect(await item(page, '一项社区联系').count()).toBe(0);

      // The objection: answered on its answer page.
      await item(page, '收到一条异议').getByRole('link', { name: '去答复' }).click();
      await page.waitForURL((url) => url.pathname.startsWith(`${noticePath}/`));
      expect(await page.getByText(objectionText).count()).toBe(1);
      await page.getByRole('radio', { name: /异议不成立/ }).check();
      await page.getByLabel('答复理由').fill('送餐范围已写在项目说明中:书院新村及周边独居老人。');
      await page.getByRole('button', { name: '提交答复' }).click();
      await page.waitForURL((url) => url.pathname === noticePath);
      expect(await openInbox(page)).toBe(--waiting);
      expect(await item(page, '收到一条异议').count()).toBe(0);

      // The feedback: its link opens the form for the pavilion's author.
      await item(page, '中心绿地休闲凉亭').getByRole('link', { name: '去反馈' }).click();
      await page.waitForURL('**/work/feedback/demo-n-pavilion?community=shuyuan');
      await page.getByRole('heading', { name: '中心绿地休闲凉亭', level: 1 }).waitFor();
      await page.getByRole('button', { name: '发送给提议人' }).waitFor();
      await page.context().close();
    },
  );

  test('琴枫社区’s worker sees none of 书院社区’s work; a resident is sent to her messages', async () => {
    const qinfeng = await staffPage(people.qinfengWorker);
    await openInbox(qinfeng);
    expect((await items(qinfeng).allTextContents()).join()).not.toContain('书院社区');
    await qinfeng.context().close();

    const context = await phoneContext(browser);
    const resident = await context.newPage();
    await signInResident(resident, people.guYueqin);
    expect(await resident.getByRole('link', { name: /^待办/ }).count()).toBe(0);
    expect((await resident.goto('/inbox'))?.status()).toBe(403);
    await resident.getByText('待办事项只供工作人员使用').waitFor();
    await resident.getByRole('link', { name: '去我的消息' }).click();
    await resident.waitForURL((url) => url.pathname === '/me/inbox');
    await context.close();
  });

  test.each(looks)('%s: the inbox passes axe-core', async (_, cookies) => {
    const context = await phoneContext(browser);
    await wearLook(context, cookies);
    const page = await context.newPage();
    await signIn(page, shuyuanWorker2);
    const problems = await violationsAt(page, '/inbox');
    await context.close();
    expect(problems).toEqual([]);
  });
});

describe('closing a cycle, and the rules of a new one', () => {
  test(
    'the officer sees who waits for feedback instead of the close; a worker gives it without JavaScript; the cycle closes',
    { timeout: manyPagesTimeout },
    async () => {
      const officer = await staffPage(people.yushanOfficer);
      await officer.goto('/admin/cycles');
      await officer.getByRole('link', { name: /年度第一批民生微实事$/ }).click();
      await officer.waitForURL(`**/admin/cycles/${evaluating.cycleId}`);
      const owed = officer.getByRole('region', { name: '尚不能结束项目周期' });
      expect(await owed.textContent()).toMatch(
        new RegExp(
          `1 项未入选建议的提议人还在等待意见反馈[\\s\\S]*「${evaluating.owed}」 · 书院社区`,
        ),
      );
      expect(await officer.getByRole('button', { name: '进入「结束」阶段' }).count()).toBe(0);

      // Without JavaScript, a worker of 书院社区 follows the inbox to the form and gives it.
      const worker = await staffPage(people.shuyuanWorker, false);
      const before = await openInbox(worker);
      await item(worker, evaluating.owed).getByRole('link', { name: '去反馈' }).click();
      await worker.getByRole('heading', { name: evaluating.owed, level: 1 }).waitFor();
      await worker
        .getByRole('textbox', { name: /^未入选原因/ })
        .fill('得票少于入选的楼梯扶手项目,预算已用完。');
      await worker
        .getByRole('textbox', { name: /^改进建议/ })
        .fill('可与物业商量利用北门车棚改造,费用会低很多,下一期再提。');
      await worker.getByRole('button', { name: '发送给提议人' }).click();
      await worker.getByRole('status').filter({ hasText: '反馈已发送给提议人' }).waitFor();
      expect(await openInbox(worker)).toBe(before - 1);
      expect(await item(worker, evaluating.owed).count()).toBe(0);
      await worker.context().close();

      // Closing is offered now; ahead of its day, with a reason.
      await officer.reload();
      expect(await officer.getByRole('region', { name: '尚不能结束项目周期' }).count()).toBe(0);
      const close = officer.getByRole('form', { name: /下一阶段：结束/ });
      await close.getByLabel('理由').fill('评价已完成,提前结束本周期。');
      await close.getByRole('button', { name: '进入「结束」阶段' }).click();
      await officer.getByRole('status').filter({ hasText: '已进入「结束」阶段' }).waitFor();
      // Nothing about a closed cycle changes: neither amendment is offered.
      await officer.getByText('这个项目周期已经结束，预算和日程不能再调整。').waitFor();
      expect(await officer.getByRole('region', { name: '调整预算' }).count()).toBe(0);
      expect(await officer.getByRole('region', { name: '调整日程' }).count()).toBe(0);
      await officer.context().close();
    },
  );

  test('the minimum support and the bulletin minimum set on a draft show on the public page', async () => {
    const page = await staffPage(people.yushanOfficer);
    await page.goto('/admin/cycles');
    await page.getByRole('link', { name: '为虞山街道起草新的项目周期' }).click();
    const title = '虞山街道2027年度“口袋公园”专项微实事';
    await page.getByRole('textbox', { name: /^名称/ }).fill(title);
    await page.getByRole('radio', { name: '按选票的百分比' }).check();
    await page.getByRole('textbox', { name: /^最低支持/ }).fill('20');
    await page.getByRole('textbox', { name: /^逐张公布选票所需的最少选票数/ }).fill('6');
    for (const [index, phase] of [
      '建议征集',
      '筛选共议',
      '投票',
      '公示',
      '实施',
      '评价',
      '结束',
    ].entries()) {
      await page.getByLabel(`「${phase}」开始日期`).fill(`2027-0${index + 1}-01`);
    }
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/admin\/cycles\/[0-9a-f-]{36}$/);
    // The saved draft holds them.
    expect(await page.getByRole('radio', { name: '按选票的百分比' }).isChecked()).toBe(true);
    expect(await page.getByRole('textbox', { name: /^最低支持/ }).inputValue()).toBe('20');
    expect(
      await page.getByRole('textbox', { name: /^逐张公布选票所需的最少选票数/ }).inputValue(),
    ).toBe('6');
    await page.getByRole('button', { name: '发布项目周期' }).click();
    await page.getByRole('status').filter({ hasText: '已发布' }).waitFor();
    await page.getByRole('link', { name: '查看公开页面' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const rules = await page.getByRole('region', { name: '规则' }).textContent();
    expect(rules).toContain('至少得到本社区 20% 选票的支持，且至少 1 票');
    expect(rules).toContain('社区选票达到 6 张时逐张公布；少于 6 张只公布各项目得票数');
    await page.context().close();
  });
});
