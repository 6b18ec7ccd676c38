import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../../src/jobs/job-queue.js';
import { PDF, setUpCast, type Cast } from '../helpers/dossier-fixtures.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

/**
 * The real background path: pg-boss starts with the app and, with
 * WORKERS=true (the default outside tests), runs the dispatcher on its own
 * every few seconds; it stops with `app.close()` leaving no connection behind.
 */
let t: TestPortal;
let cast: Cast;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await startTestPortal({ SMTP_URL: smtp.url, WORKERS: 'true' });
  cast = await setUpCast(t);
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

const jobConnections = async () =>
  (
    await t.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'mot-cua-jobs'`,
    )
  )[0].n;

describe('pg-boss', () => {
  it('starts with the app in its own schema, with the recurring jobs scheduled', async () => {
    expect(t.portal.app.get(JobQueue).names.toSorted()).toEqual([
      'dossiers-due-alerts',
      'dossiers-reception-alerts',
      'dossiers-supplement-timeouts',
      'notifications-dispatch',
      'payments-recheck',
      'stats-rollup',
    ]);
    const schedules = await t.query<{ name: string; cron: string }>(`SELECT name, cron FROM pgboss.schedule ORDER BY name`);
    expect(schedules).toEqual([
      { name: 'dossiers-due-alerts', cron: '*/5 * * * *' },
      { name: 'dossiers-reception-alerts', cron: '*/5 * * * *' },
      { name: 'dossiers-supplement-timeouts', cron: '*/5 * * * *' },
      { name: 'notifications-dispatch', cron: '* * * * *' },
      { name: 'payments-recheck', cron: '*/5 * * * *' },
      { name: 'stats-rollup', cron: '7 * * * *' },
    ]);
    expect(await jobConnections()).toBeGreaterThan(0);
  });

  it('mails a change within seconds, without anyone calling the dispatcher', async () => {
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
    await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as).expect(200);

    for (let i = 0; i < 40 && smtp.received.length === 0; i++) await sleep(250);
    expect(smtp.received.map((m) => m.subject)).toEqual([expect.stringMatching(/^Đã nộp hồ sơ thủ tục 1\.001193/)]);
    const [row] = await t.query<{ processed: boolean }>(
      `SELECT processed_at IS NOT NULL AS processed FROM outbox WHERE payload->>'dossierId' = $1`,
      [draft.body.id],
    );
    expect(row.processed).toBe(true);
  });

  it('stops with the app, closing its connections', async () => {
    await t.portal.close();
    for (let i = 0; i < 20 && (await jobConnections()) > 0; i++) await sleep(100);
    expect(await jobConnections()).toBe(0);
  });
});
