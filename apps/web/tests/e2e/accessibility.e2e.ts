// axe-core's WCAG 2.1 A/AA rules on every page, in both languages and in large-text mode.
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import {
  baseURL,
  demo,
  phoneContext,
  registerResident,
  signIn,
  signInResident,
} from './helpers.ts';

let browser: Browser;
/** A resident with a tie awaiting verification, so that worker pages list someone. */
const resident = {
  name: '吴桂兰',
  phone: '13500000021',
  password: 'wu-guilan-1950',
  birthYear: '1950',
  communityId: 'shuyuan',
  kind: 'lives' as const,
};
beforeAll(async () => {
  browser = await launchChromium();
  const context = await phoneContext(browser);
  await registerResident(await context.newPage(), resident);
  await context.close();
});
afterAll(async () => {
  await browser?.close();
});

type AxeResult = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
type AxeWindow = { axe: { run: (options: object) => Promise<AxeResult> } };

/** The page's violations, one line each, naming the rule and the elements. */
async function violations(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  // A page that sent the person elsewhere (to sign in) would be scanned in its place.
  expect(new URL(page.url()).pathname).toBe(new URL(path, baseURL).pathname);
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

const publicPages = [
  '/',
  '/organisation',
  '/organisation/streets/yushan',
  '/login',
  '/login/staff',
  '/register',
  '/password',
];
const residentPages = ['/me', '/me/proxies', '/account', '/me/forget'];
const workerPages = [
  '/work/verification',
  `/work/residents?q=${encodeURIComponent(resident.name)}`,
];
const adminPages = [
  '/admin/organisation',
  '/admin/organisation/communities/shuyuan',
  '/admin/staff',
];

describe('accessibility (WCAG 2.1 AA rules of axe-core)', () => {
  test.each([
    ['zh-CN', {}],
    ['English', { PARAGLIDE_LOCALE: 'en' }],
    ['large text', { gongzhi_text: 'large' }],
  ])('%s: public, resident and staff pages have no violations', async (_, cookies) => {
    const problems: string[] = [];
    const as = async (
      signedIn: ((page: Page) => Promise<void>) | undefined,
      paths: readonly string[],
    ) => {
      const context = await phoneContext(browser);
      await context.addCookies(
        Object.entries(cookies).map(([name, value]) => ({ name, value, url: baseURL })),
      );
      const page = await context.newPage();
      await signedIn?.(page);
      for (const path of paths) problems.push(...(await violations(page, path)));
      await context.close();
    };
    await as(undefined, publicPages);
    await as((page) => signInResident(page, resident), residentPages);
    await as((page) => signIn(page, demo.shuyuanWorker), workerPages);
    await as((page) => signIn(page, demo.cityAdmin), adminPages);
    expect(problems).toEqual([]);
  });
});
