import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKey } from '../../src/common/secrets.js';
import { insertUser, login, PASSWORD } from '../helpers/accounts.js';
import { startTestPortal, TEST_SECRET, type TestPortal } from '../helpers/portal.js';

let t: TestPortal;
beforeAll(async () => {
  // Behind a proxy, so each test can speak from the address it needs (X-Forwarded-For).
  t = await startTestPortal({ TRUST_PROXY: 'true' });
});
afterAll(async () => {
  await t?.close();
});

const citizen = {
  citizenId: '001090000123',
  fullName: '  Nguyễn   Văn An ',
  email: 'An@Example.VN',
  phone: '0912 345 678',
  password: 'mat-khau-du-dai',
};

const countUsers = async () => (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user'))[0].n;

describe('registration', () => {
  it('creates a citizen account with an argon2id hash and normalised fields', async () => {
    const res = await t.http.post('/api/v1/auth/register').send(citizen).expect(201);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await t.query<Record<string, unknown>>(
      'SELECT email, full_name, password_hash, roles, phone, agency_id FROM app_user WHERE id = $1',
      [res.body.id],
    );
    expect(row).toMatchObject({
      email: 'an@example.vn',
      full_name: 'Nguyễn Văn An',
      roles: ['CITIZEN'],
      phone: '0912345678',
      agency_id: null,
    });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await t.query('SELECT action, target_id FROM audit_event WHERE target_id = $1', [res.body.id]);
    expect(audit).toEqual([{ action: 'user.registered', target_id: res.body.id }]);
  });

  it('refuses a taken email or citizen ID with 409 and writes nothing', async () => {
    const before = await countUsers();
    const dupEmail = await t.http
      .post('/api/v1/auth/register')
      .send({ ...citizen, citizenId: '001090000999', email: 'an@example.vn' })
      .expect(409);
    expect(dupEmail.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(dupEmail.body).toMatchObject({ status: 409, errors: [{ path: 'email' }] });
    const dupId = await t.http
      .post('/api/v1/auth/register')
      .send({ ...citizen, email: 'other@example.vn' })
      .expect(409);
    expect(dupId.body.errors).toEqual([expect.objectContaining({ path: 'citizenId' })]);
    expect(await countUsers()).toBe(before);
  });

  it('answers 422 with one entry per bad, missing or unknown field', async () => {
    const before = await countUsers();
    const res = await t.http
      .post('/api/v1/auth/register')
      .send({ citizenId: '12345', email: 'not-an-email', password: 'short', phone: '123', isAdmin: true })
      .expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['citizenId', 'email', 'fullName', 'isAdmin', 'password', 'phone']);
    for (const e of res.body.errors) expect(e.message).toEqual(expect.any(String));
    expect(await countUsers()).toBe(before);
  });

  it('gives messages in English when asked', async () => {
    const res = await t.http
      .post('/api/v1/auth/register')
      .set('Accept-Language', 'en')
      .send({ ...citizen, citizenId: '1' })
      .expect(422);
    expect(res.body.errors).toEqual([
      { path: 'citizenId', code: 'validation.citizenId', message: 'The identification number must be exactly 12 digits.' },
    ]);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await t.http.post('/api/v1/auth/register').set('Content-Type', 'application/json').send('{"citizenId": ').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'error.badJson' });
  });

  it('answers a JSON body that is not an object with 422', async () => {
    const res = await t.http.post('/api/v1/auth/register').send([1, 2]).expect(422);
    expect(res.body.errors).toHaveLength(1);
  });
});

describe('login', () => {
  beforeAll(async () => {
    await insertUser(t, { email: 'login@example.vn', roles: ['CITIZEN'], citizenId: '079200000001', fullName: 'Lê Thị Hoa' });
  });

  it('accepts the email or the citizen ID and returns a bearer token', async () => {
    for (const username of ['login@example.vn', ' LOGIN@example.vn ', '079200000001']) {
      const res = await t.http.post('/api/v1/auth/login').send({ username, password: PASSWORD }).expect(200);
      expect(res.body).toMatchObject({ expiresIn: 28800, user: { fullName: 'Lê Thị Hoa', roles: ['CITIZEN'], agencyCode: null } });
      const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body).toMatchObject({ email: 'login@example.vn', citizenId: '079200000001' });
    }
  });

  it('answers a wrong password and an unknown account alike', async () => {
    const wrong = await t.http.post('/api/v1/auth/login').send({ username: 'login@example.vn', password: 'wrong-password' }).expect(401);
    const unknown = await t.http.post('/api/v1/auth/login').send({ username: 'nobody@example.vn', password: 'wrong-password' }).expect(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.body.code).toBe('auth.invalidCredentials');
  });

  it('locks an account for a minute after 5 failures (429), even with the right password', async () => {
    await insertUser(t, { email: 'victim@example.vn', roles: ['CITIZEN'] });
    // Each try from another address: only the per-account limit can apply.
    for (let i = 0; i < 5; i++) {
      await t.http
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ username: 'victim@example.vn', password: `guess-${i}-guess` })
        .expect(401);
    }
    const locked = await t.http
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '203.0.113.99')
      .send({ username: 'victim@example.vn', password: PASSWORD })
      .expect(429);
    expect(locked.body.code).toBe('auth.tooManyAttempts');
    // Once the failures are older than the window, the account signs in again.
    await t.query(`UPDATE login_failure SET at = at - interval '61 seconds' WHERE username = 'victim@example.vn'`);
    await t.http
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '203.0.113.99')
      .send({ username: 'victim@example.vn', password: PASSWORD })
      .expect(200);
  });

  it('limits one address trying many accounts', async () => {
    const from = (ip: string) => t.http.post('/api/v1/auth/login').set('X-Forwarded-For', ip);
    for (let i = 0; i < 5; i++) {
      await from('198.51.100.7')
        .send({ username: `spray${i}@example.vn`, password: 'whatever-it-is' })
        .expect(401);
    }
    await from('198.51.100.7').send({ username: 'login@example.vn', password: PASSWORD }).expect(429);
    await from('198.51.100.8').send({ username: 'login@example.vn', password: PASSWORD }).expect(200);
  });

  it('validates the login body', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ username: 'x' }).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'password' })]);
  });
});

describe('tokens', () => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const sign = (header: object, payload: object, key: string) => {
    const body = `${b64(header)}.${b64(payload)}`;
    return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
  };
  let userId: string;
  beforeAll(async () => {
    userId = await insertUser(t, { email: 'token@example.vn', roles: ['CITIZEN'] });
  });
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a well-signed token and refuses a missing one', async () => {
    const good = sign({ alg: 'HS256', typ: 'JWT' }, { sub: userId, iat: now(), exp: now() + 60 }, deriveKey(TEST_SECRET, 'jwt'));
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${good}`).expect(200);
    const res = await t.http.get('/api/v1/auth/me').expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it.each([
    ['tampered', () => login(t, 'token@example.vn').then((tok) => tok.slice(0, -3) + (tok.endsWith('AAA') ? 'BBB' : 'AAA'))],
    [
      'expired',
      async () => sign({ alg: 'HS256', typ: 'JWT' }, { sub: userId, iat: now() - 120, exp: now() - 60 }, deriveKey(TEST_SECRET, 'jwt')),
    ],
    ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: userId, exp: now() + 60 })}.`],
    ['signed with another key', async () => sign({ alg: 'HS256' }, { sub: userId, exp: now() + 60 }, 'another-key')],
    [
      'for a deleted account',
      async () => sign({ alg: 'HS256' }, { sub: '00000000-0000-4000-8000-000000000000', exp: now() + 60 }, deriveKey(TEST_SECRET, 'jwt')),
    ],
    ['garbage', async () => 'not.a.token'],
  ])('refuses a %s token with 401', async (_name, make) => {
    const token = await make();
    const res = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect(res.body).toMatchObject({ status: 401 });
  });

  it('stops accepting the token of a deactivated account', async () => {
    const token = await login(t, 'token@example.vn');
    await t.query('UPDATE app_user SET active = false WHERE id = $1', [userId]);
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await t.http.post('/api/v1/auth/login').send({ username: 'token@example.vn', password: PASSWORD }).expect(401);
  });
});
