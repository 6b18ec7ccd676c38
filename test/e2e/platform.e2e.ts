import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser, PASSWORD } from '../helpers/accounts.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

let t: TestPortal;
beforeAll(async () => {
  t = await startTestPortal();
});
afterAll(async () => {
  await t?.close();
});

describe('operations', () => {
  it('reports health with the database checked', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up' } });
  });

  it('exposes Prometheus metrics, labelled by route pattern', async () => {
    await t.http.get('/api/v1/agencies').expect(200);
    const res = await t.http.get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('process_cpu_user_seconds_total');
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/agencies",status="200"\} [1-9]/);
  });

  it('serves the OpenAPI description and its UI', async () => {
    const json = await t.http.get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/auth/register',
      '/api/v1/auth/login',
      '/api/v1/auth/me',
      '/api/v1/agencies',
      '/api/v1/admin/agencies',
      '/api/v1/admin/users',
    ]) {
      expect(Object.keys(json.body.paths)).toContain(path);
    }
    expect(Object.keys(json.body.paths).some((p) => !p.startsWith('/api/') && p !== '/health' && p !== '/metrics')).toBe(false);
    const ui = await t.http.get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('echoes a sane request id and makes one otherwise', async () => {
    const given = await t.http.get('/health').set('X-Request-Id', 'abc-123').expect(200);
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.http.get('/health').set('X-Request-Id', 'bad id <script>').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API routes with a problem, unknown pages with a page', async () => {
    const api = await t.http.get('/api/v1/nothing-here').expect(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    const page = await t.http.get('/nothing-here').expect(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<html lang="vi"');
  });
});

describe('pages', () => {
  const cookiesOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

  it('render in Vietnamese by default, in English on request', async () => {
    const vi = await t.http.get('/').expect(200);
    expect(vi.text).toContain('<html lang="vi"');
    expect(vi.text).toContain('Chuyển đến nội dung chính');
    const switched = await t.http.get('/lang/en?next=/login').expect(303);
    expect(switched.headers.location).toBe('/login');
    const en = await t.http.get('/login').set('Cookie', 'lang=en').expect(200);
    expect(en.text).toContain('<html lang="en"');
    expect(en.text).toContain('Skip to main content');
    const offsite = await t.http.get('/lang/en?next=//evil.example').expect(303);
    expect(offsite.headers.location).toBe('/');
  });

  it('refuse a form post without its CSRF token, and accept it with', async () => {
    await insertUser(t, { email: 'page@example.vn', roles: ['CITIZEN'], fullName: 'Người Dùng Trang' });
    const agent = request.agent(t.portal.app.getHttpServer());
    const noToken = await agent.post('/login').type('form').send({ username: 'page@example.vn', password: PASSWORD }).expect(403);
    expect(noToken.text).toContain('tải lại trang');

    const form = await agent.get('/login').expect(200);
    const token = csrfOf(form.text);
    expect(token).toBeTruthy();
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, username: 'page@example.vn', password: PASSWORD, next: '/account' })
      .expect(303);
    expect(res.headers.location).toBe('/account');
    const session = cookiesOf(res).find((c) => c.startsWith('access_token='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    const account = await agent.get('/account').expect(200);
    expect(account.text).toContain('Người Dùng Trang');

    const other = request.agent(t.portal.app.getHttpServer());
    await other.get('/login').expect(200); // another browser: its own id, so this token is not valid for it
    await other.post('/logout').type('form').send({ _csrf: token }).expect(403);

    const out = await agent
      .post('/logout')
      .type('form')
      .send({ _csrf: csrfOf(account.text) })
      .expect(303);
    expect(cookiesOf(out).some((c) => /^access_token=;/.test(c))).toBe(true);
  });

  it('send anonymous visitors of private pages to sign in, and refuse others with 403', async () => {
    const res = await t.http.get('/account').expect(303);
    expect(res.headers.location).toBe('/login?next=%2Faccount');
    const admin = await t.http.get('/admin/agencies').expect(303);
    expect(admin.headers.location).toMatch(/^\/login\?next=/);
  });

  it('show the errors of a bad registration beside the fields, keeping what was typed but the password', async () => {
    const agent = request.agent(t.portal.app.getHttpServer());
    const token = csrfOf((await agent.get('/register').expect(200)).text);
    const res = await agent
      .post('/register')
      .type('form')
      .send({ _csrf: token, citizenId: '123', fullName: 'Trần Văn Bảy', email: 'bay@example', password: 'short' })
      .expect(422);
    expect(res.text).toContain('Có lỗi cần sửa');
    expect(res.text).toContain('href="#citizenId"');
    expect(res.text).toContain('Số định danh phải gồm đúng 12 chữ số.');
    expect(res.text).toContain('value="Trần Văn Bảy"');
    expect(res.text).not.toContain('value="short"');
    expect(await t.query(`SELECT 1 FROM app_user WHERE full_name = 'Trần Văn Bảy'`)).toEqual([]);
  });
});
