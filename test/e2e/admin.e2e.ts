import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAgency, insertUser, login, PASSWORD } from '../helpers/accounts.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

let t: TestPortal;
let admin: string;
let citizen: string;
let specialist: string;
beforeAll(async () => {
  t = await startTestPortal();
  await insertAgency(t, 'H01', 'PROVINCE');
  await insertAgency(t, 'H01.05', 'COMMUNE', 'H01');
  await insertUser(t, { email: 'admin@example.gov.vn', roles: ['ADMIN'] });
  await insertUser(t, { email: 'citizen@example.vn', roles: ['CITIZEN'] });
  await insertUser(t, { email: 'cv@example.gov.vn', roles: ['SPECIALIST'], agencyCode: 'H01.05' });
  [admin, citizen, specialist] = await Promise.all([
    login(t, 'admin@example.gov.vn'),
    login(t, 'citizen@example.vn'),
    login(t, 'cv@example.gov.vn'),
  ]);
});
afterAll(async () => {
  await t?.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const count = async (table: string) => (await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

describe('agencies', () => {
  it('lets an admin build the two-level tree, and shows it to anyone', async () => {
    await t.http
      .post('/api/v1/admin/agencies')
      .set(bearer(admin))
      .send({ code: 'h01.10', name: 'Sở Tư pháp', level: 'DEPARTMENT', parentCode: 'H01' })
      .expect(201);
    const created = await t.http
      .post('/api/v1/admin/agencies')
      .set(bearer(admin))
      .send({ code: 'H01.06', name: 'UBND phường Hoà Bình', level: 'COMMUNE', parentCode: 'H01' })
      .expect(201);
    expect(created.body).toMatchObject({ code: 'H01.06', level: 'COMMUNE', parentCode: 'H01' });
    const tree = await t.http.get('/api/v1/agencies').expect(200);
    expect(tree.body.items).toHaveLength(1);
    const [province] = tree.body.items;
    expect(province).toMatchObject({ code: 'H01', level: 'PROVINCE', parentCode: null });
    expect(province.children.map((c: { code: string }) => c.code)).toEqual(['H01.10', 'H01.05', 'H01.06']);
    const [audit] = await t.query(`SELECT action, detail FROM audit_event WHERE target_id = 'H01.06'`);
    expect(audit).toMatchObject({ action: 'agency.created', detail: { level: 'COMMUNE', parentCode: 'H01' } });
  });

  it.each([
    [{ code: 'H02', name: 'Tỉnh khác', level: 'PROVINCE', parentCode: 'H01' }, 'parentCode', 'agency.provinceHasNoParent'],
    [{ code: 'X1', name: 'Xã mồ côi', level: 'COMMUNE' }, 'parentCode', 'agency.parentRequired'],
    [{ code: 'X2', name: 'Xã dưới xã', level: 'COMMUNE', parentCode: 'H01.05' }, 'parentCode', 'agency.parentMustBeProvince'],
    [{ code: 'X3', name: 'Xã', level: 'COMMUNE', parentCode: 'NOPE' }, 'parentCode', 'agency.notFound'],
    [{ code: 'bad code!', name: 'X', level: 'COMMUNE', parentCode: 'H01' }, 'code', 'validation.agencyCode'],
    [{ code: 'X4', name: 'X', level: 'DISTRICT', parentCode: 'H01' }, 'level', 'validation.isIn'],
  ])('refuses %j with 422 and writes nothing', async (body, path, code) => {
    const before = await count('agency');
    const res = await t.http.post('/api/v1/admin/agencies').set(bearer(admin)).send(body).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path, code })]);
    expect(await count('agency')).toBe(before);
  });

  it('answers a duplicate code with 409', async () => {
    const before = await count('audit_event');
    const res = await t.http
      .post('/api/v1/admin/agencies')
      .set(bearer(admin))
      .send({ code: 'H01.05', name: 'Trùng', level: 'COMMUNE', parentCode: 'H01' })
      .expect(409);
    expect(res.body).toMatchObject({ status: 409, code: 'conflict.agencyCode', errors: [{ path: 'code' }] });
    expect(await count('audit_event')).toBe(before);
  });

  it('keeps the admin routes for admins: 401 without a token, 403 for others', async () => {
    const body = { code: 'H09', name: 'X', level: 'PROVINCE' };
    await t.http.post('/api/v1/admin/agencies').send(body).expect(401);
    for (const token of [citizen, specialist]) {
      const res = await t.http.post('/api/v1/admin/agencies').set(bearer(token)).send(body).expect(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await t.query(`SELECT 1 FROM agency WHERE code = 'H09'`)).toEqual([]);
  });
});

describe('users', () => {
  it('lets an admin create a staff account that can sign in', async () => {
    const res = await t.http
      .post('/api/v1/admin/users')
      .set(bearer(admin))
      .send({
        email: 'Motcua@H01.gov.vn',
        fullName: 'Trần Thị Bình',
        password: 'mot-cua-password',
        roles: ['RECEPTIONIST', 'SPECIALIST'],
        agencyCode: 'H01.05',
      })
      .expect(201);
    const signIn = await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'motcua@h01.gov.vn', password: 'mot-cua-password' })
      .expect(200);
    expect(signIn.body.user).toEqual({
      id: res.body.id,
      fullName: 'Trần Thị Bình',
      roles: ['RECEPTIONIST', 'SPECIALIST'],
      agencyCode: 'H01.05',
    });
    const [audit] = await t.query(`SELECT action, actor_id FROM audit_event WHERE target_id = $1`, [res.body.id]);
    expect(audit.action).toBe('user.created');
    expect(audit.actor_id).toEqual(expect.any(String));
  });

  it('lists accounts with paging and search, without password hashes', async () => {
    const page = await t.http.get('/api/v1/admin/users?pageSize=2&page=1').set(bearer(admin)).expect(200);
    expect(page.body).toMatchObject({ page: 1, pageSize: 2, total: await count('app_user') });
    expect(page.body.items).toHaveLength(2);
    expect(JSON.stringify(page.body)).not.toMatch(/argon2|password/i);
    const found = await t.http.get('/api/v1/admin/users').query({ q: 'bình' }).set(bearer(admin)).expect(200);
    expect(found.body.items.map((u: { email: string }) => u.email)).toEqual(['motcua@h01.gov.vn']);
    await t.http.get('/api/v1/admin/users?pageSize=500').set(bearer(admin)).expect(422);
    await t.http.get('/api/v1/admin/users').set(bearer(citizen)).expect(403);
  });

  it.each([
    [{ roles: ['SPECIALIST'] }, 'agencyCode', 'user.staffNeedsAgency'],
    [{ roles: ['SPECIALIST'], agencyCode: 'NOPE' }, 'agencyCode', 'agency.notFound'],
    [{ roles: ['CHIEF'], agencyCode: 'H01' }, 'roles', 'validation.isIn'],
    [{ roles: [], agencyCode: 'H01' }, 'roles', 'validation.arrayNotEmpty'],
  ])('refuses %j with 422 and writes nothing', async (extra, path, code) => {
    const before = await count('app_user');
    const res = await t.http
      .post('/api/v1/admin/users')
      .set(bearer(admin))
      .send({ email: 'new@h01.gov.vn', fullName: 'Người mới', password: 'long-enough-pw', ...extra })
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path, code })]);
    expect(await count('app_user')).toBe(before);
  });

  it('refuses a taken email with 409', async () => {
    const res = await t.http
      .post('/api/v1/admin/users')
      .set(bearer(admin))
      .send({ email: 'CV@example.gov.vn', fullName: 'Trùng', password: 'long-enough-pw', roles: ['LEADER'], agencyCode: 'H01' })
      .expect(409);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'email' })]);
  });

  it('lets an admin create another admin without an agency, who can then act', async () => {
    await t.http
      .post('/api/v1/admin/users')
      .set(bearer(admin))
      .send({ email: 'admin2@example.gov.vn', fullName: 'Admin Two', password: PASSWORD, roles: ['ADMIN'] })
      .expect(201);
    const token = await login(t, 'admin2@example.gov.vn');
    await t.http.get('/api/v1/admin/users').set(bearer(token)).expect(200);
  });
});
