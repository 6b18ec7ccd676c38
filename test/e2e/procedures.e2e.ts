import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAgency, insertUser, login } from '../helpers/accounts.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

let t: TestPortal;
let admin: string;
let specialist: string;
beforeAll(async () => {
  t = await startTestPortal();
  await insertAgency(t, 'H12', 'PROVINCE');
  await insertAgency(t, 'H12.05', 'COMMUNE', 'H12');
  await insertAgency(t, 'H12.06', 'COMMUNE', 'H12');
  await insertUser(t, { email: 'admin@example.gov.vn', roles: ['ADMIN'] });
  await insertUser(t, { email: 'cv@example.gov.vn', roles: ['SPECIALIST'], agencyCode: 'H12.05' });
  [admin, specialist] = await Promise.all([login(t, 'admin@example.gov.vn'), login(t, 'cv@example.gov.vn')]);
});
afterAll(async () => {
  await t?.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The example body of API.md. */
const birth = () => ({
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  sector: 'Hộ tịch',
  level: 'COMMUNE',
  agencyCodes: ['H12.05'],
  processingTime: { workingDays: 1 },
  serviceLevel: 'FULL',
  fee: { amount: 0, currency: 'VND', payWhen: 'ON_SUBMIT' },
  form: {
    fields: [
      { key: 'childName', type: 'text', label: { vi: 'Họ tên trẻ', en: "Child's name" }, required: true, maxLength: 100 },
      { key: 'hasFather', type: 'checkbox', label: { vi: 'Có thông tin cha', en: 'Father known' } },
      {
        key: 'fatherCitizenId',
        type: 'citizenId',
        label: { vi: 'Số định danh của cha', en: "Father's ID" },
        required: true,
        showIf: { field: 'hasFather', equals: true },
      },
    ],
  },
  components: [
    {
      code: 'GCS',
      name: { vi: 'Giấy chứng sinh', en: 'Birth certificate from hospital' },
      required: true,
      accept: ['application/pdf', 'image/jpeg', 'image/png'],
      maxBytes: 10485760,
    },
    {
      code: 'CCCD',
      name: { vi: 'Căn cước của người đi khai', en: "Declarant's ID card" },
      required: true,
      satisfiedBy: { profile: 'citizenId' },
    },
  ],
  workflow: {
    steps: [
      { key: 'reception', role: 'RECEPTIONIST', share: 0.25 },
      { key: 'processing', role: 'SPECIALIST', share: 0.5 },
      { key: 'approval', role: 'LEADER', share: 0.25 },
    ],
  },
  resultTemplate: { title: 'Giấy khai sinh', body: 'Họ tên: {{formData.childName}}' },
});

const count = async (table: string) => (await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

describe('procedure life cycle', () => {
  it('creates a draft that the public catalogue does not show', async () => {
    const res = await t.http.post('/api/v1/admin/procedures').set(bearer(admin)).send(birth()).expect(201);
    expect(res.body).toEqual({ code: '1.001193', version: 1 });
    await t.http.get('/api/v1/procedures/1.001193').expect(404);
    const list = await t.http.get('/api/v1/procedures').expect(200);
    expect(list.body.total).toBe(0);
  });

  it('edits the draft, then publishes it into the catalogue', async () => {
    const edited = { ...birth(), name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' } };
    await t.http.put('/api/v1/admin/procedures/1.001193/versions/1').set(bearer(admin)).send(edited).expect(200);
    const published = await t.http.post('/api/v1/admin/procedures/1.001193/versions/1/publish').set(bearer(admin)).expect(200);
    expect(published.body).toMatchObject({ code: '1.001193', version: 1, publishedAt: expect.any(String) });
    const proc = await t.http.get('/api/v1/procedures/1.001193').expect(200);
    expect(proc.body).toMatchObject({
      code: '1.001193',
      version: 1,
      name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
      supplementPolicy: 'RESTART',
      supplementDeadlineDays: 15,
    });
    expect(proc.body.form.fields).toHaveLength(3);
  });

  it('never changes a published version: a new draft is needed, and the old one stays in force until published', async () => {
    await t.http.put('/api/v1/admin/procedures/1.001193/versions/1').set(bearer(admin)).send(birth()).expect(409);
    await t.http.post('/api/v1/admin/procedures/1.001193/versions/1/publish').set(bearer(admin)).expect(409);
    // Even the database refuses.
    await expect(t.query(`UPDATE procedure_version SET definition = '{}' WHERE version = 1`)).rejects.toThrow(/published/);

    const v2 = await t.http.post('/api/v1/admin/procedures/1.001193/versions').set(bearer(admin)).send({}).expect(201);
    expect(v2.body).toEqual({ code: '1.001193', version: 2 });
    await t.http.post('/api/v1/admin/procedures/1.001193/versions').set(bearer(admin)).send({}).expect(409);

    const changed = { ...birth(), fee: { amount: 8000, currency: 'VND', payWhen: 'BEFORE_RESULT' }, agencyCodes: ['H12.05', 'H12.06'] };
    await t.http.put('/api/v1/admin/procedures/1.001193/versions/2').set(bearer(admin)).send(changed).expect(200);
    expect((await t.http.get('/api/v1/procedures/1.001193').expect(200)).body).toMatchObject({ version: 1, fee: { amount: 0 } });

    const diff = await t.http.get('/api/v1/admin/procedures/1.001193/diff?from=1&to=2').set(bearer(admin)).expect(200);
    const paths = diff.body.changes.map((c: { path: string }) => c.path);
    expect(paths).toEqual(expect.arrayContaining(['fee.amount', 'fee.payWhen', 'agencyCodes[1]', 'name.en']));

    await t.http.post('/api/v1/admin/procedures/1.001193/versions/2/publish').set(bearer(admin)).expect(200);
    expect((await t.http.get('/api/v1/procedures/1.001193').expect(200)).body).toMatchObject({ version: 2, fee: { amount: 8000 } });
    const versions = await t.http.get('/api/v1/admin/procedures/1.001193/versions').set(bearer(admin)).expect(200);
    expect(versions.body.items.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'PUBLISHED'],
      [1, 'PUBLISHED'],
    ]);
    const audit = await t.query<{ action: string }>(`SELECT action FROM audit_event WHERE target_type = 'procedure' ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual([
      'procedure.created',
      'procedure.draft-updated',
      'procedure.published',
      'procedure.version-created',
      'procedure.draft-updated',
      'procedure.published',
    ]);
  });

  it('answers unknown procedures and versions with 404', async () => {
    await t.http.get('/api/v1/admin/procedures/9.999/versions').set(bearer(admin)).expect(404);
    await t.http.get('/api/v1/admin/procedures/1.001193/versions/7').set(bearer(admin)).expect(404);
    await t.http.get('/api/v1/admin/procedures/1.001193/versions/abc').set(bearer(admin)).expect(404);
    await t.http.post('/api/v1/admin/procedures/9.999/versions/1/publish').set(bearer(admin)).expect(404);
  });

  it('keeps the admin routes for admins', async () => {
    await t.http.post('/api/v1/admin/procedures').send(birth()).expect(401);
    await t.http.post('/api/v1/admin/procedures').set(bearer(specialist)).send(birth()).expect(403);
    await t.http.get('/api/v1/admin/procedures').set(bearer(specialist)).expect(403);
  });
});

describe('definition checks', () => {
  it('answers a duplicate code with 409', async () => {
    const res = await t.http.post('/api/v1/admin/procedures').set(bearer(admin)).send(birth()).expect(409);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'code' })]);
  });

  it('lists every problem of a bad definition at once, each with its path, and writes nothing', async () => {
    const bad = birth();
    bad.code = '2.000001';
    bad.form.fields.push({ key: 'childName', type: 'text', label: { vi: 'Trùng', en: 'Duplicate' }, required: false, maxLength: 10 });
    bad.form.fields.push({ key: 'x', type: 'colour', label: { vi: 'X', en: 'X' } } as never);
    (bad.form.fields[2] as { showIf: unknown }).showIf = { field: 'nothing', equals: true };
    bad.workflow.steps[0].share = 0.5;
    (bad.components[1] as { satisfiedBy: unknown }).satisfiedBy = { result: '9.999999' };
    const before = await count('procedure_version');
    const res = await t.http.post('/api/v1/admin/procedures').set(bearer(admin)).set('Accept-Language', 'en').send(bad).expect(422);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'form.fields[3].key',
        'form.fields[4].type',
        'form.fields[2].showIf.field',
        'workflow.steps',
        'components[1].satisfiedBy.result',
      ]),
    );
    for (const e of res.body.errors) expect(e.message).toMatch(/\w/);
    expect(await count('procedure_version')).toBe(before);
    expect(await t.query(`SELECT 1 FROM procedure WHERE code = '2.000001'`)).toEqual([]);
  });

  it('finds a cycle of conditions', async () => {
    const cyclic = birth();
    cyclic.code = '2.000002';
    (cyclic.form.fields[1] as { showIf: unknown }).showIf = { field: 'fatherCitizenId', notEmpty: true };
    const res = await t.http.post('/api/v1/admin/procedures').set(bearer(admin)).send(cyclic).expect(422);
    expect(
      res.body.errors.some(
        (e: { path: string }) => e.path.startsWith('form.fields[1].showIf') || e.path.startsWith('form.fields[2].showIf'),
      ),
    ).toBe(true);
  });

  it('refuses a bad code and a body that is not an object', async () => {
    await t.http
      .post('/api/v1/admin/procedures')
      .set(bearer(admin))
      .send({ ...birth(), code: 'có dấu' })
      .expect(422);
    await t.http.post('/api/v1/admin/procedures').set(bearer(admin)).send([1]).expect(422);
  });
});

describe('catalogue search', () => {
  beforeAll(async () => {
    const extra = [
      { code: '1.000656', name: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' }, sector: 'Hộ tịch', agencyCodes: ['H12.06'] },
      {
        code: '2.000815',
        name: { vi: 'Chứng thực bản sao từ bản chính', en: 'Certified copy' },
        sector: 'Chứng thực',
        agencyCodes: ['H12.05'],
      },
      { code: '1.009999', name: { vi: 'Đăng ký khai tử', en: 'Death registration' }, sector: 'Hộ tịch', agencyCodes: ['H12.05'] },
    ];
    for (const e of extra) {
      await t.http
        .post('/api/v1/admin/procedures')
        .set(bearer(admin))
        .send({ ...birth(), ...e })
        .expect(201);
      await t.http.post(`/api/v1/admin/procedures/${e.code}/versions/1/publish`).set(bearer(admin)).expect(200);
    }
  });

  const codes = async (query: string) => {
    const res = await t.http.get(`/api/v1/procedures?${query}`).expect(200);
    return (res.body.items as { code: string }[]).map((i) => i.code);
  };

  it('matches with or without diacritics, in any case and word order', async () => {
    expect(await codes('q=dang ky khai sinh')).toEqual(['1.001193']);
    expect(await codes(`q=${encodeURIComponent('Đăng ký khai sinh')}`)).toEqual(['1.001193']);
    expect(await codes('q=KHAI SINH dang')).toEqual(['1.001193']);
    expect((await codes('q=dang ky')).sort()).toEqual(['1.000656', '1.001193', '1.009999']);
    expect(await codes('q=chung thuc')).toEqual(['2.000815']);
    expect(await codes('q=marriage')).toEqual(['1.000656']);
    expect(await codes('q=1.000656')).toEqual(['1.000656']);
    expect(await codes('q=100%25_')).toEqual([]);
  });

  it('filters by sector, level and agency, and pages', async () => {
    expect((await codes(`sector=${encodeURIComponent('Hộ tịch')}`)).sort()).toEqual(['1.000656', '1.001193', '1.009999']);
    expect((await codes('agencyCode=H12.06')).sort()).toEqual(['1.000656', '1.001193']);
    expect(await codes('level=PROVINCE')).toEqual([]);
    const page = await t.http.get('/api/v1/procedures?pageSize=2&page=2').expect(200);
    expect(page.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    const past = await t.http.get('/api/v1/procedures?pageSize=2&page=9&q=dang').expect(200);
    expect(past.body).toMatchObject({ total: 3, items: [] });
    await t.http.get('/api/v1/procedures?level=DISTRICT').expect(422);
  });

  it('lists fee and processing time for each result', async () => {
    const res = await t.http.get('/api/v1/procedures?q=ket hon').expect(200);
    expect(res.body.items[0]).toMatchObject({ code: '1.000656', processingTime: { workingDays: 1 }, fee: { amount: 0, currency: 'VND' } });
  });
});
