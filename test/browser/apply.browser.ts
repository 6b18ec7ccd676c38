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
} from '../helpers/browser.js';
import { birthProcedure, publishProcedure, seedProcedureWorld } from '../helpers/procedure-fixtures.js';

let t: BrowserPortal;
let browser: Browser;
const opened: PortalPage[] = [];
const CITIZEN = { email: 'dan@example.vn', citizenId: '001090000777', fullName: 'Phạm Thị Dân' };

beforeAll(async () => {
  [t, browser] = await Promise.all([startBrowserPortal(), launchBrowser()]);
  const admin = await seedProcedureWorld(t, CITIZEN);
  await publishProcedure(t, admin, birthProcedure());
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

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Thư điện tử hoặc số định danh').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  expect(await submit(page, 'Đăng nhập', '/login')).toBe(303);
}

/** The rows of "check your answers" as [label, answer] (the answers, not the documents). */
async function answers(page: Page): Promise<string[][]> {
  const rows = await page.locator('[aria-labelledby^="review-section-"] .portal-summary-list__row').all();
  return Promise.all(
    rows.map(async (row) => [await row.locator('dt').innerText(), await row.locator('.portal-summary-list__value').innerText()]),
  );
}

const APPLY = '/procedures/1.001193/apply';

/** The path of the form pages of the draft the page is on (`/dossiers/{id}/edit`). */
const editPath = (page: Page) => new URL(page.url()).pathname;

describe('a citizen applies in the browser', () => {
  // The page's real Content-Security-Policy is enforced: every script is a file, none inline.
  it('finds the procedure, starts a draft, fills the two pages (errors, then live conditional fields) and checks the answers', async () => {
    const { page, problems } = await open({ bypassCSP: false });

    await page.goto('/');
    await expectAccessible(page);
    await page.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' }).fill('dang ky khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
    await page.waitForURL('**/procedures?q=dang+ky+khai+sinh');
    expect(await page.getByRole('status').innerText()).toBe('Tìm thấy 1 thủ tục');
    await expectAccessible(page);
    await screenshot(page, 'procedures-catalogue');

    await page.getByRole('link', { name: 'Đăng ký khai sinh' }).click();
    await page.waitForURL('**/procedures/1.001193');
    expect(await h1(page)).toBe('Đăng ký khai sinh');
    await expectAccessible(page);
    await screenshot(page, 'procedure-page');

    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).first().click();
    await page.waitForURL('**/login?next=*');
    await expectAccessible(page);
    await signIn(page, CITIZEN.citizenId);
    await page.waitForURL(`**${APPLY}`);
    expect(await h1(page)).toBe('Nộp hồ sơ: Đăng ký khai sinh');
    await expectAccessible(page);
    expect(await submit(page, 'Bắt đầu khai hồ sơ', APPLY)).toBe(303);
    await page.waitForURL('**/dossiers/*/edit?page=1');
    const EDIT = editPath(page);
    expect(await h1(page)).toBe('Thông tin trẻ');
    const fatherId = page.getByLabel('Số định danh của cha');
    expect(await fatherId.isVisible()).toBe(false);
    // With scripts, the no-script "Update" button is not there.
    expect(await page.getByRole('button', { name: 'Cập nhật' }).count()).toBe(0);
    await expectAccessible(page);

    // Nothing filled: the summary, focused, links to each field.
    expect(await submit(page, 'Tiếp tục', EDIT)).toBe(422);
    expect(await summary(page).getByRole('listitem').allInnerTexts()).toEqual([
      'Họ tên trẻ: Vui lòng nhập thông tin này.',
      'Ngày sinh: Vui lòng nhập thông tin này.',
      'Giới tính: Vui lòng chọn một giá trị.',
    ]);
    expect(await page.evaluate("document.activeElement.hasAttribute('data-error-summary')")).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'apply-errors');
    await summary(page)
      .getByRole('link', { name: /^Giới tính/ })
      .click();
    expect(await page.evaluate('document.activeElement.id')).toBe('f-gender-1');

    // Fixed, and the father's ID appears as soon as the box is ticked (no round-trip).
    await page.getByLabel('Họ tên trẻ').fill('Nguyễn Văn An');
    await page.getByLabel('Ngày sinh').fill('2025-03-15');
    await page.locator('label[for="f-gender-1"]').click();
    await page.locator('label[for="f-hasFather"]').click();
    expect(await fatherId.isVisible()).toBe(true);
    expect(await fatherId.isEnabled()).toBe(true);
    await expectAccessible(page);
    await fatherId.fill('123');
    expect(await submit(page, 'Tiếp tục', EDIT)).toBe(422);
    expect(await summary(page).getByRole('listitem').allInnerTexts()).toEqual([
      'Số định danh của cha: Số định danh cá nhân phải gồm đúng 12 chữ số.',
    ]);
    expect(await page.getByLabel('Họ tên trẻ').inputValue()).toBe('Nguyễn Văn An');
    expect(await fatherId.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    // Unticking hides the field again and disables it, so it would not be posted.
    await page.locator('label[for="f-hasFather"]').click();
    expect(await fatherId.isVisible()).toBe(false);
    expect(await fatherId.isDisabled()).toBe(true);
    await page.locator('label[for="f-hasFather"]').click();
    await fatherId.fill('001080000123');
    expect(await submit(page, 'Tiếp tục', EDIT)).toBe(303);

    // Page 2: "Other" asks for a description, live; the province narrows the communes.
    await page.waitForURL('**/edit?page=2');
    expect(await h1(page)).toBe('Người đi khai');
    const other = page.getByLabel('Quan hệ khác');
    expect(await other.isVisible()).toBe(false);
    await page.getByLabel('Quan hệ với trẻ').selectOption('other');
    expect(await other.isVisible()).toBe(true);
    await page.getByLabel('Tỉnh, thành phố').selectOption('H12');
    expect(
      await page
        .locator('#f-residence-commune optgroup[data-parent="H13"]')
        .evaluate((g) => (g as unknown as { disabled: boolean }).disabled),
    ).toBe(true);
    await page.getByLabel('Xã, phường').selectOption('H12.06');
    await page.getByLabel('Số nhà, đường, thôn, tổ dân phố').fill('Số 1 đường Lê Lợi');
    await expectAccessible(page);
    expect(await submit(page, 'Tiếp tục', EDIT)).toBe(422);
    expect(await summary(page).getByRole('listitem').allInnerTexts()).toEqual(['Quan hệ khác: Vui lòng nhập thông tin này.']);
    await expectAccessible(page);
    await other.fill('Bà ngoại');
    expect(await submit(page, 'Tiếp tục', EDIT)).toBe(303);

    // The documents, then "check your answers".
    await page.waitForURL('**/files');
    expect(await h1(page)).toBe('Giấy tờ kèm theo');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Tiếp tục', exact: true }).click();
    await page.waitForURL('**/review');
    expect(await h1(page)).toBe('Kiểm tra thông tin');
    expect(await answers(page)).toEqual([
      ['Họ tên trẻ', 'Nguyễn Văn An'],
      ['Ngày sinh', '15/03/2025'],
      ['Giới tính', 'Nam'],
      ['Có thông tin cha', 'Có'],
      ['Số định danh của cha', '001080000123'],
      ['Quan hệ với trẻ', 'Khác'],
      ['Quan hệ khác', 'Bà ngoại'],
      ['Thư điện tử', 'Không khai'],
      ['Nơi cư trú', 'Số 1 đường Lê Lợi, Agency H12.06, Agency H12'],
    ]);
    await expectAccessible(page);
    await screenshot(page, 'apply-review');

    // "Change" one answer, then straight back to the review.
    await page.getByRole('link', { name: 'Sửa Quan hệ khác' }).click();
    await page.waitForURL('**/edit?page=2&review=1');
    expect(await h1(page)).toBe('Người đi khai');
    expect(await other.inputValue()).toBe('Bà ngoại');
    await expectAccessible(page);
    await other.fill('Ông ngoại');
    expect(await submit(page, 'Tiếp tục', EDIT)).toBe(303);
    await page.waitForURL('**/review');
    expect((await answers(page)).find(([label]) => label === 'Quan hệ khác')).toEqual(['Quan hệ khác', 'Ông ngoại']);

    // Nothing uploaded yet: the submission is refused, the missing document linked to its upload.
    const dossier = EDIT.replace(/\/edit$/, '');
    expect(await submit(page, 'Nộp hồ sơ', `${dossier}/submit`)).toBe(422);
    expect(await summary(page).getByRole('listitem').allInnerTexts()).toEqual(['Giấy chứng sinh: Vui lòng nộp thành phần hồ sơ này.']);
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });

  it('works on a phone, in English, without scripts: the Update button reveals the conditional field', async () => {
    const context = await browser.newContext({ baseURL: t.baseUrl, locale: 'en-GB', viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    opened.push({ context, page, problems: [] });
    await page.goto(APPLY);
    await page.getByLabel('Email or identification number').fill(CITIZEN.email);
    await page.getByLabel('Password').fill(PASSWORD);
    expect(await submit(page, 'Sign in', '/login')).toBe(303);
    await page.waitForURL(`**${APPLY}`);
    expect(await submit(page, 'Start the application', APPLY)).toBe(303);
    await page.waitForURL('**/edit?page=1');
    const EDIT = editPath(page);
    expect(await h1(page)).toBe('The child');
    expect(await page.getByLabel("Father's ID number").isVisible()).toBe(false);
    await page.locator('label[for="f-hasFather"]').click();
    expect(await page.getByLabel("Father's ID number").isVisible()).toBe(false);
    expect(await submit(page, 'Update', EDIT)).toBe(303);
    expect(await page.getByLabel("Father's ID number").isVisible()).toBe(true);
    expect(await page.getByLabel('Father known').isChecked()).toBe(true);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'apply-no-js-phone');
  });
});

describe('the administrator edits a draft', () => {
  it('opens a new draft in the JSON editor, sees the preview follow the text, fixes an error and publishes', async () => {
    const { page, problems } = await open();
    await page.goto('/login');
    await signIn(page, 'quantri@tinh.gov.vn');
    await page.locator('header.usa-header').getByRole('link', { name: 'Thủ tục', exact: true }).click();
    await page.waitForURL('**/admin/procedures');
    expect(await h1(page)).toBe('Thủ tục hành chính');
    await expectAccessible(page);

    await page.getByRole('link', { name: '1.001193' }).click();
    await page.waitForURL('**/admin/procedures/1.001193');
    await expectAccessible(page);
    expect(await submit(page, 'Tạo bản nháp mới', '/admin/procedures/1.001193/versions')).toBe(303);
    await page.waitForURL('**/admin/procedures/1.001193/versions/2/edit');
    expect(await page.locator('main .usa-alert--success').innerText()).toBe('Đã tạo bản nháp 2.');
    const preview = page.locator('#preview');
    expect(await preview.getByLabel('Họ tên trẻ').isVisible()).toBe(true);
    await expectAccessible(page);

    // Typing in the editor refreshes the preview (posted to the preview endpoint, swapped in place).
    const editor = page.getByLabel('Nội dung thủ tục (JSON)');
    const json = JSON.parse(await editor.inputValue()) as ReturnType<typeof birthProcedure>;
    json.form.fields[0].label = { vi: 'Họ và tên của trẻ', en: "Child's full name" };
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/admin/procedures/preview' && r.status() === 200),
      editor.fill(JSON.stringify(json, null, 2)),
    ]);
    await expect.poll(() => preview.getByLabel('Họ và tên của trẻ').count()).toBe(1);
    // The swapped-in preview still shows its conditional fields live.
    expect(await preview.getByLabel('Số định danh của cha').isVisible()).toBe(false);
    await preview.locator('label[for="preview-hasFather"]').click();
    expect(await preview.getByLabel('Số định danh của cha').isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'admin-editor-preview');

    // A mistake: refused with its JSON path, the text kept.
    (json.form.fields[1] as { type: string }).type = 'colour';
    await editor.fill(JSON.stringify(json, null, 2));
    expect(await submit(page, 'Lưu bản nháp', '/admin/procedures/1.001193/versions/2/edit')).toBe(422);
    const errors = await summary(page).getByRole('listitem').allInnerTexts();
    expect(errors.some((e) => e.startsWith('form.fields[1].type: '))).toBe(true);
    expect(await editor.inputValue()).toContain('"colour"');
    await expectAccessible(page);
    await screenshot(page, 'admin-editor-errors');

    // Fixed; the server-side Preview button re-renders without saving, then it is saved and published.
    (json.form.fields[1] as { type: string }).type = 'date';
    await editor.fill(JSON.stringify(json, null, 2));
    expect(await submit(page, 'Xem trước', '/admin/procedures/1.001193/versions/2/edit')).toBe(200);
    expect(await summary(page).count()).toBe(0);
    expect(await preview.getByLabel('Họ và tên của trẻ').count()).toBe(1);
    expect(await submit(page, 'Lưu bản nháp', '/admin/procedures/1.001193/versions/2/edit')).toBe(303);
    await page.waitForURL('**/admin/procedures/1.001193');
    expect(await page.locator('main .usa-alert--success').innerText()).toBe('Đã lưu bản nháp 2.');
    await page.getByRole('link', { name: 'Công bố bản nháp 2' }).click();
    await page.waitForURL('**/versions/2/publish');
    await expectAccessible(page);
    expect(await submit(page, 'Công bố phiên bản 2', '/admin/procedures/1.001193/versions/2/publish')).toBe(303);
    await page.waitForURL('**/admin/procedures/1.001193');
    expect(await page.locator('main .usa-alert--success').innerText()).toBe('Đã công bố phiên bản 2.');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'So sánh' }).click();
    await page.waitForURL('**/admin/procedures/1.001193/diff?from=1&to=2');
    const row = page.locator('tbody tr', { hasText: 'form.fields[key=childName].label.vi' });
    expect(await row.locator('.usa-tag').textContent()).toBe('Sửa'); // (shown in capitals by USWDS)
    expect(await row.locator('td').nth(1).innerText()).toBe('Họ tên trẻ');
    expect(await row.locator('td').nth(2).innerText()).toBe('Họ và tên của trẻ');
    await expectAccessible(page);
    await screenshot(page, 'admin-diff');

    // A new application is bound to the version now in force.
    const publicPage = await page.goto('/procedures/1.001193/apply');
    expect(publicPage?.status()).toBe(200);
    await expectAccessible(page);
    expect(await submit(page, 'Bắt đầu khai hồ sơ', '/procedures/1.001193/apply')).toBe(303);
    await page.waitForURL('**/edit?page=1');
    expect(await page.getByLabel('Họ và tên của trẻ').count()).toBe(1);
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });
});
