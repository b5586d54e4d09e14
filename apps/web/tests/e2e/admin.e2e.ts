// Staff pages. With JavaScript off (plain form posts): signing in, registering and closing a
// community, signing out. With JavaScript on: a malformed name answered beside its field, a
// rename shown, and a rename from a page that went stale answered with a conflict that says
// what changed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { demo, phoneContext, signIn } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('managing the organisation', () => {
  test('without JavaScript: sign in, register a village, see it listed, close it, sign out', async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();

    await page.goto('/admin/organisation');
    expect(new URL(page.url()).pathname).toBe('/login/staff');
    await signIn(page, demo.yushanOfficer);

    const form = page.locator('form[action="?/registerCommunity"]');
    expect(await form.getByLabel('所属街道').inputValue()).toBe('yushan');
    await form.getByRole('radio', { name: '村', exact: true }).check();
    await form.getByLabel('社区或村的名称').fill('莲墩村');
    await form.getByLabel('英文名称').fill('Liandun Village');
    await form.getByRole('button', { name: '登记', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/admin/organisation');

    expect(await form.getByRole('status').textContent()).toContain('已登记：莲墩村');
    const yushan = page.getByRole('region', { name: '虞山街道' });
    expect(await yushan.getByRole('listitem').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/莲墩村\s*村/)]),
    );

    await page.goto('/organisation/streets/yushan');
    const listed = await page.getByRole('main').getByRole('listitem').allTextContents();
    expect(listed.find((text) => text.includes('莲墩村'))).toMatch(/村\s*在册/);

    // …and close it again.
    await page.goto('/admin/organisation');
    await page.getByRole('link', { name: '修改莲墩村' }).click();
    await page.getByLabel('撤销原因').fill('并入书院社区');
    await page.getByRole('button', { name: '确认撤销' }).click();
    expect(await page.getByRole('status').textContent()).toContain('已撤销');
    await page.goto('/organisation/streets/yushan');
    const after = await page.getByRole('main').getByRole('listitem').allTextContents();
    expect(after.find((text) => text.includes('莲墩村'))).toMatch(/村\s*已撤销/);

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/admin');
    expect(new URL(page.url()).pathname).toBe('/login/staff');
    await context.close();
  });

  test('with JavaScript: a malformed name is answered beside the field, a rename is shown', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, demo.cityAdmin);
    await page.getByRole('link', { name: '修改虹桥社区' }).click();
    await page.waitForURL('**/admin/organisation/communities/hongqiao');
    // A second tab opened now goes stale once the first one saves.
    const stale = await context.newPage();
    await stale.goto('/admin/organisation/communities/hongqiao');

    const name = page.getByLabel('新名称');
    await name.fill('虹');
    await page.getByRole('button', { name: '保存新名称' }).click();
    const fieldError = page.locator('#rename-name-error');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toMatch(/2/);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.getAttribute('aria-describedby')).toContain('rename-name-error');

    await name.fill('虹桥新社区');
    await page.getByRole('button', { name: '保存新名称' }).click();
    await page.getByRole('status').filter({ hasText: '已改名为：虹桥新社区' }).waitFor();
    await page.getByRole('heading', { level: 1, name: '虹桥新社区' }).waitFor();
    expect(await fieldError.count()).toBe(0);

    await stale.getByLabel('新名称').fill('虹桥东社区');
    await stale.getByRole('button', { name: '保存新名称' }).click();
    const conflict = stale.getByRole('alert').filter({ hasText: '有人先改过了' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('虹桥新社区');

    await page.goto('/organisation');
    const yushan = page.getByRole('region', { name: '虞山街道' });
    const communities = await yushan.getByRole('listitem').allTextContents();
    expect(communities.some((text) => text.includes('虹桥新社区'))).toBe(true);
    expect(communities.some((text) => text.includes('虹桥东社区'))).toBe(false);
    await context.close();
  });
});
