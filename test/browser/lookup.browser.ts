import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PDF, setUpCast } from '../helpers/dossier-fixtures.js';
import {
  expectAccessible,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  startBrowserPortal,
  type BrowserPortal,
  type PortalPage,
} from '../helpers/browser.js';

let t: BrowserPortal;
let browser: Browser;
let code: string;
const opened: PortalPage[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startBrowserPortal(), launchBrowser()]);
  const cast = await setUpCast(t);
  const as = { Authorization: `Bearer ${cast.citizen}` };
  const draft = await t.http
    .post('/api/v1/dossiers')
    .set(as)
    .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Nguyễn Bé Na' } })
    .expect(201);
  await t.http
    .post(`/api/v1/dossiers/${draft.body.id}/files`)
    .set(as)
    .field('componentCode', 'GCS')
    .attach('file', PDF, 'gcs.pdf')
    .expect(201);
  const submitted = await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as).expect(200);
  const received = await t.http
    .post(`/api/v1/dossiers/${draft.body.id}/actions/receive`)
    .set({ Authorization: `Bearer ${cast.receptionist}` })
    .send({ version: submitted.body.version })
    .expect(200);
  code = received.body.code as string;
});
afterAll(async () => {
  await Promise.all(opened.map((p) => p.context.close().catch(() => undefined)));
  await browser?.close();
  await t?.close();
});

it('finds a dossier by the code typed in the form, and both pages pass the accessibility scan', async () => {
  const p = await openPage(browser, t.baseUrl);
  opened.push(p);
  await p.page.goto('/');
  await p.page.locator('header').getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
  await expect.poll(() => p.page.getByRole('heading', { level: 1 }).innerText()).toBe('Tra cứu hồ sơ');
  await expectAccessible(p.page);

  await p.page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect.poll(() => p.page.locator('.usa-error-message').innerText()).toBe('Nhập mã hồ sơ.');
  await expectAccessible(p.page);

  await p.page.getByLabel(/Mã hồ sơ/).fill(code.toLowerCase());
  await p.page.getByRole('button', { name: 'Tra cứu' }).click();
  await p.page.waitForURL(`**/lookup/${code}`);
  expect(await p.page.getByRole('heading', { level: 1 }).innerText()).toBe(`Hồ sơ ${code}`);
  expect(await p.page.getByRole('region', { name: /Tình trạng/ }).innerText()).toContain('Đang giải quyết');
  await expectAccessible(p.page);
  await screenshot(p.page, 'lookup-status-vi');
  expect(p.problems).toEqual([]);
});

it('reads well in English on a phone, where the QR code of a form opens it', async () => {
  const p = await openPage(browser, t.baseUrl, { locale: 'en-GB', viewport: PHONE, bypassCSP: true });
  opened.push(p);
  await p.page.goto(`/lookup/${code}`);
  expect(await p.page.getByRole('heading', { level: 1 }).innerText()).toBe(`Dossier ${code}`);
  expect(await p.page.locator('dl').innerText()).toContain('Result due');
  await expectAccessible(p.page);
  await screenshot(p.page, 'lookup-status-en-phone');
  expect(p.problems).toEqual([]);
});
