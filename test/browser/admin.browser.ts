import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser, PASSWORD } from '../helpers/accounts.js';
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

let t: BrowserPortal;
let browser: Browser;
const opened: PortalPage[] = [];

const ADMIN = { email: 'quantri@tinh.gov.vn', fullName: 'Lê Quản Trị', roles: ['ADMIN' as const] };
const CITIZEN = { email: 'dan@example.vn', fullName: 'Phạm Thị Dân', roles: ['CITIZEN' as const], citizenId: '001090000777' };

beforeAll(async () => {
  [t, browser] = await Promise.all([startBrowserPortal(), launchBrowser()]);
  await insertUser(t, ADMIN);
  await insertUser(t, CITIZEN);
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

/** Signs in on the /login page the browser is on. */
async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Thư điện tử hoặc số định danh').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  expect(await submit(page, 'Đăng nhập', '/login')).toBe(303);
}

/** The agency table as [code, name, level] rows. */
async function agencyRows(page: Page): Promise<string[][]> {
  const rows = await page.locator('main table tbody tr').all();
  return Promise.all(rows.map(async (row) => (await row.locator('th, td').allTextContents()).map((cell) => cell.trim())));
}

// The tests run in order and build on each other's data (the agencies and the specialist made in the second one).
describe('the administrator in the browser', () => {
  it('sends an anonymous visitor of /admin/agencies to the sign-in page, then back after signing in', async () => {
    const { page, problems } = await open();
    await page.goto('/admin/agencies');
    await page.waitForURL('**/login?next=%2Fadmin%2Fagencies');
    expect(await page.locator('main .usa-alert--info').innerText()).toBe('Vui lòng đăng nhập để tiếp tục.');
    expect(await page.locator('input[name="next"]').inputValue()).toBe('/admin/agencies');
    await expectAccessible(page);

    await signIn(page, ADMIN.email);
    await page.waitForURL('**/admin/agencies');
    expect(await h1(page)).toBe('Cơ quan');
    expect(await page.getByText('Chưa có cơ quan nào.').isVisible()).toBe(true);
    expect(await header(page).getByRole('link', { name: 'Người dùng' }).isVisible()).toBe(true);
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });

  it('creates a province and a commune under it (after an error), then a specialist of the commune', async () => {
    const { page, problems } = await open();
    await page.goto('/login');
    await expectAccessible(page);
    await signIn(page, ADMIN.email);
    await page.waitForURL('**/account');
    await expectAccessible(page);

    await header(page).getByRole('link', { name: 'Cơ quan' }).click();
    await page.waitForURL('**/admin/agencies');
    await expectAccessible(page);

    // A province: no parent.
    await page.getByLabel('Mã cơ quan').fill('h77');
    await page.getByLabel('Tên cơ quan').fill('Tỉnh Thử Nghiệm');
    await page.getByLabel('Cấp', { exact: true }).selectOption('PROVINCE');
    expect(await page.getByLabel('Cơ quan cấp trên').inputValue()).toBe('');
    expect(await submit(page, 'Thêm cơ quan', '/admin/agencies')).toBe(303);
    await page.waitForURL('**/admin/agencies');
    expect(await flash(page).innerText()).toBe('Đã thêm cơ quan H77.');
    expect(await agencyRows(page)).toEqual([['H77', 'Tỉnh Thử Nghiệm', 'Tỉnh']]);
    await expectAccessible(page);

    // A commune with no parent: refused, with the error at the top and beside the parent field.
    await page.getByLabel('Mã cơ quan').fill('H77.01');
    await page.getByLabel('Tên cơ quan').fill('Xã An Phú');
    await page.getByLabel('Cấp', { exact: true }).selectOption('COMMUNE');
    expect(await submit(page, 'Thêm cơ quan', '/admin/agencies')).toBe(422);
    const summary = page.locator('[data-error-summary]');
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.getByRole('heading').innerText()).toBe('Có lỗi cần sửa');
    expect(await summary.getByRole('listitem').allInnerTexts()).toEqual(['Cơ quan cấp trên: Xã, phường và sở phải thuộc một tỉnh.']);
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#parentCode');
    expect(await page.locator('#parentCode-error').innerText()).toBe('Xã, phường và sở phải thuộc một tỉnh.');
    expect(await page.locator('#parentCode').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Mã cơ quan').inputValue()).toBe('H77.01');
    expect(await page.getByLabel('Tên cơ quan').inputValue()).toBe('Xã An Phú');
    expect(await page.getByLabel('Cấp', { exact: true }).inputValue()).toBe('COMMUNE');
    expect(await agencyRows(page)).toEqual([['H77', 'Tỉnh Thử Nghiệm', 'Tỉnh']]);
    await expectAccessible(page);

    // Fixed: the province as the parent.
    await page.getByLabel('Cơ quan cấp trên').selectOption('H77');
    expect(await submit(page, 'Thêm cơ quan', '/admin/agencies')).toBe(303);
    await page.waitForURL('**/admin/agencies');
    expect(await flash(page).innerText()).toBe('Đã thêm cơ quan H77.01.');
    expect(await page.locator('[data-error-summary]').count()).toBe(0);
    expect(await agencyRows(page)).toEqual([
      ['H77', 'Tỉnh Thử Nghiệm', 'Tỉnh'],
      ['H77.01', 'Xã An Phú', 'Xã, phường'],
    ]);
    await expectAccessible(page);
    await screenshot(page, 'admin-agencies');
    const [commune] = await t.query<{ level: string; parent: string }>(
      `SELECT c.level, p.code AS parent FROM agency c JOIN agency p ON p.id = c.parent_id WHERE c.code = 'H77.01'`,
    );
    expect(commune).toEqual({ level: 'COMMUNE', parent: 'H77' });

    // A specialist of the commune.
    await header(page).getByRole('link', { name: 'Người dùng' }).click();
    await page.waitForURL('**/admin/users');
    expect(await h1(page)).toBe('Người dùng');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Thêm tài khoản cán bộ' }).click();
    await page.waitForURL('**/admin/users/new');
    expect(await h1(page)).toBe('Thêm tài khoản cán bộ');
    await expectAccessible(page);

    await page.getByLabel('Họ và tên').fill('Trần Thị Bình');
    await page.getByLabel('Thư điện tử').fill('binh.tran@anphu.gov.vn');
    await page.getByLabel('Mật khẩu').fill('mat-khau-can-bo');
    // USWDS draws its own box and moves the real checkbox off-screen: a person clicks the label.
    const roles = page.getByRole('group', { name: /Vai trò/ });
    await roles.locator('label', { hasText: 'Chuyên viên' }).click();
    expect(await roles.getByLabel('Chuyên viên').isChecked()).toBe(true);
    await page.getByLabel('Cơ quan', { exact: true }).selectOption('H77.01');
    expect(await submit(page, 'Thêm tài khoản cán bộ', '/admin/users')).toBe(303);
    await page.waitForURL('**/admin/users');
    expect(await flash(page).innerText()).toBe('Đã tạo tài khoản binh.tran@anphu.gov.vn.');
    const row = page.locator('main table tbody tr', { hasText: 'binh.tran@anphu.gov.vn' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('th').innerText()).toBe('Trần Thị Bình');
    expect(await row.locator('.usa-tag').allTextContents()).toEqual(['Chuyên viên']);
    expect(await row.locator('td').nth(2).innerText()).toBe('H77.01');
    expect(await row.locator('td').nth(3).innerText()).toBe('Đang hoạt động');
    await expectAccessible(page);
    const [staff] = await t.query<{ roles: string[]; agency: string }>(
      `SELECT u.roles, a.code AS agency FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE u.email = 'binh.tran@anphu.gov.vn'`,
    );
    expect(staff).toEqual({ roles: ['SPECIALIST'], agency: 'H77.01' });

    expect(problems).toEqual([]);
  });

  it('lists and searches the users on a phone', async () => {
    const { page, problems } = await open({ viewport: PHONE });
    await page.goto('/login');
    await expectAccessible(page);
    await signIn(page, ADMIN.email);
    await page.waitForURL('**/account');
    await expectAccessible(page);

    await page.goto('/admin/users');
    expect(await page.locator('main').innerText()).toContain('Tổng số: 3');
    // The wide table scrolls inside its own keyboard-reachable box; the page itself does not scroll sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect(await page.getByRole('region', { name: 'Người dùng' }).getAttribute('tabindex')).toBe('0');
    await expectAccessible(page);

    // On a phone the search button shows only its icon: it is still named.
    const search = page.getByRole('button', { name: 'Tìm', exact: true });
    expect(await search.isVisible()).toBe(true);
    await page.getByRole('searchbox', { name: 'Tìm theo tên hoặc thư điện tử' }).fill('bình');
    await search.click();
    await page.waitForURL('**/admin/users?q=b%C3%ACnh');
    expect(await page.locator('main').innerText()).toContain('Tổng số: 1');
    expect(await page.locator('main table tbody tr th').allInnerTexts()).toEqual(['Trần Thị Bình']);
    await expectAccessible(page);

    await page.getByRole('searchbox').fill('không-có-ai');
    await search.click();
    await page.waitForURL('**/admin/users?q=*');
    expect(await page.locator('main').innerText()).toContain('Tổng số: 0');
    expect(await page.locator('main table').count()).toBe(0);
    expect(await page.getByText('Không có tài khoản nào phù hợp.').isVisible()).toBe(true);
    await expectAccessible(page);

    expect(problems).toEqual([]);
  });

  it('shows a citizen who opens /admin/agencies the 403 page', async () => {
    const { page, problems } = await open();
    await page.goto('/login');
    await expectAccessible(page);
    await signIn(page, CITIZEN.citizenId);
    await page.waitForURL('**/account');
    expect(await header(page).getByRole('link', { name: 'Cơ quan' }).count()).toBe(0);
    await expectAccessible(page);

    const response = await page.goto('/admin/agencies');
    expect(response?.status()).toBe(403);
    expect(new URL(page.url()).pathname).toBe('/admin/agencies');
    expect(await h1(page)).toBe('Đã có lỗi');
    expect(await page.getByRole('alert').innerText()).toBe('Bạn không có quyền truy cập trang này.');
    expect(await page.locator('main').innerText()).toContain('HTTP 403');
    expect(await page.locator('main table').count()).toBe(0);
    await expectAccessible(page);

    // The form post is refused too, even with a valid CSRF token (the one of the header's sign-out form).
    const csrf = await header(page).locator('form[action="/logout"] input[name="_csrf"]').inputValue();
    const post = await page.request.post('/admin/agencies', { form: { _csrf: csrf, code: 'X1', name: 'X', level: 'PROVINCE' } });
    expect(post.status()).toBe(403);
    expect((await t.query(`SELECT 1 FROM agency WHERE code = 'X1'`)).length).toBe(0);

    expect(problems).toEqual([]);
  });
});
