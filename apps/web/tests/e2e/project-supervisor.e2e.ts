// Residents supervise a project (群众监督) in the seed's 书院社区 cycle being implemented, without
// JavaScript: 沈佳怡 follows the pocket garden, volunteers as its supervisor, files a report and
// comments; the community's worker sees the report waiting on the work pages and hides the
// comment with a reason; the department answers the report on the project's page; she finds the
// answer and both notices in her inbox; an anonymous visitor sees the answer and the reason, not
// the hidden text. Then axe scans the project pages in zh-CN, English and large text.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { looks, violationsAt, wearLook } from './axe.ts';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext, signIn, signInResident } from './helpers.ts';
import { people, photoFile } from './micro-helpers.ts';

const department = { loginName: 'department', password: 'qinhu-department-2025' };
const garden = '/projects/demo-i-garden';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const section = (page: Page) => page.locator('section[aria-labelledby="project-supervision"]');

describe('a supervisor files a report and gets an answer', () => {
  test(
    'follow, volunteer, report, comment; hide with a reason; answer; told',
    {
      timeout: manyPagesTimeout * 2,
    },
    async () => {
      const resident = await phoneContext(browser, { javaScriptEnabled: false });
      const she = await resident.newPage();
      await signInResident(she, people.shenJiayi);
      await she.goto(garden);
      await section(she).getByRole('button', { name: '关注此项目' }).click();
      expect(await section(she).textContent()).toContain('已关注此项目');
      await section(she).getByRole('button', { name: '报名担任监督员' }).click();
      expect(await section(she).textContent()).toContain('您已成为本项目的监督员');
      expect(await section(she).textContent()).toContain('自愿报名 1 名');
      await she.locator('#report-what').fill('花园东侧围栏松动，孩子容易碰到。');
      await she.locator('#report-where').fill('花园东侧');
      await she.locator('#report-photos').setInputFiles(photoFile('fence.png'));
      await section(she).getByRole('button', { name: '提交报告' }).click();
      expect(await section(she).textContent()).toContain('报告已提交');
      expect(await section(she).getByTestId('report').locator('img').count()).toBe(1);
      await she.locator('#comment-text').fill('施工噪音很大，楼下张某电话 139 不接。');
      await section(she).getByRole('button', { name: '发表评论' }).click();
      expect(await section(she).textContent()).toContain('评论已发表');

      const staff = await phoneContext(browser, { javaScriptEnabled: false });
      const worker = await staff.newPage();
      await signIn(worker, people.shuyuanWorker);
      await worker.goto('/work/supervision?community=shuyuan');
      const waiting = worker.getByTestId('waiting-report');
      expect(await waiting.count()).toBe(1);
      expect(await waiting.textContent()).toContain('口袋花园');
      await waiting.getByRole('link').click();
      await worker.waitForURL((url) => url.pathname === garden);
      const comment = section(worker).getByTestId('comment').last();
      // A reason is required: without one nothing is hidden.
      await comment.getByRole('button', { name: '隐藏评论' }).click();
      expect(await section(worker).getByTestId('comment').last().textContent()).toContain('噪音');
      await section(worker)
        .getByTestId('comment')
        .last()
        .getByLabel('隐藏原因')
        .fill('含有他人的电话号码。');
      await section(worker)
        .getByTestId('comment')
        .last()
        .getByRole('button', { name: '隐藏评论' })
        .click();
      expect(await section(worker).textContent()).toContain(
        '已被工作人员隐藏，原因：含有他人的电话号码。',
      );
      // The worker may not answer the report: that is the implementer's.
      expect(await section(worker).getByRole('button', { name: '提交答复' }).count()).toBe(0);
      await staff.close();

      const implementer = await phoneContext(browser, { javaScriptEnabled: false });
      const dept = await implementer.newPage();
      await signIn(dept, department);
      await dept.goto(garden);
      const report = section(dept).getByTestId('report');
      expect(await report.textContent()).toContain('等待实施单位答复');
      await report.getByLabel('对这份报告的答复').fill('已通知施工方当天加固围栏并设置警示带。');
      await report.getByRole('button', { name: '提交答复' }).click();
      expect(await section(dept).textContent()).toContain('答复已记录');
      expect(await section(dept).getByTestId('report').textContent()).toContain('设置警示带');
      await implementer.close();

      await she.goto('/me/inbox');
      const inbox = (await she.locator('main').textContent()) ?? '';
      expect(inbox).toContain('监督报告已有答复');
      expect(inbox).toContain('评论已被隐藏，原因：含有他人的电话号码。');
      await resident.close();

      const visitor = await phoneContext(browser, { javaScriptEnabled: false });
      const anyone = await visitor.newPage();
      await anyone.goto(garden);
      const seen = (await section(anyone).textContent()) ?? '';
      expect(seen).toContain('设置警示带');
      expect(seen).toContain('已被工作人员隐藏，原因：含有他人的电话号码。');
      expect(seen).not.toContain('噪音');
      expect(seen).toContain('登录后可关注、监督或评论此项目');
      await visitor.close();
    },
  );
});

describe('the project pages are accessible', () => {
  test.each(looks)('in %s', { timeout: manyPagesTimeout }, async (_look, cookies) => {
    const context = await phoneContext(browser);
    await wearLook(context, cookies);
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of [
      '/cycles/demo-cycle-implementing/projects',
      '/cycles/demo-cycle-implementing/projects?community=shuyuan',
      garden,
      '/projects/demo-e-handrails',
    ]) {
      problems.push(...(await violationsAt(page, path)));
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  test('for a resident and a worker, with their forms', { timeout: manyPagesTimeout }, async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signInResident(page, people.guYueqin);
    const problems = await violationsAt(page, garden);
    await context.close();
    const staff = await phoneContext(browser);
    const worker = await staff.newPage();
    await signIn(worker, people.shuyuanWorker);
    problems.push(...(await violationsAt(worker, garden)));
    problems.push(...(await violationsAt(worker, '/work/supervision?community=shuyuan')));
    problems.push(...(await violationsAt(worker, '/projects/demo-e-handrails/survey/paper')));
    await staff.close();
    expect(problems).toEqual([]);
  });
});
