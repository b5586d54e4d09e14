// A resident proposes (建议共提) with JavaScript: a cost above the category's cap is refused
// with the reason while the uploaded photo is kept, then the proposal goes in, shows on its
// public page with the photo and its history, in "my proposals" and in the inbox. Another
// resident co-signs (附议) a proposal of her community.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { phoneContext, signInResident } from './helpers.ts';
import { demoCycles, people, photoFile } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a resident proposes and co-signs', () => {
  test('submits with a photo, after a refused cost; sees it public, in my proposals and inbox', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signInResident(page, people.guYueqin);

    await page.goto('/cycles');
    await page.getByRole('link', { name: /幸福微实事/ }).click();
    await page.getByRole('link', { name: '我要提建议' }).click();
    await page.waitForURL(`**/cycles/${demoCycles.qinchuan}/propose`);
    // Her one verified tie in this cycle's communities.
    await page.getByText('为琴枫社区提建议').waitFor();

    const title = '琴枫社区北门快递柜加装遮阳棚';
    await page.getByLabel('建议标题').fill(title);
    await page.getByLabel('具体内容').fill('快递柜朝西，下午暴晒，取件的老人常被晒得睁不开眼。');
    await page.getByRole('radio', { name: /^货物类/ }).check();
    await page.getByLabel('估算费用（元）').fill('45000');
    await page.getByLabel('地点').fill('琴枫社区北门快递柜');
    await page.locator('#proposal-photos').setInputFiles(photoFile('快递柜.png'));
    await page.getByRole('button', { name: '提交建议' }).click();

    // Goods are capped at 30,000 yuan in this cycle: refused, the reason said beside the cost,
    // the photo kept.
    const refusal = page.locator('#proposal-estimated-cost-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/30,000/);
    const kept = page.getByRole('checkbox', { name: '保留第 1 张' });
    expect(await kept.isChecked()).toBe(true);

    await page.getByLabel('估算费用（元）').fill('6800');
    await page.getByRole('button', { name: '提交建议' }).click();
    await page.waitForURL('**/proposals/**');
    expect(await page.getByRole('status').textContent()).toContain('建议已提交');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const photo = page.getByRole('img', { name: `照片 1/1：${title}` });
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
    const history = page.getByRole('list', { name: '全过程记录' });
    expect(await history.textContent()).toMatch(/居民 #[0-9a-f]{6}.*提交了货物类建议/s);
    // Public: her name and number are nowhere in what the page says about the proposal.
    const text = await page.getByRole('main').innerText();
    expect(text).not.toContain('顾月琴');
    expect(text).not.toContain('13900001001');
    await page.screenshot({ path: '/tmp/gongzhi-proposal.png', fullPage: true });

    await page.goto('/me/proposals');
    const mine = page.getByRole('article', { name: title });
    await mine.getByRole('link', { name: '修改' }).waitFor();

    await page.goto('/me/inbox');
    const notice = page.getByRole('listitem').filter({ hasText: `您的建议「${title}」已提交` });
    await notice.waitFor();
    const nav = page.getByRole('navigation', { name: '主导航' });
    expect(await nav.getByRole('link', { name: /消息（\d+ 条未读）/ }).count()).toBe(1);
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await nav.getByRole('link', { name: '消息', exact: true }).waitFor();
    await context.close();
  });

  test('a resident co-signs a proposal of her community once', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signInResident(page, people.shenJiayi);
    await page.goto('/proposals/demo-p-meals');
    const counts = page.getByText(/\d+ 人提议，\d+ 人附议/);
    const before = Number((await counts.textContent())?.match(/(\d+) 人附议/)?.[1]);
    const coSign = page.getByRole('region', { name: '附议' });
    await coSign.getByRole('button', { name: '我要附议' }).click();
    await coSign.getByRole('status').filter({ hasText: '已附议' }).waitFor();
    await coSign.getByText('您已附议这条建议。').waitFor();
    expect(await counts.textContent()).toContain(`${before + 1} 人附议`);
    expect(await coSign.getByRole('button').count()).toBe(0);
    await context.close();
  });
});
