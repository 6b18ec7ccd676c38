import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/accounts.js';
import {
  expectAccessible,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  startBrowserPortal,
  type BrowserPortal,
  type PortalPage,
  submitForm,
  h1,
  siteHeader as header,
  flash,
} from '../helpers/browser.js';
import { PDF, PNG, setUpCast, simpleProcedure, type Cast } from '../helpers/dossier-fixtures.js';
import { bearer, birthProcedure } from '../helpers/procedure-fixtures.js';

/** Two form pages (the child, the declarant with an address), served by two communes. */
const BIRTH = '1.000002';
const SIMPLE = '1.001193';

let t: BrowserPortal;
let browser: Browser;
let cast: Cast;
const opened: PortalPage[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startBrowserPortal(), launchBrowser()]);
  cast = await setUpCast(t, simpleProcedure(SIMPLE));
  await t.http
    .post('/api/v1/admin/procedures')
    .set(bearer(cast.admin))
    .send({ ...birthProcedure(BIRTH), agencyCodes: ['H12.05', 'H12.06'] })
    .expect(201);
  await t.http.post(`/api/v1/admin/procedures/${BIRTH}/versions/1/publish`).set(bearer(cast.admin)).expect(200);
});
afterAll(async () => {
  await Promise.all(opened.map((p) => p.context.close().catch(() => undefined)));
  await browser?.close();
  await t?.close();
});

async function open(options?: Parameters<typeof openPage>[2]): Promise<PortalPage> {
  const p = await openPage(browser, t.baseUrl, options);
  opened.push(p);
  return p;
}

const submit = submitForm;

const summary = (page: Page) => page.locator('[data-error-summary]');

/** Every page is checked with axe as soon as it is shown. */
async function arrive(page: Page, url: string, heading: string, shot?: string): Promise<void> {
  await page.waitForURL(url);
  expect(await h1(page)).toBe(heading);
  await expectAccessible(page);
  if (shot) await screenshot(page, shot);
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Thư điện tử hoặc số định danh').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  expect(await submit(page, 'Đăng nhập', '/login')).toBe(303);
}

/** The rows of a summary list as [label, value], within `scope`. */
async function rows(page: Page, scope: string): Promise<string[][]> {
  const found = await page.locator(`${scope} .portal-summary-list__row`).all();
  return Promise.all(found.map(async (row) => [await row.locator('dt').innerText(), await row.locator('dd').first().innerText()]));
}

const act = (token: string, id: string, action: string, body: Record<string, unknown>) =>
  t.http.post(`/api/v1/dossiers/${id}/actions/${action}`).set(bearer(token)).send(body).expect(200);
const versionOf = async (id: string) =>
  (await t.http.get(`/api/v1/dossiers/${id}`).set(bearer(cast.citizen)).expect(200)).body.version as number;

describe('a citizen files a dossier in the browser', () => {
  it('chooses the agency, fills the pages, uploads the PDF, checks, submits, and follows it in My dossiers', async () => {
    const { page, problems } = await open({ bypassCSP: false });

    await page.goto(`/procedures/${BIRTH}`);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).first().click();
    await page.waitForURL('**/login?next=*');
    await expectAccessible(page);
    await signIn(page, 'an@example.vn');
    await arrive(page, `**/procedures/${BIRTH}/apply`, 'Nộp hồ sơ: Đăng ký khai sinh', 'citizen-start');

    // Two communes serve it: choose one (nothing chosen is refused).
    expect(await submit(page, 'Bắt đầu khai hồ sơ', `/procedures/${BIRTH}/apply`)).toBe(422);
    expect(await summary(page).getByRole('listitem').allInnerTexts()).toEqual(['Cơ quan giải quyết: Vui lòng chọn cơ quan giải quyết.']);
    await expectAccessible(page);
    await page.locator('label[for="agency-2"]').click();
    expect(await page.getByLabel('Agency H12.06').isChecked()).toBe(true);
    expect(await submit(page, 'Bắt đầu khai hồ sơ', `/procedures/${BIRTH}/apply`)).toBe(303);
    await arrive(page, '**/dossiers/*/edit?page=1', 'Thông tin trẻ');
    expect(await flash(page).innerText()).toBe('Đã tạo bản nháp. Thông tin bạn khai được lưu sau mỗi trang.');
    const dossier = new URL(page.url()).pathname.replace(/\/edit$/, '');
    const EDIT = `${dossier}/edit`;

    // Page 1, then page 2: each saved as the person goes.
    await page.getByLabel('Họ tên trẻ').fill('Nguyễn Thị Hoa');
    await page.getByLabel('Ngày sinh').fill('2025-10-02');
    await page.locator('label[for="f-gender-2"]').click();
    expect(await submit(page, 'Tiếp tục', EDIT)).toBe(303);
    await arrive(page, '**/edit?page=2', 'Người đi khai', 'citizen-form-page-2');
    await page.getByLabel('Quan hệ với trẻ').selectOption('mother');
    await page.getByLabel('Tỉnh, thành phố').selectOption('H12');
    await page.getByLabel('Xã, phường').selectOption('H12.06');
    await page.getByLabel('Số nhà, đường, thôn, tổ dân phố').fill('12 Trần Phú');
    expect(await submit(page, 'Tiếp tục', EDIT)).toBe(303);

    // The documents: the ID card needs no upload; the birth certificate is uploaded (a multipart form).
    await arrive(page, '**/files', 'Giấy tờ kèm theo');
    expect(await page.locator('#component-CCCD .portal-from-data').innerText()).toBe(
      'Đã có dữ liệu: số định danh cá nhân trong tài khoản của bạn. Không cần tải lên.',
    );
    // A file that is not a PDF is refused beside its component, and the CSRF token the multipart form
    // carries in its address does not stay in the address bar.
    await page
      .getByLabel('Chọn tệp: Giấy chứng sinh')
      .setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải PDF') });
    expect(await submit(page, 'Tải lên Giấy chứng sinh', `${dossier}/files`)).toBe(422);
    await page.waitForFunction(`!location.search.includes('_csrf')`);
    expect(new URL(page.url()).pathname).toBe(`${dossier}/files`);
    expect(await page.locator('#component-GCS .usa-error-message').count()).toBe(1);
    await page
      .getByLabel('Chọn tệp: Giấy chứng sinh')
      .setInputFiles({ name: 'giấy chứng sinh.pdf', mimeType: 'application/pdf', buffer: PDF });
    expect(await submit(page, 'Tải lên Giấy chứng sinh', `${dossier}/files`)).toBe(303);
    await arrive(page, '**/files', 'Giấy tờ kèm theo', 'citizen-files');
    expect(await flash(page).innerText()).toBe('Đã tải lên tệp giấy chứng sinh.pdf.');
    expect(await page.locator('#component-GCS').innerText()).toContain('Đã tải lên: giấy chứng sinh.pdf');

    // Check the answers and the documents, then submit.
    await page.getByRole('link', { name: 'Tiếp tục', exact: true }).click();
    await arrive(page, '**/review', 'Kiểm tra thông tin', 'citizen-review');
    expect(await rows(page, '[aria-labelledby="review-section-1"]')).toEqual([
      ['Họ tên trẻ', 'Nguyễn Thị Hoa'],
      ['Ngày sinh', '02/10/2025'],
      ['Giới tính', 'Nữ'],
      ['Có thông tin cha', 'Không'],
    ]);
    expect(await rows(page, '[aria-labelledby="review-components"]')).toEqual([
      ['Giấy chứng sinh (bắt buộc)', 'Đã tải lên: giấy chứng sinh.pdf'],
      ['Căn cước của người đi khai (bắt buộc)', 'Đã có dữ liệu: số định danh cá nhân trong tài khoản của bạn. Không cần tải lên.'],
    ]);
    expect(await submit(page, 'Nộp hồ sơ', `${dossier}/submit`)).toBe(303);
    await arrive(page, '**/submitted', 'Hồ sơ đã được nộp', 'citizen-submitted');
    expect(await page.locator('main').innerText()).toContain('Bộ phận một cửa kiểm tra hồ sơ và trả lời bạn trong vòng 8 giờ làm việc.');

    // Its page: waiting for the counter, with its history.
    await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await arrive(page, `**${dossier}`, 'Đăng ký khai sinh', 'citizen-dossier-submitted');
    expect(await page.locator('.portal-dossier-id .usa-tag').innerText()).toBe('Chờ tiếp nhận'.toUpperCase());
    expect(await page.locator('.portal-timeline .usa-process-list__heading').allInnerTexts()).toEqual([
      'Tạo bản nháp',
      'Nộp hồ sơ trực tuyến',
    ]);

    // My dossiers, from the header.
    await header(page).getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await arrive(page, '**/dossiers', 'Hồ sơ của tôi', 'citizen-my-dossiers');
    const row = page.locator('tbody tr', { has: page.getByRole('link', { name: 'Đăng ký khai sinh' }) });
    expect(await row.locator('th').innerText()).toBe('Chưa có mã');
    expect(await row.locator('.usa-tag').innerText()).toBe('Chờ tiếp nhận'.toUpperCase());
    await page.getByLabel('Trạng thái', { exact: true }).selectOption('DRAFT');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL('**/dossiers?status=DRAFT');
    expect(await page.getByRole('status').innerText()).toBe('Số hồ sơ: 0');
    await expectAccessible(page);

    // Received by the counter of H12.06: the code, the appointment, the receipt.
    const id = dossier.split('/')[2];
    await act(cast.otherReceptionist, id, 'receive', { version: await versionOf(id) });
    await page.getByLabel('Trạng thái', { exact: true }).selectOption('IN_PROGRESS');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL('**/dossiers?status=IN_PROGRESS');
    expect(await page.getByRole('status').innerText()).toBe('Số hồ sơ: 1');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Đăng ký khai sinh' }).click();
    await arrive(page, `**${dossier}`, 'Đăng ký khai sinh', 'citizen-dossier-received');
    const [{ code }] = await t.query<{ code: string }>('SELECT code FROM dossier WHERE id = $1', [id]);
    expect(code).toMatch(/^H12\.06-\d{6}-\d{4}$/);
    expect(await page.locator('.portal-dossier-id').innerText()).toContain(code);
    expect(await page.locator('.portal-dossier-id .usa-tag').innerText()).toBe('Đang giải quyết'.toUpperCase());
    const details = Object.fromEntries(await rows(page, '[aria-labelledby="details-heading"]'));
    expect(details['Cơ quan giải quyết']).toBe('Agency H12.06');
    expect(details['Ngày hẹn trả kết quả']).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    expect(await page.getByRole('link', { name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)' }).getAttribute('href')).toBe(
      `${dossier}/receipt.pdf`,
    );
    expect(await page.getByRole('link', { name: 'Rút hồ sơ' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('answers a supplement request with a new file, a changed answer and a note', async () => {
    const { page, problems } = await open();
    const draft = await t.http
      .post('/api/v1/dossiers')
      .set(bearer(cast.citizen))
      .send({ procedureCode: SIMPLE, agencyCode: 'H12.05', formData: { childName: 'Lê Văn Bình' } })
      .expect(201);
    const id = draft.body.id as string;
    await t.http
      .post(`/api/v1/dossiers/${id}/files`)
      .set(bearer(cast.citizen))
      .field('componentCode', 'GCS')
      .attach('file', PDF, 'gcs.pdf')
      .expect(201);
    await t.http.post(`/api/v1/dossiers/${id}/submit`).set(bearer(cast.citizen)).expect(200);
    await act(cast.receptionist, id, 'receive', { version: await versionOf(id) });
    await act(cast.specialist, id, 'request-supplement', {
      version: await versionOf(id),
      items: ['Bản chụp giấy chứng sinh rõ nét', 'Họ tên trẻ theo giấy chứng sinh'],
      comment: 'Ảnh chụp bị mờ',
    });

    await page.goto(`/dossiers/${id}`);
    await page.waitForURL('**/login?next=*');
    await expectAccessible(page);
    await signIn(page, 'an@example.vn');
    await arrive(page, `**/dossiers/${id}`, 'Đăng ký khai sinh', 'citizen-dossier-supplement');
    expect(await page.locator('.portal-dossier-id .usa-tag').innerText()).toBe('Cần bổ sung'.toUpperCase());
    expect(
      await page
        .getByRole('region', { name: /Tình trạng hồ sơ/ })
        .getByRole('listitem')
        .allInnerTexts(),
    ).toEqual(['Bản chụp giấy chứng sinh rõ nét', 'Họ tên trẻ theo giấy chứng sinh']);

    await page.getByRole('link', { name: 'Bổ sung hồ sơ' }).click();
    await arrive(page, '**/supplement', 'Bổ sung hồ sơ', 'citizen-supplement');
    await page
      .getByLabel('Tải lên tệp khác thay thế: Giấy chứng sinh')
      .setInputFiles({ name: 'gcs-ro-net.png', mimeType: 'image/png', buffer: PNG });
    expect(await submit(page, 'Tải lên Giấy chứng sinh', `/dossiers/${id}/files`)).toBe(303);
    await arrive(page, '**/supplement', 'Bổ sung hồ sơ');
    expect(await page.locator('#component-GCS').innerText()).toContain('Đã tải lên: gcs-ro-net.png');

    await page.getByRole('link', { name: 'Sửa tờ khai' }).click();
    await arrive(page, '**/edit?page=1', 'Đăng ký khai sinh');
    await page.getByLabel('Họ tên trẻ').fill('Lê Văn Bình An');
    expect(await submit(page, 'Tiếp tục', `/dossiers/${id}/edit`)).toBe(303);
    await arrive(page, '**/supplement', 'Bổ sung hồ sơ');
    expect(await rows(page, '[aria-labelledby="supplement-form"]')).toContainEqual(['Họ tên trẻ', 'Lê Văn Bình An']);
    await page.getByLabel('Ghi chú cho cán bộ').fill('Đã chụp lại giấy chứng sinh');
    expect(await submit(page, 'Gửi bổ sung', `/dossiers/${id}/supplement`)).toBe(303);
    await arrive(page, `**/dossiers/${id}`, 'Đăng ký khai sinh', 'citizen-dossier-answered');
    expect(await flash(page).innerText()).toBe('Đã gửi bổ sung hồ sơ.');
    expect(await page.locator('.portal-timeline .usa-process-list__heading').allInnerTexts()).toEqual([
      'Tạo bản nháp',
      'Nộp hồ sơ trực tuyến',
      'Tiếp nhận hồ sơ',
      'Yêu cầu bổ sung hồ sơ',
      'Nộp bổ sung hồ sơ',
    ]);
    expect(await page.locator('.portal-timeline').innerText()).toContain('Ghi chú: Đã chụp lại giấy chứng sinh');
    expect(problems).toEqual([]);
  });

  it('withdraws a submitted dossier after a confirmation page', async () => {
    const { page, problems } = await open();
    await page.goto('/login');
    await expectAccessible(page);
    await signIn(page, 'an@example.vn');
    await arrive(page, '**/account', 'Tài khoản của tôi');
    await page.goto(`/procedures/${SIMPLE}/apply`);
    await arrive(page, `**/procedures/${SIMPLE}/apply`, 'Nộp hồ sơ: Đăng ký khai sinh');
    expect(await submit(page, 'Bắt đầu khai hồ sơ', `/procedures/${SIMPLE}/apply`)).toBe(303);
    await arrive(page, '**/edit?page=1', 'Đăng ký khai sinh');
    await page.getByLabel('Họ tên trẻ').fill('Trần Văn Cường');
    expect(await submit(page, 'Lưu và thoát', /\/edit$/)).toBe(303);
    await arrive(page, '**/dossiers/*', 'Đăng ký khai sinh');
    expect(await flash(page).innerText()).toBe('Đã lưu bản nháp.');
    expect(await page.locator('.portal-dossier-id .usa-tag').innerText()).toBe('Bản nháp'.toUpperCase());

    await page.getByRole('link', { name: 'Rút hồ sơ' }).click();
    await arrive(page, '**/withdraw', 'Rút hồ sơ', 'citizen-withdraw');
    await page.getByLabel('Lý do rút hồ sơ').fill('Nộp nhầm thủ tục');
    expect(await submit(page, 'Rút hồ sơ', /\/withdraw$/)).toBe(303);
    await arrive(page, '**/dossiers/*', 'Đăng ký khai sinh');
    expect(await flash(page).innerText()).toBe('Đã rút hồ sơ.');
    expect(await page.locator('.portal-dossier-id .usa-tag').innerText()).toBe('Đã rút'.toUpperCase());
    expect(await page.getByRole('link', { name: 'Rút hồ sơ' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('reads My dossiers and a dossier on a phone, in English', async () => {
    const { page, problems } = await open({ locale: 'en-GB', viewport: PHONE });
    await page.goto('/login');
    await expectAccessible(page);
    await page.getByLabel('Email or identification number').fill('an@example.vn');
    await page.getByLabel('Password').fill(PASSWORD);
    expect(await submit(page, 'Sign in', '/login')).toBe(303);
    await arrive(page, '**/account', 'My account');
    await page.goto('/dossiers');
    await arrive(page, '**/dossiers', 'My dossiers', 'citizen-my-dossiers-phone-en');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('link', { name: 'Birth registration' }).first().click();
    await arrive(page, '**/dossiers/*', 'Birth registration', 'citizen-dossier-phone-en');
    expect(await page.getByRole('heading', { name: 'Progress' }).count()).toBe(1);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect(problems).toEqual([]);
  });
});
