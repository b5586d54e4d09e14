// A department records a project's procurement and works (家园共建), in the seed's 书院社区 cycle
// being implemented: the street lit path (路灯) has its budget reviewed. The department's staff
// member records the award (a contract above the budget is refused first, beside its form, and
// nothing is written), starts the works with two milestones, records the first with a photo and
// its capture time, pays against it, and is refused a payment above the contract. The public
// project page then shows the contract, the photo and the money. Without JavaScript: the forms
// are plain form actions.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext, signIn } from './helpers.ts';
import { photoFile } from './micro-helpers.ts';

const department = { loginName: 'department', password: 'qinhu-department-2025' };
const projectPath = '/projects/demo-i-lights';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a department records a project', () => {
  test(
    'award, milestones with photos and payments; money refusals write nothing',
    { timeout: manyPagesTimeout },
    async () => {
      const context = await phoneContext(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      await signIn(page, department);
      // The department's home is its project desk, which lists the project it implements.
      expect(new URL(page.url()).pathname).toBe('/implementation');
      await page.getByRole('heading', { level: 1, name: '项目工作台' }).waitFor();
      await page.getByRole('heading', { level: 4, name: '北门小路路灯' }).getByRole('link').click();
      await page.waitForURL((url) => url.pathname === projectPath);
      await page.getByRole('link', { name: '记录下一步' }).click();
      await page.waitForURL((url) => url.pathname === `${projectPath}/manage`);

      const award = page.locator('form[action="?/awardContract"]');
      await award.getByLabel('采购方式').selectOption('inquiry');
      await award.getByLabel('投标（报价）单位').fill('琴湖市政 29000\n虞城照明 27000');
      await award.getByLabel('中标单位').fill('琴湖市政');
      await award.getByLabel('合同金额（元）').fill('29000');
      await award.getByLabel('定标理由').fill('灯具质保期更长。');
      await award.getByRole('button', { name: '记录定标' }).click();
      await page.waitForLoadState();
      expect(await page.locator('form[action="?/awardContract"]').textContent()).toContain(
        '超过概审核定的预算',
      );

      const again = page.locator('form[action="?/awardContract"]');
      await again.getByLabel('投标（报价）单位').fill('琴湖市政 29000\n虞城照明 27000');
      await again.getByLabel('中标单位').fill('虞城照明');
      await again.getByLabel('合同金额（元）').fill('27000');
      await again.getByLabel('定标理由').fill('报价最低，资质符合。');
      await again.getByRole('button', { name: '记录定标' }).click();
      await page.waitForLoadState();

      const start = page.locator('form[action="?/startWorks"]');
      await start
        .getByLabel('施工节点')
        .fill('基础与管线，40，2026-01-10\n灯杆安装与通电，60，2026-01-30');
      await start.getByRole('button', { name: '记录开工' }).click();
      await page.waitForLoadState();

      const milestone = page.locator('form[action="?/reachMilestone"]');
      await milestone.locator('#milestone-photos').setInputFiles(photoFile('管线.png'));
      await milestone.getByLabel('拍摄阶段').selectOption('during');
      await milestone.getByLabel('拍摄时间').fill('2026-01-09T15:30');
      await milestone.getByRole('button', { name: '记录节点' }).click();
      await page.waitForLoadState();

      const payment = page.locator('form[action="?/recordPayment"]');
      await payment.getByLabel('金额（元）').fill('10000');
      await payment.getByLabel('节点').selectOption('m1');
      await payment.getByRole('button', { name: '记录付款' }).click();
      await page.waitForLoadState();
      const tooMuch = page.locator('form[action="?/recordPayment"]');
      await tooMuch.getByLabel('金额（元）').fill('17000.01');
      await tooMuch.getByRole('button', { name: '记录付款' }).click();
      await page.waitForLoadState();
      expect(await page.locator('form[action="?/recordPayment"]').textContent()).toContain(
        '本次付款未记录',
      );

      await page.goto(projectPath);
      const body = await page.locator('main').textContent();
      expect(body).toContain('虞城照明');
      expect(body).toMatch(/合同金额\s*27,000\.00 元/);
      expect(body).toMatch(/已支付\s*10,000\.00 元/);
      expect(body).toContain('施工中，拍摄于');
      expect(
        await page.getByRole('progressbar', { name: '工程进度' }).getAttribute('aria-valuenow'),
      ).toBe('40');
      expect(await page.getByRole('img').count()).toBe(1);
      await context.close();
    },
  );
});
