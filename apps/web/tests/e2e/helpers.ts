import { readFileSync, statSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { RunningServer } from './server.ts';

// The file's own server, started by file-server.ts before the file runs.
const server = (globalThis as Record<symbol, unknown>)[
  Symbol.for('gongzhi.e2eServer')
] as RunningServer;
export const baseURL = server.baseURL;
const serverLog = server.log;

/** Demo accounts the server seeds on first start (listed in the README and the start banner). */
export const demo = {
  cityAdmin: { loginName: 'admin', password: 'qinhu-admin-2025' },
  yushanOfficer: { loginName: 'yushan', password: 'qinhu-yushan-2025' },
  shuyuanWorker: { loginName: 'shuyuan', password: 'qinhu-shuyuan-2025' },
};

/**
 * The time for a test that loads many pages (the default is 30 s): each load, sign-in or axe scan
 * takes seconds on a busy two-core machine.
 */
export const manyPagesTimeout = 90_000;

/** A phone-sized browser context, zh-CN unless told otherwise. */
export async function phoneContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    ...options,
  });
  context.setDefaultTimeout(10_000);
  return context;
}

/** Signs a staff member in through the login form (works with or without JavaScript). */
export async function signIn(page: Page, account: { loginName: string; password: string }) {
  await page.goto('/login/staff');
  // By id, so that it works in either language.
  await page.locator('#staff-login-name').fill(account.loginName);
  await page.locator('#staff-password').fill(account.password);
  await page.locator('main form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Signs a resident in with their mobile number and password. */
export async function signInResident(page: Page, resident: { phone: string; password: string }) {
  await page.goto('/login');
  await page.locator('#resident-phone').fill(resident.phone);
  await page.locator('#resident-password').fill(resident.password);
  await page.locator('main form button[type=submit]').click();
  await page.waitForURL((url) => url.pathname === '/me');
}

/** Where the server's console output ends now: codes printed later are read from here on. */
export function serverLogMark(): number {
  return statSync(serverLog).size;
}

/**
 * The one-time code the development sender printed for the number after `since` (it prints the
 * number masked: 138****0001), once the server's output has reached the file.
 */
export async function codeSentTo(phone: string, since: number): Promise<string> {
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    const printed = readFileSync(serverLog).subarray(since).toString();
    const codes = [...printed.matchAll(/one-time code for (\d{3}\*{4}\d{4}): (\d{6})/g)]
      .filter((match) => match[1] === masked)
      .map((match) => match[2]!);
    const code = codes.at(-1);
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server printed no code for ${masked}`);
}

/** Asks for a code with the form's button (with or without JavaScript) and reads it. */
export async function requestCode(page: Page, phone: string): Promise<string> {
  const mark = serverLogMark();
  await page.locator('button[formaction$="/requestCode"]').click();
  await page.locator('main [role=status]').waitFor();
  return codeSentTo(phone, mark);
}

export type NewResident = {
  name: string;
  phone: string;
  password: string;
  birthYear: string;
  /** The street of the community: registration offers one street's communities at a time. */
  streetId: string;
  communityId: string;
  kind: 'lives' | 'works' | 'studies';
};

/** Registers through /register, reading the code from the server's console; ends on /me. */
export async function registerResident(page: Page, resident: NewResident) {
  await page.goto(`/register?street=${resident.streetId}`);
  await page.locator('#register-name').fill(resident.name);
  await page.locator('#register-birth-year').fill(resident.birthYear);
  await page.locator('#register-phone').fill(resident.phone);
  const code = await requestCode(page, resident.phone);
  // Chosen once the code is sent, when the page is surely hydrated: a choice made in a select
  // before hydration is reset by it (text typed into inputs is kept) — see the session note.
  await page.locator('#register-tie-community-ids-0').selectOption(resident.communityId);
  await page.locator('#register-tie-kinds-0').selectOption(resident.kind);
  await page.locator('#register-code').fill(code);
  await page.locator('#register-password').fill(resident.password);
  await page
    .locator('main form[method=POST] button[type=submit]:not([formaction]):not([hidden])')
    .click();
  // The first registration on a freshly started server is its coldest path (argon2, the /me
  // page's first render): allow it longer, and if it does not arrive, say what the page shows.
  await page
    .waitForURL((url) => url.pathname === '/me', { timeout: 20_000 })
    .catch(async (error: unknown) => {
      const shown = await page.locator('main').innerText();
      throw new Error(`Registration did not reach /me (${page.url()}):\n${shown}`, {
        cause: error,
      });
    });
}
