// The open data from the public pages, as an anonymous visitor on a phone without JavaScript: the
// cycle page's 数据下载 section links each list as CSV (with a BOM) and JSON, and the index of every
// dataset; a meeting's page links its community's meetings, motions and resolutions.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { baseURL, phoneContext } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('open data from the public pages', () => {
  test('a visitor finds the cycle’s and the meetings’ data and downloads it', async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/cycles/demo-cycle-implementing');
    const section = page.getByRole('region', { name: '数据下载' });
    const proposals = section.getByRole('listitem').filter({ hasText: '提案及结果' });
    const csvHref = await proposals.getByRole('link', { name: 'CSV' }).getAttribute('href');
    expect(csvHref).toBe('/api/public/cycles/demo-cycle-implementing/proposals.csv');
    const csv = new Uint8Array(await (await fetch(new URL(csvHref!, baseURL))).arrayBuffer());
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await section.getByRole('link', { name: '全部数据集及各列说明' }).click();
    expect(await page.textContent('body')).toMatch(/"openapi":\s*"\/api\/public\/openapi\.json"/);

    await page.goto('/meetings/demo-meeting-shuyuan-12');
    const meetings = page
      .getByRole('region', { name: '数据下载' })
      .getByRole('listitem')
      .filter({ hasText: '会议' })
      .first();
    const jsonHref = await meetings.getByRole('link', { name: 'JSON' }).getAttribute('href');
    const data = (await (await fetch(new URL(jsonHref!, baseURL))).json()) as { rows: unknown[] };
    expect(data.rows.length).toBeGreaterThan(0);
    await context.close();
  });
});
