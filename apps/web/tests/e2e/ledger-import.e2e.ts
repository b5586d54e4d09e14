// A community worker on a phone, before JavaScript (none at all here): inventories the register
// from a spreadsheet — the check names each bad cell, nothing is imported until that row is
// skipped, then the good rows are, once; the template downloads. The worker records a task
// pushed outside the catalogues (清单外事项), and the street officer sees it on the dashboard.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { demo, manyPagesTimeout, phoneContext, signIn } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const csv = (lines: string[]) => ({
  name: '台账.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`),
});

describe('the ledger, by a worker', () => {
  test(
    'imports a spreadsheet: bad cells named, nothing written until skipped, each item once',
    { timeout: manyPagesTimeout },
    async () => {
      const worker = await phoneContext(browser, { javaScriptEnabled: false });
      const page = await worker.newPage();
      await signIn(page, demo.shuyuanWorker);
      await page.goto('/work/ledger?community=shuyuan');
      await page.getByRole('link', { name: '从表格导入' }).click();
      await page.waitForURL((url) => url.pathname === '/work/ledger/import');

      const template = await page.request.get('/work/ledger/import/template');
      expect(template.status()).toBe(200);
      expect(template.headers()['content-type']).toContain('spreadsheetml');

      const file = csv([
        '类别,名称,主管部门,每周耗时（分钟）,位置,用途',
        '挂牌,导入·书院社区志愿服务站,区文明办,20,室外,',
        '工作事项,导入·每月安全台账,区应急局,30,,安全检查',
        '挂牌,导入·无部门的牌子,,一小时,室外,',
      ]);
      await page.locator('input[name="file"]').setInputFiles(file);
      await page.getByRole('button', { name: '检查文件' }).click();
      const summary = page.getByText('可导入 2 行');
      expect(await summary.count()).toBe(1);
      const bad = page.locator('tr[data-row="4"]');
      expect(await bad.textContent()).toContain('C4');
      expect(await bad.textContent()).toContain('D4');

      // Importing with the bad row not skipped: refused, naming the cells; nothing imported.
      await page.getByRole('button', { name: '导入', exact: true }).click();
      expect(await page.getByRole('alert').textContent()).toContain('C4');
      await page.goto('/work/ledger?community=shuyuan');
      expect(await page.getByRole('link', { name: '导入·每月安全台账' }).count()).toBe(0);

      // Checked again, the bad row skipped: two imported; the same file again imports nothing.
      for (const imported of ['已导入 2 项', '已导入 0 项，2 项重复']) {
        await page.goto('/work/ledger/import?community=shuyuan');
        await page.locator('input[name="file"]').setInputFiles(file);
        await page.getByRole('button', { name: '检查文件' }).click();
        await page.locator('tr[data-row="4"]').getByLabel('跳过这一行').check();
        await page.getByRole('button', { name: '导入', exact: true }).click();
        expect(await page.getByRole('status').textContent()).toContain(imported);
      }
      await page.goto('/work/ledger?community=shuyuan');
      expect(await page.getByRole('link', { name: '导入·每月安全台账' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: '导入·书院社区志愿服务站' }).count()).toBe(1);
      await worker.close();
    },
  );

  test(
    'records a task pushed outside the catalogues, which the street sees',
    { timeout: manyPagesTimeout },
    async () => {
      const worker = await phoneContext(browser, { javaScriptEnabled: false });
      const page = await worker.newPage();
      await signIn(page, demo.shuyuanWorker);
      await page.goto('/work/ledger?community=shuyuan');
      await page.getByRole('link', { name: '清单外事项' }).click();
      await page.waitForURL((url) => url.pathname === '/work/ledger/off-catalogue');
      await page.locator('#off-title').fill('上报楼道堆物整治照片');
      await page.getByLabel('推送的部门').fill('区爱卫办');
      await page.getByLabel('方式').selectOption('chat_group');
      await page.getByRole('button', { name: '登记' }).click();
      expect(await page.getByRole('status').textContent()).toContain('已登记');
      expect(await page.getByTestId('off-catalogue-tasks').textContent()).toContain(
        '上报楼道堆物整治照片',
      );
      await worker.close();

      const officer = await phoneContext(browser);
      const street = await officer.newPage();
      await signIn(street, demo.yushanOfficer);
      await street.goto('/work/ledger/street?community=shuyuan');
      const tasks = street.getByTestId('off-catalogue-tasks');
      expect(await tasks.textContent()).toContain('上报楼道堆物整治照片');
      expect(await tasks.textContent()).toContain('区爱卫办');
      // The seeded ones too, by department.
      expect(await tasks.textContent()).toContain('区文明办');
      await officer.close();
    },
  );
});
