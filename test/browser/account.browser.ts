import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  siteHeader as header,
  flash,
} from '../helpers/browser.js';

let t: BrowserPortal;
let browser: Browser;
const opened: PortalPage[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startBrowserPortal(), launchBrowser()]);
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

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

describe('a citizen in the browser', () => {
  const citizen = {
    citizenId: '001090000123',
    fullName: 'Nguyễn Văn An',
    email: 'an.nguyen@example.vn',
    phone: '0912345678',
    password: 'mat-khau-du-dai',
  };

  it('registers (after fixing errors), signs in, sees the account and signs out', async () => {
    const { page, problems } = await open();

    await page.goto('/');
    expect(await htmlLang(page)).toBe('vi');
    await expect.poll(() => page.title()).toBe('Dịch vụ công trực tuyến — Cổng dịch vụ công một cửa');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Dịch vụ công trực tuyến');
    await expectAccessible(page);
    await screenshot(page, 'home');

    await header(page).getByRole('link', { name: 'Đăng ký tài khoản' }).click();
    await page.waitForURL('**/register');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Đăng ký tài khoản');
    await expectAccessible(page);

    // First try: three bad fields.
    await page.getByLabel('Số định danh cá nhân (CCCD)').fill('12345');
    await page.getByLabel('Họ và tên').fill(citizen.fullName);
    await page.getByLabel('Thư điện tử').fill('not-an-email');
    await page.getByLabel('Số điện thoại').fill(citizen.phone);
    await page.getByLabel('Mật khẩu').fill('short');
    expect(await submit(page, 'Đăng ký', '/register')).toBe(422);

    const summary = page.locator('[data-error-summary]');
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.getByRole('heading').innerText()).toBe('Có lỗi cần sửa');
    // The summary is the first thing in the form column and gets the focus, so it is read first.
    expect(await page.evaluate('document.activeElement.hasAttribute("data-error-summary")')).toBe(true);
    const expectedErrors = {
      citizenId: 'Số định danh phải gồm đúng 12 chữ số.',
      email: 'Thư điện tử không hợp lệ.',
      password: 'Mật khẩu phải có ít nhất 10 ký tự.',
    };
    // The summary names each field; beside the field, the message alone.
    expect(await summary.getByRole('listitem').allInnerTexts()).toEqual([
      `Số định danh cá nhân (CCCD): ${expectedErrors.citizenId}`,
      `Thư điện tử: ${expectedErrors.email}`,
      `Mật khẩu: ${expectedErrors.password}`,
    ]);
    expect(await summary.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      '#citizenId',
      '#email',
      '#password',
    ]);
    for (const [field, message] of Object.entries(expectedErrors)) {
      expect(await page.locator(`#${field}-error`).innerText()).toBe(message);
      expect(await page.locator(`#${field}`).getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator(`#${field}`).getAttribute('aria-describedby')).toContain(`${field}-error`);
    }
    for (const field of ['fullName', 'phone']) expect(await page.locator(`#${field}-error`).count()).toBe(0);
    // What was typed is kept, except the password.
    expect(await page.getByLabel('Số định danh cá nhân (CCCD)').inputValue()).toBe('12345');
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe(citizen.fullName);
    expect(await page.getByLabel('Thư điện tử').inputValue()).toBe('not-an-email');
    expect(await page.getByLabel('Số điện thoại').inputValue()).toBe(citizen.phone);
    expect(await page.getByLabel('Mật khẩu').inputValue()).toBe('');
    expect(await page.content()).not.toContain('value="short"');
    await expectAccessible(page);
    await screenshot(page, 'register-errors');

    // A summary link takes the keyboard to its field.
    await summary.getByRole('link', { name: `Thư điện tử: ${expectedErrors.email}` }).click();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('email');

    // Second try: fixed.
    await page.getByLabel('Số định danh cá nhân (CCCD)').fill(citizen.citizenId);
    await page.getByLabel('Thư điện tử').fill(citizen.email);
    await page.getByLabel('Mật khẩu').fill(citizen.password);
    expect(await submit(page, 'Đăng ký', '/register')).toBe(303);
    await page.waitForURL('**/login');
    expect(await flash(page).innerText()).toBe('Đăng ký thành công. Mời bạn đăng nhập.');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Đăng nhập');
    await expectAccessible(page);
    const [row] = await t.query<{ full_name: string; roles: string[] }>('SELECT full_name, roles FROM app_user WHERE email = $1', [
      citizen.email,
    ]);
    expect(row).toEqual({ full_name: citizen.fullName, roles: ['CITIZEN'] });

    // The flash is shown once.
    await page.reload();
    expect(await flash(page).count()).toBe(0);
    await expectAccessible(page);

    await page.getByLabel('Thư điện tử hoặc số định danh').fill(citizen.email);
    await page.getByLabel('Mật khẩu').fill(citizen.password);
    expect(await submit(page, 'Đăng nhập', '/login')).toBe(303);
    await page.waitForURL('**/account');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Tài khoản của tôi');
    expect(await page.locator('.portal-details').innerText()).toContain(citizen.fullName);
    expect(await page.locator('.portal-details').innerText()).toContain(citizen.citizenId);
    expect(await page.locator('.portal-details .usa-tag').textContent()).toBe('Công dân');
    expect(
      await header(page)
        .getByRole('link', { name: `Tài khoản: ${citizen.fullName}` })
        .isVisible(),
    ).toBe(true);
    expect(await header(page).getByRole('link', { name: 'Cơ quan' }).count()).toBe(0);
    await expectAccessible(page);

    // Sign out: a POST form in the header that carries the CSRF token.
    const logout = header(page).locator('form[action="/logout"]');
    expect(await logout.getAttribute('method')).toBe('post');
    expect(await logout.locator('input[name="_csrf"]').inputValue()).not.toBe('');
    expect(await submit(page, 'Đăng xuất', '/logout')).toBe(303);
    await page.waitForURL(`${t.baseUrl}/`);
    expect(await flash(page).innerText()).toBe('Bạn đã đăng xuất.');
    expect(await header(page).getByRole('link', { name: 'Đăng nhập' }).isVisible()).toBe(true);
    expect(await header(page).getByRole('button', { name: 'Đăng xuất' }).count()).toBe(0);
    expect(await page.getByText('Bạn đang đăng nhập với tên').count()).toBe(0);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('session');
    await expectAccessible(page);

    // Signed out for real: the account page asks to sign in.
    await page.goto('/account');
    await page.waitForURL('**/login?next=%2Faccount');
    expect(await page.locator('main .usa-alert--info').innerText()).toBe('Vui lòng đăng nhập để tiếp tục.');
    await expectAccessible(page);

    expect(problems).toEqual([]);
  });

  it('switches the language to English and back, keeping the page', async () => {
    const { page, problems } = await open();
    await page.goto('/register');
    expect(await htmlLang(page)).toBe('vi');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Đăng ký tài khoản');
    await expectAccessible(page);

    const english = header(page).getByRole('link', { name: 'English' });
    expect(await english.getAttribute('lang')).toBe('en');
    await english.click();
    await page.waitForURL('**/register');
    expect(await htmlLang(page)).toBe('en');
    expect(await page.title()).toBe('Create an account — One-stop public service portal');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Create an account');
    expect(await page.getByLabel('Personal identification number').count()).toBe(1);
    expect(await header(page).getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
    await expectAccessible(page);

    // The choice is remembered on the next page.
    await page.goto('/');
    expect(await htmlLang(page)).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Online public services');
    await expectAccessible(page);

    const vietnamese = header(page).getByRole('link', { name: 'Tiếng Việt' });
    expect(await vietnamese.getAttribute('lang')).toBe('vi');
    await vietnamese.click();
    await page.waitForURL(`${t.baseUrl}/`);
    expect(await htmlLang(page)).toBe('vi');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Dịch vụ công trực tuyến');
    expect(await header(page).getByRole('link', { name: 'Đăng nhập' }).isVisible()).toBe(true);
    await expectAccessible(page);

    expect(problems).toEqual([]);
  });

  it('on a phone, opens the menu (in Vietnamese), keeps the focus in it and closes it back to its button', async () => {
    const { page, problems } = await open({ viewport: PHONE });
    await page.goto('/');
    const menuButton = header(page).getByRole('button', { name: 'Danh mục' });
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await menuButton.isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Đăng nhập' }).isVisible()).toBe(false);
    await expectAccessible(page);

    await menuButton.click();
    await expect.poll(() => nav.getByRole('link', { name: 'Đăng nhập' }).isVisible()).toBe(true);
    expect(await page.evaluate('document.activeElement.closest(".usa-nav__close") !== null')).toBe(true);
    expect(await nav.getByRole('button', { name: 'Đóng danh mục' }).isVisible()).toBe(true);
    // The page behind the open menu is hidden from screen readers and out of the focus order.
    await expect.poll(() => page.evaluate('document.querySelector("main").inert')).toBe(true);
    expect(await page.locator('main').getAttribute('aria-hidden')).toBe('true');
    await expectAccessible(page);

    // Escape closes it and gives the focus back to the menu button.
    await page.keyboard.press('Escape');
    await expect.poll(() => nav.getByRole('link', { name: 'Đăng nhập' }).isVisible()).toBe(false);
    await expect.poll(() => page.evaluate('document.activeElement.classList.contains("usa-menu-btn")')).toBe(true);
    expect(await page.evaluate('document.querySelector("main").inert')).toBe(false);
    expect(await page.locator('main').getAttribute('aria-hidden')).toBeNull();
    await expectAccessible(page);

    // A tap on the dimmed page beside the menu closes it too.
    await menuButton.click();
    await expect.poll(() => nav.getByRole('link', { name: 'Đăng nhập' }).isVisible()).toBe(true);
    await page.mouse.click(20, PHONE.height / 2);
    await expect.poll(() => nav.getByRole('link', { name: 'Đăng nhập' }).isVisible()).toBe(false);
    await expectAccessible(page);

    await menuButton.click();
    await nav.getByRole('link', { name: 'Đăng ký tài khoản' }).click();
    await page.waitForURL('**/register');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Đăng ký tài khoản');
    await expectAccessible(page);

    expect(problems).toEqual([]);
  });

  it('runs every page under the real Content-Security-Policy without errors', async () => {
    // No CSP bypass here: an inline script or style blocked by the policy would show as a console error.
    const { page, problems } = await open({ bypassCSP: false });
    for (const path of ['/', '/register', '/login']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      // USWDS's script ran (it removes the loading class once it is present).
      await expect.poll(() => page.locator('html').getAttribute('class')).not.toContain('usa-js-loading');
      await expectAccessible(page);
    }
    expect(problems).toEqual([]);
  });
});
