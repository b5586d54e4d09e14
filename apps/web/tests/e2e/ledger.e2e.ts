// The burden-reduction ledger in the browser, on a phone: 书院社区's worker inventories a
// signboard with a photo from the camera, removes it with its basis, approver and before / after
// photos; a re-inspection finds it back (反弹) and names the department; the street officer sees
// the relapse on the street's dashboard; keeping a board outside the locality's rule is refused to
// the worker; a visitor without an account reads the figures.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

const register = '/work/ledger?community=shuyuan';

async function recordBoard(page: Page, title: string) {
  await page.goto(register);
  await page.getByRole('link', { name: '登记挂牌' }).click();
  await page.waitForURL((url) => url.pathname === '/work/ledger/new');
  // The camera opens on a phone: the photo input asks for the rear camera.
  expect(await page.locator('#ledger-item-photos').getAttribute('capture')).toBe('environment');
  await page.locator('#ledger-item-title').fill(title);
  await page.locator('#ledger-item-department').fill('市创建办');
  await page.locator('#ledger-item-weekly-minutes').fill('40');
  await page.locator('#ledger-item-photos').setInputFiles(photoFile('牌子.png'));
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/work/ledger');
  await page.getByRole('link', { name: title }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/work/ledger/0'));
}

async function act(page: Page, what: string) {
  const form = page.locator('form[action="?/act"]');
  await form.getByRole('radio', { name: what, exact: true }).check();
  await form.getByLabel('依据文号').fill('琴减负〔2026〕1号');
  await form.getByLabel('理由').fill('按照清理通知处理');
  await form.getByLabel('批准人（姓名、职务）').fill('书院社区 王主任');
  return form;
}

describe('the burden-reduction ledger', () => {
  test(
    'a board is recorded, removed, found back, and the street sees the relapse',
    { timeout: manyPagesTimeout },
    async () => {
      const title = '书院社区平安创建示范点';
      const worker = await phoneContext(browser);
      const page = await worker.newPage();
      await signIn(page, demo.shuyuanWorker);
      await recordBoard(page, title);
      await expect.poll(() => page.locator('main header').textContent()).toContain('在用');

      const form = await act(page, '摘除');
      await form.locator('#ledger-act-before').setInputFiles(photoFile('摘除前.png'));
      await form.locator('#ledger-act-after').setInputFiles(photoFile('摘除后.png'));
      await form.getByRole('button', { name: '保存处理结果' }).click();
      await expect.poll(() => page.locator('[data-entry="removed"]').count()).toBe(1);
      expect(await page.locator('[data-entry="removed"]').textContent()).toContain(
        '琴减负〔2026〕1号',
      );
      // Two photos, before and after.
      expect(await page.locator('[data-entry="removed"] img').count()).toBe(2);

      // Re-inspected: it is back on the wall.
      const inspect = page.locator('form[action="?/reinspect"]');
      await inspect.getByRole('radio', { name: '仍在' }).check();
      await inspect.getByRole('button', { name: '保存复查结果' }).click();
      await expect
        .poll(() => inspect.locator('#ledger-reinspect-department-error').textContent())
        .toContain('部门');
      await inspect.getByLabel('恢复的部门（发现反弹时填写）').fill('区综治办');
      await inspect.getByRole('button', { name: '保存复查结果' }).click();
      await expect.poll(() => page.locator('[data-entry="relapsed"]').count()).toBe(1);
      expect(await page.locator('main header').textContent()).toContain('区综治办');
      await worker.close();

      const officer = await phoneContext(browser);
      const street = await officer.newPage();
      await signIn(street, demo.yushanOfficer);
      await street.goto('/work/ledger/street?community=shuyuan');
      const relapses = street.getByTestId('ledger-relapses');
      expect(await relapses.textContent()).toContain(title);
      expect(await relapses.textContent()).toContain('区综治办');
      await officer.close();
    },
  );

  test(
    'keeping a board outside the rule is refused to the worker',
    { timeout: manyPagesTimeout },
    async () => {
      const worker = await phoneContext(browser);
      const page = await worker.newPage();
      await signIn(page, demo.shuyuanWorker);
      await recordBoard(page, '书院社区文明示范岗');
      const form = await act(page, '批准保留');
      await form.getByRole('button', { name: '保存处理结果' }).click();
      await expect.poll(() => form.getByRole('alert').textContent()).toContain('街道审批');
      await worker.close();
    },
  );

  test('a visitor reads the figures without an account', async () => {
    const visitor = await phoneContext(browser);
    const page = await visitor.newPage();
    await page.goto('/ledger');
    const figures = page.getByTestId('ledger-figures');
    expect(await figures.textContent()).toContain('每周减少工时');
    // A choice made in a select before hydration is reset by it (the session note's SelectField item).
    await page.waitForLoadState('networkidle');
    await page.getByLabel('查看').selectOption('community:shuyuan');
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL((url) => url.searchParams.get('place') === 'community:shuyuan');
    expect(await page.locator('svg[role="img"]').getAttribute('aria-label')).toContain('项');
    await visitor.close();
  });
});

describe('the admission catalogues', () => {
  test('a visitor reads this year’s certificate catalogue and the alternative to an unlisted one', async () => {
    const visitor = await phoneContext(browser);
    const page = await visitor.newPage();
    await page.goto('/catalogues');
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    await page
      .getByRole('link', { name: `村（居）民证明类盖章项目准入目录 · ${year} 年版` })
      .click();
    await page.waitForURL((url) => url.pathname === `/catalogues/city-certificates-${year}`);
    // What changed from last year, and why: the department's admitted request and a removal.
    const changes = await page
      .locator('section[aria-labelledby="catalogue-changes"]')
      .textContent();
    expect(changes).toContain('灵活就业人员就业登记证明');
    expect(changes).toContain('养老金资格认证改为数据比对');
    await page.getByLabel('证明名称').fill('无犯罪记录证明');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL((url) => url.searchParams.has('certificate'));
    expect(await page.getByTestId('catalogue-answer').textContent()).toContain('书面承诺');
    await visitor.close();
  });
});
