// Certificates of volunteer service on phones (issue 14, item 5): the leader of 书院银龄互助队
// issues the certificate 周阿娣 asked for; it is announced; its printable page carries the
// verification code and a QR code; an anonymous visitor checks the code and reads what the
// certificate states, a forged code is reported as such, and after the leader revokes 钱福根's
// certificate its code reads as revoked.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { manyPagesTimeout, phoneContext, signIn } from './helpers.ts';

const leader = { loginName: 'volunteers', password: 'qinhu-volunteers-2025' };
const certificates = '/teams/demo-team-silver/certificates';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The verification code printed on a certificate's page. */
async function codeOn(page: Page): Promise<string> {
  const text = (await page.getByText(/^验证码：/u).textContent()) ?? '';
  return /[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/u.exec(text)![0];
}

describe('certificates of volunteer service', () => {
  test(
    'issued, announced, printed and checked by anyone; forged and revoked codes are reported',
    { timeout: manyPagesTimeout },
    async () => {
      const leaderContext = await phoneContext(browser);
      const lead = await leaderContext.newPage();
      await signIn(lead, leader);
      await lead.goto(certificates);
      await lead.getByRole('button', { name: '为周阿娣出具证明' }).click();
      await lead.getByText('证明已出具，开始公示。').waitFor();
      const zhou = lead.locator('li').filter({ hasText: '周阿娣' });
      expect(await zhou.textContent()).toContain('公示中');
      await zhou.getByRole('link', { name: /查看和打印证明/u }).click();
      await lead.waitForURL((url) => url.pathname.startsWith('/certificates/'));
      expect(await lead.locator('article svg').count()).toBe(1);
      expect(await lead.getByText('书院社区居民委员会').count()).toBeGreaterThan(0);
      const code = await codeOn(lead);

      const visitorContext = await phoneContext(browser);
      const visitor = await visitorContext.newPage();
      await visitor.goto('/verify');
      await visitor.locator('#code').fill(code.toLowerCase());
      await visitor.getByRole('button', { name: '核验' }).click();
      await visitor.getByText('证明真实（公示中），内容如下：').waitFor();
      expect(await visitor.getByText('周阿娣').count()).toBe(1);
      await visitor.locator('#code').fill('ABCD-EFGH-JKLM');
      await visitor.getByRole('button', { name: '核验' }).click();
      await visitor.getByText(/没有出具过这个验证码的证明/u).waitFor();
      expect(await visitor.getByText('周阿娣').count()).toBe(0);

      // The leader revokes the seeded certificate of 钱福根; its code then reads as revoked.
      await lead.goto(certificates);
      const qian = lead.locator('li').filter({ hasText: '钱福根' });
      await qian.getByRole('link', { name: /查看和打印证明/u }).click();
      await lead.waitForURL((url) => url.pathname.startsWith('/certificates/'));
      const revokedCode = await codeOn(lead);
      await lead.goto(certificates);
      await qian.getByText('撤销证明').first().click();
      await lead.locator('#revoke-demo-cert-zhao').fill('服务时长登记有误，更正后重新出具');
      await qian.locator('form[action="?/revoke"] button').click();
      await lead.getByText('证明已撤销。').waitFor();
      await visitor.goto(`/verify?code=${revokedCode}`);
      await visitor.getByText('这份证明已被撤销，不再有效。').waitFor();
      expect(await visitor.getByText('钱福根').count()).toBe(0);
      for (const context of [leaderContext, visitorContext]) await context.close();
    },
  );
});
