// A public page as of a past date, as an anonymous visitor on a phone without JavaScript sees it:
// the seed's evaluated project (老楼楼梯扶手加装, whose evaluation was published 19 days ago) opened
// as of last month through the page's date form shows the banner and the project before its
// evaluation; as of a day before it existed it says it did not exist yet; the banner's link
// leads back to today's page. The past views of a project, a cycle and a meeting pass axe.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { violationsAt } from './axe.ts';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The day in China (YYYY-MM-DD) `days` days before today. */
const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

describe('a page as of a past date', () => {
  test(
    'an anonymous visitor opens last month’s view of a project and comes back to today',
    { timeout: manyPagesTimeout },
    async () => {
      const context = await phoneContext(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      const main = page.locator('main');
      await page.goto('/projects/demo-e-handrails');
      expect(await main.textContent()).toContain('已评价');
      expect(await page.getByTestId('as-of-banner').count()).toBe(0);

      const lastMonth = daysAgo(30);
      await page.getByText('查看过去某日').click();
      await page.locator('#as-of-date').fill(lastMonth);
      await page.getByRole('button', { name: '查看这一天' }).click();
      await page.waitForURL((url) => url.searchParams.get('asOf') === lastMonth);
      const banner = page.getByTestId('as-of-banner');
      expect(await banner.textContent()).toContain(`您正在查看 ${lastMonth} 的记录`);
      const past = await main.textContent();
      expect(past).toContain('老楼楼梯扶手加装');
      expect(past).not.toContain('已评价');
      expect(past).not.toContain('公布评价结果');

      await page.goto(`/projects/demo-e-handrails?asOf=${daysAgo(200)}`);
      expect(await main.textContent()).toContain('这项记录还不存在');

      await page.goto(`/projects/demo-e-handrails?asOf=${lastMonth}`);
      await page.getByTestId('as-of-now').click();
      await page.waitForURL((url) => url.pathname === '/projects/demo-e-handrails' && !url.search);
      expect(await page.getByTestId('as-of-banner').count()).toBe(0);
      expect(await main.textContent()).toContain('已评价');

      await context.close();

      // The banner and the open date form, on every page that has them, meet WCAG AA (axe runs
      // in the page: JavaScript on).
      const scanning = await phoneContext(browser);
      const scan = await scanning.newPage();
      const problems: string[] = [];
      for (const path of [
        '/projects/demo-e-handrails',
        '/cycles/demo-cycle-implementing',
        '/meetings/demo-meeting-shuyuan-10',
      ]) {
        problems.push(...(await violationsAt(scan, `${path}?asOf=${lastMonth}`)));
      }
      expect(problems).toEqual([]);
      await scan.goto(`/ledger?place=community:shuyuan&asOf=${lastMonth}`);
      expect(await scan.getByTestId('as-of-banner').textContent()).toContain(lastMonth);
      await scanning.close();
    },
  );
});
