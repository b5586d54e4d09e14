// The admission catalogues by role: a department asks to add a work item; the city administrator
// (from the site's navigation) drafts next year's version, admits the request into it with the
// reason, changes an entry, and publishes it — then it is read-only; a visitor reads the new
// version with what was added and changed, and why.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { demo, manyPagesTimeout, phoneContext, signIn } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const department = { loginName: 'department', password: 'qinhu-department-2025' };
const title = '社区食品安全协管巡查';

describe('the catalogues, by department, city and visitor', () => {
  test(
    'a department’s request joins the next version, which the city publishes and a visitor reads',
    { timeout: manyPagesTimeout * 2 },
    async () => {
      // The department asks.
      const asking = await phoneContext(browser, { javaScriptEnabled: false });
      const ask = await asking.newPage();
      await signIn(ask, department);
      await ask.goto('/catalogues');
      await ask.getByRole('link', { name: '申请纳入目录' }).click();
      await ask.waitForURL((url) => url.pathname === '/catalogues/request');
      await ask.getByLabel('申请部门').fill('市市场监管局');
      await ask.locator('#request-code').fill('W-09');
      await ask.getByLabel('事项名称').fill(title);
      await ask.locator('#request-basis').fill('《食品安全法》第六条');
      await ask.getByLabel('责任部门').fill('市市场监管局');
      await ask.getByLabel('社区承担的工作（证明：用途、使用者）').fill('协助巡查、发现问题报告');
      await ask.getByLabel('经费保障（费随事转）').fill('每社区每年 1 万元');
      await ask.getByLabel('申请理由').fill('基层食品安全协管');
      await ask.getByRole('button', { name: '提交申请' }).click();
      expect(await ask.locator('main').textContent()).toContain('申请已提交');
      await asking.close();

      // The city administrator reaches the catalogues from the navigation.
      const city = await phoneContext(browser, { viewport: { width: 1280, height: 900 } });
      const page = await city.newPage();
      await signIn(page, demo.cityAdmin);
      await page.getByRole('navigation').getByRole('link', { name: '准入目录' }).click();
      await page.getByRole('link', { name: '管理目录' }).click();
      await page.waitForURL((url) => url.pathname === '/catalogues/manage');
      // A select chosen before hydration is reset by it: choose once the page is idle.
      await page.waitForLoadState('networkidle');
      await page.getByLabel('目录', { exact: true }).selectOption('work_items');
      const year = Number(await page.getByLabel('年度').inputValue());
      await page.getByRole('button', { name: '起草' }).click();
      await page.waitForURL((url) => url.pathname === `/catalogues/manage/city-work-items-${year}`);

      await page.goto('/catalogues/manage');
      const request = page.locator('li[data-request]', { hasText: title });
      await request.getByLabel('审核意见（依据、经费是否随事转）').fill('有法律依据，经费随事转');
      await request.getByRole('button', { name: '准予纳入' }).click();
      await expect
        .poll(() => page.locator('li[data-request]', { hasText: title }).textContent())
        .toContain('有法律依据，经费随事转');

      await page.goto(`/catalogues/manage/city-work-items-${year}`);
      const entry = page.locator('li[data-entry="W-01"]');
      await entry.locator('summary').click();
      await entry.getByLabel('经费保障（费随事转）').fill('按参保人数每人 5 元拨付');
      await entry.getByLabel('理由').fill('经费标准调整');
      await entry.getByRole('button', { name: '保存修改' }).click();
      await expect
        .poll(() => page.getByTestId('catalogue-changes').textContent())
        .toContain('经费标准调整');
      await page.getByRole('button', { name: '发布这个版本' }).click();
      await page.waitForURL((url) => url.pathname === `/catalogues/city-work-items-${year}`);

      // Published: read-only for its keepers.
      await page.goto(`/catalogues/manage/city-work-items-${year}`);
      expect(await page.getByText('这个版本已发布，不能再修改。').count()).toBe(1);
      expect(await page.getByRole('button', { name: '保存修改' }).count()).toBe(0);
      await city.close();

      // A visitor reads it.
      const visitor = await phoneContext(browser);
      const read = await visitor.newPage();
      await read.goto('/catalogues');
      await read.getByRole('link', { name: `部门工作进村社区事项目录 · ${year} 年版` }).click();
      await read.waitForURL((url) => url.pathname === `/catalogues/city-work-items-${year}`);
      const changes = await read.getByTestId('catalogue-changes').textContent();
      expect(changes).toContain(title);
      expect(changes).toContain('部门申请，经审核纳入');
      expect(changes).toContain('经费标准调整');
      expect(await read.locator('table').textContent()).toContain('按参保人数每人 5 元拨付');
      await visitor.close();
    },
  );
});
