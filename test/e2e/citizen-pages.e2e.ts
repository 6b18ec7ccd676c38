import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACT } from '../../src/observability/logger.js';
import { PDF, setUpCast, simpleProcedure, type Cast } from '../helpers/dossier-fixtures.js';
import { csrfOf, follow, postForm, signedInAgent, summaryRows, text, unescapeHtml, type PageAgent } from '../helpers/page-agent.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';
import { bearer, birthProcedure } from '../helpers/procedure-fixtures.js';

/** One page: the child's name, a father's ID shown when the box is ticked; GCS to upload, the ID card replaced by the profile. */
const SIMPLE = '1.001193';
/** Two pages (child, declarant with an address), served by two communes. */
const TWO_AGENCIES = '1.000002';

let t: TestPortal;
let cast: Cast;
let citizen: PageAgent;
/** What the portal logs: a multipart form's CSRF token (in its URL) must not be in it. */
const logLines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  t = await startTestPortal({}, pino({ level: 'info', redact: { paths: REDACT, censor: '[redacted]' } }, sink));
  cast = await setUpCast(t, simpleProcedure(SIMPLE));
  const procedure = { ...birthProcedure(TWO_AGENCIES), agencyCodes: ['H12.05', 'H12.06'] };
  await t.http.post('/api/v1/admin/procedures').set(bearer(cast.admin)).send(procedure).expect(201);
  await t.http.post(`/api/v1/admin/procedures/${TWO_AGENCIES}/versions/1/publish`).set(bearer(cast.admin)).expect(200);
  citizen = await signedInAgent(t, 'an@example.vn');
});
afterAll(async () => {
  await t?.close();
});

const dossierOf = async (id: string) =>
  (
    await t.query<{ status: string; form_data: Record<string, unknown>; code: string | null }>(`SELECT * FROM dossier WHERE id = $1`, [id])
  )[0];

/** Starts an application through the start page; returns the new draft's id. */
async function startDraft(code: string, agency?: string): Promise<string> {
  const start = await citizen.get(`/procedures/${code}/apply`).expect(200);
  const created = await postForm(citizen, start.text, `/procedures/${code}/apply`, agency ? [['agencyCode', agency]] : [], 303);
  const id = /^\/dossiers\/([0-9a-f-]{36})\/edit\?page=1$/.exec(created.headers.location)?.[1];
  expect(id, created.headers.location).toBeDefined();
  return id!;
}

/** Uploads a file as the documents page's multipart form does: the CSRF token in the action's query. */
async function upload(id: string, fromHtml: string, componentCode: string, bytes: Buffer, name: string, status: number) {
  const action = unescapeHtml(new RegExp(`action="(/dossiers/${id}/files\\?_csrf=[^"]+)"`).exec(fromHtml)?.[1] ?? '');
  expect(action).toContain('?_csrf=');
  return citizen.post(action).field('componentCode', componentCode).attach('file', bytes, name).expect(status);
}

/** A draft of the one-page procedure, filled, its birth certificate uploaded, submitted through the pages. */
async function submittedDossier(childName = 'Nguyễn Bé Na'): Promise<string> {
  const id = await startDraft(SIMPLE);
  const page = await citizen.get(`/dossiers/${id}/edit?page=1`).expect(200);
  await postForm(citizen, page.text, `/dossiers/${id}/edit?page=1`, [['childName', childName]], 303);
  const files = await citizen.get(`/dossiers/${id}/files`).expect(200);
  await upload(id, files.text, 'GCS', PDF, 'giay-chung-sinh.pdf', 303);
  const review = await citizen.get(`/dossiers/${id}/review`).expect(200);
  await postForm(citizen, review.text, `/dossiers/${id}/submit`, [], 303);
  return id;
}

const act = (token: string, id: string, action: string, body: Record<string, unknown>) =>
  t.http.post(`/api/v1/dossiers/${id}/actions/${action}`).set(bearer(token)).send(body);
const versionOf = async (id: string) =>
  (await t.http.get(`/api/v1/dossiers/${id}`).set(bearer(cast.citizen)).expect(200)).body.version as number;

describe('starting an application', () => {
  it('sends an anonymous visitor to sign in, then shows the start page', async () => {
    const anonymous = await t.http.get(`/procedures/${SIMPLE}/apply`).expect(303);
    expect(anonymous.headers.location).toBe(`/login?next=${encodeURIComponent(`/procedures/${SIMPLE}/apply`)}`);
    const start = await citizen.get(`/procedures/${SIMPLE}/apply`).expect(200);
    expect(start.text).toContain('<h1>Nộp hồ sơ: Đăng ký khai sinh</h1>');
    // One agency: named, nothing to choose.
    expect(start.text).toContain('<strong>Cơ quan giải quyết:</strong> Agency H12.05');
    expect(start.text).not.toContain('type="radio"');
  });

  it('asks which agency when several serve the procedure, then creates the draft there', async () => {
    const start = await citizen.get(`/procedures/${TWO_AGENCIES}/apply`).expect(200);
    expect(start.text).toContain('<legend class="usa-legend">Chọn cơ quan giải quyết hồ sơ của bạn');
    expect(start.text).toContain('id="agency-1" type="radio" name="agencyCode" value="H12.05"');
    expect(start.text).toContain('id="agency-2" type="radio" name="agencyCode" value="H12.06"');

    const refused = await postForm(citizen, start.text, `/procedures/${TWO_AGENCIES}/apply`, [], 422);
    expect(refused.text).toContain('<a href="#agency-1">Cơ quan giải quyết: Vui lòng chọn cơ quan giải quyết.</a>');
    expect(refused.text).toContain('id="agency-error">Vui lòng chọn cơ quan giải quyết.</span>');
    const stranger = await postForm(citizen, start.text, `/procedures/${TWO_AGENCIES}/apply`, [['agencyCode', 'H12']], 422);
    expect(stranger.text).toContain('Cơ quan này không giải quyết thủ tục đã chọn.');

    const id = await startDraft(TWO_AGENCIES, 'H12.06');
    const [row] = await t.query<{ status: string; agency: string; channel: string }>(
      `SELECT d.status, a.code AS agency, d.channel FROM dossier d JOIN agency a ON a.id = d.agency_id WHERE d.id = $1`,
      [id],
    );
    expect(row).toEqual({ status: 'DRAFT', agency: 'H12.06', channel: 'ONLINE' });
    const page1 = await citizen.get(`/dossiers/${id}/edit?page=1`).expect(200);
    expect(page1.text).toContain('Đã tạo bản nháp. Thông tin bạn khai được lưu sau mỗi trang.');
    expect(page1.text).toContain('<h1>Thông tin trẻ</h1>');
    expect(page1.text).toContain('Bước 1/4'); // two pages, the documents, the review

    // Coming back to the procedure offers the draft already begun.
    const again = await citizen.get(`/procedures/${TWO_AGENCIES}/apply`).expect(200);
    expect(unescapeHtml(again.text)).toContain(`href="/dossiers/${id}/edit?page=1">Tiếp tục bản nháp tạo lúc `);
  });
});

describe('filling in the draft', () => {
  it('saves each page to the dossier, redirects on, and sends every field error back to its page', async () => {
    const id = await startDraft(TWO_AGENCIES, 'H12.05');
    const edit = (page: number) => `/dossiers/${id}/edit?page=${page}`;
    const page1 = await citizen.get(edit(1)).expect(200);

    // Errors: shown beside the fields, but what was typed is saved all the same.
    const bad = await postForm(
      citizen,
      page1.text,
      edit(1),
      [
        ['childName', 'Nguyễn Văn An'],
        ['_action', 'next'],
      ],
      422,
    );
    expect(bad.text).toContain('<a href="#f-birthDate">Ngày sinh: Vui lòng nhập thông tin này.</a>');
    expect((await dossierOf(id)).form_data).toEqual({ childName: 'Nguyễn Văn An' });

    const child: [string, string][] = [
      ['childName', 'Nguyễn Văn An'],
      ['birthDate', '2025-03-15'],
      ['gender', 'M'],
      ['hasFather', 'true'],
      ['fatherCitizenId', '001080000123'],
    ];
    const next = await postForm(citizen, bad.text, edit(1), [...child, ['_action', 'next']], 303);
    expect(next.headers.location).toBe(edit(2));
    expect((await dossierOf(id)).form_data).toEqual(Object.fromEntries(child));

    // Back keeps this page's answers; the last page leads to the documents.
    const page2 = await follow(citizen, next);
    expect(page2.text).toContain('<h1>Người đi khai</h1>');
    const declarant: [string, string][] = [
      ['relationship', 'mother'],
      ['residence.provinceCode', 'H12'],
      ['residence.communeCode', 'H12.05'],
      ['residence.detail', 'Số 1 đường Lê Lợi'],
    ];
    const back = await postForm(citizen, page2.text, edit(2), [...declarant, ['_action', 'back']], 303);
    expect(back.headers.location).toBe(edit(1));
    expect((await dossierOf(id)).form_data).toMatchObject({ relationship: 'mother' });
    expect((await follow(citizen, back)).text).toContain('value="001080000123"');
    const files = await postForm(citizen, page2.text, edit(2), [...declarant, ['_action', 'next']], 303);
    expect(files.headers.location).toBe(`/dossiers/${id}/files`);

    // "Check your answers", each row with a link back to its page.
    const review = await citizen.get(`/dossiers/${id}/review`).expect(200);
    expect(summaryRows(review.text).slice(0, 5)).toEqual([
      ['Họ tên trẻ', 'Nguyễn Văn An'],
      ['Ngày sinh', '15/03/2025'],
      ['Giới tính', 'Nam'],
      ['Có thông tin cha', 'Có'],
      ['Số định danh của cha', '001080000123'],
    ]);
    expect(unescapeHtml(review.text)).toContain(`href="${edit(1)}&review=1">Sửa<span class="usa-sr-only"> Họ tên trẻ</span>`);
    expect(summaryRows(review.text)).toContainEqual(['Giấy chứng sinh (bắt buộc)', 'Chưa tải lên']);

    // Changing an answer from the review returns straight to it; unticking drops the father's ID.
    const change = await citizen.get(`${edit(1)}&review=1`).expect(200);
    expect(change.text).toContain('<input type="hidden" name="_review" value="1">');
    const changed = await postForm(
      citizen,
      change.text,
      edit(1),
      [...child.filter(([k]) => k !== 'hasFather'), ['_review', '1'], ['_action', 'next']],
      303,
    );
    expect(changed.headers.location).toBe(`/dossiers/${id}/review`);
    expect((await dossierOf(id)).form_data).not.toHaveProperty('fatherCitizenId');

    // "Save and come back later" saves and goes to the dossier's page.
    const saved = await postForm(citizen, change.text, edit(1), [...child, ['_action', 'save']], 303);
    expect(saved.headers.location).toBe(`/dossiers/${id}`);
    expect((await follow(citizen, saved)).text).toContain('Đã lưu bản nháp.');
  });

  it('refuses a post without the CSRF token', async () => {
    const id = await startDraft(SIMPLE);
    await citizen.post(`/dossiers/${id}/edit?page=1`).type('form').send('childName=X').expect(403);
  });
});

describe('uploading the documents', () => {
  it('takes a multipart form whose CSRF token is in the query, and checks the file by its content', async () => {
    const id = await startDraft(SIMPLE);
    const files = await citizen.get(`/dossiers/${id}/files`).expect(200);
    expect(files.text).toContain('enctype="multipart/form-data"');
    expect(files.text).toContain('Đã có dữ liệu: số định danh cá nhân trong tài khoản của bạn. Không cần tải lên.');
    expect(files.text).toContain(
      '<label class="usa-label" for="file-GCS">Chọn tệp<span class="usa-sr-only">: Giấy chứng sinh</span></label>',
    );
    expect(files.text).toContain('accept="application/pdf,image/png"');
    expect(files.text).not.toContain('id="file-CCCD"'); // replaced by data: nothing to upload

    // No token, or a token in the body (read only after the guard): refused.
    await citizen.post(`/dossiers/${id}/files`).field('componentCode', 'GCS').attach('file', PDF, 'a.pdf').expect(403);
    await citizen
      .post(`/dossiers/${id}/files`)
      .field('_csrf', csrfOf(files.text))
      .field('componentCode', 'GCS')
      .attach('file', PDF, 'a.pdf')
      .expect(403);
    // The query token of a form post that is not multipart does not count.
    await citizen
      .post(`/dossiers/${id}/edit?page=1&_csrf=${encodeURIComponent(csrfOf(files.text))}`)
      .type('form')
      .send('childName=X')
      .expect(403);

    const fake = await upload(id, files.text, 'GCS', Buffer.from('<html>not a pdf</html>'), 'fake.pdf', 422);
    expect(fake.text).toContain('<a href="#file-GCS">Giấy chứng sinh: Loại tệp không được chấp nhận: chỉ nhận tệp PDF, PNG.</a>');
    expect(fake.text).toContain('id="file-GCS-error">Loại tệp không được chấp nhận');
    expect(fake.text).toMatch(/id="file-GCS"[^>]*aria-describedby="file-GCS-hint file-GCS-error"[^>]*aria-invalid="true"/);
    const empty = await citizen
      .post(unescapeHtml(/action="([^"]+_csrf=[^"]+)"/.exec(files.text)![1]))
      .field('componentCode', 'GCS')
      .expect(422);
    expect(empty.text).toContain('Giấy chứng sinh: Vui lòng chọn tệp.');

    const done = await upload(id, files.text, 'GCS', PDF, 'Giấy chứng sinh.pdf', 303);
    expect(done.headers.location).toBe(`/dossiers/${id}/files`);
    const after = await follow(citizen, done);
    expect(after.text).toContain('Đã tải lên tệp Giấy chứng sinh.pdf.');
    expect(after.text).toMatch(
      /Đã tải lên: Giấy chứng sinh\.pdf<\/strong> <span class="text-base-dark">\(69 B, \d\d\/\d\d\/\d{4} \d\d:\d\d\)/,
    );
    expect(after.text).toContain('Tải lên tệp khác thay thế');
    const [file] = await t.query<{ file_name: string; source: string }>(
      `SELECT file_name, source FROM dossier_file WHERE dossier_id = $1`,
      [id],
    );
    expect(file).toEqual({ file_name: 'Giấy chứng sinh.pdf', source: 'UPLOAD' });

    // The token in the URL stays out of the logs.
    const urls = logLines.map((l) => (JSON.parse(l) as { req?: { url?: string } }).req?.url ?? '');
    expect(urls).toContain(`/dossiers/${id}/files?_csrf=[redacted]`);
    expect(logLines.join('\n')).not.toContain(encodeURIComponent(csrfOf(files.text)));
  });
});

describe('submitting', () => {
  it('lists every problem linked to where it is fixed (422), then submits and confirms (303)', async () => {
    const id = await startDraft(SIMPLE);
    const review = await citizen.get(`/dossiers/${id}/review`).expect(200);
    const refused = await postForm(citizen, review.text, `/dossiers/${id}/submit`, [], 422);
    expect(refused.text).toContain('<title>Lỗi: Kiểm tra thông tin');
    const links = [...unescapeHtml(refused.text).matchAll(/<li><a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      [`/dossiers/${id}/edit?page=1&review=1&check=1#f-childName`, 'Họ tên trẻ: Vui lòng nhập thông tin này.'],
      [`/dossiers/${id}/files#file-GCS`, expect.stringMatching(/^Giấy chứng sinh: /)],
    ]);
    expect((await dossierOf(id)).status).toBe('DRAFT');

    // The link opens the page with the error beside the field.
    const fix = await citizen.get(`/dossiers/${id}/edit?page=1&review=1&check=1`).expect(200);
    expect(fix.text).toContain('<span class="usa-error-message" id="f-childName-error">Vui lòng nhập thông tin này.</span>');
    const back = await postForm(
      citizen,
      fix.text,
      `/dossiers/${id}/edit?page=1`,
      [
        ['childName', 'Trần Bé Mai'],
        ['_review', '1'],
      ],
      303,
    );
    expect(back.headers.location).toBe(`/dossiers/${id}/review`);
    const files = await citizen.get(`/dossiers/${id}/files`).expect(200);
    await upload(id, files.text, 'GCS', PDF, 'gcs.pdf', 303);

    const again = await citizen.get(`/dossiers/${id}/review`).expect(200);
    const submitted = await postForm(citizen, again.text, `/dossiers/${id}/submit`, [], 303);
    expect(submitted.headers.location).toBe(`/dossiers/${id}/submitted`);
    const confirmation = await follow(citizen, submitted);
    expect(confirmation.text).toContain('<h1 class="usa-alert__heading">Hồ sơ đã được nộp</h1>');
    expect(confirmation.text).toMatch(/Hồ sơ Đăng ký khai sinh đã được gửi đến Agency H12.05 lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\./);
    expect(confirmation.text).toContain('trong vòng 8 giờ làm việc');
    expect(confirmation.text).toContain(`href="/dossiers/${id}">Xem hồ sơ</a>`);
    expect(await dossierOf(id)).toMatchObject({ status: 'SUBMITTED', form_data: { childName: 'Trần Bé Mai', hasFather: false } });

    // No more changes: the form pages lead to the dossier's page.
    expect((await citizen.get(`/dossiers/${id}/edit?page=1`).expect(303)).headers.location).toBe(`/dossiers/${id}`);
    expect((await citizen.get(`/dossiers/${id}/review`).expect(303)).headers.location).toBe(`/dossiers/${id}`);
    await postForm(citizen, again.text, `/dossiers/${id}/submit`, [], 409);
  });
});

describe('my dossiers and a dossier’s page', () => {
  it('lists the citizen’s dossiers (not another’s), with status words, dates, a status filter and pages', async () => {
    const submittedId = await submittedDossier('Lê Bé Hoa');
    const other = await t.http
      .post('/api/v1/dossiers')
      .set(bearer(cast.otherCitizen))
      .send({ procedureCode: SIMPLE, agencyCode: 'H12.05' })
      .expect(201);

    const list = await citizen.get('/dossiers').expect(200);
    expect(list.text).toContain('<h1>Hồ sơ của tôi</h1>');
    expect(list.text).toContain('<a class="usa-nav-link" href="/dossiers"><span>Hồ sơ của tôi</span></a>');
    expect(list.text).not.toContain(other.body.id);
    const row = new RegExp(
      `<tr>\\s*<th scope="row">([^<]+)</th>\\s*<td><a class="usa-link" href="/dossiers/${submittedId}">([^<]+)</a></td>\\s*<td>(.*?)</td>\\s*<td>([^<]*)</td>`,
    ).exec(list.text);
    expect(row?.slice(1, 4).map(text)).toEqual(['Chưa có mã', 'Đăng ký khai sinh', 'Chờ tiếp nhận']);
    expect(row?.[4]).toMatch(/^\d\d\/\d\d\/\d{4}$/);
    expect(list.text).toContain('<th scope="row">Bản nháp</th>');

    const filtered = await citizen.get('/dossiers?status=SUBMITTED').expect(200);
    const [{ n }] = await t.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM dossier d JOIN app_user u ON u.id = d.applicant_id WHERE u.email = 'an@example.vn' AND d.status = 'SUBMITTED'`,
    );
    expect(filtered.text).toContain(`Số hồ sơ: ${n}`);
    expect(filtered.text).not.toContain('<th scope="row">Bản nháp</th>');
    expect(filtered.text).toContain('<option value="SUBMITTED" selected>Chờ tiếp nhận</option>');
    expect((await citizen.get('/dossiers?status=WITHDRAWN').expect(200)).text).toContain('Không có hồ sơ nào ở trạng thái này.');
    await citizen.get('/dossiers?status=NOPE').expect(422);

    // More than a page of drafts: a next page that keeps the filter.
    for (let i = 0; i < 20; i++) {
      await t.http.post('/api/v1/dossiers').set(bearer(cast.citizen)).send({ procedureCode: SIMPLE, agencyCode: 'H12.05' }).expect(201);
    }
    const drafts = await citizen.get('/dossiers?status=DRAFT').expect(200);
    expect(drafts.text).toMatch(/Số hồ sơ: \d+ · trang 1\/2/);
    expect(drafts.text.match(/<tr>/g)).toHaveLength(21); // the header and 20 rows
    expect(unescapeHtml(drafts.text)).toContain('<a href="/dossiers?status=DRAFT&page=2" rel="next">Trang sau</a>');
    const second = await citizen.get('/dossiers?status=DRAFT&page=2').expect(200);
    expect(unescapeHtml(second.text)).toContain('<a href="/dossiers?status=DRAFT" rel="prev">Trang trước</a>');
  });

  it('shows the status with what it means and what to do, the dates, the history, the answers, the files and the receipt', async () => {
    const id = await submittedDossier('Phạm Bé Lan');
    const before = await citizen.get(`/dossiers/${id}`).expect(200);
    expect(before.text).toContain('<span class="usa-tag portal-status portal-status--progress">Chờ tiếp nhận</span>');
    expect(before.text).toContain('Bộ phận một cửa trả lời trong vòng 8 giờ làm việc.');
    expect(before.text).toContain('Mã hồ sơ được cấp khi hồ sơ được tiếp nhận.');
    expect(before.text).not.toContain('receipt.pdf');
    expect(before.text).toContain(`href="/dossiers/${id}/withdraw">Rút hồ sơ</a>`);

    await act(cast.receptionist, id, 'receive', { version: await versionOf(id), comment: 'Hồ sơ đầy đủ' }).expect(200);
    const page = await citizen.get(`/dossiers/${id}`).expect(200);
    const { code } = await dossierOf(id);
    expect(code).toMatch(/^H12\.05-\d{6}-\d{4}$/);
    expect(page.text).toContain(`<title>${code} — Đăng ký khai sinh`);
    expect(page.text).toContain('Đang giải quyết</span>');
    expect(page.text).toContain('Bạn không cần làm gì. Theo dõi tiến trình xử lý trên trang này.');
    expect(page.text).not.toContain('/withdraw"'); // received: too late to withdraw
    const rows = Object.fromEntries(summaryRows(page.text));
    expect(rows).toMatchObject({
      'Mã hồ sơ': code,
      'Thủ tục': `Đăng ký khai sinh (${SIMPLE})`,
      'Cơ quan giải quyết': 'Agency H12.05',
      'Hình thức nộp': 'Trực tuyến',
      'Họ tên trẻ': 'Phạm Bé Lan',
      'Phí, lệ phí': 'Miễn phí',
    });
    for (const date of ['Ngày nộp', 'Ngày tiếp nhận', 'Bắt đầu tính thời hạn', 'Ngày hẹn trả kết quả']) {
      expect(rows[date], date).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    }
    expect(rows['Giấy chứng sinh (bắt buộc)']).toBe('Đã tải lên: giay-chung-sinh.pdf');
    expect(rows['Căn cước (bắt buộc)']).toContain('Đã có dữ liệu');
    expect(page.text).toContain(`<a class="usa-link" href="/dossiers/${id}/receipt.pdf">Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)</a>`);

    const steps = [
      ...page.text.matchAll(
        /<h3 class="usa-process-list__heading">([^<]+)<\/h3>\s*<p[^>]*><time datetime="[^"]+">([^<]+)<\/time> · ([^<]+)<\/p>/g,
      ),
    ].map((m) => [m[1], m[3]]);
    expect(steps).toEqual([
      ['Tạo bản nháp', 'Bạn'],
      ['Nộp hồ sơ trực tuyến', 'Bạn'],
      ['Tiếp nhận hồ sơ', 'Cán bộ một cửa'],
    ]);
    expect(page.text).toContain('<strong>Ghi chú:</strong> Hồ sơ đầy đủ');

    // In English too.
    const english = await citizen.get(`/dossiers/${id}`).set('Cookie', 'lang=en').expect(200);
    expect(english.text).toContain('Being processed</span>');
    expect(english.text).toContain('Result due');
    expect(english.text).toContain('Received');
  });
});

describe('answering a supplement request', () => {
  it('at processing: lists what is asked, takes a new file and a changed answer, and restarts the clock', async () => {
    const id = await submittedDossier('Võ Bé Tư');
    await act(cast.receptionist, id, 'receive', { version: await versionOf(id) }).expect(200);
    const items = ['Bản chụp giấy chứng sinh rõ nét hơn', 'Ghi đúng họ tên trẻ'];
    await act(cast.specialist, id, 'request-supplement', { version: await versionOf(id), items, comment: 'Ảnh bị mờ' }).expect(200);

    const page = await citizen.get(`/dossiers/${id}`).expect(200);
    expect(page.text).toContain('Cần bổ sung</span>');
    expect(page.text).toContain(`<li>${items[0]}</li>`);
    expect(page.text).toContain(`href="/dossiers/${id}/supplement">Bổ sung hồ sơ</a>`);
    expect(page.text).toContain(`href="/dossiers/${id}/documents/02.pdf">Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (PDF)</a>`);
    expect(page.text).toMatch(/Hạn bổ sung: \d\d\/\d\d\/\d{4} \d\d:\d\d\./);

    const supplement = await citizen.get(`/dossiers/${id}/supplement`).expect(200);
    expect(supplement.text).toContain('<h1>Bổ sung hồ sơ</h1>');
    expect(supplement.text).toContain(`<li>${items[1]}</li>`);
    expect(supplement.text).toContain('<strong>Ghi chú:</strong> Ảnh bị mờ');

    // A new file: back to the supplement page; it replaces the old one.
    const uploaded = await upload(id, supplement.text, 'GCS', PDF, 'gcs-ro-net.pdf', 303);
    expect(uploaded.headers.location).toBe(`/dossiers/${id}/supplement`);
    const files = await t.query<{ file_name: string; source: string; replaced: boolean }>(
      `SELECT file_name, source, replaced_at IS NOT NULL AS replaced FROM dossier_file WHERE dossier_id = $1 ORDER BY uploaded_at`,
      [id],
    );
    expect(files).toEqual([
      { file_name: 'giay-chung-sinh.pdf', source: 'UPLOAD', replaced: true },
      { file_name: 'gcs-ro-net.pdf', source: 'SUPPLEMENT', replaced: false },
    ]);

    // A changed answer: through the form page, straight back to the supplement page.
    const edit = await citizen.get(`/dossiers/${id}/edit?page=1`).expect(200);
    expect(edit.text).toContain('Bước 1/2');
    expect(edit.text).not.toContain('value="save"'); // "save and come back later" is for drafts
    const changed = await postForm(citizen, edit.text, `/dossiers/${id}/edit?page=1`, [['childName', 'Võ Bé Tư Anh']], 303);
    expect(changed.headers.location).toBe(`/dossiers/${id}/supplement`);

    const again = await follow(citizen, changed);
    expect(summaryRows(again.text)).toContainEqual(['Họ tên trẻ', 'Võ Bé Tư Anh']);
    const sent = await postForm(citizen, again.text, `/dossiers/${id}/supplement`, [['comment', 'Đã gửi bản rõ nét']], 303);
    expect(sent.headers.location).toBe(`/dossiers/${id}`);
    const after = await follow(citizen, sent);
    expect(after.text).toContain('Đã gửi bổ sung hồ sơ.');
    expect(after.text).toContain('Đang giải quyết</span>');
    expect(after.text).toContain('<h3 class="usa-process-list__heading">Nộp bổ sung hồ sơ</h3>');
    expect(after.text).toContain('<strong>Ghi chú:</strong> Đã gửi bản rõ nét');
    expect(after.text).toMatch(/Ngày hẹn trả kết quả mới: \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(await dossierOf(id)).toMatchObject({ status: 'IN_PROGRESS', form_data: { childName: 'Võ Bé Tư Anh' } });
    // Answered: the supplement page is gone.
    expect((await citizen.get(`/dossiers/${id}/supplement`).expect(303)).headers.location).toBe(`/dossiers/${id}`);
  });

  it('at reception: the answer sends the dossier back to the counter; a problem is linked to its fix', async () => {
    const id = await submittedDossier('Đỗ Bé Năm');
    await act(cast.receptionist, id, 'request-supplement', { version: await versionOf(id), items: ['Giấy chứng sinh'] }).expect(200);
    const supplement = await citizen.get(`/dossiers/${id}/supplement`).expect(200);
    const tooLong = await postForm(citizen, supplement.text, `/dossiers/${id}/supplement`, [['comment', 'x'.repeat(2001)]], 422);
    expect(tooLong.text).toContain('<a href="#comment">Ghi chú cho cán bộ: Quá dài.</a>');
    expect(tooLong.text).toContain('<span class="usa-error-message" id="comment-error">Quá dài.</span>');
    expect(tooLong.text).toMatch(
      /<textarea[^>]*id="comment"[^>]*aria-describedby="comment-hint comment-error" aria-invalid="true">x{2001}<\/textarea>/,
    );
    // The name emptied: the supplement cannot be sent, and says where to fix it.
    const edit = await citizen.get(`/dossiers/${id}/edit?page=1`).expect(200);
    await postForm(citizen, edit.text, `/dossiers/${id}/edit?page=1`, [['childName', '']], 422);
    const refused = await postForm(citizen, supplement.text, `/dossiers/${id}/supplement`, [], 422);
    expect(unescapeHtml(refused.text)).toContain(
      `<a href="/dossiers/${id}/edit?page=1&review=1&check=1#f-childName">Họ tên trẻ: Vui lòng nhập thông tin này.</a>`,
    );
    const fixed = await citizen.get(`/dossiers/${id}/edit?page=1`).expect(200);
    await postForm(citizen, fixed.text, `/dossiers/${id}/edit?page=1`, [['childName', 'Đỗ Bé Năm']], 303);
    await postForm(citizen, supplement.text, `/dossiers/${id}/supplement`, [], 303);
    expect((await dossierOf(id)).status).toBe('SUBMITTED');
  });
});

describe('withdrawing', () => {
  it('asks first, then withdraws with the reason in the history; not once decided', async () => {
    const id = await submittedDossier('Hồ Bé Sáu');
    const confirm = await citizen.get(`/dossiers/${id}/withdraw`).expect(200);
    expect(confirm.text).toContain('<h1>Rút hồ sơ</h1>');
    expect(confirm.text).toContain('Hồ sơ đã rút sẽ không được xử lý tiếp');
    expect(confirm.text).toContain(`href="/dossiers/${id}">Không, quay lại hồ sơ</a>`);
    const done = await postForm(citizen, confirm.text, `/dossiers/${id}/withdraw`, [['comment', 'Nộp nhầm thủ tục']], 303);
    const page = await follow(citizen, done);
    expect(page.text).toContain('Đã rút hồ sơ.');
    expect(page.text).toContain('Đã rút</span>');
    expect(page.text).toContain('<h3 class="usa-process-list__heading">Rút hồ sơ</h3>');
    expect(page.text).toContain('<strong>Ghi chú:</strong> Nộp nhầm thủ tục');
    expect(page.text).not.toContain('/withdraw"');
    expect((await dossierOf(id)).status).toBe('WITHDRAWN');
    await citizen.get(`/dossiers/${id}/withdraw`).expect(409);
    await postForm(citizen, confirm.text, `/dossiers/${id}/withdraw`, [], 409);

    // A draft may be withdrawn too.
    const draft = await startDraft(SIMPLE);
    const draftConfirm = await citizen.get(`/dossiers/${draft}/withdraw`).expect(200);
    await postForm(citizen, draftConfirm.text, `/dossiers/${draft}/withdraw`, [], 303);
    expect((await dossierOf(draft)).status).toBe('WITHDRAWN');
  });
});

describe("another person's dossier", () => {
  it('is not found, whoever asks: another citizen or an officer of its agency', async () => {
    const id = await submittedDossier('Bé Bảy');
    const binh = await signedInAgent(t, 'binh@example.vn');
    const officer = await signedInAgent(t, 'motcua@h12.gov.vn');
    for (const agent of [binh, officer]) {
      for (const path of ['', '/edit?page=1', '/files', '/review', '/submitted', '/supplement', '/withdraw']) {
        const res = await agent.get(`/dossiers/${id}${path}`).expect(404);
        expect(res.text).toContain('Không tìm thấy hồ sơ.');
      }
    }
    const page = await binh.get('/dossiers').expect(200);
    await postForm(binh, page.text, `/dossiers/${id}/withdraw`, [], 404);
    await binh.get('/dossiers/not-a-uuid').expect(404);
    expect((await dossierOf(id)).status).toBe('SUBMITTED');
  });

  it('asks a signed-out visitor to sign in', async () => {
    const res = await t.http.get('/dossiers').expect(303);
    expect(res.headers.location).toBe('/login?next=%2Fdossiers');
  });
});
