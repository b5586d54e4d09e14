// What a newcomer met when trying the demo, each now as it should be: a cost above the cap is
// said beside the cost field, together with the form's other problems; a page a person may not
// see answers with a refusal page that says why and where to go (a resident at community work,
// a worker asking for another community's board, a refused form post); the cycle page offers
// no confirm button before confirmation is possible, and a refused confirmation gives its real
// reason; the counting rule has one name and the explanations' amounts read like all others;
// the inbox is newest first; every tab of community work is in sight on a phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { baseURL, phoneContext, signIn, signInResident } from './helpers.ts';
import { demoCycles, people } from './micro-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Posts a form as a browser without JavaScript would, and returns the page it answers with. */
async function postForm(page: Page, path: string, form: Record<string, string>) {
  const response = await page.request.post(path, {
    form,
    headers: { origin: baseURL, accept: 'text/html' },
  });
  return { status: response.status(), html: await response.text() };
}

describe('what a newcomer met', () => {
  test('a cost above the cap is said beside the cost field, with the other problems', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signInResident(page, people.guYueqin);
    await page.goto(`/cycles/${demoCycles.qinchuan}/propose`);
    const cost = page.locator('#proposal-estimated-cost');
    const title = page.locator('#proposal-title');
    await page.getByLabel('具体内容').fill('快递柜朝西，下午暴晒，取件的老人常被晒得睁不开眼。');
    await page.getByRole('radio', { name: /^货物类/ }).check();
    await cost.fill('45000');
    await page.getByLabel('地点').fill('琴枫社区北门快递柜');
    await page.getByRole('button', { name: '提交建议' }).click();

    // The blank title and the cost above the goods cap (30,000 元), both at once.
    await page.locator('#proposal-estimated-cost-error').waitFor();
    expect(await page.locator('#proposal-estimated-cost-error').textContent()).toContain(
      '30,000.00 元',
    );
    expect(await cost.getAttribute('aria-invalid')).toBe('true');
    expect(await cost.getAttribute('aria-describedby')).toContain('proposal-estimated-cost-error');
    expect(await title.getAttribute('aria-invalid')).toBe('true');

    // With the title filled, the API's refusal goes beside the cost field too.
    await title.fill('琴枫社区北门快递柜加装遮阳棚');
    await page.getByRole('button', { name: '提交建议' }).click();
    await page.waitForFunction(() => document.querySelector('#proposal-title-error') === null);
    expect(await page.locator('#proposal-estimated-cost-error').textContent()).toContain(
      '45,000.00 元',
    );
    expect(await cost.getAttribute('aria-invalid')).toBe('true');
    await context.close();
  });

  test('a resident at community work gets the refusal page, also for a form post', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signInResident(page, people.guYueqin);
    for (const path of ['/work', '/work/verification', '/admin/organisation']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      expect(new URL(page.url()).pathname).toBe(path);
      await page.getByRole('heading', { level: 1, name: /无法查看此页面/ }).waitFor();
      expect(await page.getByRole('link', { name: '去我的首页' }).getAttribute('href')).toBe('/me');
    }
    expect(await page.locator('main').textContent()).toContain('组织管理页面只供工作人员使用');
    await page.goto('/work');
    expect(await page.locator('main').textContent()).toContain('社区工作页面只对社区工作者');

    // A form posted to community work, without JavaScript: refused, saying why.
    const refused = await postForm(page, '/work/verification?/verify', {
      residentId: 'demo-r-li',
      tieId: 'demo-tie-li-shuyuan',
      communityId: 'shuyuan',
    });
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('社区工作页面只对社区工作者');
    await context.close();
  });

  test('a worker asking for another community’s board is refused, with a link to their own', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, people.shuyuanWorker);
    const response = await page.goto('/work/verification?community=qinfeng');
    expect(response?.status()).toBe(403);
    expect(await page.locator('main').textContent()).toContain('您的角色不覆盖所请求的社区');
    await page.getByRole('link', { name: '去书院社区的社区工作' }).click();
    await page.waitForURL((url) => url.pathname === '/work' && url.search === '?community=shuyuan');
    expect(await page.locator('main h1').count()).toBeGreaterThan(0);

    // A staff account has no "mine" pages: refused, pointing at its account page.
    expect((await page.goto('/me'))?.status()).toBe(403);
    expect(await page.getByRole('link', { name: '账号安全' }).last().getAttribute('href')).toBe(
      '/account',
    );
    await context.close();
  });

  test('every tab of community work is in sight on a phone and on a desktop', async () => {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      const context = await phoneContext(browser, { viewport });
      const page = await context.newPage();
      await signIn(page, people.shuyuanWorker);
      await page.goto('/work?community=shuyuan');
      const nav = page.getByRole('navigation', { name: '社区工作' });
      const tabs = nav.getByRole('link');
      expect(await tabs.count()).toBeGreaterThanOrEqual(8);
      expect(await nav.evaluate((n) => n.scrollWidth <= n.clientWidth)).toBe(true);
      for (const box of await tabs.evaluateAll((links) =>
        links.map((link) => link.getBoundingClientRect().toJSON() as DOMRect),
      )) {
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(viewport.width);
      }
      await context.close();
    }
  });

  test('the cycle page offers no confirm button before confirmation is possible', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, people.yushanOfficer);
    await page.goto('/admin/cycles/demo-cycle-notice');
    await page.getByText(/公示期到 .* 才结束/).waitFor();
    expect(await page.getByRole('button', { name: /确认入选项目/ }).count()).toBe(0);

    // Posted anyway (a stale page, no JavaScript): refused with its real reason.
    const refused = await postForm(page, '/admin/cycles/demo-cycle-notice?/advance', {
      to: 'implementing',
      reason: '',
    });
    expect(refused.status).toBe(409);
    expect(refused.html).toMatch(/公示期到 \d{4}-\d{2}-\d{2} 结束/);
    expect(refused.html).not.toContain('有人先改过了');
    await context.close();
  });

  test('the counting rule has one name; explanations write amounts like every amount', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto('/cycles/demo-cycle-notice/results');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('平等份额法');
    expect(main).not.toMatch(/均摊法|均等份额法/);
    expect(main).toMatch(/每人分摊 \d{1,3}(,\d{3})*\.\d{2} 元/);
    await context.close();
  });

  test('the inbox lists notices newest first', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signInResident(page, people.guYueqin);
    await page.goto('/me/inbox');
    const times = await page
      .locator('main li time')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
    expect(times.length).toBeGreaterThan(1);
    expect(times).toEqual([...times].sort().reverse());
    await context.close();
  });
});
