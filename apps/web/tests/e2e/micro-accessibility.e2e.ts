// axe-core's WCAG 2.1 A/AA rules on the micro-project pages: the public ones in both languages
// and in large-text mode, the resident's, worker's, surveyor's and officer's in zh-CN, the
// resident's feedback pages in all three looks.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { looks, violationsAt, wearLook } from './axe.ts';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext, signIn, signInResident } from './helpers.ts';
import { demoCycles, people } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function scan(context: BrowserContext, paths: string[]): Promise<string[]> {
  const page = await context.newPage();
  const problems: string[] = [];
  for (const path of paths) problems.push(...(await violationsAt(page, path)));
  return problems;
}

const yushan = demoCycles.yushan;
const publicPages = [
  '/cycles',
  `/cycles/${yushan}`,
  `/cycles/${yushan}/proposals?community=shuyuan`,
  `/cycles/${yushan}/proposals?community=shuyuan&category=works&status=pool`,
  `/cycles/${yushan}/proposals?community=shuyuan&view=pool`,
  // Surveyed, decided by a round-table and resubmitted: the longest history of the seed.
  '/proposals/demo-p-sorting-kiosk',
  '/proposals/demo-p-air-con-2',
  // The seed's cycle on public notice: dates, selection, objections (objections.e2e.ts scans
  // the objection, answer and confirmation pages).
  '/cycles/demo-cycle-notice/notice',
];

/** Who signs in (named for the test), and the pages then scanned in zh-CN. */
const signedInPages: [string, (page: Page) => Promise<void>, string[]][] = [
  [
    'a resident',
    (page) => signInResident(page, people.guYueqin),
    [
      '/me/proposals',
      '/me/inbox',
      `/cycles/${demoCycles.qinchuan}/propose`,
      '/proposals/demo-p-bus-shelter',
    ],
  ],
  // Her inbox holds the answer to her objection, linked to the notice.
  ['an objector', (page) => signInResident(page, people.jiangXiaohong), ['/me/inbox']],
  [
    'a community worker',
    (page) => signIn(page, people.shuyuanWorker),
    [
      '/work/intake?community=shuyuan',
      '/work/intake/offline?community=shuyuan&q=1001',
      `/work/screening?community=shuyuan&cycle=${yushan}`,
      `/work/roundtable?community=shuyuan&cycle=${yushan}`,
      '/work/intake/merge?community=shuyuan&duplicate=demo-p-handrails',
      '/work/paper-ballots?community=shuyuan',
    ],
  ],
  [
    'a surveyor',
    (page) => signIn(page, people.consultant),
    ['/survey', '/survey/demo-p-river-lights'],
  ],
  [
    'a street officer',
    (page) => signIn(page, people.yushanOfficer),
    ['/admin/cycles', '/admin/cycles/new', `/admin/cycles/${yushan}`],
  ],
];

/** Signs in through a fresh context wearing a look (zh-CN by default) and scans the pages. */
async function scanSignedIn(
  signInAs: (page: Page) => Promise<void>,
  paths: string[],
  cookies: Record<string, string> = {},
): Promise<string[]> {
  const context = await phoneContext(browser);
  await wearLook(context, cookies);
  await signInAs(await context.newPage());
  const problems = await scan(context, paths);
  await context.close();
  return problems;
}

describe('accessibility of the micro-project pages (WCAG 2.1 AA rules of axe-core)', () => {
  test.each(looks)(
    '%s: public pages have no violations',
    async (_, cookies) => {
      const context = await phoneContext(browser);
      await wearLook(context, cookies);
      expect(await scan(context, publicPages)).toEqual([]);
      await context.close();
    },
    manyPagesTimeout,
  );

  test.each(signedInPages)(
    'pages of %s have no violations',
    async (_, signInAs, paths) => {
      expect(await scanSignedIn(signInAs, paths)).toEqual([]);
    },
    manyPagesTimeout,
  );

  test.each(looks)(
    '%s: feedback pages of an author not selected have no violations',
    async (_, cookies) => {
      // Her notice board was not selected in the summer cycle: waiting for feedback.
      const paths = ['/me/feedback', '/me/feedback/demo-n-notice-board'];
      const signInAs = (page: Page) => signInResident(page, people.guYueqin);
      expect(await scanSignedIn(signInAs, paths, cookies)).toEqual([]);
    },
    manyPagesTimeout,
  );

  test(
    'feedback pages of the worker have no violations',
    async () => {
      const signInAs = (page: Page) => signIn(page, people.shuyuanWorker);
      const paths = [
        '/work?community=shuyuan',
        '/work/feedback?community=shuyuan',
        // The form to give feedback, and a thread (after the feedback journey).
        '/work/feedback/demo-n-notice-board?community=shuyuan',
        '/work/feedback/demo-n-pavilion?community=shuyuan',
      ];
      expect(await scanSignedIn(signInAs, paths)).toEqual([]);
    },
    manyPagesTimeout,
  );
});
