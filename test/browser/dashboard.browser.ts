import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser, PASSWORD } from '../helpers/accounts.js';
import { setUpCast, type Cast } from '../helpers/dossier-fixtures.js';
import {
  expectAccessible,
  h1,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  startBrowserPortal,
  submitForm,
  type BrowserPortal,
  type PortalPage,
} from '../helpers/browser.js';

let t: BrowserPortal;
let browser: Browser;
let cast: Cast;
const opened: PortalPage[] = [];

const HOUR = 3_600_000;

beforeAll(async () => {
  [t, browser] = await Promise.all([startBrowserPortal(), launchBrowser()]);
  cast = await setUpCast(t);
  await insertUser(t, { email: 'giamsat@h12.gov.vn', fullName: 'Trần Giám Sát', roles: ['MANAGER'], agencyCode: 'H12' });
  // Dossiers of the last hours: received, resolved (early, on the day), one still open.
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString();
  const dossier = (n: number, events: [string, number][]) => ({
    procedureCode: '1.001193',
    agencyCode: 'H12.05',
    channel: n % 2 ? 'ONLINE' : 'COUNTER',
    applicant: { citizenId: `00109000070${n}`, fullName: 'Hoàng Thị Mơ' },
    rating: n === 1 ? { score: 5, at: at(0.1) } : undefined,
    events: events.map(([type, hoursAgo]) => ({ type, at: at(hoursAgo) })),
  });
  await t.http
    .post('/api/v1/admin/dossiers/import')
    .set('Authorization', `Bearer ${cast.admin}`)
    .send({
      dossiers: [
        dossier(1, [
          ['SUBMITTED', 3],
          ['RECEIVED', 2],
          ['RESULT_ISSUED', 1],
        ]),
        dossier(2, [['RECEIVED', 2]]),
        dossier(3, [
          ['SUBMITTED', 2],
          ['RECEIVED', 1.5],
        ]),
      ],
    })
    .expect(200);
}, 60_000);
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

/**
 * The shared scan (which fails on serious and critical WCAG findings), then axe again with its
 * best-practice rules too (`landmark-unique` is one): these pages must have no finding at all.
 */
async function expectNoAxeFindings(page: Page): Promise<void> {
  await expectAccessible(page); // also injects axe
  const found = (await page.evaluate(
    `window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] })
       .then((r) => r.violations.map((v) => '[' + v.impact + '] ' + v.id + ': ' + v.help + ' — ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  )) as string[];
  expect(found, `axe findings on ${page.url()}`).toEqual([]);
}

async function signIn(page: Page, username: string, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/^(Thư điện tử hoặc số định danh|Email or identification number)/).fill(username);
  await page.getByLabel(/^(Mật khẩu|Password)/).fill(PASSWORD);
  expect(await submitForm(page, /^(Đăng nhập|Sign in)$/, '/login', { exact: false })).toBe(303);
}

describe('the managers’ dashboard', () => {
  it('draws its charts under the real CSP, beside accessible tables, and every number leads to its dossiers', async () => {
    const { page } = await open({ bypassCSP: false });
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') blocked.push(m.text());
    });
    await signIn(page, 'giamsat@h12.gov.vn', '/dashboard');
    await page.goto('/dashboard');
    expect(await h1(page)).toBe('Bảng điều hành');
    await page.waitForFunction(`document.querySelectorAll('canvas[data-chart]').length > 0`);
    // Chart.js attached a chart to every canvas: it was served by the portal and allowed by the CSP.
    const charts = (await page.evaluate(
      `[...document.querySelectorAll('canvas[data-chart]')].map((c) => typeof window.Chart === 'function' && !!window.Chart.getChart(c))`,
    )) as boolean[];
    expect(charts.length).toBeGreaterThanOrEqual(2);
    expect(charts.every(Boolean)).toBe(true);
    expect(blocked.filter((m) => /Content Security Policy|Refused/.test(m))).toEqual([]);
    await expectNoAxeFindings(page);
    await screenshot(page, 'dashboard');

    await page.getByRole('link', { name: /^Tiếp nhận: 3$/ }).click();
    await page.waitForURL(/\/dashboard\/dossiers\?.*figure=received/);
    expect(await page.locator('main table tbody tr').count()).toBe(3);
    await expectNoAxeFindings(page);
  });

  it('keeps the filters in the URL', async () => {
    const { page } = await open();
    await signIn(page, 'giamsat@h12.gov.vn', '/dashboard');
    await page.goto('/dashboard');
    await page.getByLabel('Cơ quan (gồm các đơn vị trực thuộc)').selectOption('H12.06');
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    await page.waitForURL(/agencyCode=H12\.06/);
    expect(await page.getByLabel('Cơ quan (gồm các đơn vị trực thuộc)').inputValue()).toBe('H12.06');
    await expect(page.getByRole('link', { name: /^Tiếp nhận: 0$/ }).count()).resolves.toBe(1);
    // Nothing there: a sentence instead of an empty chart.
    expect(await page.locator('canvas').count()).toBe(0);
    await expect(page.getByText('Không có số liệu trong kỳ này.').first().isVisible()).resolves.toBe(true);
    await expectNoAxeFindings(page);
  });

  it('shows the service index with how each point was earned, accessibly, on a phone too', async () => {
    const { page } = await open({ viewport: PHONE });
    await signIn(page, 'giamsat@h12.gov.vn', '/dashboard/service-index');
    await page.goto('/dashboard/service-index');
    expect(await h1(page)).toBe('Chỉ số phục vụ');
    await expect(page.getByText('Tiến độ giải quyết').first().isVisible()).resolves.toBe(true);
    await expectNoAxeFindings(page);
    // Formulas in the page's own font, not a monospace fallback that breaks tone marks.
    const fonts = (await page.evaluate(
      `[...document.querySelectorAll('.portal-formula')].map((e) => [getComputedStyle(e).fontFamily, getComputedStyle(document.body).fontFamily])`,
    )) as string[][];
    expect(fonts.length).toBeGreaterThan(0);
    for (const [formula, body] of fonts) expect(formula).toBe(body);
    // The table scrolls inside its region, not the page.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  });

  it('answers a period that ends before it starts with the form and the error beside "to", accessibly', async () => {
    const { page } = await open();
    await signIn(page, 'giamsat@h12.gov.vn', '/dashboard');
    await page.goto('/dashboard');
    await page.getByLabel('Từ ngày').fill('2026-11-30');
    await page.getByLabel('Đến ngày').fill('2026-11-01');
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    await page.waitForURL(/to=2026-11-01/);
    expect(await h1(page)).toBe('Bảng điều hành');
    await expect(
      page.getByRole('alert').getByRole('link', { name: 'Đến ngày: Ngày kết thúc phải sau ngày bắt đầu.' }).count(),
    ).resolves.toBe(1);
    expect(await page.getByLabel('Đến ngày').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Đến ngày').inputValue()).toBe('2026-11-01');
    await expectNoAxeFindings(page);
  });
});

describe('the public transparency page', () => {
  it('is open to everyone and accessible', async () => {
    const { page } = await open();
    await page.goto('/transparency');
    expect(await h1(page)).toBe('Công khai kết quả giải quyết thủ tục hành chính');
    await expect(page.getByRole('rowheader', { name: 'Toàn tỉnh' }).count()).resolves.toBeGreaterThan(0);
    await expectNoAxeFindings(page);
  });

  it('fits its tables on a 390 px phone, every value readable, no caption repeating the heading', async () => {
    const { page } = await open({ viewport: { width: 390, height: 844 } });
    await page.goto('/transparency');
    const tables = page.locator('main table');
    expect(await tables.count()).toBe(2);
    for (const table of await tables.all()) {
      // No table wider than its box, and the last column (the band) shown in full.
      const fits = await table.evaluate(
        (el) => el.scrollWidth <= (el.parentElement as { clientWidth: number }).clientWidth && el.getBoundingClientRect().right <= 390,
      );
      expect(fits).toBe(true);
      await expect(table.locator('td[data-label="Xếp loại"]').first().isVisible()).resolves.toBe(true);
    }
    await expect(page.getByRole('table', { name: /^Quý này:/ }).count()).resolves.toBe(1);
    expect(await page.locator('main caption').count()).toBe(0);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await expectNoAxeFindings(page);
    await screenshot(page, 'transparency-phone');
  });
});
