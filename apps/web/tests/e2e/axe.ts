// axe-core's WCAG 2.1 A/AA rules, run in the page, and the looks pages are scanned in.
import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseURL } from './helpers.ts';

type AxeResult = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
type AxeWindow = { axe: { run: (options: object) => Promise<AxeResult> } };

/** The violations of the page as it is now, one line each, naming the rule and the elements. */
export async function axeViolations(
  page: Page,
  label = new URL(page.url()).pathname,
): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(() =>
    (window as unknown as AxeWindow).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  return result.violations.map(
    (v) => `${label}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Opens `path` and scans it. The page must answer 200 and stay at `path`: a page that sent the
 * person elsewhere (to sign in) would be scanned in its place.
 */
export async function violationsAt(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  expect(new URL(page.url()).pathname, path).toBe(new URL(path, baseURL).pathname);
  return axeViolations(page, path);
}

/** The looks pages are scanned in: zh-CN, English and large text, each set by cookies. */
export const looks: [string, Record<string, string>][] = [
  ['zh-CN', {}],
  ['English', { PARAGLIDE_LOCALE: 'en' }],
  ['large text', { gongzhi_text: 'large' }],
];

/** Gives a browser context the cookies of a look. */
export const wearLook = (context: BrowserContext, cookies: Record<string, string>) =>
  context.addCookies(
    Object.entries(cookies).map(([name, value]) => ({ name, value, url: baseURL })),
  );
