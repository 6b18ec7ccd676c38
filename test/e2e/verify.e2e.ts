import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF, setUpCast, simpleProcedure, type Cast } from '../helpers/dossier-fixtures.js';
import { postForm, signedInAgent, text, unescapeHtml } from '../helpers/page-agent.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';
import { binary } from '../helpers/binary.js';

let t: TestPortal;
let cast: Cast;
let d: { id: string; version: number; result: { verifyToken: string; documentNo: string } };
let pdf: Buffer;
beforeAll(async () => {
  t = await startTestPortal({ PUBLIC_URL: 'https://dichvucong.example.vn' });
  cast = await setUpCast(t, simpleProcedure('1.001193'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const draft = await t.http
    .post('/api/v1/dossiers')
    .set(as(cast.citizen))
    .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Lê Bé' } })
    .expect(201);
  await t.http
    .post(`/api/v1/dossiers/${draft.body.id}/files`)
    .set(as(cast.citizen))
    .field('componentCode', 'GCS')
    .attach('file', PDF, 'g.pdf')
    .expect(201);
  let cur = (await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as(cast.citizen)).expect(200)).body;
  for (const [token, action] of [
    [cast.receptionist, 'receive'],
    [cast.specialist, 'propose-result'],
    [cast.leader, 'approve'],
  ]) {
    cur = (await t.http.post(`/api/v1/dossiers/${cur.id}/actions/${action}`).set(as(token)).send({ version: cur.version }).expect(200))
      .body;
  }
  d = cur;
  const res = await t.http.get(`/api/v1/dossiers/${d.id}/result.pdf`).set(as(cast.receptionist)).buffer(true).parse(binary).expect(200);
  pdf = res.body as Buffer;
});
afterAll(async () => {
  await t?.close();
});

/** Posts the page's upload form (multipart, CSRF token in the action's query) as an anonymous browser. */
async function upload(file: Buffer | null, status: number) {
  const agent = request.agent(t.portal.app.getHttpServer());
  const page = await agent.get(`/verify/${d.result.verifyToken}`).expect(200);
  const action = unescapeHtml(
    /<form class="usa-form usa-form--large" method="post" enctype="multipart\/form-data" action="([^"]+)"/.exec(page.text)![1],
  );
  const req = agent.post(action);
  return (file ? req.attach('file', file, 'ket-qua.pdf') : req.field('x', '1')).expect(status);
}

describe('the verification page the QR code opens', () => {
  it('shows a valid result to anyone, with the holder masked', async () => {
    const page = await t.http.get(`/verify/${d.result.verifyToken}`).expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const body = text(page.text);
    expect(body).toContain('Văn bản hợp lệ');
    expect(body).toContain(d.result.documentNo);
    expect(body).toContain('Nguyễn V*** A*');
    expect(body).not.toContain('Nguyễn Văn An');
  });

  it('says 404 for an unknown token, as a page', async () => {
    const page = await t.http.get('/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(text(page.text)).toContain('Không tìm thấy văn bản có mã xác thực này.');
  });

  it('says an uploaded copy is exactly the issued file', async () => {
    const res = await upload(pdf, 200);
    expect(text(res.text)).toContain('Đúng là tệp đã ban hành');
  });

  it('says a copy with one byte changed was altered', async () => {
    const altered = Buffer.from(pdf);
    const at = altered.indexOf('/MediaBox');
    altered[at + 2] ^= 0x01;
    const res = await upload(altered, 200);
    expect(text(res.text)).toContain('Tệp đã bị thay đổi');
    const unsigned = await upload(PDF, 200);
    expect(text(unsigned.text)).toContain('Tệp không có chữ ký số');
  });

  it('asks for a file when none is chosen, and refuses a post without the CSRF token', async () => {
    const res = await upload(null, 422);
    expect(text(res.text)).toContain('Chọn tệp PDF cần kiểm tra.');
    await t.http.post(`/verify/${d.result.verifyToken}`).attach('file', pdf, 'x.pdf').expect(403);
  });

  it('a leader revokes through the workspace form; the page shows it at once', async () => {
    const leader = await signedInAgent(t, 'ld@h12.gov.vn');
    const staffPage = await leader.get(`/workspace/dossiers/${d.id}`).expect(200);
    const href = /href="(\/workspace\/results\/[0-9a-f-]+\/status)"/.exec(staffPage.text)?.[1];
    expect(href).toBeDefined();
    const form = await leader.get(href!).expect(200);
    const blank = await postForm(
      leader,
      form.text,
      href!,
      [
        ['change', 'revoke'],
        ['reason', ' '],
      ],
      422,
    );
    expect(text(blank.text)).toContain('Nhập lý do.');
    const done = await postForm(
      leader,
      form.text,
      href!,
      [
        ['change', 'revoke'],
        ['reason', 'Cấp nhầm người'],
      ],
      303,
    );
    expect(done.headers.location).toBe(`/workspace/dossiers/${d.id}`);
    const page = await t.http.get(`/verify/${d.result.verifyToken}`).expect(200);
    expect(text(page.text)).toContain('Văn bản đã bị thu hồi');
    expect(text(page.text)).toContain('Cấp nhầm người');
    const receptionist = await signedInAgent(t, 'motcua@h12.gov.vn');
    await receptionist.get(href!).expect(403);
  });
});
