// The public organisation pages in a phone-sized Chromium: zh-CN by default, English by the
// switch (and by the browser's language), large-text mode, one street's page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { phoneContext } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('organisation pages', () => {
  test('list streets and communities in zh-CN; the switch turns the interface English', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto('/organisation');

    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('街道与社区');
    const yushan = page.getByRole('region', { name: '虞山街道' });
    expect(await yushan.getByRole('listitem').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('书院社区'),
        expect.stringMatching(/小义村\s*村/),
      ]),
    );
    expect(await page.getByRole('region', { name: '琴川街道' }).textContent()).toContain('三峰村');
    await page.screenshot({ path: '/tmp/gongzhi-organisation.png', fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(new URL(page.url()).pathname).toBe('/organisation');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Streets and communities',
    );
    expect(await page.getByRole('navigation').textContent()).toContain('Home');
    const yushanEn = page.getByRole('region', { name: /Yushan Subdistrict/ });
    expect(await yushanEn.textContent()).toContain('Xiaoyi Village');
    expect(await yushanEn.textContent()).toContain('Village');

    // And back: the choice is a cookie, so it holds on the next page too.
    await page.goto('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await context.close();
  });

  test('a browser asking for English gets English before any choice', async () => {
    const context = await phoneContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto('/organisation');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Streets and communities',
    );
    await context.close();
  });

  test('one street lists its communities with kind and status', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto('/organisation');
    await page.getByRole('link', { name: '琴川街道' }).click();
    await page.waitForURL('**/organisation/streets/qinchuan');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('琴川街道');
    const items = await page.getByRole('main').getByRole('listitem').allTextContents();
    expect(items.find((text) => text.includes('三峰村'))).toMatch(/村\s*在册/);
    expect(items.find((text) => text.includes('兴福社区'))).toMatch(/社区\s*在册/);

    await page.goto('/organisation/streets/no-such-street');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('404');
    await context.close();
  });

  test('large-text mode scales the page and survives navigation', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto('/organisation');
    const rootFontSize = () =>
      page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(await rootFontSize()).toBe(16);

    const toggle = page.getByRole('button', { name: '大字模式' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await page.waitForFunction(() => document.documentElement.classList.contains('text-large'));
    expect(await rootFontSize()).toBe(20);
    expect(await page.getByRole('button', { name: '大字模式' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    await page.goto('/');
    expect(await rootFontSize()).toBe(20);
    await context.close();
  });
});
