import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortal, type Portal } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';
import { LOOKUP_LIMIT_PER_MINUTE } from '../../src/documents/lookup/lookup-rate.guard.js';
import { PDF, setUpCast, type Cast } from '../helpers/dossier-fixtures.js';
import { startTestPortal, TEST_SECRET, type TestPortal } from '../helpers/portal.js';

// Behind a proxy (TRUST_PROXY) the client address is X-Forwarded-For's: each test uses its own, so their counts never mix.
let t: TestPortal;
let cast: Cast;
let code: string;
let dossierId: string;
beforeAll(async () => {
  t = await startTestPortal({ TRUST_PROXY: 'true' });
  cast = await setUpCast(t);
  const as = { Authorization: `Bearer ${cast.citizen}` };
  const draft = await t.http
    .post('/api/v1/dossiers')
    .set(as)
    .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Nguyễn Bé Na' } })
    .expect(201);
  await t.http
    .post(`/api/v1/dossiers/${draft.body.id}/files`)
    .set(as)
    .field('componentCode', 'GCS')
    .attach('file', PDF, 'gcs.pdf')
    .expect(201);
  const submitted = await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as).expect(200);
  const received = await t.http
    .post(`/api/v1/dossiers/${draft.body.id}/actions/receive`)
    .set({ Authorization: `Bearer ${cast.receptionist}` })
    .send({ version: submitted.body.version })
    .expect(200);
  code = received.body.code as string;
  dossierId = draft.body.id as string;
});
afterAll(async () => {
  await t?.close();
});

const from = (address: string) => ({ 'X-Forwarded-For': address });
/** What must never appear: the applicant's name, citizen ID, email, the form's data, internal ids. */
const personal = () => ['Nguyễn Văn An', '001090000001', 'an@example.vn', 'Nguyễn Bé Na', 'childName', dossierId];

describe('GET /api/v1/lookup/{code}', () => {
  it('answers where the dossier stands, and nothing personal', async () => {
    const res = await t.http.get(`/api/v1/lookup/${code}`).set(from('198.51.100.1')).expect(200);
    expect(res.body).toEqual({
      code,
      procedureName: 'Đăng ký khai sinh',
      agencyName: 'Agency H12.05',
      status: 'IN_PROGRESS',
      receivedAt: expect.stringMatching(/Z$/),
      dueAt: expect.stringMatching(/Z$/),
      rescheduledAt: null,
      completedAt: null,
    });
    for (const secret of personal()) expect(res.text).not.toContain(secret);
    expect(res.headers['ratelimit-limit']).toBe(String(LOOKUP_LIMIT_PER_MINUTE));
  });

  it('reads the code whatever its case and stray spaces', async () => {
    const res = await t.http
      .get(`/api/v1/lookup/${encodeURIComponent(` ${code.toLowerCase()}`)}`)
      .set(from('198.51.100.2'))
      .expect(200);
    expect(res.body.code).toBe(code);
  });

  it('answers ahead of the router as every API route does: security headers, request id, metrics by route, the asked language', async () => {
    const res = await t.http
      .get(`/api/v1/lookup/${code}`)
      .set({ ...from('198.51.100.20'), 'X-Request-Id': 'trace-7' })
      .expect(200);
    expect(res.headers['x-request-id']).toBe('trace-7');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const en = await t.http
      .get('/api/v1/lookup/H12.05-000101-9999')
      .set({ ...from('198.51.100.20'), 'Accept-Language': 'en' })
      .expect(404);
    expect(en.body.detail).toBe('No dossier has this code. Please check the code printed on your receipt.');
    const metrics = await t.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/lookup\/:code",status="200"\} [1-9]/);
    expect(metrics.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/lookup\/:code",status="404"\} [1-9]/);
    // What the lane does not take (a trailing slash, an undecodable code) reaches the documented controller.
    const slash = await t.http.get(`/api/v1/lookup/${code}/`).set(from('198.51.100.21')).expect(200);
    expect(slash.body.code).toBe(code);
    const garbled = await t.http.get('/api/v1/lookup/%E0%A4%A').set(from('198.51.100.21'));
    expect(garbled.status).toBe(400);
  });

  it('answers 404 problem+json for an unknown or malformed code', async () => {
    const res = await t.http.get('/api/v1/lookup/H12.05-000101-9999').set(from('198.51.100.3')).expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'lookup.notFound' });
    await t.http
      .get(`/api/v1/lookup/${encodeURIComponent('<script>')}`)
      .set(from('198.51.100.3'))
      .expect(404);
  });
});

describe('the lookup pages', () => {
  it('offers the form, in Vietnamese and English', async () => {
    const vi = await t.http.get('/lookup').set(from('198.51.100.10')).expect(200);
    expect(vi.text).toContain('<h1>Tra cứu hồ sơ</h1>');
    expect(vi.text).toMatch(/<form[^>]+action="\/lookup"/);
    const en = await t.http
      .get('/lookup')
      .set({ ...from('198.51.100.10'), Cookie: 'lang=en' })
      .expect(200);
    expect(en.text).toContain('<h1>Track a dossier</h1>');
    expect(en.text).toContain('href="/lookup"'); // the header link
  });

  it('sends a typed code on to its own page, and asks again for an empty or malformed one', async () => {
    const res = await t.http
      .get(`/lookup?code=${encodeURIComponent(code.toLowerCase())}`)
      .set(from('198.51.100.11'))
      .expect(303);
    expect(res.headers.location).toBe(`/lookup/${encodeURIComponent(code)}`);
    const empty = await t.http.get('/lookup?code=').set(from('198.51.100.11')).expect(422);
    expect(empty.text).toContain('Nhập mã hồ sơ.');
    expect(empty.text).toContain('usa-input--error');
    await t.http
      .get(`/lookup?code=${encodeURIComponent('<b>x</b>')}`)
      .set(from('198.51.100.11'))
      .expect(422);
  });

  it('shows the status in plain words and the dates in Vietnam time, in both languages, with nothing personal', async () => {
    const vi = await t.http.get(`/lookup/${code}`).set(from('198.51.100.12')).expect(200);
    expect(vi.text).toContain(`Hồ sơ ${code}`);
    expect(vi.text).toContain('Tình trạng: Đang giải quyết');
    expect(vi.text).toContain('Hồ sơ đã được tiếp nhận và đang được giải quyết.');
    expect(vi.text).toContain('Agency H12.05');
    expect(vi.text).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}T[\d:.]+Z">\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}<\/time>/);
    expect(vi.text).toContain('UTC+7');
    const en = await t.http
      .get(`/lookup/${code}`)
      .set({ ...from('198.51.100.12'), Cookie: 'lang=en' })
      .expect(200);
    expect(en.text).toContain('Status: Being processed');
    expect(en.text).toContain('Birth registration');
    expect(en.text).toContain('Result due');
    for (const page of [vi.text, en.text]) for (const secret of personal()) expect(page).not.toContain(secret);
  });

  it('answers an unknown code with 404 and the form to try again', async () => {
    const res = await t.http.get('/lookup/H12.05-000101-9999').set(from('198.51.100.13')).expect(404);
    expect(res.text).toContain('Không tìm thấy hồ sơ có mã này');
    expect(res.text).toMatch(/<input[^>]+id="code"/);
  });
});

describe('the rate limit', () => {
  /** Up to two windows' worth, so that a minute turning over mid-test still ends in a 429. */
  async function until429(send: (i: number) => Promise<request.Response>): Promise<{ res: request.Response; sent: number }> {
    for (let i = 0; i < 2 * LOOKUP_LIMIT_PER_MINUTE + 2; i++) {
      const res = await send(i);
      if (res.status === 429) return { res, sent: i + 1 };
      expect(res.status).toBe(200);
    }
    throw new Error('never limited');
  }

  it(`answers 429 problem+json with Retry-After after ${LOOKUP_LIMIT_PER_MINUTE} lookups a minute from one address, not for others`, async () => {
    const { res, sent } = await until429(() => t.http.get(`/api/v1/lookup/${code}`).set(from('203.0.113.7')));
    expect(sent).toBeGreaterThan(LOOKUP_LIMIT_PER_MINUTE);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 429, code: 'lookup.tooMany' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    // The page shares the address's count, and says so in words.
    const page = await t.http.get(`/lookup/${code}`).set(from('203.0.113.7')).expect(429);
    expect(page.text).toContain('Bạn đã tra cứu quá nhiều lần');
    await t.http.get(`/api/v1/lookup/${code}`).set(from('203.0.113.8')).expect(200);
    const rows = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM lookup_rate WHERE address IN ('203.0.113.7', '203.0.113.8')`);
    expect(rows[0].n).toBe(2);
  });

  it('holds across replicas: two app instances over one database share the count', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      APP_SECRET: TEST_SECRET,
      DATABASE_URL: t.dbUrl,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'silent',
      TRUST_PROXY: 'true',
    });
    let replica: Portal | undefined;
    try {
      replica = await createPortal(config, pino({ level: 'silent' }));
      const other = request(replica.app.getHttpServer());
      const minute = async () => (await t.query<{ m: string }>(`SELECT date_trunc('minute', now())::text AS m`))[0].m;
      // Exactly the limit, alternating between the replicas; then the next lookup is refused by both.
      // A per-process count would have let each replica answer 30 more. Retried once if the minute turns mid-way.
      for (const address of ['203.0.113.9', '203.0.113.10']) {
        const window = await minute();
        for (let i = 0; i < LOOKUP_LIMIT_PER_MINUTE; i++) {
          await (i % 2 === 0 ? t.http : other).get(`/api/v1/lookup/${code}`).set(from(address)).expect(200);
        }
        const [a, b] = [
          await other.get(`/api/v1/lookup/${code}`).set(from(address)),
          await t.http.get(`/api/v1/lookup/${code}`).set(from(address)),
        ];
        if ((await minute()) !== window) continue;
        expect([a.status, b.status]).toEqual([429, 429]);
        return;
      }
      throw new Error('the minute turned during both attempts');
    } finally {
      await replica?.close();
    }
  });
});
