// Staff administration by a street officer: open an account for a community worker of one of
// the street's communities, grant and revoke a second role, see the worker sign in to their
// community's work, and deactivate the account.
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

describe('staff accounts', () => {
  test('a street officer opens an account, grants and revokes a role, then deactivates it', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, demo.yushanOfficer);
    await page.getByRole('link', { name: '工作人员' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/staff');

    const create = page.getByRole('region', { name: '开设工作人员账号' });
    // A street officer grants community roles only.
    const roles = await create.getByLabel('角色').locator('option').allTextContents();
    expect(roles).not.toContain('市级管理员');
    expect(roles).toContain('社区工作者');
    await create.getByLabel('姓名').fill('周小红');
    await create.getByLabel('登录名').fill('zhou.xh');
    await create.getByLabel('初始密码').fill('huyuan-2025');
    await create.getByLabel('角色').selectOption('community_worker');
    await create.getByLabel('范围').selectOption('community:huyuan');
    await create.getByRole('button', { name: '开设账号' }).click();
    await create.getByRole('status').filter({ hasText: '已开设账号：周小红' }).waitFor();

    const account = page.getByRole('article', { name: /周小红/ });
    await account.waitFor();
    expect(await account.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/社区工作者\s*湖苑社区/),
    ]);
    await account.getByText('授予角色…').click();
    await account.getByLabel('角色').selectOption('committee_member');
    await account.getByLabel('范围').selectOption('community:huyuan');
    await account.getByRole('button', { name: '授予' }).click();
    await account.getByRole('status').filter({ hasText: '已授予' }).waitFor();
    await account.getByRole('listitem').filter({ hasText: '社区两委成员' }).waitFor();
    await account.getByRole('button', { name: '撤销：周小红的社区两委成员（湖苑社区）' }).click();
    await account.getByRole('status').filter({ hasText: '已撤销该角色' }).waitFor();
    expect(await account.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/社区工作者\s*湖苑社区/),
    ]);

    // The new worker signs in to their community's work.
    const workerContext = await phoneContext(browser);
    const worker = await workerContext.newPage();
    await signIn(worker, { loginName: 'zhou.xh', password: 'huyuan-2025' });
    expect(new URL(worker.url()).pathname).toBe('/work');
    expect(await worker.getByRole('main').textContent()).toMatch(/当前社区：\s*湖苑社区/);

    await account.getByText('停用账号…').click();
    await account.getByLabel('停用原因（可不填）').fill('调往其他街道');
    await account.getByRole('button', { name: '停用账号' }).click();
    await account.getByRole('status').filter({ hasText: '账号已停用' }).waitFor();
    expect(await account.textContent()).toContain('已停用');

    // Their open session ended with the account.
    await worker.reload();
    expect(new URL(worker.url()).pathname).toBe('/login/staff');
    await workerContext.close();
    await context.close();
  });
});
