// Following a deliberative body from the public meetings page (社区议事): a resident of 虹桥社区
// reaches it from the navigation (her own community chosen), sees her street's own committee
// beside the community's bodies, picks 书院社区, follows its council, and when the worker convenes the council's next meeting, its notice is in her inbox.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext, signIn, signInResident } from './helpers.ts';
import { conveneMeeting } from './meeting-helpers.ts';
import { people } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('following a body', () => {
  test(
    'a resident follows a council on the public page and is told of its next meeting',
    { timeout: manyPagesTimeout },
    async () => {
      const resident = await (await phoneContext(browser)).newPage();
      await signInResident(resident, people.jiangXiaohong);
      await resident.getByRole('navigation').getByRole('link', { name: '社区议事' }).click();
      await resident.waitForURL((url) => url.pathname === '/meetings');
      const community = resident.locator('#meetings-community');
      expect(await community.locator('option:checked').textContent()).toContain('虹桥社区');
      // 虞山街道's own committee is listed with the community's bodies.
      await expect
        .poll(() => resident.getByRole('heading', { name: '虞山街道议事协商委员会' }).count())
        .toBe(1);
      // Another street, once shown, offers its own communities (street first: a city has
      // hundreds of communities).
      const street = resident.locator('#meetings-street');
      const show = resident.getByRole('button', { name: '查看' });
      await street.selectOption({ label: '琴川街道' });
      await show.click();
      await resident.waitForURL((url) => url.searchParams.get('street') === 'qinchuan');
      expect(await community.locator('option').allTextContents()).toContain('琴枫社区');
      expect(await community.locator('option').allTextContents()).not.toContain('虹桥社区');
      await street.selectOption({ label: '虞山街道' });
      await show.click();
      await resident.waitForURL((url) => url.searchParams.get('street') === 'yushan');
      await community.selectOption({ label: '书院社区' });
      await show.click();
      await resident.waitForURL((url) => url.searchParams.get('community') === 'shuyuan');

      const council = '书院社区居民议事会';
      await resident.getByRole('button', { name: `关注 ${council}`, exact: true }).click();
      await expect
        .poll(() => resident.getByRole('button', { name: `取消关注 ${council}` }).count())
        .toBe(1);

      const worker = await (await phoneContext(browser)).newPage();
      await signIn(worker, people.shuyuanWorker);
      await conveneMeeting(worker, { title: '楼道照明议事会', agenda: '楼道照明改造' });

      await resident.goto('/me/inbox');
      await expect.poll(() => resident.getByText('「楼道照明议事会」将于').count()).toBe(1);
    },
  );
});
