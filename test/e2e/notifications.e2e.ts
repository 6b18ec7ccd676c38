import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/accounts.js';
import { PDF, setUpCast, type Cast } from '../helpers/dossier-fixtures.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OutboxDispatcher } from '../../src/notifications/outbox-dispatcher.js';
import { NotifyHandler } from '../../src/notifications/notify-handler.js';

const PUBLIC_URL = 'https://dichvucong.example.gov.vn';

let t: TestPortal;
let cast: Cast;
let smtp: TestSmtp;
let dispatcher: OutboxDispatcher;
beforeAll(async () => {
  smtp = await startSmtp();
  // WORKERS=false: no background dispatcher; the tests run it themselves, deterministically.
  t = await startTestPortal({ SMTP_URL: smtp.url, WORKERS: 'false', PUBLIC_URL, MAIL_FROM: '"UBND xã An Phú" <motcua@anphu.gov.vn>' });
  cast = await setUpCast(t);
  dispatcher = t.portal.app.get(OutboxDispatcher);
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});
beforeEach(async () => {
  // Each test starts with everything delivered and an empty SMTP inbox.
  await smtp.start();
  smtp.delayMs = 0;
  await dispatcher.runOnce({ now: new Date(Date.now() + 365 * 24 * 3600_000) });
  smtp.received.length = 0;
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

async function submitted(token = cast.citizen) {
  const draft = await t.http
    .post('/api/v1/dossiers')
    .set(as(token))
    .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Nguyễn Bé Na' } })
    .expect(201);
  await t.http
    .post(`/api/v1/dossiers/${draft.body.id}/files`)
    .set(as(token))
    .field('componentCode', 'GCS')
    .attach('file', PDF, 'gcs.pdf')
    .expect(201);
  return (await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as(token)).expect(200)).body as {
    id: string;
    version: number;
  };
}

const act = (token: string, id: string, action: string, body: Record<string, unknown>) =>
  t.http.post(`/api/v1/dossiers/${id}/actions/${action}`).set(as(token)).send(body).expect(200);

/** Local time in Hà Nội, written DD/MM/YYYY HH:mm: computed by ICU, independently of the templates' own formatter. */
function hanoi(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

const outboxOf = (dossierId: string) =>
  t.query<{ id: string; kind: string; attempts: number; processedAt: Date | null; nextAttemptAt: Date; lastError: string | null }>(
    `SELECT id::text AS id, payload->>'kind' AS kind, attempts, processed_at AS "processedAt", next_attempt_at AS "nextAttemptAt",
            last_error AS "lastError"
       FROM outbox WHERE payload->>'dossierId' = $1 ORDER BY id`,
    [dossierId],
  );

describe('delivery by mail and in-app', () => {
  it('mails the citizen at submission, reception and supplement request: Vietnamese first, with the code, the due date and the link', async () => {
    const d = await submitted();
    const received = await act(cast.receptionist, d.id, 'receive', { version: d.version });
    const asked = await act(cast.specialist, d.id, 'request-supplement', {
      version: received.body.version,
      items: ['Bản sao giấy chứng sinh rõ nét'],
    });
    const code = received.body.code as string;

    expect(await dispatcher.runOnce()).toEqual({ processed: 3, failed: 0 });

    expect(smtp.received.map((m) => [m.rcptTo, m.subject])).toEqual([
      [['an@example.vn'], 'Đã nộp hồ sơ thủ tục 1.001193 – Đăng ký khai sinh / Dossier filed: 1.001193 – Birth registration'],
      [['an@example.vn'], `Hồ sơ ${code} đã được tiếp nhận / Dossier ${code} received`],
      [['an@example.vn'], `Hồ sơ ${code} cần bổ sung / Dossier ${code} needs a supplement`],
    ]);
    const [filed, receipt, supplement] = smtp.received;
    expect(filed.from).toBe('UBND xã An Phú <motcua@anphu.gov.vn>'); // the display name travels as an encoded word
    expect(filed.text).toContain('Bộ phận một cửa sẽ kiểm tra và trả lời trong vòng 8 giờ làm việc');

    const due = hanoi(received.body.dueAt as string);
    expect(receipt.text).toContain(`Hồ sơ thủ tục 1.001193 – Đăng ký khai sinh của bạn đã được tiếp nhận, mã hồ sơ ${code}.`);
    expect(receipt.text).toContain(`Hạn trả kết quả: ${due}.`);
    expect(receipt.text).toContain(`Result due: ${due}.`);
    expect(receipt.text.indexOf('Hạn trả kết quả')).toBeLessThan(receipt.text.indexOf('Result due'));

    expect(supplement.text).toContain('- Bản sao giấy chứng sinh rõ nét');
    expect(supplement.text).toContain(`Hạn bổ sung: ${hanoi(asked.body.supplementDueAt as string)}.`);

    for (const mail of smtp.received) {
      expect(mail.text).toContain(`Xem hồ sơ: ${PUBLIC_URL}/dossiers/${d.id}`);
      expect(mail.text).toContain(`View the dossier: ${PUBLIC_URL}/dossiers/${d.id}`);
      expect(mail.messageId).toMatch(/^<outbox-\d+\.[0-9a-f-]+@dichvucong\.example\.gov\.vn>$/);
    }
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(3);

    const rows = await outboxOf(d.id);
    expect(rows.map((r) => [r.kind, r.attempts, r.processedAt !== null, r.lastError])).toEqual([
      ['dossier.submitted', 0, true, null],
      ['dossier.received', 0, true, null],
      ['dossier.supplement-requested', 0, true, null],
    ]);
    const notes = await t.query<{ kind: string; outboxId: string }>(
      `SELECT kind, outbox_id::text AS "outboxId" FROM notification WHERE dossier_id = $1 ORDER BY outbox_id`,
      [d.id],
    );
    expect(notes).toEqual(rows.map((r) => ({ kind: r.kind, outboxId: r.id })));

    // Delivered rows are never sent again.
    expect(await dispatcher.runOnce()).toEqual({ processed: 0, failed: 0 });
    expect(smtp.received).toHaveLength(3);
  });

  it('keeps the rows while the mail server is down, backs off, and delivers once it is back', async () => {
    await smtp.stop();
    const d = await submitted();
    await act(cast.receptionist, d.id, 'receive', { version: d.version });
    const now = new Date();

    expect(await dispatcher.runOnce({ now })).toEqual({ processed: 0, failed: 2 });
    let rows = await outboxOf(d.id);
    for (const r of rows) {
      expect(r).toMatchObject({ attempts: 1, processedAt: null, nextAttemptAt: new Date(now.getTime() + 30_000) });
      expect(r.lastError).toMatch(/ECONNREFUSED|connect/i);
    }
    // The in-app notification was rolled back with the failed attempt.
    expect(await t.query(`SELECT 1 FROM notification WHERE dossier_id = $1`, [d.id])).toEqual([]);
    // Not due again before its backoff.
    expect(await dispatcher.runOnce({ now: new Date(now.getTime() + 29_000) })).toEqual({ processed: 0, failed: 0 });

    const second = new Date(now.getTime() + 30_000);
    expect(await dispatcher.runOnce({ now: second })).toEqual({ processed: 0, failed: 2 });
    rows = await outboxOf(d.id);
    for (const r of rows) expect(r).toMatchObject({ attempts: 2, nextAttemptAt: new Date(second.getTime() + 60_000) });

    await smtp.start();
    expect(await dispatcher.runOnce({ now: new Date(second.getTime() + 60_000) })).toEqual({ processed: 2, failed: 0 });
    expect(smtp.received.map((m) => m.subject.split(' / ')[1])).toEqual([
      'Dossier filed: 1.001193 – Birth registration',
      expect.stringMatching(/^Dossier H12\.05-\d{6}-\d{4} received$/),
    ]);
    rows = await outboxOf(d.id);
    for (const r of rows) expect(r).toMatchObject({ attempts: 2, lastError: null, processedAt: expect.any(Date) });
    expect(await t.query(`SELECT kind FROM notification WHERE dossier_id = $1 ORDER BY outbox_id`, [d.id])).toEqual([
      { kind: 'dossier.submitted' },
      { kind: 'dossier.received' },
    ]);
  });

  it('gives a row up after 10 attempts and leaves it for inspection; a malformed payload at once', async () => {
    await smtp.stop();
    const d = await submitted();
    const [row] = await outboxOf(d.id);
    await t.query(`UPDATE outbox SET attempts = 9 WHERE id = $1`, [row.id]);
    const [bad] = await t.query<{ id: string }>(
      `INSERT INTO outbox (kind, payload) VALUES ('notify', '{"kind":"nope"}') RETURNING id::text AS id`,
    );
    const [other] = await t.query<{ id: string }>(
      `INSERT INTO outbox (kind, payload) VALUES ('render-document', '{}') RETURNING id::text AS id`,
    );

    expect(await dispatcher.runOnce()).toEqual({ processed: 0, failed: 2 });
    const after = await t.query<{ id: string; attempts: number; processed: boolean; lastError: string | null }>(
      `SELECT id::text AS id, attempts, processed_at IS NOT NULL AS processed, last_error AS "lastError" FROM outbox WHERE id = ANY($1) ORDER BY id`,
      [[row.id, bad.id, other.id]],
    );
    expect(after).toEqual([
      { id: row.id, attempts: 10, processed: false, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) },
      { id: bad.id, attempts: 10, processed: false, lastError: 'PermanentOutboxError: malformed notify payload' },
      // Another kind is another module's business: untouched.
      { id: other.id, attempts: 0, processed: false, lastError: null },
    ]);

    await smtp.start();
    expect(await dispatcher.runOnce({ now: new Date(Date.now() + 365 * 24 * 3600_000) })).toEqual({ processed: 0, failed: 0 });
    expect(smtp.received).toEqual([]);
    await t.query(`DELETE FROM outbox WHERE id = ANY($1)`, [[bad.id, other.id]]);
  });

  it('sends each mail once when two dispatchers run at the same time', async () => {
    const ds = [await submitted(), await submitted(), await submitted()];
    for (const d of ds) await act(cast.receptionist, d.id, 'receive', { version: d.version });
    // A second dispatcher, as on another replica: its own transactions, the same table.
    const other = new OutboxDispatcher(t.portal.app.get(DataSource));
    other.register('notify', t.portal.app.get(NotifyHandler).handle);
    smtp.delayMs = 150; // each mail takes a while, so both dispatchers are busy at once

    const [a, b] = await Promise.all([dispatcher.runOnce(), other.runOnce()]);

    expect(a.processed + b.processed).toBe(6);
    expect(a.processed).toBeGreaterThan(0);
    expect(b.processed).toBeGreaterThan(0);
    expect(a.failed + b.failed).toBe(0);
    expect(smtp.received).toHaveLength(6);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(6);
    const ids = ds.map((d) => d.id);
    const [counts] = await t.query<{ rows: number; notes: number }>(
      `SELECT (SELECT count(*)::int FROM outbox WHERE payload->>'dossierId' = ANY($1) AND processed_at IS NOT NULL) AS rows,
              (SELECT count(*)::int FROM notification WHERE dossier_id::text = ANY($1)) AS notes`,
      [ids],
    );
    expect(counts).toEqual({ rows: 6, notes: 6 });
  });
});

describe('in-app notifications', () => {
  it('lists the signed-in user’s own, newest first, with the unread count, in the language asked for', async () => {
    const d = await submitted(cast.otherCitizen);
    const received = await act(cast.receptionist, d.id, 'receive', { version: d.version });
    await dispatcher.runOnce();
    const code = received.body.code as string;

    const list = await t.http.get('/api/v1/notifications').set(as(cast.otherCitizen)).expect(200);
    expect(list.body).toMatchObject({ total: 2, unread: 2, page: 1, pageSize: 20 });
    expect(list.body.items.map((n: { kind: string }) => n.kind)).toEqual(['dossier.received', 'dossier.submitted']);
    expect(list.body.items[0]).toMatchObject({
      dossierId: d.id,
      title: `Hồ sơ ${code} đã được tiếp nhận`,
      text: expect.stringContaining(`Hạn trả kết quả: ${hanoi(received.body.dueAt as string)}.`),
      link: `/dossiers/${d.id}`,
      readAt: null,
      params: expect.objectContaining({ code, procedureCode: '1.001193' }),
    });
    const english = await t.http
      .get('/api/v1/notifications?pageSize=1')
      .set(as(cast.otherCitizen))
      .set('Accept-Language', 'en')
      .expect(200);
    expect(english.body).toMatchObject({ total: 2, pageSize: 1, items: [{ title: `Dossier ${code} received` }] });
    const page2 = await t.http.get('/api/v1/notifications?pageSize=1&page=2').set(as(cast.otherCitizen)).expect(200);
    expect(page2.body.items.map((n: { kind: string }) => n.kind)).toEqual(['dossier.submitted']);

    // Nobody else sees or marks them.
    const theirs = await t.http.get('/api/v1/notifications').set(as(cast.receptionist)).expect(200);
    expect(theirs.body.items.map((n: { dossierId: string }) => n.dossierId)).not.toContain(d.id);
    const id = list.body.items[0].id as string;
    await t.http.post(`/api/v1/notifications/${id}/read`).set(as(cast.citizen)).expect(404);
    await t.http.post(`/api/v1/notifications/not-a-uuid/read`).set(as(cast.otherCitizen)).expect(404);
    await t.http.get('/api/v1/notifications').expect(401);

    const read = await t.http.post(`/api/v1/notifications/${id}/read`).set(as(cast.otherCitizen)).expect(200);
    expect(read.body).toEqual({ id, readAt: expect.any(String) });
    expect((await t.http.get('/api/v1/notifications').set(as(cast.otherCitizen)).expect(200)).body.unread).toBe(1);
    expect((await t.http.post('/api/v1/notifications/read-all').set(as(cast.otherCitizen)).expect(200)).body).toEqual({ marked: 1 });
    expect((await t.http.get('/api/v1/notifications').set(as(cast.otherCitizen)).expect(200)).body.unread).toBe(0);
  });

  it('shows the count in the header and the list on /notifications, where they can be marked read', async () => {
    const d = await submitted(cast.otherCitizen);
    await dispatcher.runOnce();
    const agent = request.agent(t.portal.app.getHttpServer());
    const form = await agent.get('/login').expect(200);
    await agent
      .post('/login')
      .type('form')
      .send(new URLSearchParams({ _csrf: csrfOf(form.text), username: 'binh@example.vn', password: PASSWORD }).toString())
      .expect(303);

    const home = await agent.get('/').expect(200);
    expect(home.text).toContain('<a class="usa-nav-link" href="/notifications"><span>Thông báo (1)</span></a>');
    const page = await agent.get('/notifications').expect(200);
    expect(page.text).toContain('Đã nộp hồ sơ thủ tục 1.001193 – Đăng ký khai sinh');
    expect(page.text).toContain(`href="/dossiers/${d.id}"`);
    expect(page.text).toContain('Chưa đọc: 1');

    const [note] = await t.query<{ id: string }>(`SELECT id FROM notification WHERE dossier_id = $1`, [d.id]);
    await agent
      .post(`/notifications/${note.id}/read`)
      .type('form')
      .send(new URLSearchParams({ _csrf: csrfOf(page.text) }).toString())
      .expect(303)
      .expect('Location', '/notifications');
    const after = await agent.get('/notifications').expect(200);
    expect(after.text).toContain('<span>Thông báo</span>');
    expect(after.text).toContain('Chưa đọc: 0');

    await t.http.get('/notifications').expect(303).expect('Location', '/login?next=%2Fnotifications');
  });
});

function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}
