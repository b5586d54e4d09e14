// A street officer plans a cycle (方案共定), with JavaScript: drafts it with every field, is told
// beside the field what is missing, publishes it, moves it into its first phase on the scheduled
// day, is asked for a reason to move early into the next, amends a budget (not offered once voting
// opens); the public cycle page shows the phases, budgets, rules and the history with the reasons.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { phoneContext, signIn } from './helpers.ts';
import { people } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** YYYY-MM-DD in China time, `days` from today. */
const chinaDay = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('setting up a cycle', () => {
  test('draft, publish, move phases (with a reason when early), amend a budget', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, people.yushanOfficer);
    await page.goto('/admin/cycles');
    await page.getByRole('link', { name: '为虞山街道起草新的项目周期' }).click();

    const title = '虞山街道2026年度第二批微实事';
    await page.getByRole('textbox', { name: /^名称/ }).fill(title);
    await page.getByLabel('书院社区的预算（元）').fill('180000');
    // 虹桥社区 by the start of its name: another journey renames it.
    await page.getByLabel(/^虹桥\S*的预算/).fill('150000');
    // 湖苑社区 and 小义村 sit this one out.
    await page.getByLabel('湖苑社区的预算（元）').fill('');
    await page.getByLabel('小义村的预算（元）').fill('');
    await page.getByLabel(/^工程类/).fill('120000');
    await page.getByRole('checkbox', { name: '学习' }).uncheck();
    await page.getByLabel('最低年龄（周岁）').fill('18');
    await page.getByRole('radio', { name: /平等份额法/ }).check();
    const phases = ['建议征集', '筛选共议', '投票', '公示', '实施', '评价', '结束'];
    for (const [index, phase] of phases.entries()) {
      if (phase === '投票') continue; // left out: the form says so beside the field
      await page.getByLabel(`「${phase}」开始日期`).fill(chinaDay(index * 10));
    }
    await page.getByRole('button', { name: '保存草稿' }).click();
    const voting = page.getByLabel('「投票」开始日期');
    await page.locator('#cycle-voting-error').waitFor();
    expect(await voting.getAttribute('aria-invalid')).toBe('true');
    await voting.fill(chinaDay(20));
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/admin\/cycles\/[0-9a-f-]{36}$/);
    const cycleId = new URL(page.url()).pathname.split('/').at(-1)!;

    // A draft is not public.
    const visitor = await phoneContext(browser);
    const publicPage = await visitor.newPage();
    expect((await publicPage.goto(`/cycles/${cycleId}`))?.status()).toBe(404);

    await page.getByRole('button', { name: '发布项目周期' }).click();
    await page.getByRole('status').filter({ hasText: '已发布' }).waitFor();
    // Today is the scheduled first day of proposing: no reason needed.
    await page.getByRole('button', { name: '进入「建议征集」阶段' }).click();
    await page.getByRole('status').filter({ hasText: '已进入「建议征集」阶段' }).waitFor();
    // Screening is scheduled ten days on: moving now needs a reason.
    const advance = page.getByRole('form', { name: /下一阶段：筛选共议/ });
    await advance.getByRole('button', { name: '进入「筛选共议」阶段' }).click();
    // The missing reason is said beside the reason field.
    await advance.locator('#cycle-advance-reason-error').waitFor();
    expect(await advance.locator('#cycle-advance-reason-error').textContent()).toMatch(/理由/);
    await advance.getByLabel('理由').fill('两个社区的建议已征集完毕');
    await advance.getByRole('button', { name: '进入「筛选共议」阶段' }).click();
    await page.getByRole('status').filter({ hasText: '已进入「筛选共议」阶段' }).waitFor();

    const budget = page.getByRole('region', { name: '调整预算' });
    await budget.getByLabel(/^虹桥\S*的预算/).fill('165000');
    await budget.getByLabel('理由').fill('虹桥社区追加老旧小区专项');
    await budget.getByRole('button', { name: '保存预算调整' }).click();
    await budget.getByRole('status').waitFor();
    expect(await budget.getByLabel(/^虹桥\S*的预算/).inputValue()).toBe('165000');

    // Once voting opens, budgets are fixed: no budget form, and the page says why; the dates of
    // the phases not yet begun can still move.
    await page.goto('/admin/cycles/demo-cycle-voting');
    await page.getByRole('region', { name: '调整日程' }).waitFor();
    expect(await page.getByRole('region', { name: '调整预算' }).count()).toBe(0);
    await page.getByText('投票已经开始，预算不能再调整').waitFor();
    await context.close();

    await publicPage.goto('/cycles');
    await publicPage.getByRole('link', { name: title }).click();
    const phaseList = publicPage.getByRole('list', { name: '各阶段日程' });
    expect(await phaseList.locator('[aria-current=step]').textContent()).toContain('筛选共议');
    const budgets = await publicPage.getByRole('region', { name: '各社区预算' }).textContent();
    expect(budgets).toContain('165,000.00 元');
    expect(budgets).not.toContain('湖苑社区');
    const rules = await publicPage.getByRole('region', { name: '规则' }).textContent();
    expect(rules).toContain('平等份额法');
    expect(rules).toContain('年满 18 周岁');
    const history = await publicPage.getByRole('list', { name: '发布和调整记录' }).textContent();
    expect(history).toContain('理由：两个社区的建议已征集完毕');
    expect(history).toMatch(/虹桥\S*：150,000.00 元 → 165,000.00 元/);
    await visitor.close();
  });
});
