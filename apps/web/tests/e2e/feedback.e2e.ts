// Feedback to an author not selected (意见共商), with JavaScript: in the seed's summer cycle (in
// publicity), the 书院社区 worker sees on the work overview how many authors wait for feedback,
// gives the reason and suggestions on the pavilion, and the count goes down; its author 沈佳怡
// finds them in her feedback inbox (and is told in her notices), replies, carries the proposal
// into 虞山街道's next cycle, and the worker reads the reply in the thread.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { phoneContext, signIn, signInResident } from './helpers.ts';
import { people } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const pavilion = '中心绿地休闲凉亭';
const reason = '得票少于入选项目,本次预算已用完。';
const suggestions = '可改为两张遮阳伞座椅,费用控制在两万元以内,下一期再提。';

/** The work overview's count of authors waiting for feedback. */
async function waiting(page: Page): Promise<number> {
  await page.goto('/work?community=shuyuan');
  const tile = page.getByTestId('work-count-feedback');
  return Number((await tile.locator('span').first().textContent())?.trim());
}

describe('feedback to an author not selected', () => {
  test('the worker gives feedback, the author reads it and replies, the worker sees the reply', async () => {
    const worker = await phoneContext(browser);
    const page = await worker.newPage();
    await signIn(page, people.shuyuanWorker);
    const before = await waiting(page);
    expect(before).toBeGreaterThanOrEqual(2);

    await page.getByTestId('work-count-feedback').click();
    await page.waitForURL('**/work/feedback?community=shuyuan');
    await page.getByRole('link', { name: `查看「${pavilion}」的反馈` }).click();
    await page.getByRole('heading', { name: pavilion, level: 1 }).waitFor();
    await page.getByRole('textbox', { name: /^未入选原因/ }).fill(reason);
    await page.getByRole('textbox', { name: /^改进建议/ }).fill(suggestions);
    await page.getByRole('button', { name: '发送给提议人' }).click();
    await page.getByRole('status').filter({ hasText: '反馈已发送给提议人' }).waitFor();
    await page.getByTestId('feedback-reason').filter({ hasText: reason }).waitFor();
    expect(await waiting(page)).toBe(before - 1);

    const author = await phoneContext(browser);
    const home = await author.newPage();
    await signInResident(home, people.shenJiayi);
    await home.goto('/me/inbox');
    await home.getByText(`您的建议「${pavilion}」未能入选`).waitFor();
    await home.goto('/me/feedback');
    await home.getByRole('link', { name: `查看「${pavilion}」的反馈` }).click();
    await home.getByTestId('feedback-reason').filter({ hasText: reason }).waitFor();
    expect(await home.getByText(suggestions).count()).toBe(1);
    const reply = '谢谢说明,下一期我改成遮阳伞座椅再提。';
    await home.getByRole('textbox', { name: /^您的留言/ }).fill(reply);
    await home.getByRole('button', { name: '发送' }).click();
    await home.getByRole('status').filter({ hasText: '留言已发送' }).waitFor();
    await home.getByRole('listitem').filter({ hasText: reply }).waitFor();
    // She carries it into 虞山街道's next cycle, open for proposals: a new proposal, linked back.
    await home.getByLabel('转入的项目周期').selectOption('demo-cycle-yushan-next');
    await home.getByRole('button', { name: '转入该周期' }).click();
    await home.waitForURL('**/proposals/**');
    expect(home.url()).not.toContain('demo-n-pavilion');
    await home.getByRole('heading', { name: pavilion, level: 1 }).waitFor();
    await home.getByRole('link', { name: /由上一周期未入选的建议转入/ }).click();
    await home.waitForURL('**/proposals/demo-n-pavilion');
    await home.getByRole('link', { name: /已转入下一周期/ }).waitFor();
    await author.close();

    await page.goto('/work/feedback?community=shuyuan');
    const item = page.getByRole('listitem').filter({ hasText: pavilion });
    expect(await item.textContent()).toContain('提议人有新留言');
    await item.getByRole('link').click();
    await page.getByRole('listitem').filter({ hasText: reply }).waitFor();
    const answer = '好的,欢迎下一期再提。';
    await page.getByRole('textbox', { name: /^以社区名义回复/ }).fill(answer);
    await page.getByRole('button', { name: '发送' }).click();
    await page.getByRole('listitem').filter({ hasText: answer }).waitFor();
    await worker.close();
  });

  test('without JavaScript, the author replies and an empty message is refused', async () => {
    const author = await phoneContext(browser, { javaScriptEnabled: false });
    const home = await author.newPage();
    await signInResident(home, people.shenJiayi);
    await home.goto('/me/feedback');
    await home.getByRole('link', { name: `查看「${pavilion}」的反馈` }).click();
    await home.getByRole('button', { name: '发送' }).click();
    await home
      .getByRole('status')
      .or(home.getByRole('alert'))
      .filter({ hasText: '请填写' })
      .waitFor();
    const reply = '没有脚本也能留言。';
    await home.getByRole('textbox', { name: /^您的留言/ }).fill(reply);
    await home.getByRole('button', { name: '发送' }).click();
    await home.getByRole('listitem').filter({ hasText: reply }).waitFor();
    await author.close();
  });
});
