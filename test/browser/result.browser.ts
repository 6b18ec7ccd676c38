import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/accounts.js';
import {
  expectAccessible,
  h1,
  launchBrowser,
  openPage,
  screenshot,
  startBrowserPortal,
  type BrowserPortal,
  type PortalPage,
} from '../helpers/browser.js';
import { PDF, setUpCast } from '../helpers/dossier-fixtures.js';
import { pdfSignatures, pdfText } from '../helpers/pdf.js';

let t: BrowserPortal;
let browser: Browser;
let dossierId: string;
const opened: PortalPage[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startBrowserPortal(), launchBrowser()]);
  const cast = await setUpCast(t);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const draft = await t.http
    .post('/api/v1/dossiers')
    .set(as(cast.citizen))
    .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Nguyễn Bé Na' } })
    .expect(201);
  dossierId = draft.body.id as string;
  await t.http
    .post(`/api/v1/dossiers/${dossierId}/files`)
    .set(as(cast.citizen))
    .field('componentCode', 'GCS')
    .attach('file', PDF, 'g.pdf')
    .expect(201);
  let d = (await t.http.post(`/api/v1/dossiers/${dossierId}/submit`).set(as(cast.citizen)).expect(200)).body;
  for (const [token, action] of [
    [cast.receptionist, 'receive'],
    [cast.specialist, 'propose-result'],
    [cast.leader, 'approve'],
  ]) {
    d = (await t.http.post(`/api/v1/dossiers/${dossierId}/actions/${action}`).set(as(token)).send({ version: d.version }).expect(200)).body;
  }
});
afterAll(async () => {
  await Promise.all(opened.map((p) => p.context.close().catch(() => undefined)));
  await browser?.close();
  await t?.close();
});

it('the citizen downloads the signed result, opens the address of its QR code and sees it valid', async () => {
  const p = await openPage(browser, t.baseUrl);
  opened.push(p);
  const { page } = p;
  await page.goto(`/login?next=${encodeURIComponent(`/dossiers/${dossierId}`)}`);
  await page.getByLabel('Thư điện tử hoặc số định danh').fill('an@example.vn');
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`**/dossiers/${dossierId}`);
  const result = page.getByRole('region', { name: 'Kết quả giải quyết' });
  expect(await result.innerText()).toMatch(/còn hiệu lực/iu); // a tag: shown in capitals
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('link', { name: 'Tải về' }).click()]);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(await pdfSignatures(pdf)).toContain('Signature Validation: Signature is Valid.');

  // Downloading it was receiving it: the dossier is returned.
  await page.reload();
  expect(await page.locator('.portal-dossier-id').innerText()).toMatch(/đã trả kết quả/iu);

  // The address printed beside the QR code (the portal's PUBLIC_URL there), opened on this server.
  const printed = /(https?:\/\/\S+\/verify\/[A-Za-z0-9_-]+)/.exec((await pdfText(pdf))!)?.[1];
  expect(printed).toBeDefined();
  const verifier = await openPage(browser, t.baseUrl);
  opened.push(verifier);
  await verifier.page.goto(new URL(printed!).pathname);
  expect(await h1(verifier.page)).toBe('Xác thực văn bản điện tử');
  expect(await verifier.page.getByRole('status').first().innerText()).toContain('Văn bản hợp lệ');
  expect(await verifier.page.locator('dl').innerText()).toContain('Nguyễn V*** A*');
  await expectAccessible(verifier.page);
  await screenshot(verifier.page, 'verify-valid-vi');

  // The very file, checked on the page: exactly the issued one.
  await verifier.page.getByLabel('Tệp PDF cần kiểm tra').setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: pdf });
  await verifier.page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  await expect.poll(() => verifier.page.locator('#comparison-heading').innerText()).toBe('Đúng là tệp đã ban hành');
  await expectAccessible(verifier.page);

  await page.getByRole('link', { name: 'Kho kết quả' }).click();
  await page.waitForURL('**/wallet');
  expect(await page.locator('table').innerText()).toContain('Giấy khai sinh');
  await expectAccessible(page);
  expect([...p.problems, ...verifier.problems]).toEqual([]);
});
