import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../src/calendar/working-time.js';
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

const ADMIN = { email: 'lich@tinh.gov.vn', fullName: 'Đỗ Lịch Biểu', roles: ['ADMIN' as const] };
const CITIZEN = { email: 'dan2@example.vn', fullName: 'Vũ Thị Dân', roles: ['CITIZEN' as const], citizenId: '001090000888' };

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

/** The calendar page's buttons are matched loosely, within a row when given. */
const submit = (page: Page, button: string | RegExp, action: string, scope: Page | ReturnType<Page['locator']> = page) =>
  submitForm(page, button, action, { scope, exact: false });

const dateField = (page: Page) => page.getByLabel('Ngày (bắt buộc)', { exact: true });
const row = (page: Page, date: string) => page.locator('main table tbody tr', { has: page.locator(`time[datetime="${date}"]`) });

async function signIn(page: Page, username: string, next = ''): Promise<void> {
  await page.goto(`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel(/^(Thư điện tử hoặc số định danh|Email or identification number)/).fill(username);
  await page.getByLabel(/^(Mật khẩu|Password)/).fill(PASSWORD);
  expect(await submit(page, /^(Đăng nhập|Sign in)$/, '/login')).toBe(303);
}

/** The days table as [date, kind, name] rows. */
async function dayRows(page: Page): Promise<string[][]> {
  const rows = await page.locator('main table tbody tr').all();
  return Promise.all(rows.map(async (r) => (await r.locator('th, td').allTextContents()).slice(0, 3).map((cell) => cell.trim())));
}

describe('the working calendar page', () => {
  it('lets an administrator add a holiday (after an error), see it, and remove it', async () => {
    const { page, problems } = await open();
    await signIn(page, ADMIN.email);
    await page.waitForURL('**/account');

    await header(page).getByRole('link', { name: 'Lịch làm việc' }).click();
    await page.waitForURL('**/admin/calendar');
    expect(await h1(page)).toBe(`Lịch làm việc năm ${localDateOf(new Date()).slice(0, 4)}`); // the current year by default
    // Not even a moderate finding: the list of days is one landmark, not a section and a region of the same name.
    await expectAccessible(page); // also injects axe
    const landmarks = await page.evaluate(
      `window.axe.run(document, { runOnly: { type: 'rule', values: ['landmark-unique'] }, resultTypes: ['violations'] }).then((r) => r.violations.length)`,
    );
    expect(landmarks).toBe(0);

    await page.goto('/admin/calendar?year=2025');
    await page.getByRole('link', { name: '2026 →' }).click();
    await page.waitForURL('**/admin/calendar?year=2026');
    expect(await h1(page)).toBe('Lịch làm việc năm 2026');

    // The seeded official days, with their weekday.
    const seeded = await dayRows(page);
    expect(seeded).toHaveLength(13);
    expect(seeded[1]).toEqual(['Thứ Hai 16/02/2026', 'Ngày nghỉ', 'Tết Nguyên đán (29 tháng Chạp)']);
    expect(seeded).toContainEqual(['Thứ Bảy 22/08/2026', 'Ngày làm bù', 'Làm bù cho ngày nghỉ 31/8']);
    expect(await page.getByText('Giờ làm việc: 07:30–11:30, 13:00–17:00.').isVisible()).toBe(true);

    // A day worked on a Wednesday: refused, with the error at the top and beside the date.
    await dateField(page).fill('2026-06-03');
    await page.getByLabel('Loại ngày').selectOption('WORKDAY');
    await page.getByLabel('Tên ngày, lý do').fill('Làm bù thử');
    expect(await submit(page, 'Thêm ngày', '/admin/calendar/days')).toBe(422);
    const summary = page.locator('[data-error-summary]');
    expect(await summary.getByRole('heading').innerText()).toBe('Có lỗi cần sửa');
    expect(await summary.getByRole('listitem').allInnerTexts()).toEqual([
      'Ngày: Ngày làm bù phải là thứ Bảy hoặc Chủ nhật (ngày thường đã là ngày làm việc).',
    ]);
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#date');
    expect(await page.locator('#date').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#date-error').innerText()).toBe(
      'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật (ngày thường đã là ngày làm việc).',
    );
    expect(await dateField(page).inputValue()).toBe('2026-06-03');
    expect(await page.getByLabel('Loại ngày').inputValue()).toBe('WORKDAY');
    expect(await page.getByLabel('Tên ngày, lý do').inputValue()).toBe('Làm bù thử');
    expect(await h1(page)).toBe('Lịch làm việc năm 2026');
    await expectAccessible(page);

    // Fixed: a day off on Monday 1 June.
    await dateField(page).fill('2026-06-01');
    await page.getByLabel('Loại ngày').selectOption('HOLIDAY');
    await page.getByLabel('Tên ngày, lý do').fill('Nghỉ thử nghiệm');
    expect(await submit(page, 'Thêm ngày', '/admin/calendar/days')).toBe(303);
    await page.waitForURL('**/admin/calendar?year=2026');
    expect(await flash(page).innerText()).toBe('Đã thêm ngày 2026-06-01.');
    expect(await page.locator('[data-error-summary]').count()).toBe(0);
    expect(await dayRows(page)).toContainEqual(['Thứ Hai 01/06/2026', 'Ngày nghỉ', 'Nghỉ thử nghiệm']);
    await expectAccessible(page);
    await screenshot(page, 'admin-calendar');
    expect(await t.query(`SELECT kind, name FROM calendar_day WHERE date = '2026-06-01'`)).toEqual([
      { kind: 'HOLIDAY', name: 'Nghỉ thử nghiệm' },
    ]);
    const due = await page.request.get('/api/v1/calendar/due?start=2026-05-29T09:00:00%2B07:00&workingHours=8');
    expect((await due.json()) as unknown).toEqual({ clockStart: '2026-05-29T02:00:00.000Z', dueAt: '2026-06-02T02:00:00.000Z' });

    // The same date again: refused beside the date.
    await dateField(page).fill('2026-06-01');
    await page.getByLabel('Tên ngày, lý do').fill('Lặp lại');
    expect(await submit(page, 'Thêm ngày', '/admin/calendar/days')).toBe(422);
    expect(await page.locator('#date-error').innerText()).toBe('Ngày này đã có trong lịch.');
    await expectAccessible(page);

    // Removed again, by its own button (named with the date for screen readers).
    expect(await submit(page, 'Xoá Thứ Hai 01/06/2026', '/admin/calendar/days/remove', row(page, '2026-06-01'))).toBe(303);
    await page.waitForURL('**/admin/calendar?year=2026');
    expect(await flash(page).innerText()).toBe('Đã xoá ngày 2026-06-01.');
    expect(await row(page, '2026-06-01').count()).toBe(0);
    expect(await dayRows(page)).toHaveLength(13);
    await expectAccessible(page);

    const actions = await t.query<{ action: string }>(`SELECT action FROM audit_event WHERE target_type = 'calendar' ORDER BY id`);
    expect(actions.map((a) => a.action)).toEqual(['calendar.day-added', 'calendar.day-removed']);
    expect(problems).toEqual([]);
  });

  it('reads in English and fits a phone', async () => {
    const { page, problems } = await open({ locale: 'en-GB', viewport: PHONE });
    await signIn(page, ADMIN.email, '/admin/calendar?year=2027');
    await page.waitForURL('**/admin/calendar?year=2027');
    expect(await h1(page)).toBe('Working calendar 2027');
    expect(await dayRows(page)).toContainEqual(['Friday 05/02/2027', 'Day off', 'Tết Nguyên đán (29 tháng Chạp)']);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });

  it('is for administrators only', async () => {
    const { page, problems } = await open();
    await signIn(page, CITIZEN.citizenId);
    await page.waitForURL('**/account');
    expect(await header(page).getByRole('link', { name: 'Lịch làm việc' }).count()).toBe(0);
    const response = await page.goto('/admin/calendar?year=2026');
    expect(response?.status()).toBe(403);
    expect(await page.locator('main table').count()).toBe(0);
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });
});
