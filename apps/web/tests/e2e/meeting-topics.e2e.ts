// Topics (议题) from a resident to an agenda: 顾月琴 raises two topics on her phone; her neighbour
// 沈佳怡 supports one; the worker of 书院社区 accepts it for the council and declines the other
// with a reason; convening, the worker puts the accepted topic on the agenda; 顾月琴 reads the
// reason for the one declined and finds the other on the meeting's notice.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext, signIn, signInResident } from './helpers.ts';
import { people } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('meeting topics', () => {
  test(
    'a resident’s topic is supported, accepted and put on an agenda; another is declined with a reason',
    { timeout: manyPagesTimeout * 2 },
    async () => {
      const run = String(Date.now()).slice(-5);
      const wanted = `单元门禁坏了 ${run}`;
      const declined = `楼上装修太吵 ${run}`;

      const author = await (await phoneContext(browser)).newPage();
      await signInResident(author, people.guYueqin);
      await author.goto('/me/topics');
      for (const title of [wanted, declined]) {
        await author.locator('#raise-title').fill(title);
        await author.locator('#raise-detail').fill('三单元门禁刷卡没反应，老人进出不便。');
        await author.getByRole('button', { name: '提交议题' }).click();
        await expect.poll(() => author.getByText(`议题「${title}」已提交`).count()).toBe(1);
      }
      const mine = author.locator('section', { hasText: '我提出的议题' });
      await expect
        .poll(() => mine.locator('li', { hasText: wanted }).textContent())
        .toContain('待处理');

      // A neighbour supports it from her own topics page.
      const neighbour = await (await phoneContext(browser)).newPage();
      await signInResident(neighbour, people.shenJiayi);
      await neighbour.goto('/me/topics');
      const row = neighbour.locator('li', { hasText: wanted });
      await row.getByRole('button', { name: '附议' }).click();
      await expect.poll(() => row.getByText('已附议。').count()).toBe(1);
      await expect.poll(() => row.textContent()).toContain('附议 1 人');

      // The worker screens both.
      const worker = await (await phoneContext(browser)).newPage();
      await signIn(worker, people.shuyuanWorker);
      await worker.goto('/work/meetings/topics?community=shuyuan');
      // A topic's row is the one whose title links to it (others name it in their merge lists).
      const rowOf = (title: string) =>
        worker.locator('li[data-topic]').filter({ has: worker.getByRole('link', { name: title }) });
      const accepted = rowOf(wanted);
      await accepted.getByText('采纳，列入议程').click();
      await accepted.getByRole('button', { name: '采纳', exact: true }).click();
      await expect.poll(() => accepted.getByText('议题已采纳。').count()).toBe(1);
      const refused = rowOf(declined);
      await refused.locator('summary', { hasText: '不予采纳' }).click();
      await refused.locator('textarea[name="reason"]').fill('属于邻里纠纷，已转人民调解。');
      await refused.getByRole('button', { name: '不予采纳', exact: true }).click();
      await expect.poll(() => refused.getByText('已记录不予采纳及理由。').count()).toBe(1);

      // Convening puts the accepted topic on the agenda.
      await worker.goto('/work/meetings?community=shuyuan');
      await worker.getByLabel(wanted).check();
      await worker.locator('#convene-title').fill(`门禁议事会 ${run}`);
      const inFiveDays = new Date(Date.now() + 5 * 86_400_000 + 8 * 3_600_000);
      await worker
        .locator('#convene-starts-at')
        .fill(`${inFiveDays.toISOString().slice(0, 10)}T19:00`);
      await worker.locator('#convene-place').fill('书院社区议事厅');
      await worker.getByRole('button', { name: '发布通知' }).click();
      await expect
        .poll(() => worker.getByText(`「门禁议事会 ${run}」的通知已发布。`).count())
        .toBe(1);

      // The author learns what became of each.
      await author.goto('/me/topics');
      const declinedRow = mine.locator('li', { hasText: declined });
      expect(await declinedRow.textContent()).toContain('属于邻里纠纷，已转人民调解。');
      expect(await declinedRow.textContent()).toContain('未予采纳');
      const scheduled = mine.locator('li', { hasText: wanted });
      expect(await scheduled.textContent()).toContain('已列入会议议程');
      await scheduled.getByRole('link', { name: `已列入会议：门禁议事会 ${run}` }).click();
      await expect
        .poll(() => author.getByRole('heading', { level: 1 }).textContent())
        .toBe(`门禁议事会 ${run}`);
      expect(await author.locator('main').textContent()).toContain(wanted);
    },
  );
});
