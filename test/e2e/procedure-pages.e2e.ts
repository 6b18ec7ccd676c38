import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/accounts.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';
import { bearer, birthProcedure, publishProcedure, seedProcedureWorld } from '../helpers/procedure-fixtures.js';

const CITIZEN = { email: 'dan@example.vn', citizenId: '001090000777', fullName: 'Phạm Thị Dân' };
const APPLY = '/procedures/1.001193/apply';

let t: TestPortal;
let adminToken: string;

beforeAll(async () => {
  t = await startTestPortal();
  adminToken = await seedProcedureWorld(t, CITIZEN);
  await publishProcedure(t, adminToken, birthProcedure());
  // A draft never published: not in the catalogue.
  await t.http
    .post('/api/v1/admin/procedures')
    .set(bearer(adminToken))
    .send({ ...birthProcedure('2.000001'), name: { vi: 'Thủ tục nháp' } })
    .expect(201);
  // Enough of one sector for two pages of results.
  for (let i = 1; i <= 11; i++) {
    const code = `2.0008${String(i).padStart(2, '0')}`;
    await publishProcedure(t, adminToken, { ...birthProcedure(code), name: { vi: `Chứng thực bản sao số ${i}` }, sector: 'Chứng thực' });
  }
});
afterAll(async () => {
  await t?.close();
});

/** Decodes what Handlebars escapes in attribute values. */
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The hidden inputs of a page (the CSRF token, the flow's markers), as a browser would post them. */
function hiddenInputs(html: string): [string, string][] {
  const pairs = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
    (m) => [m[1], unescape(m[2])] as [string, string],
  );
  return pairs.filter(([name], i) => name !== '_csrf' || pairs.findIndex(([n]) => n === '_csrf') === i);
}

/** The opening tag of the field wrapper of `key`. */
const wrapper = (html: string, key: string) => new RegExp(`<div class="portal-field" data-field="${key}"[^>]*>`).exec(html)?.[0] ?? '';

/** A signed-in browser (its own cookies), signed in through the sign-in page. */
async function browserOf(username: string) {
  const agent = request.agent(t.portal.app.getHttpServer());
  const form = await agent.get('/login').expect(200);
  await agent
    .post('/login')
    .type('form')
    .send(new URLSearchParams([...hiddenInputs(form.text), ['username', username], ['password', PASSWORD]]).toString())
    .expect(303);
  return agent;
}

/** Posts a page's form the way a browser without JavaScript does: its hidden inputs, plus what was typed and the button pressed. */
async function post(agent: ReturnType<typeof request.agent>, html: string, action: string, fields: [string, string][], status: number) {
  const body = new URLSearchParams([...hiddenInputs(html), ...fields]).toString();
  return agent.post(action).type('form').send(body).expect(status);
}

describe('the catalogue', () => {
  it('finds "dang ky khai sinh" without diacritics, with its time, fee and service level', async () => {
    const res = await t.http.get('/procedures?q=dang+ky+khai+sinh').expect(200);
    expect(res.text).toContain('Tìm thấy 1 thủ tục');
    expect(res.text).toContain('<a class="usa-link" href="/procedures/1.001193">Đăng ký khai sinh</a>');
    expect(res.text).toContain('Thời hạn giải quyết: 0,5 ngày làm việc');
    expect(res.text).toContain('Phí, lệ phí: 50.000 đồng');
    expect(res.text).toContain('Toàn trình');
    expect(res.text).toContain('value="dang ky khai sinh"');
    expect(res.text).not.toContain('Thủ tục nháp');
  });

  it('speaks English on request', async () => {
    const res = await t.http.get('/procedures?q=khai+sinh').set('Cookie', 'lang=en').expect(200);
    expect(res.text).toContain('Birth registration');
    expect(res.text).toContain('0.5 working days');
    expect(res.text).toContain('50,000 VND');
    expect(res.text).toContain('Full online');
  });

  it('offers sector, level and agency filters and keeps the search across pages', async () => {
    const first = await t.http.get(`/procedures?sector=${encodeURIComponent('Chứng thực')}`).expect(200);
    expect(first.text).toContain('Tìm thấy 11 thủ tục');
    expect(first.text).toContain('trang 1/2');
    expect(first.text).toContain('<option value="Chứng thực" selected>Chứng thực</option>');
    expect(first.text).toContain('<option value="COMMUNE">Xã, phường</option>');
    expect(first.text).toMatch(/<optgroup label="Agency H12">\s*<option value="H12">Agency H12<\/option><option value="H12.05">/);
    const next = /<a href="([^"]+)" rel="next">/.exec(first.text)?.[1];
    expect(unescape(next!)).toBe('/procedures?sector=Ch%E1%BB%A9ng+th%E1%BB%B1c&page=2');
    const second = await t.http.get(unescape(next!)).expect(200);
    expect(second.text).toContain('trang 2/2');
    expect(second.text.match(/usa-collection__item/g)).toHaveLength(1);
    expect(unescape(/<a href="([^"]+)" rel="prev">/.exec(second.text)![1])).toBe('/procedures?sector=Ch%E1%BB%A9ng+th%E1%BB%B1c');
    await t.http.get('/procedures?level=DISTRICT').expect(422);
  });

  it('says so when nothing matches', async () => {
    const res = await t.http.get('/procedures?q=khong+co+thu+tuc+nay').expect(200);
    expect(res.text).toContain('Tìm thấy 0 thủ tục');
    expect(res.text).toContain('Không tìm thấy thủ tục nào phù hợp');
  });

  it('is searched from the home page and linked from the header', async () => {
    const home = await t.http.get('/').expect(200);
    expect(home.text).toMatch(/<form class="usa-search usa-search--big" role="search" method="get" action="\/procedures">/);
    expect(home.text).toContain('<a class="usa-nav-link" href="/procedures"><span>Thủ tục hành chính</span></a>');
  });
});

describe('the procedure page', () => {
  it('tells a citizen everything: time, fee, documents, steps, legal basis, and how to apply', async () => {
    const res = await t.http.get('/procedures/1.001193').expect(200);
    const text = res.text;
    expect(text).toContain('<h1>Đăng ký khai sinh</h1>');
    for (const fact of [
      'Hộ tịch',
      'Agency H12.05',
      '0,5 ngày làm việc',
      '50.000 đồng — Nộp trước khi nhận kết quả',
      'Hộ nghèo',
      'Giấy chứng sinh',
      'Tệp PDF, JPEG, PNG, tối đa 10 MB.',
      'Không cần nộp: hệ thống dùng dữ liệu số định danh cá nhân trong tài khoản của bạn.',
      'Tiếp nhận hồ sơ',
      'Cán bộ một cửa · thời hạn 1 giờ làm việc',
      'Luật Hộ tịch số 60/2014/QH13',
    ]) {
      expect(text).toContain(fact);
    }
    expect(text).toContain(`href="${APPLY}">Nộp hồ sơ trực tuyến</a>`);
  });

  it('answers 404 for an unknown or unpublished code', async () => {
    const unknown = await t.http.get('/procedures/9.999999').expect(404);
    expect(unknown.text).toContain('Không có thủ tục với mã này.');
    await t.http.get('/procedures/2.000001').expect(404);
    await t.http.get('/procedures/2.000001/apply').expect(303);
  });
});

describe('applying without JavaScript', () => {
  it('sends an anonymous visitor to sign in first', async () => {
    const res = await t.http.get(APPLY).expect(303);
    expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(APPLY)}`);
  });

  it('goes page by page on a draft, with errors, conditional fields, saved answers and a review', async () => {
    const citizen = await browserOf(CITIZEN.citizenId);

    // Starting creates the draft (the procedure has one agency: nothing to choose), then page 1.
    const start = await citizen.get(APPLY).expect(200);
    expect(start.text).toContain('<h1>Nộp hồ sơ: Đăng ký khai sinh</h1>');
    const created = await post(citizen, start.text, APPLY, [], 303);
    const id = /^\/dossiers\/([0-9a-f-]{36})\/edit\?page=1$/.exec(created.headers.location)![1];
    const EDIT = `/dossiers/${id}/edit`;
    const saved = async () =>
      (await t.query<{ form_data: Record<string, unknown> }>(`SELECT form_data FROM dossier WHERE id = $1`, [id]))[0].form_data;

    // Page 1: accessible controls, the conditional field rendered but hidden.
    const page1 = await citizen.get(`${EDIT}?page=1`).expect(200);
    expect(page1.text).toContain('<h1>Thông tin trẻ</h1>');
    expect(page1.text).toContain('Bước 1/4');
    expect(page1.text).toMatch(/<label class="usa-label" for="f-childName">Họ tên trẻ <span class="usa-hint">\(bắt buộc\)<\/span>/);
    expect(page1.text).toMatch(/id="f-birthDate" name="birthDate" type="date"/);
    expect(page1.text).toMatch(/<legend class="usa-legend">Giới tính/);
    expect(page1.text).toContain('id="f-gender-1" type="radio" name="gender" value="M"');
    expect(wrapper(page1.text, 'fatherCitizenId')).toContain('hidden');
    expect(unescape(wrapper(page1.text, 'fatherCitizenId'))).toContain(`data-show-if="{"field":"hasFather","equals":true}"`);
    expect(page1.text).toMatch(/id="f-fatherCitizenId" name="fatherCitizenId" type="text"[\s\S]*?inputmode="numeric"/);
    expect(page1.text).toContain('aria-describedby="f-fatherCitizenId-hint"');
    expect(page1.text).toMatch(/<noscript>[\s\S]*name="_action" value="update"[\s\S]*<\/noscript>/);

    // Nothing filled: 422, the summary links to each control, errors beside the fields.
    const empty = await post(citizen, page1.text, `${EDIT}?page=1`, [['_action', 'next']], 422);
    expect(empty.text).toContain('Có lỗi cần sửa');
    expect(empty.text).toContain('<a href="#f-childName">Họ tên trẻ: Vui lòng nhập thông tin này.</a>');
    expect(empty.text).toContain('<a href="#f-gender-1">Giới tính: Vui lòng chọn một giá trị.</a>');
    expect(empty.text).toMatch(/id="f-childName"[^>]*aria-invalid="true"[^>]*aria-describedby="f-childName-error"/);
    expect(empty.text).toContain('<span class="usa-error-message" id="f-childName-error">Vui lòng nhập thông tin này.</span>');
    expect(empty.text).not.toContain('#f-relationship'); // page 2's errors wait for page 2
    expect(empty.text).toContain('<title>Lỗi: Thông tin trẻ');

    // "Update": saved, then the page again with the father's ID shown; nothing is judged, what was typed stays.
    const typed: [string, string][] = [
      ['childName', 'Nguyễn Văn An'],
      ['birthDate', '2025-03-15'],
      ['gender', 'M'],
      ['hasFather', 'true'],
    ];
    const update = await post(citizen, empty.text, `${EDIT}?page=1`, [...typed, ['_action', 'update']], 303);
    expect(update.headers.location).toBe(`${EDIT}?page=1`);
    const updated = await citizen.get(update.headers.location).expect(200);
    expect(wrapper(updated.text, 'fatherCitizenId')).not.toContain('hidden');
    expect(updated.text).not.toContain('Có lỗi cần sửa');
    expect(updated.text).toContain('value="Nguyễn Văn An"');
    expect(updated.text).toContain('value="M" checked');
    expect(updated.text).toMatch(/name="hasFather" value="true" checked/);
    expect(await saved()).toEqual(Object.fromEntries(typed));

    // A bad ID is refused; a good one leads to page 2, page 1's answers saved in the draft.
    const badId = await post(citizen, updated.text, `${EDIT}?page=1`, [...typed, ['fatherCitizenId', '123'], ['_action', 'next']], 422);
    expect(badId.text).toContain('href="#f-fatherCitizenId"');
    const fatherId: [string, string] = ['fatherCitizenId', '001080000123'];
    const toPage2 = await post(citizen, badId.text, `${EDIT}?page=1`, [...typed, fatherId, ['_action', 'next']], 303);
    expect(toPage2.headers.location).toBe(`${EDIT}?page=2`);
    const page2 = await citizen.get(toPage2.headers.location).expect(200);
    expect(page2.text).toContain('<h1>Người đi khai</h1>');
    expect(unescape(page2.text)).toContain(`action="${EDIT}?page=2"`);
    expect(page2.text).not.toContain('name="childName"'); // no answers carried in hidden inputs: they are in the draft
    expect(await saved()).toMatchObject({ childName: 'Nguyễn Văn An', hasFather: 'true', fatherCitizenId: '001080000123' });
    expect(page2.text).toContain('<optgroup label="Agency H12" data-parent="H12">');

    // "Other" reveals its description on the round-trip, and it is required; a commune of another province is refused.
    const declarant: [string, string][] = [
      ['relationship', 'other'],
      ['residence.provinceCode', 'H12'],
      ['residence.communeCode', 'H13.01'],
      ['residence.detail', 'Số 1 đường Lê Lợi'],
    ];
    const other = await post(citizen, page2.text, `${EDIT}?page=2`, [...declarant, ['_action', 'next']], 422);
    expect(wrapper(other.text, 'relationshipOther')).not.toContain('hidden');
    expect(other.text).toContain('<a href="#f-relationshipOther">Quan hệ khác: Vui lòng nhập thông tin này.</a>');
    expect(other.text).toMatch(/<a href="#f-residence-commune">Nơi cư trú: [^<]+<\/a>/);
    expect(other.text).toContain('id="f-residence-commune-error"');

    // "Back" saves this page's answers and shows page 1 as it was.
    const back = await post(citizen, other.text, `${EDIT}?page=2`, [...declarant, ['_action', 'back']], 303);
    expect(back.headers.location).toBe(`${EDIT}?page=1`);
    expect((await citizen.get(back.headers.location).expect(200)).text).toContain('value="001080000123"');
    expect(await saved()).toMatchObject({ relationship: 'other' });

    // Everything right: on to the documents, then "check your answers", page by page.
    const fixed: [string, string][] = [
      ['relationship', 'other'],
      ['relationshipOther', 'Bà ngoại'],
      ['email', 'dan@example.vn'],
      ['residence.provinceCode', 'H12'],
      ['residence.communeCode', 'H12.06'],
      ['residence.detail', 'Số 1 đường Lê Lợi'],
    ];
    const toFiles = await post(citizen, other.text, `${EDIT}?page=2`, [...fixed, ['_action', 'next']], 303);
    expect(toFiles.headers.location).toBe(`/dossiers/${id}/files`);
    const review = await citizen.get(`/dossiers/${id}/review`).expect(200);
    expect(review.text).toContain('<h1>Kiểm tra thông tin</h1>');
    const rows = [
      ...review.text.matchAll(/<dt class="portal-summary-list__key">([^<]+)<\/dt>\s*<dd class="portal-summary-list__value">([^<]*)<\/dd>/g),
    ].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ['Họ tên trẻ', 'Nguyễn Văn An'],
      ['Ngày sinh', '15/03/2025'],
      ['Giới tính', 'Nam'],
      ['Có thông tin cha', 'Có'],
      ['Số định danh của cha', '001080000123'],
      ['Quan hệ với trẻ', 'Khác'],
      ['Quan hệ khác', 'Bà ngoại'],
      ['Thư điện tử', 'dan@example.vn'],
      ['Nơi cư trú', 'Số 1 đường Lê Lợi, Agency H12.06, Agency H12'],
    ]);
    expect(review.text).toContain('<h2 id="review-section-1">Thông tin trẻ</h2>');
    expect(unescape(review.text)).toContain(`href="${EDIT}?page=2&review=1">Sửa<span class="usa-sr-only"> Quan hệ khác</span>`);
    expect(review.text).toContain('Giấy chứng sinh');
    expect(review.text).toContain('<strong>50.000 đồng</strong>. Nộp trước khi nhận kết quả.');
    expect(review.text).toContain(`action="/dossiers/${id}/submit"`);

    // "Change" opens the page with its answers; continuing returns straight to the review.
    const change = await citizen.get(`${EDIT}?page=1&review=1`).expect(200);
    expect(change.text).toContain('<h1>Thông tin trẻ</h1>');
    expect(change.text).toContain('<input type="hidden" name="_review" value="1">');
    const again = await post(
      citizen,
      change.text,
      `${EDIT}?page=1`,
      [...typed.filter(([k]) => k !== 'hasFather'), ['_action', 'next']],
      303,
    );
    expect(again.headers.location).toBe(`/dossiers/${id}/review`);
    const reviewed = await citizen.get(again.headers.location).expect(200);
    expect(reviewed.text).not.toContain('Số định danh của cha'); // unticked: the father's ID is hidden, so dropped
    expect(reviewed.text).toContain('Có thông tin cha</dt>\n          <dd class="portal-summary-list__value">Không</dd>');

    // Submitting checks everything: the birth certificate is still missing, and the link goes to its upload.
    const refused = await post(citizen, reviewed.text, `/dossiers/${id}/submit`, [], 422);
    expect(refused.text).toContain(`<a href="/dossiers/${id}/files#file-GCS">Giấy chứng sinh: `);
    expect(refused.text).not.toContain('Họ tên trẻ: ');
  });

  it('refuses a post without the CSRF token', async () => {
    const citizen = await browserOf(CITIZEN.email);
    const start = await citizen.get(APPLY).expect(200);
    await citizen.post(APPLY).type('form').send('agencyCode=H12.05').expect(403);
    const created = await post(citizen, start.text, APPLY, [], 303);
    await citizen.post(created.headers.location).type('form').send('childName=X').expect(403);
  });
});

describe('the administrator', () => {
  it('writes a procedure in the JSON editor: errors with their paths, the text kept, a preview, then publishes it', async () => {
    const admin = await browserOf('quantri@tinh.gov.vn');
    const list = await admin.get('/admin/procedures').expect(200);
    expect(list.text).toContain('<a class="usa-link" href="/admin/procedures/1.001193">1.001193</a>');
    expect(list.text).toContain('<a class="usa-nav-link" href="/admin/procedures"><span>Thủ tục</span></a>');

    const blank = await admin.get('/admin/procedures/new').expect(200);
    expect(blank.text).toContain('&quot;code&quot;: &quot;1.000000&quot;');
    expect(blank.text).toContain('id="preview-fullName"');

    const bad = birthProcedure('3.000001') as Record<string, unknown> & ReturnType<typeof birthProcedure>;
    (bad.form.fields[1] as { type: string }).type = 'colour';
    bad.workflow.steps[0].share = 0.9;
    const badJson = JSON.stringify(bad, null, 2);
    const refused = await post(
      admin,
      blank.text,
      '/admin/procedures/new',
      [
        ['json', badJson],
        ['_action', 'save'],
      ],
      422,
    );
    expect(refused.text).toContain('Có lỗi cần sửa');
    expect(refused.text).toMatch(/<a href="#json">form\.fields\[1\]\.type: [^<]+<\/a>/);
    expect(refused.text).toMatch(/<a href="#json">workflow\.steps[^:]*: [^<]+<\/a>/);
    expect(refused.text).toContain('aria-invalid="true"');
    expect(refused.text).toContain('&quot;colour&quot;');
    expect(await t.query(`SELECT 1 FROM procedure WHERE code = '3.000001'`)).toEqual([]);

    const syntax = await post(
      admin,
      blank.text,
      '/admin/procedures/new',
      [
        ['json', '{\n  "code": "3.000001",\n}'],
        ['_action', 'save'],
      ],
      422,
    );
    expect(syntax.text).toContain('<a href="#json">$: Nội dung không phải JSON hợp lệ (dòng 3, cột 1).</a>');

    const good = JSON.stringify({ ...birthProcedure('3.000001'), name: { vi: 'Thủ tục thử', en: 'Test procedure' } });
    const preview = await post(
      admin,
      blank.text,
      '/admin/procedures/new',
      [
        ['json', good],
        ['_action', 'preview'],
      ],
      200,
    );
    expect(preview.text).toContain('id="preview-childName"');
    expect(preview.text).toContain('<h3 class="portal-preview__page">Người đi khai</h3>');
    expect(await t.query(`SELECT 1 FROM procedure WHERE code = '3.000001'`)).toEqual([]);

    const fragment = await post(admin, blank.text, '/admin/procedures/preview', [['json', good]], 200);
    expect(fragment.text).not.toContain('<html');
    expect(fragment.text).toContain('id="preview-fatherCitizenId"');

    const created = await post(
      admin,
      blank.text,
      '/admin/procedures/new',
      [
        ['json', good],
        ['_action', 'save'],
      ],
      303,
    );
    expect(created.headers.location).toBe('/admin/procedures/3.000001');
    const page = await admin.get('/admin/procedures/3.000001').expect(200);
    expect(page.text).toContain('Đã tạo thủ tục 3.000001 (bản nháp).');
    expect(page.text).toContain('href="/admin/procedures/3.000001/versions/1/publish"');

    const confirm = await admin.get('/admin/procedures/3.000001/versions/1/publish').expect(200);
    expect(confirm.text).toContain('Sau khi công bố, phiên bản này không thể sửa');
    await post(admin, confirm.text, '/admin/procedures/3.000001/versions/1/publish', [], 303);
    await t.http.get('/procedures/3.000001').expect(200);

    // A published version is read-only; a new draft is a copy, edited, then compared.
    const readOnly = await admin.get('/admin/procedures/3.000001/versions/1/edit').expect(200);
    expect(readOnly.text).toMatch(/<textarea[^>]*readonly/);
    expect(readOnly.text).not.toContain('action="/admin/procedures/3.000001/versions/1/edit"');
    const versions = await admin.get('/admin/procedures/3.000001').expect(200);
    const draft = await post(admin, versions.text, '/admin/procedures/3.000001/versions', [], 303);
    expect(draft.headers.location).toBe('/admin/procedures/3.000001/versions/2/edit');
    const editor = await admin.get('/admin/procedures/3.000001/versions/2/edit').expect(200);
    const changed = JSON.stringify({ ...JSON.parse(good), fee: { amount: 8000, currency: 'VND', payWhen: 'ON_SUBMIT' } });
    await post(
      admin,
      editor.text,
      '/admin/procedures/3.000001/versions/2/edit',
      [
        ['json', changed],
        ['_action', 'save'],
      ],
      303,
    );
    const diff = await admin.get('/admin/procedures/3.000001/diff?from=1&to=2').expect(200);
    expect(diff.text).toMatch(
      /<tr class="portal-diff--changed">\s*<th scope="row"><code>fee\.amount<\/code><\/th>\s*<td><span class="usa-tag portal-diff__tag--changed">Sửa<\/span><\/td>\s*<td><pre class="portal-diff__value">50000<\/pre><\/td>\s*<td><pre class="portal-diff__value">8000<\/pre>/,
    );
    expect(diff.text).toContain('<code>fee.exemptions</code>');
  });

  it('keeps the editor from citizens', async () => {
    const citizen = await browserOf(CITIZEN.email);
    await citizen.get('/admin/procedures').expect(403);
    await citizen.get('/admin/procedures/new').expect(403);
  });
});
