// On a slow phone connection the page is there before its JavaScript: a choice made in a select
// then must survive hydration (SelectField). The scripts are held back until the choice is made,
// so the order is certain, not a race.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { phoneContext } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('a place chosen before the JavaScript arrived is still chosen after hydration', async () => {
  const visitor = await phoneContext(browser);
  const page = await visitor.newPage();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_app/immutable/**', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/ledger', { waitUntil: 'commit' });
  const place = page.getByLabel('查看');
  await place.selectOption('community:shuyuan');
  release();
  // Hydrated: the root layout has mounted (its effects ran) once the scripts are in.
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
  expect(await place.inputValue()).toBe('community:shuyuan');
  await page.getByRole('button', { name: '查看' }).click();
  await page.waitForURL((url) => url.searchParams.get('place') === 'community:shuyuan');
  await visitor.close();
});
