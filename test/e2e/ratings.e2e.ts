import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser, login } from '../helpers/accounts.js';
import { setUpCast, type Cast } from '../helpers/dossier-fixtures.js';
import { follow, postForm, signedInAgent, text } from '../helpers/page-agent.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

let t: TestPortal;
let cast: Cast;
let manager: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Dossiers of the past, imported for the portal's own citizens (001090000001 is an@example.vn, who can sign in). */
async function importDossier(citizenId: string, events: [string, string][]): Promise<string> {
  const res = await t.http
    .post('/api/v1/admin/dossiers/import')
    .set(bearer(cast.admin))
    .send({
      dossiers: [
        {
          procedureCode: '1.001193',
          agencyCode: 'H12.05',
          channel: 'ONLINE',
          applicant: { citizenId, fullName: 'Nguyễn Văn An' },
          formData: { childName: 'Nguyễn Bé Na' },
          events: events.map(([type, at]) => ({ type, at })),
        },
      ],
    })
    .expect(200);
  return res.body.dossiers[0].id as string;
}

const resolved = (citizenId = '001090000001') =>
  importDossier(citizenId, [
    ['SUBMITTED', '2026-03-02T08:00:00+07:00'],
    ['RECEIVED', '2026-03-02T09:00:00+07:00'],
    ['RESULT_ISSUED', '2026-03-04T10:00:00+07:00'],
  ]);

beforeAll(async () => {
  t = await startTestPortal();
  cast = await setUpCast(t);
  await insertUser(t, { email: 'quanly@h12.gov.vn', roles: ['MANAGER'], agencyCode: 'H12' });
  manager = await login(t, 'quanly@h12.gov.vn');
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const rate = (id: string, body: object, token = cast.citizen) => t.http.post(`/api/v1/dossiers/${id}/rating`).set(bearer(token)).send(body);

describe('rating a resolved dossier (API)', () => {
  it('takes one rating from the owner, records it as an event, and counts it in the satisfaction', async () => {
    const id = await resolved();
    const res = await rate(id, { score: 4, comment: 'Cán bộ hướng dẫn tận tình' }).expect(201);
    expect(res.body).toMatchObject({ dossierId: id, score: 4, comment: 'Cán bộ hướng dẫn tận tình' });

    const again = await rate(id, { score: 5 }).expect(409);
    expect(again.body.code).toBe('rating.already');

    const [event] = await t.query<{ action: string; from_status: string; to_status: string; data: object; comment: string }>(
      `SELECT action, from_status, to_status, data, comment FROM dossier_event WHERE dossier_id = $1 AND action = 'rate'`,
      [id],
    );
    expect(event).toEqual({
      action: 'rate',
      from_status: 'RESULT_READY',
      to_status: 'RESULT_READY',
      data: { score: 4 },
      comment: 'Cán bộ hướng dẫn tận tình',
    });
    const summary = await t.http.get('/api/v1/stats/summary').set(bearer(manager)).expect(200); // this month: the rating is today
    expect(summary.body.satisfaction).toEqual({ count: 1, average: 4, satisfiedRate: 1 });
  });

  it('refuses a dossier not yet resolved (409), another citizen’s (404), a bad score (422), and staff (403)', async () => {
    const open = await importDossier('001090000001', [
      ['SUBMITTED', '2026-03-02T08:00:00+07:00'],
      ['RECEIVED', '2026-03-02T09:00:00+07:00'],
    ]);
    expect((await rate(open, { score: 5 }).expect(409)).body.code).toBe('rating.notResolved');

    const theirs = await resolved('001090000002');
    await rate(theirs, { score: 5 }).expect(404);
    await rate('not-a-uuid', { score: 5 }).expect(404);

    const mine = await resolved();
    for (const score of [0, 6, 4.5, '4.5', 'năm', null]) {
      const bad = await rate(mine, { score }).expect(422);
      expect(bad.body.errors[0]).toMatchObject({ path: 'score' });
    }
    await rate(mine, { score: 3, comment: 'x'.repeat(1001) }).expect(422);
    await rate(mine, { score: 3 }, cast.leader).expect(403);
    await t.http.post(`/api/v1/dossiers/${mine}/rating`).send({ score: 3 }).expect(401);
    expect(await t.query(`SELECT 1 FROM rating WHERE dossier_id = $1`, [mine])).toHaveLength(0);
  });

  it('keeps the rating of an imported dossier in the rating table, counted at its own instant', async () => {
    const res = await t.http
      .post('/api/v1/admin/dossiers/import')
      .set(bearer(cast.admin))
      .send({
        dossiers: [
          {
            procedureCode: '1.001193',
            agencyCode: 'H12.05',
            channel: 'COUNTER',
            applicant: { citizenId: '001090000077', fullName: 'Phạm Thị Lan' },
            rating: { score: 2, comment: 'Chờ lâu', at: '2026-04-01T10:00:00+07:00' },
            events: [
              { type: 'RECEIVED', at: '2026-03-23T09:00:00+07:00' },
              { type: 'RESULT_ISSUED', at: '2026-03-30T09:00:00+07:00' },
            ],
          },
        ],
      })
      .expect(200);
    const [row] = await t.query<{ score: number; rated_at: Date }>(`SELECT score, rated_at FROM rating WHERE dossier_id = $1`, [
      res.body.dossiers[0].id,
    ]);
    expect(row.score).toBe(2);
    expect(row.rated_at.toISOString()).toBe('2026-04-01T03:00:00.000Z');
    const april = await t.http
      .get('/api/v1/stats/summary')
      .query({ from: '2026-04-01', to: '2026-05-01' })
      .set(bearer(manager))
      .expect(200);
    expect(april.body.satisfaction).toEqual({ count: 1, average: 2, satisfiedRate: 0 });
  });
});

describe('the rating form on the citizen’s dossier page', () => {
  it('offers the national 5-point scale once the dossier is resolved, then shows the rating given', async () => {
    const id = await resolved();
    const citizen = await signedInAgent(t, 'an@example.vn');
    const page = await citizen.get(`/dossiers/${id}`).expect(200);
    for (const label of ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng', 'Rất không hài lòng'])
      expect(page.text).toContain(label);

    const nothing = await postForm(citizen, page.text, `/dossiers/${id}/rating`, [], 303);
    expect(text((await follow(citizen, nothing)).text)).toContain('Hãy chọn một mức từ 1 đến 5.');

    const sent = await postForm(
      citizen,
      page.text,
      `/dossiers/${id}/rating`,
      [
        ['score', '5'],
        ['comment', 'Nhanh gọn'],
      ],
      303,
    );
    const after = text((await follow(citizen, sent)).text);
    expect(after).toContain('Cảm ơn ông/bà đã đánh giá.');
    expect(after).toContain('Ông/bà đã đánh giá: 5 — Rất hài lòng');
    expect(after).not.toContain('Gửi đánh giá');
  });

  it('shows no form while the dossier is not resolved', async () => {
    const open = await importDossier('001090000001', [['SUBMITTED', '2026-03-02T08:00:00+07:00']]);
    const citizen = await signedInAgent(t, 'an@example.vn');
    const page = await citizen.get(`/dossiers/${open}`).expect(200);
    expect(page.text).not.toContain('rating-heading');
  });
});
