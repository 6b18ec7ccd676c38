import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF, setUpCast, simpleProcedure, submitBirthDossier, type Cast } from '../helpers/dossier-fixtures.js';
import { signedInAgent } from '../helpers/page-agent.js';
import { pdfSignatures, pdfText } from '../helpers/pdf.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';
import { binary } from '../helpers/binary.js';

const PUBLIC_URL = 'https://dichvucong.example.vn';
const BODY = [
  'Họ và tên trẻ: {{formData.childName}}',
  'Người đi khai: {{applicant.fullName}}',
  '',
  'Đã được đăng ký khai sinh tại {{agency.name}}.',
].join('\n');

let t: TestPortal;
let cast: Cast;
beforeAll(async () => {
  t = await startTestPortal({ PUBLIC_URL });
  cast = await setUpCast(
    t,
    simpleProcedure('1.001193', { resultTemplate: { title: { vi: 'Giấy khai sinh', en: 'Birth certificate' }, body: BODY } }),
  );
});
afterAll(async () => {
  await t?.close();
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

type Dossier = { id: string; version: number; status: string; code: string | null; result: null | Record<string, string> };

async function act(token: string, d: Dossier, action: string, body: Record<string, unknown> = {}): Promise<Dossier> {
  const res = await t.http
    .post(`/api/v1/dossiers/${d.id}/actions/${action}`)
    .set(as(token))
    .send({ version: d.version, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Dossier;
}

/** A dossier filed, received and proposed for a result: waiting for the leader. */
async function awaitingApproval(childName: string): Promise<Dossier> {
  let d = (await submitBirthDossier(t, cast, childName)) as Dossier;
  d = await act(cast.receptionist, d, 'receive');
  return act(cast.specialist, d, 'propose-result');
}

async function download(token: string, id: string): Promise<Buffer> {
  const res = await t.http.get(`/api/v1/dossiers/${id}/result.pdf`).set(as(token)).buffer(true).parse(binary);
  expect(res.status, res.status === 200 ? '' : JSON.stringify(res.body)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['cache-control']).toBe('private, no-store');
  return res.body as Buffer;
}

describe('a result issued on approval', () => {
  let d: Dossier;
  let pdf: Buffer;
  let token: string;
  beforeAll(async () => {
    d = await act(cast.leader, await awaitingApproval('Nguyễn Thị Ánh Dương & Lê'), 'approve');
    token = d.result!.verifyToken;
  });

  it('is part of the dossier: number, date, token and the address its QR code opens', async () => {
    expect(d.status).toBe('RESULT_READY');
    const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
    expect(d.result).toEqual({
      documentNo: expect.stringMatching(new RegExp(`^\\d{4}/${year}/KQ-H12\\.05$`)),
      issuedAt: expect.any(String),
      verifyToken: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      verifyUrl: `${PUBLIC_URL}/verify/${token}`,
      status: 'ISSUED',
    });
    const [row] = await t.query<{ sha256: string; status: string }>(`SELECT sha256, status FROM result_document WHERE dossier_id = $1`, [
      d.id,
    ]);
    expect(row).toMatchObject({ status: 'ISSUED', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('staff download the signed file without changing the dossier', async () => {
    pdf = await download(cast.receptionist, d.id);
    const after = await t.http.get(`/api/v1/dossiers/${d.id}`).set(as(cast.receptionist)).expect(200);
    expect(after.body.status).toBe('RESULT_READY');
    const report = await pdfSignatures(pdf);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
  });

  it('prints the Vietnamese text as rendered, with letterhead, number, signer and verification address', async () => {
    const text = (await pdfText(pdf))!.replace(/\s+/g, ' ');
    for (const words of [
      'AGENCY H12',
      'AGENCY H12.05',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Số: ${d.result!.documentNo}`,
      'GIẤY KHAI SINH',
      'Họ và tên trẻ: Nguyễn Thị Ánh Dương & Lê',
      'Người đi khai: Nguyễn Văn An',
      'Đã được đăng ký khai sinh tại Agency H12.05.',
      'ld@h12.gov.vn',
      `${PUBLIC_URL}/verify/${token}`,
    ]) {
      expect(text).toContain(words);
    }
  });

  it('is the very file whose hash was stored', async () => {
    const [row] = await t.query<{ sha256: string }>(`SELECT sha256 FROM result_document WHERE dossier_id = $1`, [d.id]);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(row.sha256);
  });

  it('verifies publicly: valid, with the holder name masked', async () => {
    const res = await t.http.get(`/api/v1/verify/${token}`).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      valid: true,
      revoked: false,
      superseded: false,
      documentNo: d.result!.documentNo,
      title: 'Giấy khai sinh',
      issuer: expect.any(String),
      holderName: 'Nguyễn V*** A*',
      issuedAt: d.result!.issuedAt,
    });
    expect(JSON.stringify(res.body)).not.toContain('Nguyễn Văn An');
    await t.http.get('/api/v1/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
    await t.http.get('/api/v1/verify/short').expect(404);
  });

  it('tells the issued file from one with a byte changed', async () => {
    const exact = await t.http.post(`/api/v1/verify/${token}`).attach('file', pdf, 'kq.pdf').expect(200);
    expect(exact.body.file).toMatchObject({ exactMatch: true, signatureIntact: true, verdict: 'EXACT' });
    const altered = Buffer.from(pdf);
    const at = altered.indexOf('Giấy khai sinh') > 0 ? altered.indexOf('/MediaBox') : altered.indexOf('/MediaBox');
    altered[at + 2] ^= 0x01;
    const res = await t.http.post(`/api/v1/verify/${token}`).attach('file', altered, 'kq.pdf').expect(200);
    expect(res.body.file).toMatchObject({ exactMatch: false, signed: true, signatureIntact: false, verdict: 'ALTERED' });
    const none = await t.http.post(`/api/v1/verify/${token}`).expect(422);
    expect(none.body.errors[0].path).toBe('file');
  });

  it('answers 404 to another citizen and to another agency, and 404 before a result exists', async () => {
    await t.http.get(`/api/v1/dossiers/${d.id}/result.pdf`).set(as(cast.otherCitizen)).expect(404);
    await t.http.get(`/api/v1/dossiers/${d.id}/result.pdf`).set(as(cast.otherReceptionist)).expect(404);
    const waiting = await awaitingApproval('Trần Bé');
    const res = await t.http.get(`/api/v1/dossiers/${waiting.id}/result.pdf`).set(as(cast.citizen)).expect(404);
    expect(res.body.code).toBe('results.notIssued');
  });

  it('the owner downloading it returns the dossier, once', async () => {
    const own = await download(cast.citizen, d.id);
    expect(own.equals(pdf)).toBe(true);
    const after = await t.http.get(`/api/v1/dossiers/${d.id}`).set(as(cast.citizen)).expect(200);
    expect(after.body.status).toBe('RETURNED');
    expect(after.body.events.at(-1)).toMatchObject({ action: 'return-result', actorRole: 'CITIZEN', toStatus: 'RETURNED' });
    await download(cast.citizen, d.id);
    const again = await t.http.get(`/api/v1/dossiers/${d.id}`).set(as(cast.citizen)).expect(200);
    expect(again.body.events.filter((e: { action: string }) => e.action === 'return-result')).toHaveLength(1);
  });

  it('is in the citizen wallet, and only theirs', async () => {
    const res = await t.http.get('/api/v1/wallet').set(as(cast.citizen)).expect(200);
    expect(res.body.items).toContainEqual(
      expect.objectContaining({
        dossierId: d.id,
        documentNo: d.result!.documentNo,
        title: 'Giấy khai sinh',
        status: 'ISSUED',
        valid: true,
      }),
    );
    const other = await t.http.get('/api/v1/wallet').set(as(cast.otherCitizen)).expect(200);
    expect(other.body.items).toEqual([]);
    await t.http.get('/api/v1/wallet').set(as(cast.receptionist)).expect(403);
  });
});

describe('revocation and replacement', () => {
  it('a leader of the issuing agency revokes; verification shows it at once', async () => {
    const d = await act(cast.leader, await awaitingApproval('Phạm Bé Ba'), 'approve');
    const [{ id }] = await t.query<{ id: string }>(`SELECT id FROM result_document WHERE dossier_id = $1`, [d.id]);
    await t.http.post(`/api/v1/results/${id}/revoke`).set(as(cast.specialist)).send({ reason: 'x' }).expect(403);
    await t.http.post(`/api/v1/results/${id}/revoke`).set(as(cast.otherReceptionist)).send({ reason: 'x' }).expect(404);
    await t.http.post(`/api/v1/results/${id}/revoke`).set(as(cast.citizen)).send({ reason: 'x' }).expect(404);
    const blank = await t.http.post(`/api/v1/results/${id}/revoke`).set(as(cast.leader)).send({ reason: '  ' }).expect(422);
    expect(blank.body.errors[0].path).toBe('reason');
    const res = await t.http.post(`/api/v1/results/${id}/revoke`).set(as(cast.leader)).send({ reason: 'Cấp sai thông tin' }).expect(200);
    expect(res.body).toMatchObject({ status: 'REVOKED', reason: 'Cấp sai thông tin' });
    const v = await t.http.get(`/api/v1/verify/${d.result!.verifyToken}`).expect(200);
    expect(v.body).toMatchObject({ valid: false, revoked: true, superseded: false, reason: 'Cấp sai thông tin' });
    await t.http.post(`/api/v1/results/${id}/revoke`).set(as(cast.leader)).send({ reason: 'again' }).expect(409);
  });

  it('a replacement gets a new number and token; the old one points to it', async () => {
    const d = await act(cast.leader, await awaitingApproval('Đỗ Bé Tư'), 'approve');
    const [{ id }] = await t.query<{ id: string }>(`SELECT id FROM result_document WHERE dossier_id = $1`, [d.id]);
    const res = await t.http.post(`/api/v1/results/${id}/supersede`).set(as(cast.leader)).send({ reason: 'Đính chính họ tên' }).expect(200);
    expect(res.body).toMatchObject({
      status: 'SUPERSEDED',
      supersededBy: { documentNo: expect.any(String), verifyUrl: expect.any(String) },
    });
    expect(res.body.supersededBy.documentNo).not.toBe(d.result!.documentNo);
    const old = await t.http.get(`/api/v1/verify/${d.result!.verifyToken}`).expect(200);
    expect(old.body).toMatchObject({ valid: false, superseded: true, reason: 'Đính chính họ tên' });
    const now = await t.http.get(`/api/v1/dossiers/${d.id}`).set(as(cast.citizen)).expect(200);
    expect(now.body.result).toMatchObject({ documentNo: res.body.supersededBy.documentNo, status: 'ISSUED' });
    const fresh = await t.http.get(`/api/v1/verify/${now.body.result.verifyToken}`).expect(200);
    expect(fresh.body.valid).toBe(true);
  });
});

describe('numbering', () => {
  it('is unique and gap-free when leaders approve at the same time', async () => {
    const waiting = await Promise.all(['Bé Một', 'Bé Hai', 'Bé Ba', 'Bé Bốn', 'Bé Năm', 'Bé Sáu'].map((n) => awaitingApproval(n)));
    const approved = await Promise.all(waiting.map((d) => act(cast.leader, d, 'approve')));
    expect(approved.every((d) => d.status === 'RESULT_READY')).toBe(true);
    const rows = await t.query<{ series_no: number; document_no: string }>(
      `SELECT series_no, document_no FROM result_document r JOIN agency a ON a.id = r.agency_id WHERE a.code = 'H12.05' ORDER BY series_no`,
    );
    expect(rows.map((r) => r.series_no)).toEqual(rows.map((_, i) => i + 1));
    expect(new Set(rows.map((r) => r.document_no)).size).toBe(rows.length);
  });
});

describe('a fee due before the result', () => {
  it('holds the download back (409 payment.required) until paid; staff may still download', async () => {
    const feeProcedure = simpleProcedure('1.000002', {
      name: { vi: 'Cấp bản sao trích lục', en: 'Extract copy' },
      fee: { amount: 8000, currency: 'VND', payWhen: 'BEFORE_RESULT' },
      resultTemplate: { title: 'Bản sao trích lục', body: 'Cấp cho {{applicant.fullName}}' },
    });
    await t.http.post('/api/v1/admin/procedures').set(as(cast.admin)).send(feeProcedure).expect(201);
    await t.http.post('/api/v1/admin/procedures/1.000002/versions/1/publish').set(as(cast.admin)).expect(200);
    const draft = await t.http
      .post('/api/v1/dossiers')
      .set(as(cast.citizen))
      .send({ procedureCode: '1.000002', agencyCode: 'H12.05', formData: { childName: 'Bé' } })
      .expect(201);
    await t.http
      .post(`/api/v1/dossiers/${draft.body.id}/files`)
      .set(as(cast.citizen))
      .field('componentCode', 'GCS')
      .attach('file', PDF, 'g.pdf')
      .expect(201);
    let d = (await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as(cast.citizen)).expect(200)).body as Dossier;
    d = await act(cast.receptionist, d, 'receive');
    d = await act(cast.specialist, d, 'propose-result');
    d = await act(cast.leader, d, 'approve');
    const refused = await t.http.get(`/api/v1/dossiers/${d.id}/result.pdf`).set(as(cast.citizen)).expect(409);
    expect(refused.body.code).toBe('payment.required');
    // The citizen's page points to the fee rather than to a download that would be refused.
    const page = (await (await signedInAgent(t, 'an@example.vn')).get(`/dossiers/${d.id}`).expect(200)).text;
    expect(page).toContain(
      'Kết quả được tải về sau khi nộp phí, lệ phí của hồ sơ. <a class="usa-link" href="#payment">Nộp phí, lệ phí</a>',
    );
    expect(page).not.toContain(`href="/dossiers/${d.id}/result.pdf"`);
    expect((await t.http.get(`/api/v1/dossiers/${d.id}`).set(as(cast.citizen)).expect(200)).body.status).toBe('RESULT_READY');
    await download(cast.receptionist, d.id);
    expect((await t.http.get(`/api/v1/dossiers/${d.id}`).set(as(cast.citizen)).expect(200)).body.status).toBe('RESULT_READY');
  });
});
