// Family proxies (家人代办): an elderly resident lets a relative act for them; the relative sees
// the proxy among those received; the resident revokes it and both see it ended. (Acting with
// the proxy, such as proposing or voting for them, belongs to those modules' pages.)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { phoneContext, registerResident } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('family proxies', () => {
  test('grant a proxy to a relative, who sees it; revoke it, and both see it ended', async () => {
    const elderContext = await phoneContext(browser);
    const elder = await elderContext.newPage();
    await registerResident(elder, {
      name: '陈老伯',
      phone: '13600000011',
      password: 'chen-laobo-1940',
      birthYear: '1940',
      streetId: 'yushan',
      communityId: 'huyuan',
      kind: 'lives',
    });
    const relativeContext = await phoneContext(browser);
    const relative = await relativeContext.newPage();
    await registerResident(relative, {
      name: '陈小明',
      phone: '13600000012',
      password: 'chen-xiaoming-88',
      birthYear: '1988',
      streetId: 'yushan',
      communityId: 'huyuan',
      kind: 'works',
    });

    await elder.getByRole('link', { name: '家人代办' }).click();
    await elder.waitForURL((url) => url.pathname === '/me/proxies');
    const grant = elder.getByRole('region', { name: '委托家人代办' });
    // Someone who has not registered cannot be a proxy.
    await grant.getByLabel('受托人的手机号').fill('135 0000 0099');
    await grant.getByRole('button', { name: '确认委托' }).click();
    expect(await grant.getByRole('alert').textContent()).toContain('需要先注册为居民');

    await grant.getByLabel('受托人的手机号').fill('136 0000 0012');
    expect(await grant.getByRole('radio', { name: '提议和投票' }).isChecked()).toBe(true);
    await grant.getByLabel('截止日期（可不填）').fill('2099-12-31');
    await grant.getByRole('button', { name: '确认委托' }).click();
    await grant.getByRole('status').filter({ hasText: '已委托' }).waitFor();
    const granted = elder.getByRole('region', { name: '我委托的人' });
    await granted.getByRole('listitem').first().waitFor();
    expect(await granted.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/136\*\*\*\*0012\s*有效\s*提议和投票 · 有效至 2099-12-31/),
    ]);
    // The number typed does not reveal whose it is.
    expect(await granted.textContent()).not.toContain('陈小明');

    await relative.getByRole('link', { name: '家人代办' }).click();
    await relative.waitForURL((url) => url.pathname === '/me/proxies');
    const received = relative.getByRole('region', { name: '委托我代办的人' });
    expect(await received.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/陈老伯\s*136\*\*\*\*0011\s*有效\s*提议和投票 · 有效至 2099-12-31/),
    ]);

    await granted.getByRole('button', { name: '撤销对 136****0012 的委托' }).click();
    await granted.getByRole('status').filter({ hasText: '已撤销委托' }).waitFor();
    expect(await granted.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/136\*\*\*\*0012\s*已撤销/),
    ]);
    expect(await granted.getByRole('button', { name: /撤销对/ }).count()).toBe(0);

    await relative.reload();
    expect(await received.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/陈老伯\s*136\*\*\*\*0011\s*已撤销/),
    ]);
    await elderContext.close();
    await relativeContext.close();
  });
});
