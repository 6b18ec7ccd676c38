import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DossierCommandsService } from '../../src/dossiers/dossier-commands.service.js';
import { PDF, setUpCast, simpleProcedure, type Cast } from '../helpers/dossier-fixtures.js';
import { pageCount, pdfText } from '../helpers/pdf.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';
import { binary } from '../helpers/binary.js';

const PUBLIC_URL = 'https://dichvucong.example.vn';

let t: TestPortal;
let cast: Cast;
beforeAll(async () => {
  t = await startTestPortal({ PUBLIC_URL });
  // Ten working days, so that an extension (due at least one working day ahead) is allowed.
  cast = await setUpCast(t, simpleProcedure('1.001193', { processingTime: { workingDays: 10 } }));
});
afterAll(async () => {
  await t?.close();
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const session = (token: string) => ({ Cookie: `access_token=${token}` });

type Dossier = { id: string; version: number; status: string; code: string | null; dueAt: string | null };

async function submitted(): Promise<Dossier> {
  const draft = await t.http
    .post('/api/v1/dossiers')
    .set(as(cast.citizen))
    .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Nguyễn Bé Na' } })
    .expect(201);
  await t.http
    .post(`/api/v1/dossiers/${draft.body.id}/files`)
    .set(as(cast.citizen))
    .field('componentCode', 'GCS')
    .attach('file', PDF, 'giay-chung-sinh.pdf')
    .expect(201);
  return (await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as(cast.citizen)).expect(200)).body as Dossier;
}

async function act(token: string, d: Dossier, action: string, body: Record<string, unknown> = {}): Promise<Dossier> {
  const res = await t.http
    .post(`/api/v1/dossiers/${d.id}/actions/${action}`)
    .set(as(token))
    .send({ version: d.version, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Dossier;
}

/** Fetches a PDF and checks what every document has: type, file name, a real PDF, the code and the lookup address in its text. */
async function expectPdf(
  path: string,
  headers: Record<string, string>,
  expected: { fileName: string; code: string | null; words: string[] },
) {
  const res = await t.http.get(path).set(headers).buffer(true).parse(binary).expect(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toBe(`inline; filename="${expected.fileName}"`);
  expect(res.headers['cache-control']).toBe('private, no-store');
  const pdf = res.body as Buffer;
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
  const text = await pdfText(pdf);
  if (text === null) return pdf; // no poppler-utils here; CI installs it
  const flat = text.replace(/\s+/g, ' ');
  for (const words of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'AGENCY H12.05', ...expected.words]) {
    expect(flat).toContain(words);
  }
  if (expected.code) {
    expect(flat).toContain(expected.code);
    expect(flat).toContain(`${PUBLIC_URL}/lookup/${expected.code}`);
  }
  return pdf;
}

describe('a dossier received, supplemented, extended and refused after processing', () => {
  let d: Dossier;
  beforeAll(async () => {
    d = await act(cast.receptionist, await submitted(), 'receive');
    d = await act(cast.specialist, d, 'request-supplement', { items: ['Bản sao giấy chứng sinh rõ nét'], comment: 'Bản chụp bị mờ' });
    const answered = await t.http
      .post(`/api/v1/dossiers/${d.id}/answer-supplement`)
      .set(as(cast.citizen))
      .send({ comment: 'Đã bổ sung' })
      .expect(200);
    d = answered.body as Dossier;
    const newDueAt = new Date(new Date(d.dueAt!).getTime() + 3 * 86_400_000).toISOString();
    d = await act(cast.specialist, d, 'extend', { reason: 'Cần xác minh tại nơi cư trú', newDueAt });
    d = await act(cast.specialist, d, 'propose-rejection', { reason: 'Không đủ điều kiện đăng ký' });
    d = await act(cast.leader, d, 'approve');
    expect(d).toMatchObject({ status: 'REJECTED', code: expect.stringMatching(/^H12\.05-\d{6}-\d{4}$/) });
  });

  it('gives the owner the receipt (Form 01), at both its addresses', async () => {
    const words = ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 'Nguyễn Văn An', 'Đăng ký khai sinh', 'Giấy chứng sinh', 'ngày', 'tháng'];
    const expected = { fileName: `${d.code}-01.pdf`, code: d.code, words };
    await expectPdf(`/api/v1/dossiers/${d.id}/receipt.pdf`, as(cast.citizen), expected);
    await expectPdf(`/api/v1/dossiers/${d.id}/documents/01.pdf`, as(cast.citizen), expected);
  });

  it.each([
    ['02', ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'Bản sao giấy chứng sinh rõ nét', 'Bản chụp bị mờ']],
    ['03', ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Không đủ điều kiện đăng ký']],
    ['04', ['PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'Cần xác minh tại nơi cư trú']],
    ['06', ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Bên giao', 'Bên nhận']],
  ])('gives the owner Form %s', async (form, words) => {
    await expectPdf(`/api/v1/dossiers/${d.id}/documents/${form}.pdf`, as(cast.citizen), {
      fileName: `${d.code}-${form}.pdf`,
      code: d.code,
      words,
    });
  });

  it('answers 404 for a form whose event did not happen, and for forms that do not exist', async () => {
    const stop = await t.http.get(`/api/v1/dossiers/${d.id}/documents/05.pdf`).set(as(cast.citizen)).expect(404);
    expect(stop.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(stop.body).toMatchObject({ status: 404, code: 'document.notIssued' });
    for (const form of ['07', '1', 'abc']) {
      await t.http.get(`/api/v1/dossiers/${d.id}/documents/${form}.pdf`).set(as(cast.citizen)).expect(404);
    }
  });

  it('gives staff of the agency the documents too', async () => {
    await expectPdf(`/api/v1/dossiers/${d.id}/documents/06.pdf`, as(cast.receptionist), {
      fileName: `${d.code}-06.pdf`,
      code: d.code,
      words: [],
    });
  });

  it('answers 404 to another citizen, to staff of another agency, and for an unknown dossier', async () => {
    for (const token of [cast.otherCitizen, cast.otherReceptionist]) {
      for (const path of ['receipt.pdf', 'documents/02.pdf', 'documents/06.pdf']) {
        const res = await t.http.get(`/api/v1/dossiers/${d.id}/${path}`).set(as(token)).expect(404);
        // The access check comes first: nothing tells whether the document exists.
        expect(res.body.code).not.toBe('document.notIssued');
      }
    }
    await t.http.get('/api/v1/dossiers/00000000-0000-4000-8000-000000000000/receipt.pdf').set(as(cast.citizen)).expect(404);
    await t.http.get('/api/v1/dossiers/not-a-uuid/documents/02.pdf').set(as(cast.citizen)).expect(404);
    await t.http.get(`/api/v1/dossiers/${d.id}/receipt.pdf`).expect(401);
  });

  it('serves the pages with the session cookie, under the same access rules', async () => {
    const words = ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'];
    await expectPdf(`/dossiers/${d.id}/receipt.pdf`, session(cast.citizen), { fileName: `${d.code}-01.pdf`, code: d.code, words });
    await expectPdf(`/dossiers/${d.id}/documents/04.pdf`, session(cast.citizen), {
      fileName: `${d.code}-04.pdf`,
      code: d.code,
      words: ['PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ'],
    });
    await expectPdf(`/dossiers/${d.id}/documents/06.pdf`, session(cast.receptionist), {
      fileName: `${d.code}-06.pdf`,
      code: d.code,
      words: [],
    });
    const other = await t.http.get(`/dossiers/${d.id}/receipt.pdf`).set(session(cast.otherCitizen)).expect(404);
    expect(other.headers['content-type']).toMatch(/^text\/html/);
    await t.http.get(`/dossiers/${d.id}/documents/02.pdf`).set(session(cast.otherReceptionist)).expect(404);
    await t.http.get(`/dossiers/${d.id}/documents/05.pdf`).set(session(cast.citizen)).expect(404);
    const signedOut = await t.http.get(`/dossiers/${d.id}/receipt.pdf`).expect(303);
    expect(signedOut.headers.location).toBe(`/login?next=${encodeURIComponent(`/dossiers/${d.id}/receipt.pdf`)}`);
  });
});

describe('a dossier stopped after an unanswered supplement request', () => {
  it('has the stop notice (Form 05) with the request repeated', async () => {
    let d = await act(cast.receptionist, await submitted(), 'receive');
    d = await act(cast.specialist, d, 'request-supplement', { items: ['Giấy xác nhận cư trú'] });
    await t.http.get(`/api/v1/dossiers/${d.id}/documents/05.pdf`).set(as(cast.citizen)).expect(404);
    // The portal's timer stops it when the time allowed has passed.
    await t.portal.app.get(DossierCommandsService).act('SYSTEM', d.id, 'stop', {});
    await expectPdf(`/api/v1/dossiers/${d.id}/documents/05.pdf`, as(cast.citizen), {
      fileName: `${d.code}-05.pdf`,
      code: d.code,
      words: ['PHIẾU DỪNG GIẢI QUYẾT HỒ SƠ', 'Giấy xác nhận cư trú'],
    });
  });
});

describe('a dossier refused at reception', () => {
  it('has no receipt (404 document.notIssued), and a refusal without a code', async () => {
    const d = await submitted();
    for (const path of ['receipt.pdf', 'documents/01.pdf', 'documents/03.pdf', 'documents/06.pdf']) {
      const res = await t.http.get(`/api/v1/dossiers/${d.id}/${path}`).set(as(cast.citizen)).expect(404);
      expect(res.body.code).toBe('document.notIssued');
    }
    await act(cast.receptionist, d, 'reject', { reason: 'Không thuộc thẩm quyền giải quyết' });
    await expectPdf(`/api/v1/dossiers/${d.id}/documents/03.pdf`, as(cast.citizen), {
      fileName: `ho-so-${d.id.slice(0, 8)}-03.pdf`,
      code: null,
      words: ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Không thuộc thẩm quyền giải quyết', 'Mã hồ sơ: chưa cấp'],
    });
    await t.http.get(`/api/v1/dossiers/${d.id}/receipt.pdf`).set(as(cast.citizen)).expect(404);
  });
});

describe('the OpenAPI description', () => {
  it('lists the document and lookup routes', async () => {
    const { body } = await t.http.get('/api/docs-json').expect(200);
    const paths = Object.keys(body.paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/dossiers/{id}/receipt.pdf', '/api/v1/dossiers/{id}/documents/{form}.pdf', '/api/v1/lookup/{code}']),
    );
    expect(paths.some((p) => p.startsWith('/dossiers/') || p.startsWith('/lookup'))).toBe(false); // the pages stay out
  });
});
