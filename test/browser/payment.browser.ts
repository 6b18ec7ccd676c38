import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser, PASSWORD } from '../helpers/accounts.js';
import {
  expectAccessible,
  h1,
  launchBrowser,
  openPage,
  startBrowserPortal,
  submitForm,
  type BrowserPortal,
  type PortalPage,
} from '../helpers/browser.js';
import { PDF, setUpCast, simpleProcedure, type Cast } from '../helpers/dossier-fixtures.js';

const PROCEDURE = simpleProcedure('1.001193', {
  fee: {
    amount: 50_000,
    currency: 'VND',
    payWhen: 'ON_SUBMIT',
    exemptions: [{ code: 'HO_NGHEO', label: { vi: 'Người thuộc hộ nghèo', en: 'Member of a poor household' } }],
  },
});

let t: BrowserPortal;
let browser: Browser;
let cast: Cast;
const opened: PortalPage[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startBrowserPortal(), launchBrowser()]);
  cast = await setUpCast(t, PROCEDURE);
  await insertUser(t, { email: 'gs@h12.gov.vn', roles: ['MANAGER'], agencyCode: 'H12' });
});
afterAll(async () => {
  await Promise.all(opened.map((p) => p.context.close().catch(() => undefined)));
  await browser?.close();
  await t?.close();
});

async function signedIn(username: string): Promise<Page> {
  const p = await openPage(browser, t.baseUrl);
  opened.push(p);
  await p.page.goto('/login');
  await p.page.getByLabel('Thư điện tử hoặc số định danh').fill(username);
  await p.page.getByLabel('Mật khẩu').fill(PASSWORD);
  expect(await submitForm(p.page, 'Đăng nhập', '/login')).toBe(303);
  return p.page;
}

async function draft(): Promise<string> {
  const d = await t.http
    .post('/api/v1/dossiers')
    .set({ Authorization: `Bearer ${cast.citizen}` })
    .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Nguyễn Bé Na' } })
    .expect(201);
  await t.http
    .post(`/api/v1/dossiers/${d.body.id}/files`)
    .set({ Authorization: `Bearer ${cast.citizen}` })
    .field('componentCode', 'GCS')
    .attach('file', PDF, 'gcs.pdf')
    .expect(201);
  return d.body.id as string;
}

describe('paying a fee through the sandbox checkout', () => {
  it('goes from the dossier page to the test checkout and back, paid, with the e-receipt', async () => {
    const id = await draft();
    const page = await signedIn('an@example.vn');
    await page.goto(`/dossiers/${id}`);
    const fee = page.locator('#payment');
    expect(await fee.textContent()).toContain('Chưa nộp');
    await expectAccessible(page);

    expect(await submitForm(page, 'Thanh toán trực tuyến', `/dossiers/${id}/pay`)).toBe(303);
    await page.waitForURL(/\/payments\/sandbox\/[0-9a-f-]{36}$/);
    expect(await h1(page)).toBe('THANH TOÁN THỬ NGHIỆM / TEST PAYMENT');
    expect(await page.locator('main').innerText()).toContain('50.000 đồng');
    await expectAccessible(page);

    expect(await submitForm(page, 'Thanh toán thành công (thử nghiệm)', /\/payments\/sandbox\/.+\/succeeded$/)).toBe(303);
    await page.waitForURL(new RegExp(`/dossiers/${id}/payment-return\\?payment=`));
    expect(await h1(page)).toBe('Kết quả thanh toán');
    expect(await page.locator('[data-payment-state]').getAttribute('data-payment-state')).toBe('paid');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Về trang hồ sơ' }).click();
    await page.waitForURL(new RegExp(`/dossiers/${id}$`));
    expect(await fee.textContent()).toContain('Đã nộp');
    const receipt = fee.getByRole('link', { name: /^BL-\d\dE 0000001$/ });
    const answer = await page.request.get((await receipt.getAttribute('href'))!);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('application/pdf');
  });

  it('shows the counter its fee page and the managers their payments list, accessibly', async () => {
    const id = await draft();
    const staff = await signedIn('motcua@h12.gov.vn');
    await staff.goto(`/workspace/dossiers/${id}/fee`);
    expect(await h1(staff)).toBe('Thu phí, lệ phí tại Bộ phận một cửa');
    await expectAccessible(staff);
    await staff.getByLabel('Đối tượng được miễn').selectOption('HO_NGHEO');
    await staff.getByLabel('Căn cứ miễn').fill('Giấy chứng nhận hộ nghèo số 3');
    expect(await submitForm(staff, 'Ghi nhận miễn', `/workspace/dossiers/${id}/fee/exemption`)).toBe(303);
    await staff.waitForURL(new RegExp(`/workspace/dossiers/${id}$`));
    expect(await staff.locator('main').textContent()).toContain('Được miễn');

    const manager = await signedIn('gs@h12.gov.vn');
    await manager.goto('/payments');
    expect(await h1(manager)).toBe('Thanh toán phí, lệ phí');
    expect(await manager.locator('table caption').innerText()).toBe('Các khoản thanh toán (1)');
    await expectAccessible(manager);
  });
});
