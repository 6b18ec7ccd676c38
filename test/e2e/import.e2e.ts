import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF, setUpCast, type Cast } from '../helpers/dossier-fixtures.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

let t: TestPortal;
let cast: Cast;
beforeAll(async () => {
  t = await startTestPortal();
  cast = await setUpCast(t); // 1.001193 at H12.05: 3 working days, RESTART
});
afterAll(async () => {
  await t?.close();
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const importing = (body: unknown, token = cast.admin) =>
  t.http
    .post('/api/v1/admin/dossiers/import')
    .set(as(token))
    .send(body as object);

/** A dossier of the old system; times in local time (UTC+7) as it printed them. */
function old(events: [string, string, string?][], over: Record<string, unknown> = {}) {
  return {
    procedureCode: '1.001193',
    agencyCode: 'H12.05',
    channel: 'ONLINE',
    applicant: { citizenId: '001090000099', fullName: 'Trần Thị Cúc' },
    formData: { childName: 'Trần Bé Mai' },
    events: events.map(([type, local, comment]) => ({ type, at: `${local.replace(' ', 'T')}:00+07:00`, ...(comment && { comment }) })),
    ...over,
  };
}

const resolvedOnTime = (code?: string) =>
  old(
    [
      ['SUBMITTED', '2026-03-02 08:00'],
      ['RECEIVED', '2026-03-02 09:00'],
      ['RESULT_ISSUED', '2026-03-05 08:30'],
      ['RETURNED', '2026-03-06 10:00'],
    ],
    { ...(code && { code }), fee: { amount: 50000, currency: 'VND' }, paidOnline: true, rating: { score: 5, comment: 'Nhanh' } },
  );

describe('import of historical dossiers', () => {
  it('computes each dossier with the live clock and answers in the order given', async () => {
    const res = await importing({
      dossiers: [
        resolvedOnTime('OLD-2026-0001'),
        old(
          [
            ['SUBMITTED', '2026-03-03 08:00'],
            ['REJECTED', '2026-03-03 10:00', 'Không thuộc thẩm quyền'],
          ],
          {
            applicant: { citizenId: '001090000001', fullName: 'Nguyễn Văn An' }, // the portal's own citizen
          },
        ),
        old(
          [
            ['RECEIVED', '2026-03-02 16:30'],
            ['SUPPLEMENT_REQUESTED', '2026-03-03 09:00'],
          ],
          { channel: 'COUNTER' },
        ),
      ],
    }).expect(200);

    expect(res.body.dossiers).toEqual([
      {
        id: expect.any(String),
        code: 'OLD-2026-0001',
        created: true,
        status: 'RETURNED',
        receivedAt: '2026-03-02T02:00:00.000Z',
        clockStart: '2026-03-02T02:00:00.000Z',
        dueAt: '2026-03-05T02:00:00.000Z', // 3 working days: Thu 09:00
        completedAt: '2026-03-05T01:30:00.000Z',
        outcome: 'ON_TIME',
      },
      {
        id: expect.any(String),
        code: expect.stringMatching(/^H12\.05-260303-\d{4}$/), // never received: numbered on its submission date
        created: true,
        status: 'REJECTED',
        receivedAt: null,
        clockStart: null,
        dueAt: null,
        completedAt: null, // refused at reception: not a resolution
        outcome: null,
      },
      {
        id: expect.any(String),
        code: expect.stringMatching(/^H12\.05-260302-\d{4}$/),
        created: true,
        status: 'SUPPLEMENT_REQUESTED',
        receivedAt: '2026-03-02T09:30:00.000Z',
        clockStart: '2026-03-03T00:30:00.000Z', // received in the last hour: next morning 07:30
        dueAt: '2026-03-05T10:00:00.000Z',
        completedAt: null,
        outcome: null,
      },
    ]);

    const [stored] = await t.query<Record<string, unknown>>(
      `SELECT d.channel, d.fee_amount::int AS fee, d.import_extra AS extra, d.procedure_version_id = v.id AS "currentVersion",
              u.email, u.full_name AS "fullName"
         FROM dossier d JOIN app_user u ON u.id = d.applicant_id
         JOIN procedure p ON p.id = d.procedure_id JOIN procedure_version v ON v.procedure_id = p.id AND v.version = p.current_version
        WHERE d.code = 'OLD-2026-0001'`,
    );
    expect(stored).toMatchObject({
      channel: 'ONLINE',
      fee: 50000,
      currentVersion: true,
      email: '001090000099@import.invalid', // no email given: a placeholder on a reserved domain
      fullName: 'Trần Thị Cúc',
      extra: { paidOnline: true, fee: { amount: 50000, currency: 'VND' }, rating: { score: 5, comment: 'Nhanh', at: null } },
    });
    const [an] = await t.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM dossier d JOIN app_user u ON u.id = d.applicant_id WHERE u.email = 'an@example.vn' AND d.code = $1`,
      [res.body.dossiers[1].code],
    );
    expect(an.n).toBe(1); // found by citizen ID, not created again
    const events = await t.query<{ action: string; actor_role: string; at: Date }>(
      `SELECT action, actor_role, at FROM dossier_event WHERE dossier_id = $1 ORDER BY id`,
      [res.body.dossiers[0].id],
    );
    expect(events.map((e) => [e.action, e.actor_role, e.at.toISOString()])).toEqual([
      ['submit', 'IMPORT', '2026-03-02T01:00:00.000Z'],
      ['receive', 'IMPORT', '2026-03-02T02:00:00.000Z'],
      ['approve', 'IMPORT', '2026-03-05T01:30:00.000Z'],
      ['return-result', 'IMPORT', '2026-03-06T03:00:00.000Z'],
    ]);
    // History is not news: nobody is notified.
    expect(await t.query(`SELECT 1 FROM outbox WHERE payload->>'dossierId' = $1`, [res.body.dossiers[0].id])).toHaveLength(0);
  });

  it('changes nothing when the same code is imported again, and answers what is stored', async () => {
    const first = await importing({ dossiers: [resolvedOnTime('OLD-2026-0002')] }).expect(200);
    const count = () =>
      t.query<{ dossiers: number; events: number }>(
        `SELECT count(DISTINCT d.id)::int AS dossiers, count(e.id)::int AS events
           FROM dossier d LEFT JOIN dossier_event e ON e.dossier_id = d.id WHERE d.code = 'OLD-2026-0002'`,
      );
    const before = await count();
    // Even with other events: what is stored stays.
    const again = await importing({
      dossiers: [old([['SUBMITTED', '2026-03-02 08:00']], { code: 'OLD-2026-0002' }), resolvedOnTime('OLD-2026-0003')],
    }).expect(200);
    expect(again.body.dossiers[0]).toEqual({ ...first.body.dossiers[0], created: false });
    expect(again.body.dossiers[1]).toMatchObject({ code: 'OLD-2026-0003', created: true });
    expect(await count()).toEqual(before);
    expect(before).toEqual([{ dossiers: 1, events: 4 }]);
  });

  it('imports the same new code from two requests at once exactly once', async () => {
    const results = await Promise.all([1, 2, 3].map(() => importing({ dossiers: [resolvedOnTime('OLD-2026-RACE')] })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.body.dossiers[0].created).filter(Boolean)).toHaveLength(1);
    expect(await t.query(`SELECT 1 FROM dossier WHERE code = 'OLD-2026-RACE'`)).toHaveLength(1);
  });

  it('numbers dossiers without code after the kept codes of the same day', async () => {
    const res = await importing({
      dossiers: [
        old([
          ['SUBMITTED', '2026-03-10 08:00'],
          ['RECEIVED', '2026-03-10 09:00'],
        ]),
        old(
          [
            ['SUBMITTED', '2026-03-10 08:00'],
            ['RECEIVED', '2026-03-10 08:30'],
          ],
          { code: 'H12.05-260310-0041' },
        ),
      ],
    }).expect(200);
    expect(res.body.dossiers.map((d: { code: string }) => d.code)).toEqual(['H12.05-260310-0042', 'H12.05-260310-0041']);
  });

  it('answers 422 with the path of the bad event, and writes nothing of the batch', async () => {
    const res = await importing({
      dossiers: [
        resolvedOnTime('OLD-2026-BATCH-1'),
        old(
          [
            ['SUBMITTED', '2026-03-02 08:00'],
            ['RESULT_ISSUED', '2026-03-03 09:00'],
          ],
          { code: 'OLD-2026-BATCH-2' },
        ),
        old(
          [
            ['SUBMITTED', '2026-03-02 08:00'],
            ['RECEIVED', '2026-03-02 09:00'],
            ['RETURNED', '2026-03-03 09:00'],
          ],
          { applicant: { citizenId: '001090000077', fullName: 'Lê Văn Dũng', email: 'dung@example.vn' } },
        ),
        old([['SUBMITTED', '2026-03-02 08:00']], { procedureCode: '9.999999', agencyCode: 'H99' }),
        old([['SUBMITTED', '2026-03-02 08:00']], { agencyCode: 'H12.06' }),
      ],
    }).expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'dossiers[1].events[1]',
      'dossiers[2].events[2]',
      'dossiers[3].procedureCode',
      'dossiers[3].agencyCode',
      'dossiers[4].agencyCode',
    ]);
    expect(res.body.errors[0].message).toBe('Sự kiện RESULT_ISSUED không thể xảy ra khi hồ sơ đang ở trạng thái SUBMITTED.');
    expect(await t.query(`SELECT 1 FROM dossier WHERE code LIKE 'OLD-2026-BATCH-%'`)).toHaveLength(0);
    expect(await t.query(`SELECT 1 FROM app_user WHERE citizen_id = '001090000077'`)).toHaveLength(0);

    const shape = await importing({ dossiers: [{ ...resolvedOnTime(), events: [{ type: 'RECEIVED', at: 'yesterday' }] }] }).expect(422);
    expect(shape.body.errors).toEqual([expect.objectContaining({ path: 'dossiers[0].events[0].at' })]);
  });

  it('refuses a code that belongs to a dossier filed on the portal', async () => {
    const draft = await t.http
      .post('/api/v1/dossiers')
      .set(as(cast.citizen))
      .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Bé Na' } })
      .expect(201);
    await t.http
      .post(`/api/v1/dossiers/${draft.body.id}/files`)
      .set(as(cast.citizen))
      .field('componentCode', 'GCS')
      .attach('file', PDF, 'gcs.pdf');
    const submitted = await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as(cast.citizen)).expect(200);
    const live = await t.http
      .post(`/api/v1/dossiers/${draft.body.id}/actions/receive`)
      .set(as(cast.receptionist))
      .send({ version: submitted.body.version })
      .expect(200);
    const res = await importing({ dossiers: [resolvedOnTime(live.body.code)] }).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'dossiers[0].code', code: 'import.codeTaken' })]);
  });

  it('is for administrators only', async () => {
    const body = { dossiers: [resolvedOnTime('OLD-2026-NOPE')] };
    await t.http.post('/api/v1/admin/dossiers/import').send(body).expect(401);
    for (const token of [cast.citizen, cast.receptionist, cast.leader]) await importing(body, token).expect(403);
    expect(await t.query(`SELECT 1 FROM dossier WHERE code = 'OLD-2026-NOPE'`)).toHaveLength(0);
  });

  it("shows an imported dossier to the agency's staff, not to another agency's", async () => {
    const res = await importing({ dossiers: [resolvedOnTime('OLD-2026-0100')] }).expect(200);
    const id = res.body.dossiers[0].id as string;
    const seen = await t.http.get(`/api/v1/dossiers/${id}`).set(as(cast.receptionist)).expect(200);
    expect(seen.body).toMatchObject({
      code: 'OLD-2026-0100',
      status: 'RETURNED',
      channel: 'ONLINE',
      agencyCode: 'H12.05',
      dueAt: '2026-03-05T02:00:00.000Z',
      outcome: 'ON_TIME',
      formData: { childName: 'Trần Bé Mai' },
      fee: { amount: 50000, currency: 'VND' },
    });
    expect(seen.body.events.map((e: { action: string; actorRole: string }) => `${e.actorRole}:${e.action}`)).toEqual([
      'IMPORT:submit',
      'IMPORT:receive',
      'IMPORT:approve',
      'IMPORT:return-result',
    ]);
    await t.http.get(`/api/v1/dossiers/${id}`).set(as(cast.otherReceptionist)).expect(404);
    const list = await t.http.get('/api/v1/dossiers?q=OLD-2026-0100').set(as(cast.specialist)).expect(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([id]);
  });
});
