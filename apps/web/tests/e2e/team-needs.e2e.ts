// Service needs on phones (issue 14, item 2): the leader of two teams (the volunteers demo
// account) claims the seeded evening patrol for the dance team; the community worker of 书院
// chooses it, and chooses the silver-age team for the check-up both teams claimed, telling the
// youth team why not — which anyone then reads on the need's page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { demo, manyPagesTimeout, phoneContext, signIn } from './helpers.ts';

const leader = { loginName: 'volunteers', password: 'qinhu-volunteers-2025' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('service needs', () => {
  test(
    'a team claims a need and the community chooses, telling the others why not',
    { timeout: manyPagesTimeout },
    async () => {
      const leaderContext = await phoneContext(browser);
      const lead = await leaderContext.newPage();
      await signIn(lead, leader);
      await lead.goto('/teams/needs');
      await lead.getByRole('link', { name: '暑期傍晚广场文明劝导' }).click();
      await lead.waitForURL((url) => url.pathname === '/teams/needs/demo-need-patrol');
      await lead.locator('#claim-team-id').selectOption({ label: '书院平舞队' });
      await lead.locator('#claim-note').fill('散场后我们本来就在广场清扫');
      await lead.getByRole('button', { name: '认领', exact: true }).click();
      await lead.getByText('已认领，等待社区选定。').waitFor();

      const workerContext = await phoneContext(browser);
      const worker = await workerContext.newPage();
      await signIn(worker, demo.shuyuanWorker);
      await worker.goto('/teams/needs/demo-need-patrol');
      await worker.getByRole('button', { name: '选定「书院平舞队」' }).click();
      await worker.getByText('已选定，其他团队会看到理由。').waitFor();

      await worker.goto('/teams/needs/demo-need-checkup');
      const silver = worker.locator('li').filter({ hasText: '书院银龄互助队' });
      await silver.locator('input[name="reason"]').fill('银龄队陪诊经验多，青年队下次优先');
      await silver.getByRole('button', { name: '选定「书院银龄互助队」' }).click();
      await worker.getByText('已选定，其他团队会看到理由。').waitFor();

      const visitorContext = await phoneContext(browser);
      const visitor = await visitorContext.newPage();
      await visitor.goto('/teams/needs/demo-need-checkup');
      const youth = visitor.locator('li').filter({ hasText: '书院青年志愿者服务队' });
      expect(await youth.textContent()).toContain(
        '没有选择的理由：银龄队陪诊经验多，青年队下次优先',
      );
      expect(await visitor.getByText('已选定', { exact: true }).count()).toBe(1);
      for (const context of [leaderContext, workerContext, visitorContext]) await context.close();
    },
  );
});
