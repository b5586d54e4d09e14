// A volunteer team on phones (issue 14): 顾月琴 asks to join the seeded 书院银龄互助队; its leader
// (the volunteers demo account) lands on her service page, accepts her on the team's own page and
// records and confirms her service; she sees her confirmed hours and asks for a correction of the
// time on site, which the leader accepts with a reason; anyone reads the team's hours served.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext, signIn, signInResident } from './helpers.ts';
import { people } from './micro-helpers.ts';

const teamPath = '/teams/demo-team-silver';
const leader = { loginName: 'volunteers', password: 'qinhu-volunteers-2025' };
/** Yesterday in China. */
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a volunteer team', () => {
  test(
    'a resident joins, the leader records and confirms her service, she has it corrected',
    { timeout: manyPagesTimeout },
    async () => {
      const residentContext = await phoneContext(browser);
      const resident = await residentContext.newPage();
      await signInResident(resident, people.guYueqin);
      await resident.goto(teamPath);
      await resident.locator('#join-note').fill('我会理发，周末有空');
      await resident.locator('main form button[type=submit]').click();
      await resident.getByText('加入申请已提交').waitFor();

      const leaderContext = await phoneContext(browser);
      const lead = await leaderContext.newPage();
      await signIn(lead, leader);
      // The leader's start page is their service, listing the teams they lead.
      expect(new URL(lead.url()).pathname).toBe('/service');
      await lead.getByRole('link', { name: '书院银龄互助队' }).first().click();
      await lead.waitForURL((url) => url.pathname === `${teamPath}/manage`);
      await lead.getByRole('button', { name: '接受顾月琴加入' }).click();
      await lead.getByText('已接受加入申请。').waitFor();

      await lead.locator('#record-volunteer-id').selectOption({ label: '顾月琴' });
      await lead.locator('#record-date').fill(yesterday);
      await lead.locator('#record-from').fill('09:00');
      await lead.locator('#record-until').fill('11:00');
      await lead.locator('#record-place').fill('书院社区睦邻中心');
      await lead.locator('#record-content').fill('为高龄老人上门理发');
      await lead.locator('#record-evaluation').fill('手艺好，老人满意');
      await lead.getByRole('button', { name: '保存服务记录' }).click();
      await lead.getByText('服务记录已保存。').waitFor();

      await resident.goto('/service');
      expect(await resident.locator('#my-hours').textContent()).toContain('2.0 小时');
      const record = resident
        .locator('li[id^="record-"]')
        .filter({ hasText: '为高龄老人上门理发' });
      expect(await record.textContent()).toContain('手艺好，老人满意');
      await record.getByText('申请更正在岗时间').click();
      await record.locator('input[name="until"]').fill('11:30');
      await record.locator('input[name="reason"]').fill('理完发又帮老人打扫了半小时');
      await record.getByRole('button', { name: '提交更正申请' }).click();
      await resident.getByText('更正申请已提交').waitFor();

      await lead.goto(`${teamPath}/manage`);
      const correction = lead.locator('li').filter({ hasText: '理完发又帮老人打扫了半小时' });
      await correction.locator('input[name="reason"]').fill('与签到表相符');
      await correction.getByRole('button', { name: '同意更正' }).click();
      await lead.getByText('已处理更正申请。').waitFor();

      await resident.goto('/service');
      expect(await resident.locator('#my-hours').textContent()).toContain('2.5 小时');
      expect(await resident.getByText('更正申请已同意。理由：与签到表相符').count()).toBe(1);

      // Anyone reads the team's hours served, and no one's name.
      const visitorContext = await phoneContext(browser);
      const visitor = await visitorContext.newPage();
      await visitor.goto(teamPath);
      expect(await visitor.locator('#team-hours').textContent()).toMatch(/小时/);
      expect(await visitor.getByText('顾月琴').count()).toBe(0);
      for (const context of [residentContext, leaderContext, visitorContext]) await context.close();
    },
  );
});
