// Outcome reports in the browser: 虞山街道's officer compiles, previews and publishes the report of
// the demo cycle being evaluated; after 书院社区's worker removes a signboard (the register's
// figures change), the officer previews again, is asked for a reason, and publishes the correction
// as version 2. A visitor without an account finds both versions on the street's page with their
// hashes and what changed, opens the printable notice with its QR code, and follows the feed.
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { violationsAt } from './axe.ts';
import { launchChromium } from './chromium.ts';
import { demo, manyPagesTimeout, phoneContext, signIn } from './helpers.ts';
import { photoFile } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const compile = '/streets/yushan/reports/compile';
const period = 'cycle:demo-cycle-evaluating';

async function preview(page: Page) {
  await page.goto(compile);
  await page.locator('#report-period').selectOption(period);
  await page.locator('#report-preview').click();
  await page.waitForURL((url) => url.searchParams.get('period') === period);
  return (await page.locator('#report-preview-state').textContent()) ?? '';
}

/** 书院社区's worker records a signboard and removes it: the ledger's figures change. */
async function removeABoard(page: Page) {
  await signIn(page, demo.shuyuanWorker);
  await page.goto('/work/ledger?community=shuyuan');
  await page.getByRole('link', { name: '登记挂牌' }).click();
  await page.waitForURL((url) => url.pathname === '/work/ledger/new');
  await page.locator('#ledger-item-title').fill('成果报告测试牌子');
  await page.locator('#ledger-item-department').fill('市创建办');
  await page.locator('#ledger-item-weekly-minutes').fill('10');
  await page.locator('#ledger-item-photos').setInputFiles(photoFile('牌子.png'));
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/work/ledger');
  await page.getByRole('link', { name: '成果报告测试牌子' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/work/ledger/0'));
  const form = page.locator('form[action="?/act"]');
  await form.getByRole('radio', { name: '摘除', exact: true }).check();
  await form.getByLabel('依据文号').fill('琴减负〔2026〕9号');
  await form.getByLabel('理由').fill('按照清理通知处理');
  await form.getByLabel('批准人（姓名、职务）').fill('书院社区 王主任');
  await form.locator('#ledger-act-before').setInputFiles(photoFile('摘除前.png'));
  await form.locator('#ledger-act-after').setInputFiles(photoFile('摘除后.png'));
  await form.getByRole('button', { name: '保存处理结果' }).click();
  await expect.poll(() => page.locator('[data-entry="removed"]').count()).toBe(1);
}

describe('street outcome reports', () => {
  test(
    'an officer publishes and corrects a report; a visitor sees both versions, the notice and the feed',
    { timeout: manyPagesTimeout * 2 },
    async () => {
      const officer = await (await phoneContext(browser)).newPage();
      await signIn(officer, demo.yushanOfficer);
      await officer.goto('/');
      await officer.getByRole('link', { name: '成果报告' }).first().click();
      await officer.waitForURL((url) => url.pathname === compile);

      expect(await preview(officer)).toContain('第 1 版');
      await officer.locator('#report-publish').click();
      await officer.waitForURL((url) => url.pathname.startsWith('/reports/'));
      const reportPath = new URL(officer.url()).pathname;
      const firstHash = (await officer.locator('#report-sha256').textContent())!.trim();
      expect(firstHash).toMatch(/^[0-9a-f]{64}$/);

      // The same data again: nothing new to publish.
      expect(await preview(officer)).toContain('完全相同');

      await removeABoard(await (await phoneContext(browser)).newPage());

      // Now it differs: a correction, which needs a reason.
      expect(await preview(officer)).toContain('更正');
      await officer.locator('#report-publish').click();
      await expect.poll(() => officer.locator('[role=alert]').count()).toBeGreaterThan(0);
      expect(await preview(officer)).toContain('更正');
      await officer.locator('#report-reason').fill('补记书院社区清理的牌子');
      await officer.locator('#report-publish').click();
      await officer.waitForURL((url) => url.searchParams.get('version') === '2');

      // A visitor without an account.
      const visitor = await (await phoneContext(browser)).newPage();
      await visitor.goto('/streets/yushan/reports');
      await visitor.locator(`a[href="${reportPath}"]`).click();
      await visitor.waitForURL((url) => url.pathname === reportPath);
      const main = visitor.locator('main');
      expect(await main.textContent()).toContain('补记书院社区清理的牌子');
      expect((await visitor.locator('#report-previous-hash').textContent())!.trim()).toBe(
        firstHash,
      );
      expect(await main.textContent()).toContain('哈希链完整');
      expect(
        await visitor.locator('section[aria-labelledby="report-changes"] tbody tr').count(),
      ).toBeGreaterThan(0);
      await visitor.getByRole('link', { name: '第 1 版' }).click();
      await visitor.waitForURL((url) => url.searchParams.get('version') === '1');
      expect((await visitor.locator('#report-sha256').textContent())!.trim()).toBe(firstHash);
      // The visitor downloads version 1's data: its SHA-256 is the hash the page shows.
      const jsonHref = await visitor.getByRole('link', { name: /^JSON/ }).getAttribute('href');
      const data = await visitor.request.get(jsonHref!);
      expect(
        createHash('sha256')
          .update(await data.body())
          .digest('hex'),
      ).toBe(firstHash);
      const csv = await visitor.request.get(
        (await visitor.getByRole('link', { name: /^CSV/ }).getAttribute('href'))!,
      );
      expect((await csv.text()).startsWith('\uFEFFsection,figure,value,unit,suppressed')).toBe(
        true,
      );

      await visitor.getByRole('link', { name: '打印公示' }).click();
      await visitor.waitForURL((url) => url.pathname === `${reportPath}/notice`);
      expect((await visitor.locator('#notice-sha256').textContent())!.trim()).toBe(firstHash);
      expect(await visitor.locator('article svg').count()).toBeGreaterThan(0);

      // WCAG 2.1 A/AA on the new pages, public and the officer's.
      const problems = [];
      for (const path of ['/streets/yushan/reports', reportPath, `${reportPath}/notice`]) {
        problems.push(...(await violationsAt(visitor, path)));
      }
      problems.push(...(await violationsAt(officer, `${compile}?period=${period}`)));
      expect(problems).toEqual([]);

      await visitor.goto(reportPath);
      const feedHref = await visitor
        .getByRole('link', { name: '订阅发布与更正（Atom）' })
        .getAttribute('href');
      const feed = await visitor.request.get(feedHref!);
      expect(feed.status()).toBe(200);
      const atom = await feed.text();
      expect(atom.match(/<entry>/g)).toHaveLength(2);
      expect(atom).toContain('更正原因：补记书院社区清理的牌子');
    },
  );
});
