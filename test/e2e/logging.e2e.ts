import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REDACT } from '../../src/observability/logger.js';
import { insertUser, PASSWORD } from '../helpers/accounts.js';
import { startTestPortal, TEST_SECRET, type TestPortal } from '../helpers/portal.js';

const lines: string[] = [];
let t: TestPortal;
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  // The production logger settings, at the most talkative level.
  t = await startTestPortal({}, pino({ level: 'trace', redact: { paths: REDACT, censor: '[redacted]' } }, sink));
});
afterAll(async () => {
  await t?.close();
});

it('writes JSON lines with a request id, and never a password, token, cookie or secret', async () => {
  await insertUser(t, { email: 'logged@example.vn', roles: ['CITIZEN'] });
  const res = await t.http.post('/api/v1/auth/login').send({ username: 'logged@example.vn', password: PASSWORD }).expect(200);
  await t.http.post('/api/v1/auth/login').send({ username: 'logged@example.vn', password: 'a-wrong-password' }).expect(401);
  await t.http
    .get('/api/v1/auth/me')
    .set('Authorization', `Bearer ${res.body.accessToken}`)
    .set('Cookie', 'access_token=secret-cookie-value')
    .expect(200);

  const all = lines.join('\n');
  for (const secret of [PASSWORD, 'a-wrong-password', res.body.accessToken as string, 'secret-cookie-value', TEST_SECRET]) {
    expect(all).not.toContain(secret);
  }
  const entries = lines.map((l) => JSON.parse(l) as { req?: { id?: string; url?: string } });
  const me = entries.find((e) => e.req?.url === '/api/v1/auth/me');
  expect(me?.req?.id).toMatch(/^[0-9a-f-]{36}$/);
});
