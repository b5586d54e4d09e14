// A community worker takes in a paper proposal, with JavaScript off (plain form posts and a
// multipart photo upload): finds the resident, enters the proposal, is stopped when entering
// the same paper twice, confirms it is another one, and merges the duplicate into the first.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { phoneContext, signIn } from './helpers.ts';
import { people, photoFile } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('offline entry and merging, without JavaScript', () => {
  test('a worker enters a paper proposal twice, confirms the repeat, then merges it', async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, people.qinfengWorker);

    await page.goto('/work/intake');
    await page.getByRole('link', { name: /线下录入/ }).click();
    await page.getByLabel('姓名、手机号或手机号后四位').fill('13900001001');
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByRole('link', { name: '为顾月琴录入' }).click();
    await page.getByRole('heading', { name: /为 顾月琴（139\*\*\*\*1001）录入/ }).waitFor();

    const title = '琴枫社区活动室添置图书和书架';
    const enter = async () => {
      await page.getByLabel('建议标题').fill(title);
      await page.getByLabel('具体内容').fill('活动室的书都是旧的，希望添置新书和两个书架。');
      await page.getByRole('radio', { name: /^货物类/ }).check();
      await page.getByLabel('估算费用（元）').fill('12000');
      await page.getByLabel('地点').fill('琴枫社区党群服务中心二楼');
      // As large as a phone's photo.
      await page.locator('#proposal-photos').setInputFiles(photoFile('书架.png', true));
      await page.getByRole('button', { name: '代居民提交' }).click();
    };
    await enter();
    await page.waitForURL('**/proposals/**');
    const firstId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(await page.getByRole('status').textContent()).toContain('已代居民录入');
    await page.getByRole('img', { name: `照片 1/1：${title}` }).waitFor();
    const history = await page.getByRole('list', { name: '全过程记录' }).textContent();
    expect(history).toContain('由社区工作者代为登记');

    // The same paper again: stopped with the proposal already entered named and linked.
    await page.goBack();
    await enter();
    const stopped = page.getByRole('alert').filter({ hasText: '同名建议' });
    await stopped.waitFor();
    expect(await stopped.textContent()).toContain(firstId);
    const existing = page.getByRole('link', { name: '查看已经录入的那条建议' });
    expect(await existing.getAttribute('href')).toMatch(new RegExp(`/proposals/${firstId}$`));
    // The photo uploaded with the refused post stays; the worker confirms it is another one.
    expect(await page.getByRole('checkbox', { name: '保留第 1 张' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: /确认录入/ }).check();
    await page.getByRole('button', { name: '代居民提交' }).click();
    await page.waitForURL('**/proposals/**');
    const secondId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(secondId).not.toBe(firstId);

    // It was a duplicate after all: merge it into the first.
    await page.goto('/work/intake');
    const duplicate = page
      .getByRole('listitem')
      .filter({ has: page.locator(`a[href$="/proposals/${secondId}"]`) });
    await duplicate.getByRole('link', { name: /合并到另一条/ }).click();
    await page.locator(`input[name=targetId][value="${firstId}"]`).check();
    await page.getByLabel('说明（可不填）').fill('同一份纸质建议录了两次');
    await page.getByRole('button', { name: '确认合并' }).click();
    await page.waitForURL('**/work/intake?**');
    expect(await page.getByRole('status').textContent()).toContain('已合并');
    expect(await page.locator(`a[href$="/proposals/${secondId}"]`).count()).toBe(0);

    await page.goto(`/proposals/${secondId}`);
    await page.getByRole('link', { name: /查看合并后的建议/ }).click();
    await page.waitForURL(`**/proposals/${firstId}`);
    expect(await page.getByRole('list', { name: '全过程记录' }).textContent()).toContain(
      `合并了重复建议「${title}」`,
    );
    await context.close();
  });
});
