// axe-core's WCAG 2.1 A/AA rules on every page, in both languages and in large-text mode.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { looks, violationsAt, wearLook } from './axe.ts';
import { launchChromium } from './chromium.ts';
import {
  demo,
  manyPagesTimeout,
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
  streetId: 'yushan',
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
  test.each(looks)(
    '%s: public, resident and staff pages have no violations',
    async (_, cookies) => {
      const problems: string[] = [];
      const as = async (
        signedIn: ((page: Page) => Promise<void>) | undefined,
        paths: readonly string[],
      ) => {
        const context = await phoneContext(browser);
        await wearLook(context, cookies);
        const page = await context.newPage();
        await signedIn?.(page);
        for (const path of paths) problems.push(...(await violationsAt(page, path)));
        await context.close();
      };
      await as(undefined, publicPages);
      await as((page) => signInResident(page, resident), residentPages);
      await as((page) => signIn(page, demo.shuyuanWorker), workerPages);
      await as((page) => signIn(page, demo.cityAdmin), adminPages);
      expect(problems).toEqual([]);
    },
    manyPagesTimeout,
  );
});
