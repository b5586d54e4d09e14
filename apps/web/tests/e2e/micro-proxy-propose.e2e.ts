// A relative proposes for a resident (家人代办): 顾月琴 gives 沈佳怡 a 'propose' proxy; 沈佳怡
// chooses her on the propose page and submits in 琴枫社区, where 顾月琴 has a verified tie.
// 顾月琴 then finds the proposal among hers and the act in "done on my behalf". With the same
// proxy 沈佳怡 co-signs (附议) a neighbour's proposal for her, counted and listed likewise.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { phoneContext, signInResident } from './helpers.ts';
import { demoCycles, people } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a relative proposes through a proxy', () => {
  test('the proxy submits and co-signs for the grantor, who sees both as done on her behalf', async () => {
    const grantorContext = await phoneContext(browser);
    const grantor = await grantorContext.newPage();
    await signInResident(grantor, people.guYueqin);
    await grantor.goto('/me/proxies');
    const grant = grantor.getByRole('region', { name: '委托家人代办' });
    await grant.getByLabel('受托人的手机号').fill(people.shenJiayi.phone);
    await grant.getByRole('radio', { name: '只代为提议' }).check();
    await grant.getByRole('button', { name: '确认委托' }).click();
    await grant.getByRole('status').filter({ hasText: '已委托' }).waitFor();

    const proxyContext = await phoneContext(browser);
    const proxy = await proxyContext.newPage();
    await signInResident(proxy, people.shenJiayi);
    await proxy.goto(`/cycles/${demoCycles.qinchuan}/propose`);
    await proxy.getByRole('radio', { name: /顾月琴（委托我代为提建议）/ }).check();
    await proxy.getByRole('button', { name: '确定' }).click();
    await proxy.waitForURL((url) => url.searchParams.has('for'));
    await proxy.getByRole('radio', { name: /琴枫社区/ }).check();

    const title = '琴枫社区老年活动室加装扶手';
    await proxy.getByLabel('建议标题').fill(title);
    await proxy
      .getByLabel('具体内容')
      .fill('活动室门口有两级台阶，老人进出不便，建议加装不锈钢扶手。');
    await proxy.getByRole('radio', { name: /^货物类/ }).check();
    await proxy.getByLabel('估算费用（元）').fill('3200');
    await proxy.getByLabel('地点').fill('琴枫社区老年活动室');
    await proxy.getByRole('button', { name: '提交建议' }).click();
    await proxy.waitForURL('**/proposals/**');
    await proxy.getByRole('heading', { level: 1, name: title }).waitFor();

    await grantor.goto('/me/proposals');
    await grantor.getByRole('article', { name: title }).waitFor();
    await grantor.goto('/me');
    const acts = await grantor.getByRole('main').innerText();
    expect(acts).toContain('沈佳怡');
    expect(acts).toContain(title);

    // 钱福根's proposal in 书院社区 (returned to revise, still open), where 顾月琴 has a verified
    // tie and which neither of them has co-signed.
    await proxy.goto('/proposals/demo-p-playground');
    const counts = proxy.getByText(/\d+ 人提议，\d+ 人附议/);
    const before = Number((await counts.textContent())?.match(/(\d+) 人附议/)?.[1]);
    const coSign = proxy.getByRole('region', { name: '附议' });
    await coSign.getByRole('radio', { name: /顾月琴（委托我代为提建议）/ }).check();
    await coSign.getByRole('button', { name: '确定' }).click();
    await proxy.waitForURL((url) => url.searchParams.has('for'));
    await coSign.getByRole('button', { name: '代顾月琴附议' }).click();
    await coSign.getByRole('status').filter({ hasText: '已附议' }).waitFor();
    expect(await counts.textContent()).toContain(`${before + 1} 人附议`);

    await grantor.goto('/me');
    const coSignAct = grantor.getByRole('listitem').filter({ hasText: '附议了建议' });
    await coSignAct.waitFor();
    expect(await coSignAct.innerText()).toContain('沈佳怡');
    await grantorContext.close();
    await proxyContext.close();
  });
});
