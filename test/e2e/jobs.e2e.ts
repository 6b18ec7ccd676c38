import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DueAlertsJob } from '../../src/jobs/due-alerts.job.js';
import { ReceptionAlertsJob } from '../../src/jobs/reception-alerts.job.js';
import { SupplementTimeoutsJob } from '../../src/jobs/supplement-timeouts.job.js';
import { OutboxDispatcher } from '../../src/notifications/outbox-dispatcher.js';
import { DevMailboxPagesController } from '../../src/web/notifications/dev-mailbox-pages.controller.js';
import { PDF, setUpCast, type Cast } from '../helpers/dossier-fixtures.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

let t: TestPortal;
let cast: Cast;
let dataDir: string;
let ids: Record<string, string>;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'portal-jobs-'));
  // No SMTP_URL: mail goes to $DATA_DIR/mail. WORKERS=false: the tests run each job themselves.
  t = await startTestPortal({ WORKERS: 'false', DATA_DIR: dataDir });
  cast = await setUpCast(t);
  const users = await t.query<{ id: string; email: string }>(`SELECT id, email FROM app_user`);
  ids = Object.fromEntries(users.map((u) => [u.email, u.id]));
});
afterAll(async () => {
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
/** Local (UTC+7) time written as it reads. */
const at = (local: string) => new Date(`${local}+07:00`);

async function submitted() {
  const draft = await t.http
    .post('/api/v1/dossiers')
    .set(as(cast.citizen))
    .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Nguyễn Bé Na' } })
    .expect(201);
  await t.http
    .post(`/api/v1/dossiers/${draft.body.id}/files`)
    .set(as(cast.citizen))
    .field('componentCode', 'GCS')
    .attach('file', PDF, 'gcs.pdf')
    .expect(201);
  return (await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as(cast.citizen)).expect(200)).body as {
    id: string;
    version: number;
  };
}

const act = async (token: string, id: string, action: string, body: Record<string, unknown> = {}) =>
  (await t.http.post(`/api/v1/dossiers/${id}/actions/${action}`).set(as(token)).send(body).expect(200)).body as {
    id: string;
    version: number;
    code: string;
  };

async function inProgress() {
  const d = await submitted();
  return act(cast.receptionist, d.id, 'receive', { version: d.version });
}

/** The notify rows queued for a dossier, as [kind, recipient's email]. */
async function notices(dossierId: string, kinds: string[]) {
  const rows = await t.query<{ kind: string; userId: string }>(
    `SELECT payload->>'kind' AS kind, payload->>'userId' AS "userId" FROM outbox WHERE payload->>'dossierId' = $1 AND payload->>'kind' = ANY($2) ORDER BY id`,
    [dossierId, kinds],
  );
  const emails = Object.fromEntries(Object.entries(ids).map(([email, id]) => [id, email]));
  return rows.map((r) => [r.kind, emails[r.userId]]);
}

const status = async (id: string) => (await t.http.get(`/api/v1/dossiers/${id}`).set(as(cast.citizen)).expect(200)).body.status as string;

describe('supplement deadlines', () => {
  it('stops a dossier whose supplement is past its deadline, at processing and at reception, once', async () => {
    const processing = await inProgress();
    await act(cast.specialist, processing.id, 'request-supplement', { version: processing.version, items: ['Giấy chứng sinh bản rõ'] });
    const s = await submitted();
    await act(cast.receptionist, s.id, 'request-supplement', { version: s.version, items: ['Tờ khai có chữ ký'] });
    const notYet = await submitted();
    await act(cast.receptionist, notYet.id, 'request-supplement', { version: notYet.version, items: ['Tờ khai'] });
    await t.query(`UPDATE dossier SET supplement_due_at = now() - interval '1 minute' WHERE id = ANY($1)`, [[processing.id, s.id]]);

    const job = t.portal.app.get(SupplementTimeoutsJob);
    const result = await job.runOnce();
    expect(result.stopped.toSorted()).toEqual([processing.id, s.id].toSorted());
    expect(await status(processing.id)).toBe('STOPPED');
    expect(await status(s.id)).toBe('STOPPED');
    expect(await status(notYet.id)).toBe('RECEPTION_SUPPLEMENT');
    const [event] = await t.query(
      `SELECT actor_role, actor_id, from_status, to_status FROM dossier_event WHERE dossier_id = $1 AND action = 'stop'`,
      [processing.id],
    );
    expect(event).toEqual({ actor_role: 'SYSTEM', actor_id: null, from_status: 'SUPPLEMENT_REQUESTED', to_status: 'STOPPED' });
    expect(await notices(processing.id, ['dossier.stopped'])).toEqual([['dossier.stopped', 'an@example.vn']]);
    expect(await notices(s.id, ['dossier.stopped'])).toEqual([['dossier.stopped', 'an@example.vn']]);

    expect(await job.runOnce()).toEqual({ stopped: [], skipped: 0 });
    expect(await t.query(`SELECT 1 FROM dossier_event WHERE dossier_id = $1 AND action = 'stop'`, [processing.id])).toHaveLength(1);
  });
});

describe('deadline alerts', () => {
  it('tells the step’s officers when a dossier is due soon, then when it is overdue, each once', async () => {
    const d = await inProgress(); // at step "processing" (SPECIALIST), nobody assigned
    const due = at('2026-03-04T15:00'); // a Wednesday
    await t.query(`UPDATE dossier SET due_at = $2 WHERE id = $1`, [d.id, due]);
    const job = t.portal.app.get(DueAlertsJob);

    await job.runOnce(at('2026-03-02T09:00')); // two working days before: nothing
    expect(await notices(d.id, ['dossier.due-soon', 'dossier.overdue'])).toEqual([]);

    await job.runOnce(at('2026-03-04T08:00'));
    await job.runOnce(at('2026-03-04T10:00'));
    expect(await notices(d.id, ['dossier.due-soon', 'dossier.overdue'])).toEqual([['dossier.due-soon', 'cv@h12.gov.vn']]);

    await job.runOnce(at('2026-03-05T08:00'));
    await job.runOnce(at('2026-03-06T08:00'));
    expect(await notices(d.id, ['dossier.due-soon', 'dossier.overdue'])).toEqual([
      ['dossier.due-soon', 'cv@h12.gov.vn'],
      ['dossier.overdue', 'cv@h12.gov.vn'],
    ]);
    expect(
      await t.query(`SELECT kind, due_at AS "dueAt", recipients FROM dossier_alert WHERE dossier_id = $1 ORDER BY sent_at`, [d.id]),
    ).toEqual([
      { kind: 'dossier.due-soon', dueAt: due, recipients: 1 },
      { kind: 'dossier.overdue', dueAt: due, recipients: 1 },
    ]);
  });

  it('alerts again for a new appointment, and only the assignee when there is one', async () => {
    const d = await inProgress();
    await t.query(`UPDATE dossier SET due_at = $2, assignee_id = $3 WHERE id = $1`, [d.id, at('2026-03-04T15:00'), ids['ld@h12.gov.vn']]);
    const job = t.portal.app.get(DueAlertsJob);
    await job.runOnce(at('2026-03-05T08:00'));
    // An extension: a new appointment, overdue in its turn.
    await t.query(`UPDATE dossier SET rescheduled_at = $2 WHERE id = $1`, [d.id, at('2026-03-10T17:00')]);
    await job.runOnce(at('2026-03-06T08:00'));
    await job.runOnce(at('2026-03-11T08:00'));
    await job.runOnce(at('2026-03-12T08:00'));
    expect(await notices(d.id, ['dossier.due-soon', 'dossier.overdue'])).toEqual([
      ['dossier.overdue', 'ld@h12.gov.vn'],
      ['dossier.overdue', 'ld@h12.gov.vn'],
    ]);
  });

  it('tells the agency’s receptionists when an online dossier waits more than 8 working hours', async () => {
    const d = await submitted();
    await t.query(`UPDATE dossier SET submitted_at = $2 WHERE id = $1`, [d.id, at('2026-03-02T09:00')]); // a Monday
    const job = t.portal.app.get(ReceptionAlertsJob);
    await job.runOnce(at('2026-03-03T09:00'));
    expect(await notices(d.id, ['dossier.reception-late'])).toEqual([]);
    await job.runOnce(at('2026-03-03T09:30'));
    await job.runOnce(at('2026-03-03T11:00'));
    // H12.05's receptionist only, not H12.06's.
    expect(await notices(d.id, ['dossier.reception-late'])).toEqual([['dossier.reception-late', 'motcua@h12.gov.vn']]);
  });

  it('delivers alerts in-app and to the dev mailbox, which administrators read at /dev/mailbox', async () => {
    await t.portal.app.get(OutboxDispatcher).runOnce();
    const mine = await t.http.get('/api/v1/notifications').set(as(cast.specialist)).expect(200);
    expect(mine.body.items.map((n: { title: string }) => n.title)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Quá hạn: hồ sơ H12\.05-\d{6}-\d{4}$/),
        expect.stringMatching(/^Sắp đến hạn: hồ sơ /),
      ]),
    );
    const files = (await readdir(path.join(dataDir, 'mail'))).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBeGreaterThan(0);

    const page = await t.http.get('/dev/mailbox').set('Cookie', `access_token=${cast.admin}`).expect(200);
    expect(page.text).toContain('Hộp thư thử nghiệm');
    expect(page.text).toContain('cv@h12.gov.vn');
    expect(page.text).toMatch(/Quá hạn: hồ sơ H12\.05-\d{6}-\d{4} \/ Overdue: dossier H12\.05-\d{6}-\d{4}/);
    // The text itself, with the due date in local time.
    expect(page.text).toContain('đã quá hạn trả kết quả 04/03/2026 15:00.');
    await t.http.get('/dev/mailbox').set('Cookie', `access_token=${cast.citizen}`).expect(403);
    await t.http.get('/dev/mailbox').expect(303);
    // In production the page does not exist.
    const production = new DevMailboxPagesController({ ...t.portal.config, env: 'production' });
    await expect(production.page({ locals: { lang: 'vi' } } as never)).rejects.toMatchObject({ status: 404 });
  });
});
