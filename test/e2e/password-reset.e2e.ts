import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OutboxDispatcher } from '../../src/notifications/outbox-dispatcher.js';
import { insertAgency, insertUser, PASSWORD } from '../helpers/accounts.js';
import { csrfOf, postForm, type PageAgent } from '../helpers/page-agent.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

const PUBLIC_URL = 'https://dichvucong.example.gov.vn';
const NEW_PASSWORD = 'mat-khau-moi-2026';

let t: TestPortal;
let smtp: TestSmtp;
let dispatcher: OutboxDispatcher;
beforeAll(async () => {
  smtp = await startSmtp();
  await smtp.start();
  t = await startTestPortal({ SMTP_URL: smtp.url, WORKERS: 'false', PUBLIC_URL });
  dispatcher = t.portal.app.get(OutboxDispatcher);
  await insertAgency(t, 'H12', 'PROVINCE');
  await insertUser(t, { email: 'an@example.vn', roles: ['CITIZEN'], citizenId: '001090000001', fullName: 'Nguyễn Văn An' });
  await insertUser(t, { email: 'motcua@h12.gov.vn', roles: ['RECEPTIONIST'], agencyCode: 'H12' });
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});
beforeEach(async () => {
  await t.query(`DELETE FROM login_failure`);
  smtp.received.length = 0;
});

const browser = (): PageAgent => request.agent(t.portal.app.getHttpServer());

/** Asks for a reset from the page, then lets the outbox send what it has; returns the page answer. */
async function askForReset(agent: PageAgent, email: string, status = 303, lang?: 'en') {
  if (lang) await agent.get('/lang/en').expect(303);
  const page = await agent.get('/password-reset').expect(200);
  const res = await postForm(agent, page.text, '/password-reset', [['email', email]], status);
  await deliver();
  return res;
}

/** Runs the outbox once: every row due is handled; none may fail. */
async function deliver(): Promise<void> {
  const result = await dispatcher.runOnce();
  if (result.failed > 0) throw new Error(`${result.failed} outbox rows failed`);
}

function linkIn(text: string): string {
  const link = /https:\/\/dichvucong\.example\.gov\.vn(\/password-reset\/new\?token=[A-Za-z0-9_%-]+)/.exec(text)?.[1];
  if (!link) throw new Error(`no reset link in: ${text}`);
  return link;
}

const signIn = (username: string, password: string) => t.http.post('/api/v1/auth/login').send({ username, password });

describe('password reset', () => {
  it('is linked from the sign-in page, in Vietnamese and in English', async () => {
    const agent = browser();
    expect((await agent.get('/login').expect(200)).text).toContain('<a href="/password-reset">Quên mật khẩu?</a>');
    const page = await agent.get('/password-reset').expect(200);
    expect(page.text).toContain('<h1>Quên mật khẩu</h1>');
    await agent.get('/lang/en').expect(303);
    expect((await agent.get('/password-reset').expect(200)).text).toContain('<h1>Forgot your password</h1>');
  });

  it('mails a single-use link that sets a new password, storing only the token’s hash', async () => {
    const agent = browser();
    const res = await askForReset(agent, 'AN@example.vn');
    expect(res.headers.location).toBe('/login');
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.rcptTo).toEqual(['an@example.vn']);
    expect(mail.subject).toBe('Đặt lại mật khẩu tài khoản Cổng dịch vụ công');
    expect(mail.text).toContain('Xin chào Nguyễn Văn An');
    const link = linkIn(mail.text);
    const token = decodeURIComponent(link.split('token=')[1]);
    // Only the hash is kept: neither the token row nor the sent outbox row holds the token.
    const stored = await t.query<{ hash: string; payload: unknown }>(
      `SELECT r.token_hash AS hash, o.payload FROM password_reset r, outbox o WHERE o.kind = 'password-reset'`,
    );
    expect(JSON.stringify(stored)).not.toContain(token);

    const form = await agent.get(link).expect(200);
    expect(form.text).toContain('name="token"');
    const tooShort = await postForm(
      agent,
      form.text,
      '/password-reset/new',
      [
        ['token', token],
        ['password', 'ngan'],
      ],
      422,
    );
    expect(tooShort.text).toContain('id="password-error"');
    const done = await postForm(
      agent,
      form.text,
      '/password-reset/new',
      [
        ['token', token],
        ['password', NEW_PASSWORD],
      ],
      303,
    );
    expect(done.headers.location).toBe('/login');

    await signIn('an@example.vn', NEW_PASSWORD).expect(200);
    await signIn('an@example.vn', PASSWORD).expect(401);
    // Single use: the same link no longer works, on the page nor by post.
    await agent.get(link).expect(404);
    await postForm(
      agent,
      form.text,
      '/password-reset/new',
      [
        ['token', token],
        ['password', 'mot-mat-khau-khac'],
      ],
      404,
    );
    await signIn('an@example.vn', NEW_PASSWORD).expect(200);
  });

  it('answers alike for an unknown email and mails nobody; staff accounts are not reset here', async () => {
    const known = await askForReset(browser(), 'an@example.vn');
    const unknown = await askForReset(browser(), 'nobody@example.vn');
    const staff = await askForReset(browser(), 'motcua@h12.gov.vn');
    expect([unknown.status, unknown.headers.location, staff.status, staff.headers.location]).toEqual([
      known.status,
      known.headers.location,
      known.status,
      known.headers.location,
    ]);
    expect(smtp.received.map((m) => m.rcptTo[0])).toEqual(['an@example.vn']);
  });

  it('refuses an expired link', async () => {
    const agent = browser();
    await askForReset(agent, 'an@example.vn');
    const link = linkIn(smtp.received[0].text);
    await t.query(`UPDATE password_reset SET expires_at = now() - interval '1 second'`);
    const page = await agent.get(link).expect(404);
    expect(page.text).toContain('Đường dẫn đặt lại mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn');
    const form = await agent.get('/password-reset').expect(200);
    const token = decodeURIComponent(link.split('token=')[1]);
    await postForm(
      agent,
      form.text,
      '/password-reset/new',
      [
        ['token', token],
        ['password', NEW_PASSWORD],
      ],
      404,
    );
  });

  it('writes the mail in the language of the request', async () => {
    await askForReset(browser(), 'an@example.vn', 303, 'en');
    expect(smtp.received[0].subject).toBe('Reset the password of your public-service portal account');
    expect(smtp.received[0].text).toContain('Hello Nguyễn Văn An');
  });

  it('counts requests against the sign-in throttle: the sixth in a minute from one address is refused', async () => {
    const agent = browser();
    for (let i = 0; i < 5; i++) await askForReset(agent, `someone${i}@example.vn`);
    const page = await agent.get('/password-reset').expect(200);
    const refused = await postForm(agent, page.text, '/password-reset', [['email', 'an@example.vn']], 429);
    expect(refused.text).toContain('Bạn đã đăng nhập sai quá nhiều lần');
    expect(csrfOf(refused.text)).toBeTruthy();
    await deliver();
    expect(smtp.received).toHaveLength(0);
  });
});
