import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF, setUpCast, simpleProcedure, submitBirthDossier, type Cast } from '../helpers/dossier-fixtures.js';
import { follow, postForm, signedInAgent, text } from '../helpers/page-agent.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

/** Child benefits: the birth certificate is the result of 1.001193, the ID card the profile. */
const BENEFIT = simpleProcedure('2.000001', {
  name: { vi: 'Trợ cấp cho trẻ', en: 'Child benefit' },
  components: [
    { code: 'KS', name: { vi: 'Giấy khai sinh', en: 'Birth certificate' }, required: true, satisfiedBy: { resultOf: '1.001193' } },
    { code: 'CCCD', name: { vi: 'Căn cước', en: 'ID card' }, required: true, satisfiedBy: { profile: 'citizenId' } },
  ],
});

let t: TestPortal;
let cast: Cast;
const as = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  t = await startTestPortal();
  cast = await setUpCast(t, simpleProcedure('1.001193'));
  await t.http.post('/api/v1/admin/procedures').set(as(cast.admin)).send(BENEFIT).expect(201);
  await t.http.post('/api/v1/admin/procedures/2.000001/versions/1/publish').set(as(cast.admin)).expect(200);
});
afterAll(async () => {
  await t?.close();
});

type Dossier = { id: string; version: number; status: string; result: { verifyToken: string; documentNo: string } | null };

async function act(token: string, d: Dossier, action: string): Promise<Dossier> {
  const res = await t.http.post(`/api/v1/dossiers/${d.id}/actions/${action}`).set(as(token)).send({ version: d.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Dossier;
}

/** A birth registration taken to an issued result: one more result in the citizen's wallet. */
async function birthResult(childName: string): Promise<{ dossier: Dossier; resultId: string }> {
  let d = (await submitBirthDossier(t, cast, childName)) as Dossier;
  d = await act(cast.receptionist, d, 'receive');
  d = await act(cast.specialist, d, 'propose-result');
  d = await act(cast.leader, d, 'approve');
  const [{ id }] = await t.query<{ id: string }>(`SELECT id FROM result_document WHERE dossier_id = $1 AND status = 'ISSUED'`, [d.id]);
  return { dossier: d, resultId: id };
}

async function benefitDraft(): Promise<Dossier> {
  const res = await t.http
    .post('/api/v1/dossiers')
    .set(as(cast.citizen))
    .send({ procedureCode: '2.000001', agencyCode: 'H12.05', formData: { childName: 'Bé Na' } })
    .expect(201);
  return res.body as Dossier;
}

describe('reusing wallet results instead of uploads', () => {
  let first: { dossier: Dossier; resultId: string };
  let second: { dossier: Dossier; resultId: string };
  beforeAll(async () => {
    first = await birthResult('Bé Một');
    second = await birthResult('Bé Hai');
  });

  it('without a result in force, the document is missing', async () => {
    const draft = await t.http
      .post('/api/v1/dossiers')
      .set(as(cast.otherCitizen))
      .send({ procedureCode: '2.000001', agencyCode: 'H12.05', formData: { childName: 'Bé' } })
      .expect(201);
    const res = await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as(cast.otherCitizen)).expect(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('components.KS');
  });

  it('offers the results of that procedure, the latest by default; the citizen picks another; submission records the reuse', async () => {
    const d = await benefitDraft();
    const options = await t.http.get(`/api/v1/dossiers/${d.id}/reuse`).set(as(cast.citizen)).expect(200);
    expect(options.body.items).toEqual([
      expect.objectContaining({ componentCode: 'KS', procedureCode: '1.001193', chosenId: second.resultId }),
    ]);
    expect(options.body.items[0].candidates.map((c: { id: string }) => c.id)).toEqual([second.resultId, first.resultId]);

    const picked = await t.http
      .put(`/api/v1/dossiers/${d.id}/reuse/KS`)
      .set(as(cast.citizen))
      .send({ resultId: first.resultId })
      .expect(200);
    expect(picked.body.items[0].chosenId).toBe(first.resultId);
    const bad = await t.http
      .put(`/api/v1/dossiers/${d.id}/reuse/CCCD`)
      .set(as(cast.citizen))
      .send({ resultId: first.resultId })
      .expect(422);
    expect(bad.body.errors[0].path).toBe('componentCode');
    await t.http.put(`/api/v1/dossiers/${d.id}/reuse/KS`).set(as(cast.otherCitizen)).send({ resultId: first.resultId }).expect(404);

    await t.http.post(`/api/v1/dossiers/${d.id}/submit`).set(as(cast.citizen)).expect(200);
    const rows = await t.query<{ component_code: string; source: string; result_id: string | null }>(
      `SELECT component_code, source, result_id FROM component_reuse WHERE dossier_id = $1 ORDER BY component_code`,
      [d.id],
    );
    expect(rows).toEqual([
      { component_code: 'CCCD', source: 'PROFILE', result_id: null },
      { component_code: 'KS', source: 'RESULT', result_id: first.resultId },
    ]);
    await t.http.put(`/api/v1/dossiers/${d.id}/reuse/KS`).set(as(cast.citizen)).send({ resultId: second.resultId }).expect(409);
  });

  it('an uploaded document is not counted as reuse', async () => {
    const d = await benefitDraft();
    await t.http
      .post(`/api/v1/dossiers/${d.id}/files`)
      .set(as(cast.citizen))
      .field('componentCode', 'KS')
      .attach('file', PDF, 'ks.pdf')
      .expect(201);
    await t.http.post(`/api/v1/dossiers/${d.id}/submit`).set(as(cast.citizen)).expect(200);
    const rows = await t.query<{ component_code: string }>(`SELECT component_code FROM component_reuse WHERE dossier_id = $1`, [d.id]);
    expect(rows.map((r) => r.component_code)).toEqual(['CCCD']);
  });

  it('a revoked result is no longer offered, nor accepted', async () => {
    const d = await benefitDraft();
    await t.http.post(`/api/v1/results/${second.resultId}/revoke`).set(as(cast.leader)).send({ reason: 'Sai' }).expect(200);
    const options = await t.http.get(`/api/v1/dossiers/${d.id}/reuse`).set(as(cast.citizen)).expect(200);
    expect(options.body.items[0].candidates.map((c: { id: string }) => c.id)).toEqual([first.resultId]);
    const res = await t.http.put(`/api/v1/dossiers/${d.id}/reuse/KS`).set(as(cast.citizen)).send({ resultId: second.resultId }).expect(422);
    expect(res.body.errors[0].path).toBe('resultId');
  });

  it('a counter intake records what the data stood in for, too', async () => {
    const res = await t.http
      .post('/api/v1/counter/dossiers')
      .set(as(cast.receptionist))
      .field('procedureCode', '2.000001')
      .field('applicant', JSON.stringify({ citizenId: '001090000001', fullName: 'Nguyễn Văn An' }))
      .field('formData', JSON.stringify({ childName: 'Bé Tại Quầy' }))
      .expect(201);
    const rows = await t.query<{ component_code: string; source: string; result_id: string | null }>(
      `SELECT component_code, source, result_id FROM component_reuse WHERE dossier_id = $1 ORDER BY component_code`,
      [res.body.id],
    );
    expect(rows).toEqual([
      { component_code: 'CCCD', source: 'PROFILE', result_id: null },
      { component_code: 'KS', source: 'RESULT', result_id: first.resultId },
    ]);
  });

  it('the pages: the wallet lists the results; the reuse page saves the pick', async () => {
    const citizen = await signedInAgent(t, 'an@example.vn');
    const wallet = await citizen.get('/wallet').expect(200);
    const body = text(wallet.text);
    expect(body).toContain('Kho kết quả của tôi');
    expect(body).toContain('Giấy khai sinh');
    expect(body).toContain('Đã thu hồi');
    expect(wallet.text).toContain(`/dossiers/${first.dossier.id}/result.pdf`);
    expect(wallet.text).toContain(`/verify/${first.dossier.result!.verifyToken}`);

    const d = await benefitDraft();
    const files = await citizen.get(`/dossiers/${d.id}/files`).expect(200);
    expect(files.text).toContain(`/dossiers/${d.id}/reuse#reuse-KS`);
    const page = await citizen.get(`/dossiers/${d.id}/reuse`).expect(200);
    expect(page.text).toContain(`value="${first.resultId}" checked`);
    const saved = await postForm(
      citizen,
      page.text,
      `/dossiers/${d.id}/reuse`,
      [
        ['componentCode', 'KS'],
        ['resultId', first.resultId],
      ],
      303,
    );
    expect(text((await follow(citizen, saved)).text)).toContain('Đã lưu kết quả dùng thay giấy tờ.');
    const wrong = await postForm(
      citizen,
      page.text,
      `/dossiers/${d.id}/reuse`,
      [
        ['componentCode', 'KS'],
        ['resultId', second.resultId],
      ],
      422,
    );
    expect(text(wrong.text)).toContain('Kết quả được chọn không có trong kho kết quả còn hiệu lực của bạn.');

    const staff = await signedInAgent(t, 'motcua@h12.gov.vn');
    await staff.get('/wallet').expect(403);
  });
});
