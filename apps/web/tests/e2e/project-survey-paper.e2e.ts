// Acceptance and the satisfaction survey through the pages, without JavaScript, on the seed's
// 书院社区 mailboxes (works completed): the department records a conditional pass with a
// rectification, then the re-acceptance that passes; the community's worker opens the survey and
// enters 陆根生's paper answer, which counts only once a second worker has entered the same;
// 沈佳怡 answers online; 顾月琴 gives 蒋晓红 the power to vote for her, and 蒋晓红 answers for her.
// The staff page says how many sheets are entered, naming nobody's answer.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext, signIn, signInResident } from './helpers.ts';
import { people } from './micro-helpers.ts';

const department = { loginName: 'department', password: 'qinhu-department-2025' };
const secondWorker = { loginName: 'shuyuan2', password: 'qinhu-shuyuan2-2025' };
const project = '/projects/demo-i-mailboxes';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('acceptance and the survey through the pages', () => {
  test(
    'conditional pass, re-acceptance, survey opened, paper answer entered twice, answers online and by proxy',
    {
      timeout: manyPagesTimeout * 2,
    },
    async () => {
      const dept = await phoneContext(browser, { javaScriptEnabled: false });
      const page = await dept.newPage();
      await signIn(page, department);
      const accept = async (verdict: 'conditional' | 'passed', rectifications = '') => {
        await page.goto(`${project}/manage`);
        const form = page.locator('form[action="?/recordAcceptance"]');
        await form.getByLabel('验收结论').selectOption(verdict);
        await form.locator('#acceptance-implementer').fill('城建办 王工');
        await form.locator('#acceptance-community').fill('书院社区 李书记');
        await form.locator('#acceptance-residents').fill('居民代表 顾阿姨\n居民代表 沈师傅');
        await form.locator('#acceptance-rectifications').fill(rectifications);
        await form.locator('#acceptance-signed').check();
        await form.getByRole('button', { name: '记录验收' }).click();
        await page.waitForLoadState();
      };
      await accept('conditional', '信箱锁具更换，2026-12-20');
      await page.goto(project);
      expect(await page.locator('main').textContent()).toContain('信箱锁具更换');
      await accept('passed');
      await page.goto(project);
      expect(await page.locator('main').textContent()).toContain('验收通过');
      await dept.close();

      const staff = await phoneContext(browser, { javaScriptEnabled: false });
      const worker = await staff.newPage();
      await signIn(worker, people.shuyuanWorker);
      await worker.goto(project);
      await worker.getByRole('link', { name: '满意度测评工作页' }).click();
      await worker.waitForURL((url) => url.pathname === `${project}/survey/paper`);
      await worker.getByRole('button', { name: '开始满意度测评' }).click();
      expect(await worker.locator('main').textContent()).toContain('测评已开始');
      const enter = async (page: typeof worker) => {
        await page.locator('#paper-resident').fill('13900001003');
        for (const question of ['overall', 'quality', 'timeliness', 'usefulness']) {
          await page.locator(`input[name="${question}"][value="4"]`).check();
        }
        await page.getByRole('button', { name: '保存本次录入' }).click();
        expect(await page.locator('main').textContent()).toContain('录入已保存');
      };
      await enter(worker);
      // The same worker may not enter the sheet a second time.
      await worker.locator('#paper-resident').fill('13900001003');
      for (const question of ['overall', 'quality', 'timeliness', 'usefulness']) {
        await worker.locator(`input[name="${question}"][value="2"]`).check();
      }
      await worker.getByRole('button', { name: '保存本次录入' }).click();
      expect(await worker.locator('main').textContent()).toContain(
        '第二次录入须由另一位工作人员完成',
      );
      await staff.close();

      const other = await phoneContext(browser, { javaScriptEnabled: false });
      const second = await other.newPage();
      await signIn(second, secondWorker);
      await second.goto(`${project}/survey/paper`);
      await enter(second);
      expect(await second.locator('main').textContent()).toContain('已录入 1 张答卷');
      expect(await second.getByTestId('sheet').count()).toBe(0);
      await other.close();

      const resident = await phoneContext(browser, { javaScriptEnabled: false });
      const she = await resident.newPage();
      await signInResident(she, people.shenJiayi);
      await she.goto(project);
      await she.getByRole('link', { name: '参加满意度测评' }).click();
      for (const question of ['overall', 'quality', 'timeliness', 'usefulness']) {
        await she.locator(`input[name="${question}"][value="5"]`).check();
      }
      await she.getByRole('button', { name: '提交答卷' }).click();
      expect(await she.locator('main').textContent()).toContain('已收到您的答卷');
      await resident.close();

      const grantorContext = await phoneContext(browser);
      const grantor = await grantorContext.newPage();
      await signInResident(grantor, people.guYueqin);
      await grantor.goto('/me/proxies');
      const grant = grantor.getByRole('region', { name: '委托家人代办' });
      await grant.getByLabel('受托人的手机号').fill(people.jiangXiaohong.phone);
      await grant.getByRole('radio', { name: '只代为投票' }).check();
      await grant.getByRole('button', { name: '确认委托' }).click();
      await grant.getByRole('status').filter({ hasText: '已委托' }).waitFor();
      await grantorContext.close();

      const proxyContext = await phoneContext(browser, { javaScriptEnabled: false });
      const proxy = await proxyContext.newPage();
      await signInResident(proxy, people.jiangXiaohong);
      await proxy.goto(`${project}/survey`);
      await proxy.getByRole('radio', { name: /顾月琴（委托我代为投票）/ }).check();
      await proxy.getByRole('button', { name: '确定' }).click();
      await proxy.waitForURL((url) => url.searchParams.has('for'));
      expect(await proxy.locator('main').textContent()).toContain('您正在代 顾月琴 作答');
      for (const question of ['overall', 'quality', 'timeliness', 'usefulness']) {
        await proxy.locator(`input[name="${question}"][value="3"]`).check();
      }
      await proxy.getByRole('button', { name: '提交答卷' }).click();
      expect(await proxy.locator('main').textContent()).toContain('已收到您的答卷');
      await proxyContext.close();
    },
  );
});
