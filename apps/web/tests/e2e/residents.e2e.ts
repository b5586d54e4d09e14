// Residents and the workers who look after them. A resident registers (reading the one-time code
// from the server's console), declares a second tie, and sees one verified by the community
// worker and the other rejected, with the reason, by the street officer. Without JavaScript, a
// resident registers with two ties after a wrong code, then deletes their personal data. A
// worker registers an elderly resident in person, who then sets a password with a code and sees
// who registered them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import {
  demo,
  phoneContext,
  registerResident,
  requestCode,
  signIn,
  signInResident,
} from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('residents', () => {
  test('register, declare a tie, and see one verified and one rejected with its reason', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await registerResident(page, {
      name: '张美华',
      phone: '13800000001',
      password: 'lanhua-2025',
      birthYear: '1956',
      streetId: 'yushan',
      communityId: 'shuyuan',
      kind: 'lives',
    });
    await page.getByRole('status').filter({ hasText: '注册成功' }).waitFor();
    const ties = page.getByRole('region', { name: '我与社区的联系' });
    expect(await ties.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/书院社区\s*居住\s*待核实/),
    ]);

    // The form starts at the street of the resident's own tie and offers its communities only;
    // another street, once listed, offers its own.
    const declare = page.getByRole('region', { name: '申报与其他社区的联系' });
    const street = declare.getByLabel('街道', { exact: true });
    const community = declare.getByLabel('社区或村', { exact: true });
    const listStreet = declare.getByRole('button', { name: '列出这个街道的社区和村' });
    expect(await street.inputValue()).toBe('yushan');
    expect(await community.locator('option').allTextContents()).toEqual([
      '请选择',
      '书院社区',
      '虹桥社区',
      '湖苑社区',
      '小义村',
    ]);
    await street.selectOption('qinchuan');
    await listStreet.click();
    await page.waitForURL((url) => url.searchParams.get('street') === 'qinchuan');
    expect(await community.locator('option').allTextContents()).toContain('琴枫社区');
    expect(await community.locator('option').allTextContents()).not.toContain('虹桥社区');
    await street.selectOption('yushan');
    await listStreet.click();
    await page.waitForURL((url) => url.searchParams.get('street') === 'yushan');
    await community.selectOption('hongqiao');
    await declare.getByLabel('我在这里', { exact: true }).selectOption('works');
    await declare.getByRole('button', { name: '申报' }).click();
    await declare.getByRole('status').filter({ hasText: '已申报' }).waitFor();
    await ties.getByRole('listitem').filter({ hasText: '虹桥社区' }).waitFor();
    expect(await ties.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/书院社区\s*居住\s*待核实/),
      expect.stringMatching(/虹桥社区\s*工作\s*待核实/),
    ]);

    // The worker of 书院社区 lands on the work overview, follows its count of ties to verify,
    // sees only the tie to their community, and verifies it.
    const workerContext = await phoneContext(browser);
    const worker = await workerContext.newPage();
    await signIn(worker, demo.shuyuanWorker);
    expect(new URL(worker.url()).pathname).toBe('/work');
    await worker.getByRole('link', { name: /待核实的居民关系/ }).click();
    await worker.waitForURL((url) => url.pathname === '/work/verification');
    const declared = worker.getByRole('article', { name: '张美华' });
    expect(await declared.count()).toBe(1);
    expect(await declared.textContent()).toContain('138****0001');
    await declared.getByLabel('核实说明').fill('已查看户口簿');
    await declared.getByRole('button', { name: '核实通过：张美华' }).click();
    await worker.getByRole('status').filter({ hasText: '已核实：张美华' }).waitFor();
    expect(await worker.getByRole('article', { name: '张美华' }).count()).toBe(0);
    await workerContext.close();

    // The street officer covers 虹桥社区 too, and does not accept the other tie.
    const officerContext = await phoneContext(browser);
    const officer = await officerContext.newPage();
    await signIn(officer, demo.yushanOfficer);
    await officer.goto('/work/verification?community=hongqiao');
    const other = officer.getByRole('article', { name: '张美华' });
    await other.getByText('不通过…').click();
    await other.getByLabel('不通过的原因').fill('请带劳动合同到社区核实');
    await other.getByRole('button', { name: '不通过：张美华' }).click();
    await officer.getByRole('status').filter({ hasText: '已驳回：张美华' }).waitFor();
    await officerContext.close();

    await page.reload();
    expect(await ties.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/书院社区\s*居住\s*已核实\s*核实说明：已查看户口簿/),
      expect.stringMatching(/虹桥社区\s*工作\s*未通过\s*未通过的原因：请带劳动合同到社区核实/),
    ]);
    const acts = page.getByRole('region', { name: '他人代我办理的事项' });
    expect(await acts.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/社区联系被驳回\s*陈晓燕/),
      expect.stringMatching(/社区联系已核实\s*李桂英/),
    ]);
    await context.close();
  });

  test('without JavaScript: register with two ties after a wrong code, then delete my data', async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const phone = '13900000002';
    // The street first: the form comes with that street's communities.
    await page.goto('/register');
    expect(await page.getByLabel('姓名').count()).toBe(0);
    await page.getByLabel('您住在（或工作、上学在）哪个街道').selectOption('yushan');
    await page.getByRole('button', { name: '列出这个街道的社区和村' }).click();
    await page.waitForURL((url) => url.searchParams.get('street') === 'yushan');
    await page.getByLabel('姓名').fill('李建华');
    await page.getByLabel('出生年份').fill('1962');
    await page.getByLabel('社区或村（第 1 个）').selectOption('shuyuan');
    await page.getByRole('button', { name: '再添加一个社区' }).click();
    await page.getByLabel('社区或村（第 2 个）').selectOption('xiaoyi');
    await page.getByLabel('我在这里（第 2 个）').selectOption('works');
    expect(await page.getByLabel('姓名').inputValue()).toBe('李建华');
    await page.getByLabel('手机号').fill(phone);
    const code = await requestCode(page, phone);
    expect(await page.getByRole('status').textContent()).toContain('139****0002');

    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByLabel('短信验证码').fill(wrong);
    await page.getByLabel('设置密码').fill('lijianhua-62');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    expect(await page.locator('#register-code-error').textContent()).toContain('验证码不正确');
    expect(await page.getByLabel('社区或村（第 2 个）').inputValue()).toBe('xiaoyi');

    await page.getByLabel('短信验证码').fill(code);
    await page.getByLabel('设置密码').fill('lijianhua-62');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/me');
    const ties = page.getByRole('region', { name: '我与社区的联系' });
    expect(await ties.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/书院社区\s*居住\s*待核实/),
      expect.stringMatching(/小义村\s*工作\s*待核实/),
    ]);

    await page.getByRole('link', { name: '注销' }).click();
    await page.getByLabel('请输入密码确认').fill('not-my-password');
    await page.getByRole('button', { name: '永久注销并删除我的个人信息' }).click();
    expect(await page.locator('#forget-password-error').textContent()).toContain('密码不正确');
    await page.getByLabel('请输入密码确认').fill('lijianhua-62');
    await page.getByRole('button', { name: '永久注销并删除我的个人信息' }).click();
    await page.waitForURL((url) => url.pathname === '/goodbye');
    expect(await page.getByRole('status').textContent()).toContain('个人信息已删除');

    await page.goto('/login');
    await page.locator('#resident-phone').fill(phone);
    await page.locator('#resident-password').fill('lijianhua-62');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    expect(await page.getByRole('alert').textContent()).toContain('手机号或密码不正确');
    await context.close();
  });

  test('a worker registers a resident in person, who sets a password and sees who did it', async () => {
    const workerContext = await phoneContext(browser);
    const worker = await workerContext.newPage();
    await signIn(worker, demo.shuyuanWorker);
    await worker.getByRole('link', { name: '查找和登记居民' }).click();
    const onSpot = worker.getByRole('region', { name: '现场登记居民' });
    await onSpot.getByLabel('姓名').fill('赵阿婆');
    await onSpot.getByLabel('手机号').fill('137 0000 0003');
    await onSpot.getByLabel('出生年份').fill('1938');
    await onSpot.getByRole('button', { name: '登记' }).click();
    expect(await onSpot.locator('#on-spot-consent-error').textContent()).toContain('签字同意');
    await onSpot.getByLabel(/居民已在纸质登记表上签字/).check();
    await onSpot.getByRole('button', { name: '登记' }).click();
    await onSpot.getByRole('status').filter({ hasText: '已登记：赵阿婆' }).waitFor();

    await worker.getByLabel(/姓名、手机号后四位/).fill('0003');
    await worker.getByRole('button', { name: '查找' }).click();
    const found = worker.getByRole('article', { name: '赵阿婆' });
    expect(await found.textContent()).toMatch(
      /137\*\*\*\*0003[\s\S]*现场办理注册[\s\S]*尚未设置密码/,
    );
    await workerContext.close();

    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: /用短信验证码设置密码/ }).click();
    await page.waitForURL((url) => url.pathname === '/password');
    await page.getByLabel('手机号').fill('13700000003');
    const code = await requestCode(page, '13700000003');
    await page.getByLabel('短信验证码').fill(code);
    await page.getByLabel('设置密码').fill('zhao-apo-1938');
    await page.getByRole('button', { name: '设置密码并登录' }).click();
    await page.waitForURL((url) => url.pathname === '/me');
    await page.getByRole('status').filter({ hasText: '密码已设置' }).waitFor();
    const acts = page.getByRole('region', { name: '他人代我办理的事项' });
    expect(await acts.getByRole('listitem').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/由社区工作者现场登记为居民\s*李桂英 · 现场办理/),
      ]),
    );
    await context.close();

    // The new password works on its own.
    const again = await phoneContext(browser);
    await signInResident(await again.newPage(), {
      phone: '13700000003',
      password: 'zhao-apo-1938',
    });
    await again.close();
  });
});
