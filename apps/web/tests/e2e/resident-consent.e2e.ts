// A worker acts on a resident of another community only with that resident's consent, and on no
// resident alone (issue 10). At the counter of 琴枫社区, its worker declares that 钱福根 of 书院社区
// works there, with the code sent to his phone, and cannot verify that tie himself; a tie declared
// without a code waits for the resident, who confirms one and declines another on her profile.
// A worker of 书院社区 requests the erasure of a resident on a written request: the resident stops
// one; the requester cannot confirm another, which a second worker confirms (it is due in 24 hours;
// the journey ends there). Each form is also used once without JavaScript.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { looks, violationsAt, wearLook } from './axe.ts';
import { launchChromium } from './chromium.ts';
import {
  codeSentTo,
  demo,
  manyPagesTimeout,
  phoneContext,
  serverLogMark,
  signIn,
  signInResident,
} from './helpers.ts';

/** Demo people of the seed (apps/api/src/seed/): the residents with a password sign in. */
const qinfengWorker = { loginName: 'qinfeng', password: 'qinhu-qinfeng-2025' };
const qinchuanOfficer = { loginName: 'qinchuan', password: 'qinhu-qinchuan-2025' };
const shuyuanWorker2 = { loginName: 'shuyuan2', password: 'qinhu-shuyuan2-2025' };
/** Lives in 书院社区; registered by a worker, without a password. */
const qianFugen = { name: '钱福根', phone: '13900001004' };
/** Lives in 书院社区 and works in 琴枫社区. */
const guYueqin = { name: '顾月琴', phone: '13900001001', password: 'qinhu-resident-2025' };
/** Lives in 书院社区; the seed has 琴枫社区's worker declare a tie for her to confirm. */
const shenJiayi = { name: '沈佳怡', phone: '13900001002', password: 'qinhu-zhangli-2025' };
/** Lives in 虹桥社区 (虞山街道). */
const jiangXiaohong = { name: '蒋晓红', phone: '13900001005', password: 'qinhu-chenxh-2025' };

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A page in a context of its own, signed in by `signedIn`; closed at the end of the test. */
async function pageOf(
  signedIn: (page: Page) => Promise<void>,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  const context = await phoneContext(browser, options);
  contexts.push(context);
  const page = await context.newPage();
  await signedIn(page);
  return page;
}

async function closeContexts() {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
}

const noScript = { javaScriptEnabled: false };

/** The counter's form on the residents page, as a worker opens it from the navigation. */
async function openCounter(page: Page) {
  await page.getByRole('link', { name: '查找和登记居民' }).first().click();
  await page.waitForURL((url) => url.pathname === '/work/residents');
  return page.getByRole('region', { name: '为已注册居民代为申报社区联系' });
}

/** Looks a resident up on the residents page; the article found, if any. */
async function search(page: Page, query: string) {
  await page.getByLabel(/姓名、手机号后四位/).fill(query);
  await page.getByRole('button', { name: '查找', exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /找到|没有找到/ })
    .waitFor();
}

describe('consent to a tie and a worker’s erasure', () => {
  test(
    'at the counter a tie is declared with the code the resident reads out, and verified by someone else',
    async () => {
      const worker = await pageOf((page) => signIn(page, qinfengWorker));
      const counter = await openCounter(worker);
      await counter.getByLabel('手机号').fill('139 0000 1004');
      await counter.getByLabel('居民在本社区').selectOption('works');
      const mark = serverLogMark();
      await counter.getByRole('button', { name: '向居民手机发送验证码' }).click();
      await counter
        .getByRole('status')
        .filter({ hasText: '如这个号码已注册，验证码已发到该手机' })
        .waitFor();
      const code = await codeSentTo(qianFugen.phone, mark);

      // The number and the kind are still there; a code the resident did not read out is refused.
      const typed = async () => [
        await counter.getByLabel('手机号').inputValue(),
        await counter.getByLabel('居民在本社区').inputValue(),
      ];
      expect(await typed()).toEqual(['139 0000 1004', 'works']);
      await counter.getByLabel('居民念出的验证码').fill(code === '000000' ? '111111' : '000000');
      await counter.getByRole('button', { name: '代为申报', exact: true }).click();
      expect(await counter.getByRole('alert').textContent()).toContain('验证码不正确');
      expect(await typed()).toEqual(['139 0000 1004', 'works']);
      await counter.getByLabel('居民念出的验证码').fill(code);
      await counter.getByRole('button', { name: '代为申报', exact: true }).click();
      await counter.getByRole('status').filter({ hasText: '已凭居民同意代为申报' }).waitFor();

      // The worker finds him now, through that tie, but may not request his erasure on it.
      await search(worker, '钱福根');
      const found = worker.getByRole('article', { name: qianFugen.name });
      expect(await found.textContent()).toMatch(/139\*\*\*\*1004[\s\S]*工作\s*待核实/);
      expect(await found.textContent()).toContain('尚未核实，不能由本社区申请注销');
      expect(await found.getByText('依书面申请申请注销…').count()).toBe(0);

      // Nor verify it: the verification page says who does.
      await worker.getByRole('link', { name: '核实申报' }).click();
      await worker.waitForURL((url) => url.pathname === '/work/verification');
      const declared = worker.getByRole('article', { name: qianFugen.name });
      expect(await declared.textContent()).toContain(
        '这项联系是您代居民申报的，须由本社区另一位社区工作者或街道工作人员核实',
      );
      expect(await declared.getByRole('button', { name: /核实通过/ }).count()).toBe(0);

      // The street officer of 琴川街道 verifies it.
      const officer = await pageOf((page) => signIn(page, qinchuanOfficer));
      await officer.goto('/work/verification?community=qinfeng');
      const toVerify = officer.getByRole('article', { name: qianFugen.name });
      await toVerify.getByLabel('核实说明').fill('已查看工作证明');
      await toVerify.getByRole('button', { name: `核实通过：${qianFugen.name}` }).click();
      await officer
        .getByRole('status')
        .filter({ hasText: `已核实：${qianFugen.name}` })
        .waitFor();
      await closeContexts();
    },
    manyPagesTimeout,
  );

  test(
    'a tie declared without a code awaits the resident, who confirms one and declines another',
    async () => {
      const qinfeng = await pageOf((page) => signIn(page, qinfengWorker));
      const counter = await openCounter(qinfeng);
      await counter.getByLabel('手机号').fill(jiangXiaohong.phone);
      await counter.getByLabel('居民在本社区').selectOption('works');
      await counter.getByRole('button', { name: '代为申报', exact: true }).click();
      const awaiting = counter
        .getByRole('status')
        .filter({ hasText: '居民会在个人页面上收到确认请求' });
      const answer = await awaiting.textContent();
      // Without her code the worker learns nothing of whom the number names.
      expect(await counter.textContent()).not.toContain(jiangXiaohong.name);
      await search(qinfeng, jiangXiaohong.name);
      expect(await qinfeng.getByRole('article', { name: jiangXiaohong.name }).count()).toBe(0);
      // Nor whether a number is registered: one nobody registered gets the same answer.
      expect(await awaiting.count()).toBe(0);
      await counter.getByLabel('手机号').fill('139 0000 9999');
      await counter.getByLabel('居民在本社区').selectOption('works');
      await counter.getByRole('button', { name: '代为申报', exact: true }).click();
      await awaiting.waitFor();
      expect(await awaiting.textContent()).toBe(answer);

      // Without JavaScript, a worker of 书院社区 declares that she studies there.
      const shuyuan = await pageOf((page) => signIn(page, demo.shuyuanWorker), noScript);
      const noScriptCounter = await openCounter(shuyuan);
      await noScriptCounter.getByLabel('手机号').fill(jiangXiaohong.phone);
      await noScriptCounter.getByLabel('居民在本社区').selectOption('studies');
      await noScriptCounter.getByRole('button', { name: '代为申报', exact: true }).click();
      await shuyuan
        .getByRole('region', { name: '为已注册居民代为申报社区联系' })
        .getByRole('status')
        .filter({ hasText: '居民会在个人页面上收到确认请求' })
        .waitFor();

      const resident = await pageOf((page) => signInResident(page, jiangXiaohong));
      const ties = resident.getByRole('region', { name: '我与社区的联系' });
      const qinfengTie = ties.getByRole('listitem').filter({ hasText: '琴枫社区' });
      const shuyuanTie = ties.getByRole('listitem').filter({ hasText: '书院社区' });
      expect(await qinfengTie.textContent()).toMatch(/工作\s*待本人确认[\s\S]*代为申报/);
      expect(await shuyuanTie.textContent()).toMatch(/学习\s*待本人确认/);
      await qinfengTie.getByRole('button', { name: '确认：琴枫社区 工作' }).click();
      await qinfengTie.getByRole('status').filter({ hasText: '已确认' }).waitFor();
      expect(await qinfengTie.textContent()).toMatch(/工作\s*待核实/);

      // She declines the other without JavaScript.
      const noScriptResident = await pageOf(
        (page) => signInResident(page, jiangXiaohong),
        noScript,
      );
      const other = noScriptResident
        .getByRole('region', { name: '我与社区的联系' })
        .getByRole('listitem')
        .filter({ hasText: '书院社区' });
      await other.getByRole('button', { name: '拒绝：书院社区 学习' }).click();
      await other.getByRole('status').filter({ hasText: '已拒绝，这项联系不会生效' }).waitFor();
      expect(await other.textContent()).toMatch(/学习\s*已拒绝/);
      expect(await other.getByRole('button').count()).toBe(0);

      // The confirmed tie now waits for a worker of 琴枫社区 other than the one who declared it.
      await qinfeng.goto('/work/verification');
      expect(
        await qinfeng.getByRole('article', { name: jiangXiaohong.name }).textContent(),
      ).toContain('这项联系是您代居民申报的');
      await closeContexts();
    },
    manyPagesTimeout,
  );

  test(
    'a worker requests an erasure on a written request: the resident stops one, a second worker confirms another',
    async () => {
      const requester = await pageOf((page) => signIn(page, demo.shuyuanWorker));
      await openCounter(requester);
      await search(requester, guYueqin.name);
      const gu = requester.getByRole('article', { name: guYueqin.name });
      await gu.getByText('依书面申请申请注销…').click();
      await gu.getByRole('button', { name: '提交注销申请' }).click();
      expect(await gu.getByRole('alert').textContent()).toContain('请填写此项');
      await gu.getByLabel('书面申请编号').fill('书院〔2025〕21 号');
      await gu.getByRole('button', { name: '提交注销申请' }).click();
      await gu.getByRole('status').filter({ hasText: '已提交注销申请，等待第二人确认' }).waitFor();

      // The resident sees it on her profile and stops it, without JavaScript.
      const resident = await pageOf((page) => signInResident(page, guYueqin), noScript);
      const notice = resident.getByRole('region', { name: '有人申请注销您的个人信息' });
      expect(await notice.textContent()).toMatch(
        /书院社区的社区工作者依书面申请（编号 书院〔2025〕21 号）[\s\S]*等待第二人确认/,
      );
      await notice.getByLabel('停止的理由').fill('我没有提出过注销申请');
      await notice.getByRole('button', { name: '停止注销' }).click();
      await resident
        .getByRole('status')
        .filter({ hasText: '已停止注销，您的信息保持不变' })
        .waitFor();
      expect(await notice.count()).toBe(0);

      // A second request, without JavaScript.
      const noScriptRequester = await pageOf((page) => signIn(page, demo.shuyuanWorker), noScript);
      await openCounter(noScriptRequester);
      await search(noScriptRequester, shenJiayi.name);
      const shen = noScriptRequester.getByRole('article', { name: shenJiayi.name });
      await shen.getByText('依书面申请申请注销…').click();
      await shen.getByLabel('书面申请编号').fill('书院〔2025〕22 号');
      await shen.getByRole('button', { name: '提交注销申请' }).click();
      await noScriptRequester
        .getByRole('article', { name: shenJiayi.name })
        .getByRole('status')
        .filter({ hasText: '已提交注销申请' })
        .waitFor();

      // The requester finds it under 注销申请 and may not confirm it; the stopped one is gone.
      await requester.getByRole('link', { name: '注销申请' }).click();
      await requester.waitForURL((url) => url.pathname === '/work/erasures');
      const own = requester.getByRole('article', { name: new RegExp(shenJiayi.name) });
      expect(await own.textContent()).toMatch(
        /书面申请 书院〔2025〕22 号[\s\S]*这是您提出的申请，须由另一位社区工作者或街道工作人员确认/,
      );
      expect(await own.getByRole('button', { name: '确认注销' }).count()).toBe(0);
      expect(
        await requester.getByRole('article', { name: new RegExp(guYueqin.name) }).count(),
      ).toBe(0);

      // A second worker follows the count on the overview and confirms it.
      const second = await pageOf((page) => signIn(page, shuyuanWorker2));
      await second.getByRole('link', { name: /待您确认的注销申请/ }).click();
      await second.waitForURL((url) => url.pathname === '/work/erasures');
      const toConfirm = second.getByRole('article', { name: new RegExp(shenJiayi.name) });
      expect(await toConfirm.textContent()).toContain('等待第二人确认');
      await toConfirm.getByRole('button', { name: '确认注销' }).click();
      await toConfirm.getByRole('status').filter({ hasText: '已确认，执行前仍可停止' }).waitFor();
      expect(await toConfirm.textContent()).toMatch(/已确认，将于 .+ 执行，期间可以停止/);
      expect(await toConfirm.getByRole('button', { name: '确认注销' }).count()).toBe(0);

      // She is told when it will be carried out, and may still stop it.
      const told = await pageOf((page) => signInResident(page, shenJiayi));
      const due = told.getByRole('region', { name: '有人申请注销您的个人信息' });
      expect(await due.textContent()).toMatch(/书院〔2025〕22 号[\s\S]*申请已确认，将于 .+ 执行/);
      expect(await due.getByRole('button', { name: '停止注销' }).count()).toBe(1);

      // Without JavaScript, the street officer confirms the seed's request about 陆根生 and then
      // stops it.
      const officer = await pageOf((page) => signIn(page, demo.yushanOfficer), noScript);
      await officer.goto('/work/erasures?community=shuyuan');
      const seeded = () => officer.getByRole('article', { name: /陆根生/ });
      expect(await seeded().textContent()).toContain('书院〔2025〕7 号');
      await seeded().getByRole('button', { name: '确认注销' }).click();
      await seeded().getByRole('status').filter({ hasText: '已确认，执行前仍可停止' }).waitFor();
      await seeded().getByLabel('停止的理由').fill('居民来电撤回了书面申请');
      await seeded().getByRole('button', { name: '停止注销' }).click();
      await officer.getByRole('status').filter({ hasText: '已停止注销' }).waitFor();
      expect(await seeded().count()).toBe(0);
      await closeContexts();
    },
    manyPagesTimeout,
  );

  test.each(looks)(
    '%s: the counter, the verification and erasure pages and the profile have no axe violations',
    async (_, cookies) => {
      const problems: string[] = [];
      const as = async (account: (page: Page) => Promise<void>, paths: readonly string[]) => {
        const context = await phoneContext(browser);
        await wearLook(context, cookies);
        const page = await context.newPage();
        await account(page);
        for (const path of paths) problems.push(...(await violationsAt(page, path)));
        await context.close();
      };
      // 沈佳怡 has the seed's tie to confirm; 陆根生 the seed's erasure request.
      await as((page) => signInResident(page, shenJiayi), ['/me']);
      await as(
        (page) => signIn(page, shuyuanWorker2),
        [
          '/work',
          '/work/erasures',
          `/work/residents?q=${encodeURIComponent('陆根生')}`,
          '/work/verification',
        ],
      );
      await as(
        (page) => signIn(page, qinfengWorker),
        [`/work/residents?q=${encodeURIComponent(qianFugen.name)}`, '/work/verification'],
      );
      expect(problems).toEqual([]);
    },
    manyPagesTimeout,
  );
});
