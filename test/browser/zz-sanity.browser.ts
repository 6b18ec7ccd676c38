import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, openPage, startBrowserPortal, type BrowserPortal } from '../helpers/browser.js';
import axe from 'axe-core';
let t: BrowserPortal; let browser: Browser;
beforeAll(async () => { [t, browser] = await Promise.all([startBrowserPortal(), launchBrowser()]); });
afterAll(async () => { await browser?.close(); await t?.close(); });
it('sanity', async () => {
  const { page } = await openPage(browser, t.baseUrl);
  await page.goto('/');
  await page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<img src="/x.png"><input id="zz"><p style="color:#ccc;background:#fff">low</p>')`);
  await expect(expectAccessible(page)).rejects.toThrow(/image-alt/);
  for (const path of ['/', '/register', '/login', '/account', '/nope']) {
    await page.goto(path);
    await page.addScriptTag({ content: axe.source });
    const r = await page.evaluate(`axe.run().then(r => r.violations.map(v => v.impact + ' ' + v.id + ' ' + v.nodes.map(n=>n.target.join(' ')).join(' | ')))`);
    console.log(path, page.url(), r);
  }
});
