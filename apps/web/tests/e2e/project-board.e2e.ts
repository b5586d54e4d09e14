// The public implementation board and a project's page, as an anonymous visitor on a phone sees
// them, in the seed's 书院社区 cycle being implemented (a project at every stage, one cancelled)
// and its evaluating cycle (the handrails, settled and evaluated): stages, progress bars, the filter by
// community (a GET form, without JavaScript), the money table with its differences explained, the
// acceptance, the survey's counts with the implementer's reply, and one timeline from the
// proposal to the evaluation.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the implementation board', () => {
  test(
    'an anonymous visitor follows the projects and reads one from proposal to evaluation',
    { timeout: manyPagesTimeout },
    async () => {
      const context = await phoneContext(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto('/cycles/demo-cycle-implementing');
      await page.getByRole('link', { name: '项目实施进度' }).click();
      await page.waitForURL((url) => url.pathname === '/cycles/demo-cycle-implementing/projects');
      const items = page.locator('main li');
      expect(await items.count()).toBe(6);
      const garden = items.filter({ hasText: '口袋花园改造' });
      expect(await garden.textContent()).toContain('施工中');
      expect(
        await garden.getByRole('progressbar', { name: '工程进度' }).getAttribute('aria-valuenow'),
      ).toBe('20');
      expect(await items.filter({ hasText: '电子公告屏' }).textContent()).toContain('已撤销');
      expect(await items.filter({ hasText: '书院新村休闲座椅' }).textContent()).toContain('待立项');

      await page.goto('/cycles/demo-cycle-evaluating/projects');
      await page.getByRole('link', { name: '老楼楼梯扶手加装' }).click();
      await page.waitForURL((url) => url.pathname === '/projects/demo-e-handrails');
      const main = page.locator('main');
      const text = await main.textContent();
      expect(text).toContain('已评价');
      // Two answered: the page says so without their number or their scores.
      expect(text).toContain('答卷不足 5 份');
      expect(text).not.toContain('共 2 份答卷');
      expect(text).toContain('错峰施工');
      expect(text).toContain('合同金额比预算节约');
      expect(text).toContain('验收通过');
      expect(text).toContain('琴湖市政建设有限公司');
      const timeline = main.locator('section[aria-labelledby="project-timeline"] li');
      expect(await timeline.first().textContent()).toContain('提交');
      expect(await timeline.last().textContent()).toContain('公布评价结果');
      expect(await page.getByRole('link', { name: '记录下一步' }).count()).toBe(0);

      await page.goto('/cycles/demo-cycle-notice/projects?community=hongqiao');
      expect(await page.locator('main').textContent()).toContain('还没有实施项目');
      await context.close();
    },
  );
});
