import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxDispatcher } from '../../src/notifications/outbox-dispatcher.js';
import { expectAccessible, launchBrowser, openPage, screenshot, startBrowserPortal, type BrowserPortal } from '../helpers/browser.js';
import { PDF, setUpCast, type Cast } from '../helpers/dossier-fixtures.js';

let t: BrowserPortal;
let browser: Browser;
let cast: Cast;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'portal-mail-'));
  [t, browser] = await Promise.all([startBrowserPortal({ DATA_DIR: dataDir }), launchBrowser()]);
  cast = await setUpCast(t);
  // A submitted and received dossier: two notifications for the citizen, two mails in the dev mailbox.
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
  const d = await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as).expect(200);
  await t.http
    .post(`/api/v1/dossiers/${d.body.id}/actions/receive`)
    .set({ Authorization: `Bearer ${cast.receptionist}` })
    .send({ version: d.body.version })
    .expect(200);
  await t.portal.app.get(OutboxDispatcher).runOnce();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function signedIn(token: string) {
  const p = await openPage(browser, t.baseUrl);
  const { hostname } = new URL(t.baseUrl);
  await p.context.addCookies([{ name: 'access_token', value: token, domain: hostname, path: '/' }]);
  return p;
}

describe('notifications in the browser', () => {
  it('shows the unread count in the header, lists the notifications and marks one read', async () => {
    const { page, problems, context } = await signedIn(cast.citizen);
    await page.goto('/notifications');
    const link = page.getByRole('link', { name: 'Thông báo (2)' });
    await expect(link.count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { level: 2 }).allTextContents()).resolves.toEqual([
      expect.stringMatching(/Hồ sơ H12\.05-\d{6}-\d{4} đã được tiếp nhận/),
      expect.stringMatching(/Đã nộp hồ sơ thủ tục 1\.001193 – Đăng ký khai sinh/),
    ]);
    await expectAccessible(page);
    await screenshot(page, 'notifications');

    // Each button names its notification for screen readers (visually hidden text).
    await expect(page.getByRole('link', { name: /^Xem hồ sơ\s*: Đã nộp hồ sơ/ }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: /^Đánh dấu đã đọc\s*: Hồ sơ H12\.05/ }).click();
    await page.waitForURL('**/notifications');
    await expect(page.getByRole('link', { name: 'Thông báo (1)' }).count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists the mail sent on the dev mailbox page, for administrators', async () => {
    const { page, problems, context } = await signedIn(cast.admin);
    await page.goto('/dev/mailbox');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Hộp thư thử nghiệm');
    await expect(page.locator('article h2').count()).resolves.toBe(2);
    await expect(page.locator('article').first().textContent()).resolves.toContain('Hạn trả kết quả:');
    await expectAccessible(page);
    await screenshot(page, 'dev-mailbox');
    expect(problems).toEqual([]);
    await context.close();
  });
});
