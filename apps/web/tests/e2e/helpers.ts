import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { inject } from 'vitest';

export const baseURL = inject('baseURL');

/** Demo accounts the server seeds on first start (listed in the README and the start banner). */
export const demo = {
  cityAdmin: { loginName: 'admin', password: 'qinhu-admin-2025' },
  yushanOfficer: { loginName: 'yushan', password: 'qinhu-yushan-2025' },
};

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

/** Signs in through the login form (works with or without JavaScript). */
export async function signIn(page: Page, account: { loginName: string; password: string }) {
  await page.goto('/login');
  // By id, so that it works in either language.
  await page.locator('#login-name').fill(account.loginName);
  await page.locator('#login-password').fill(account.password);
  await page.locator('main form button[type=submit]').click();
  await page.waitForURL((url) => url.pathname === '/admin/organisation');
}
