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
} from '../helpers/browser.js';
import { PDF, setUpCast, type Cast } from '../helpers/dossier-fixtures.js';

let t: BrowserPortal;
let browser: Browser;
let cast: Cast;
const opened: PortalPage[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startBrowserPortal(), launchBrowser()]);
  cast = await setUpCast(t);
});
afterAll(async () => {
  await Promise.all(opened.map((p) => p.context.close().catch(() => undefined)));
  await browser?.close();
  await t?.close();
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

async function open(options?: Parameters<typeof openPage>[2]): Promise<PortalPage> {
  const p = await openPage(browser, t.baseUrl, options);
  opened.push(p);
  return p;
}

const submit = submitForm;

/** An officer signed in through the sign-in page, landing on the workspace from the header's link. */
async function officer(username: string, options?: Parameters<typeof openPage>[2]): Promise<PortalPage> {
  const p = await open(options);
  await p.page.goto('/login?next=%2F');
  await p.page.getByLabel('Thư điện tử hoặc số định danh').fill(username);
  await p.page.getByLabel('Mật khẩu').fill(PASSWORD);
  expect(await submit(p.page, 'Đăng nhập', '/login')).toBe(303);
  // On a phone the header's links are behind the menu button.
  const menu = p.page.getByRole('button', { name: 'Danh mục' });
  if (await menu.isVisible()) await menu.click();
  await p.page.getByRole('link', { name: 'Xử lý hồ sơ' }).first().click();
  await p.page.waitForURL('**/workspace');
  await expectAccessible(p.page);
  return p;
}

/** Opens an action's form (each is a closed disclosure, unless it is the one that just failed) and posts it. */
async function act(page: Page, label: string, path: string, fill?: () => Promise<void>): Promise<number> {
  const details = page.locator('details', { has: page.locator('summary', { hasText: new RegExp(`^${label}$`) }) });
  if (!(await details.evaluate((d) => (d as unknown as { open: boolean }).open))) await details.locator('summary').click();
  await fill?.();
  return submit(page, label, path);
}

/** Opens the dossier from the queue by its row. */
async function openFromQueue(page: Page, queue: string, id: string): Promise<void> {
  await page.getByRole('link', { name: new RegExp(queue) }).click();
  await page.waitForURL(`**/workspace?queue=*`);
  await expectAccessible(page);
  await page.locator(`a[href="/workspace/dossiers/${id}"]`).click();
  await page.waitForURL(`**/workspace/dossiers/${id}`);
  await expectAccessible(page);
}

const flash = (page: Page) => page.locator('.usa-alert--success').innerText();
const status = (page: Page) => page.locator('h1 .usa-tag').evaluate((e) => e.textContent ?? '');

describe('the one-stop journey in the browser', () => {
  it('citizen files → counter receives → specialist asks a supplement → citizen answers → proposal → leader approves → RESULT_READY', async () => {
    // The citizen files through the API with their own token.
    const draft = await t.http
      .post('/api/v1/dossiers')
      .set(as(cast.citizen))
      .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Nguyễn Bé Na' } })
      .expect(201);
    const id = draft.body.id as string;
    await t.http
      .post(`/api/v1/dossiers/${id}/files`)
      .set(as(cast.citizen))
      .field('componentCode', 'GCS')
      .attach('file', PDF, 'gcs.pdf')
      .expect(201);
    await t.http.post(`/api/v1/dossiers/${id}/submit`).set(as(cast.citizen)).expect(200);

    // The counter receives it from its queue.
    const counter = await officer('motcua@h12.gov.vn');
    expect(await counter.page.locator('caption').innerText()).toBe('Chờ tiếp nhận');
    await screenshot(counter.page, 'workspace-reception-queue');
    await openFromQueue(counter.page, 'Chờ tiếp nhận', id);
    expect(await status(counter.page)).toBe('Chờ tiếp nhận');
    await screenshot(counter.page, 'workspace-dossier-submitted');
    expect(await act(counter.page, 'Tiếp nhận hồ sơ', `/workspace/dossiers/${id}/actions/receive`)).toBe(303);
    expect(await flash(counter.page)).toBe('Đã thực hiện: Tiếp nhận hồ sơ.');
    expect(await status(counter.page)).toBe('Đang xử lý');
    expect(await counter.page.locator('h1').innerText()).toMatch(/^H12\.05-\d{6}-\d{4}/);
    await expectAccessible(counter.page);

    // The specialist asks for a supplement, one item per line.
    const specialist = await officer('cv@h12.gov.vn');
    expect(await specialist.page.locator('caption').innerText()).toBe('Đang xử lý');
    await openFromQueue(specialist.page, 'Đang xử lý', id);
    await screenshot(specialist.page, 'workspace-dossier-in-progress');
    const items = specialist.page.getByLabel('Nội dung cần bổ sung');
    // Nothing listed: the error summary, then the field's own error.
    const path = `/workspace/dossiers/${id}/actions/request-supplement`;
    expect(await act(specialist.page, 'Yêu cầu bổ sung', path)).toBe(422);
    expect(await specialist.page.locator('[data-error-summary] li').allInnerTexts()).toEqual([
      'Nội dung cần bổ sung: Liệt kê ít nhất một nội dung cần bổ sung.',
    ]);
    await expectAccessible(specialist.page);
    await screenshot(specialist.page, 'workspace-action-error');
    await items.fill('Bản sao giấy chứng sinh rõ nét\nẢnh chụp căn cước của người đi khai');
    await specialist.page.locator('#request-supplement-comment').fill('Bổ sung trong 15 ngày làm việc');
    expect(await act(specialist.page, 'Yêu cầu bổ sung', path)).toBe(303);
    expect(await status(specialist.page)).toBe('Chờ bổ sung');
    expect(await specialist.page.getByRole('table', { name: 'Quá trình xử lý' }).innerText()).toContain(
      '• Ảnh chụp căn cước của người đi khai',
    );
    await expectAccessible(specialist.page);

    // The citizen answers (the API, with their own token).
    await t.http.post(`/api/v1/dossiers/${id}/answer-supplement`).set(as(cast.citizen)).send({ comment: 'Đã bổ sung' }).expect(200);

    // The specialist proposes the result; a stale tab of the same page is told to reload.
    const stale = await officer('cv@h12.gov.vn');
    await stale.page.goto(`/workspace/dossiers/${id}`);
    await specialist.page.reload();
    await expectAccessible(specialist.page);
    expect(await act(specialist.page, 'Trình kết quả', `/workspace/dossiers/${id}/actions/propose-result`)).toBe(303);
    expect(await status(specialist.page)).toBe('Chờ phê duyệt');
    expect(await act(stale.page, 'Trình kết quả', `/workspace/dossiers/${id}/actions/propose-result`)).toBe(409);
    expect(await stale.page.getByRole('alert').innerText()).toContain('Hồ sơ vừa được người khác cập nhật');
    await expectAccessible(stale.page);
    await screenshot(stale.page, 'workspace-stale-409');
    await stale.page.getByRole('link', { name: 'Tải lại hồ sơ' }).click();
    await stale.page.waitForURL(`**/workspace/dossiers/${id}`);
    await expectAccessible(stale.page);

    // The leader approves from the approval queue.
    const leader = await officer('ld@h12.gov.vn');
    expect(await leader.page.locator('caption').innerText()).toBe('Chờ phê duyệt');
    await openFromQueue(leader.page, 'Chờ phê duyệt', id);
    await screenshot(leader.page, 'workspace-dossier-awaiting-approval');
    expect(await act(leader.page, 'Phê duyệt', `/workspace/dossiers/${id}/actions/approve`)).toBe(303);
    expect(await status(leader.page)).toBe('Đã có kết quả');
    await expectAccessible(leader.page);
    await screenshot(leader.page, 'workspace-dossier-result-ready');

    // The citizen sees the result ready.
    const mine = await t.http.get(`/api/v1/dossiers/${id}`).set(as(cast.citizen)).expect(200);
    expect(mine.body).toMatchObject({ status: 'RESULT_READY', outcome: expect.stringMatching(/^(EARLY|ON_TIME|LATE)$/) });
    expect(mine.body.events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'receive',
      'request-supplement',
      'answer-supplement',
      'propose-result',
      'approve',
    ]);
  });

  it('takes in a paper dossier at the counter page and ends on the receipt page (phone width too)', async () => {
    const counter = await officer('motcua@h12.gov.vn');
    await counter.page.getByRole('link', { name: 'Tiếp nhận hồ sơ trực tiếp' }).click();
    await counter.page.waitForURL('**/workspace/counter');
    await expectAccessible(counter.page);
    await counter.page.getByRole('link', { name: 'Đăng ký khai sinh' }).click();
    await counter.page.waitForURL('**/workspace/counter/1.001193');
    await expectAccessible(counter.page);

    // Nothing filled: every problem at once.
    expect(await submit(counter.page, 'Tiếp nhận hồ sơ', '/workspace/counter/1.001193')).toBe(422);
    const problems = await counter.page.locator('[data-error-summary] li').allInnerTexts();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Số định danh/),
        expect.stringMatching(/^Họ tên trẻ/),
        expect.stringMatching(/^Giấy chứng sinh/),
      ]),
    );
    await expectAccessible(counter.page);
    await screenshot(counter.page, 'counter-intake-errors');

    await counter.page.locator('#applicant-citizenId').fill('001097000555');
    await counter.page.locator('#applicant-fullName').fill('Đỗ Thị Phượng');
    await counter.page.getByLabel('Họ tên trẻ').fill('Đỗ Bé Quyên');
    await counter.page.locator('#files-GCS').setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: PDF });
    expect(await submit(counter.page, 'Tiếp nhận hồ sơ', '/workspace/counter/1.001193')).toBe(303);
    await counter.page.waitForURL('**/workspace/counter/received/*');
    expect(await counter.page.getByRole('heading', { level: 1 }).innerText()).toBe('Đã tiếp nhận hồ sơ');
    const print = counter.page.getByRole('link', { name: 'In giấy tiếp nhận' });
    expect(await print.getAttribute('href')).toMatch(/^\/dossiers\/[0-9a-f-]{36}\/receipt\.pdf$/);
    await expectAccessible(counter.page);
    await screenshot(counter.page, 'counter-intake-received');

    const phone = await officer('motcua@h12.gov.vn', { viewport: PHONE });
    await phone.page.goto('/workspace?queue=processing');
    await expectAccessible(phone.page);
    await screenshot(phone.page, 'workspace-processing-phone');
    expect(counter.problems).toEqual([]);
    expect(phone.problems).toEqual([]);
  });
});
