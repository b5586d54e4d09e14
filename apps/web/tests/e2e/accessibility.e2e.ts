// axe-core's WCAG 2.1 A/AA rules on every page, in both languages and in large-text mode.
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { baseURL, demo, phoneContext, signIn } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type AxeResult = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
type AxeWindow = { axe: { run: (options: object) => Promise<AxeResult> } };

/** The page's violations, one line each, naming the rule and the elements. */
async function violations(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(() =>
    (window as unknown as AxeWindow).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  return result.violations.map(
    (v) => `${path}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

const publicPages = ['/', '/organisation', '/organisation/streets/yushan', '/login'];
const staffPages = ['/admin/organisation', '/admin/organisation/communities/shuyuan'];

describe('accessibility (WCAG 2.1 AA rules of axe-core)', () => {
  test.each([
    ['zh-CN', {}],
    ['English', { PARAGLIDE_LOCALE: 'en' }],
    ['large text', { gongzhi_text: 'large' }],
  ])('%s: public and staff pages have no violations', async (_, cookies) => {
    const context = await phoneContext(browser);
    await context.addCookies(
      Object.entries(cookies).map(([name, value]) => ({ name, value, url: baseURL })),
    );
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of publicPages) problems.push(...(await violations(page, path)));
    await signIn(page, demo.cityAdmin);
    for (const path of staffPages) problems.push(...(await violations(page, path)));
    expect(problems).toEqual([]);
    await context.close();
  });
});
