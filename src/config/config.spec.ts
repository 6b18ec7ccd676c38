import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const SECRET = 'x'.repeat(32);

/** Runs loadConfig expecting it to fail, and returns the ConfigError it threw. */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

function expectOneLineNaming(err: ConfigError, name: string): void {
  expect(err.message).not.toMatch(/[\r\n\u2028\u2029]/);
  expect(err.message.startsWith(`Invalid environment variable ${name}`)).toBe(true);
}

describe('loadConfig defaults', () => {
  it('uses the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      env: 'development',
      host: '0.0.0.0',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      dataDir: './data',
      databaseUrl: undefined,
      embeddedPgPort: 54329,
      appSecret: undefined,
      jwtTtlSeconds: 28800,
      firstAdmin: undefined,
      demoData: true,
      logLevel: 'info',
      trustProxy: false,
      cookieSecure: false,
      smtpUrl: undefined,
      mailFrom: '"Cổng dịch vụ công" <no-reply@localhost>',
      workers: true,
    });
  });

  it('turns demo data on outside production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).demoData).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).demoData).toBe(true);
  });

  it('turns demo data off and secure cookies on in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', APP_SECRET: SECRET });
    expect(config.demoData).toBe(false);
    expect(config.cookieSecure).toBe(true);
    expect(config.appSecret).toBe(SECRET);
  });

  it('lets DEMO_DATA and COOKIE_SECURE override the defaults of the environment', () => {
    expect(loadConfig({ NODE_ENV: 'production', APP_SECRET: SECRET, DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', APP_SECRET: SECRET, COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig({ DEMO_DATA: 'no' }).demoData).toBe(false);
    expect(loadConfig({ COOKIE_SECURE: '1' }).cookieSecure).toBe(true);
  });

  it('reads every boolean spelling', () => {
    for (const [text, value] of [
      ['true', true],
      ['1', true],
      ['yes', true],
      ['false', false],
      ['0', false],
      ['no', false],
    ] as const) {
      expect(loadConfig({ DEMO_DATA: text }).demoData).toBe(value);
    }
  });

  it('reads TRUST_PROXY as a boolean or a hop count', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('derives the public URL from the port, and drops a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://dichvucong.example.gov.vn/' }).publicUrl).toBe('https://dichvucong.example.gov.vn');
  });

  it('sets up the first administrator only when both ADMIN_EMAIL and ADMIN_PASSWORD are set', () => {
    expect(loadConfig({ ADMIN_EMAIL: 'admin@example.vn', ADMIN_PASSWORD: 'correct horse' }).firstAdmin).toEqual({
      email: 'admin@example.vn',
      password: 'correct horse',
    });
  });

  it('reads the mail and worker settings', () => {
    const config = loadConfig({ SMTP_URL: 'smtp://u:p@mail:587', MAIL_FROM: 'UBND <no-reply@x.gov.vn>', WORKERS: 'false' });
    expect(config).toMatchObject({ smtpUrl: 'smtp://u:p@mail:587', mailFrom: 'UBND <no-reply@x.gov.vn>', workers: false });
  });

  it('never shows the SMTP password of a bad SMTP_URL', () => {
    expect(configError({ SMTP_URL: 'smtp://user:S3cr3t@mail host' }).message).not.toContain('S3cr3t');
  });

  it('accepts a postgres or postgresql connection URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/portal' }).databaseUrl).toBe('postgres://u:p@db/portal');
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/portal' }).databaseUrl).toBe('postgresql://db/portal');
  });

  it('accepts every whole port number from 1 to 65535', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65535 }), (port) => {
        expect(loadConfig({ PORT: String(port) }).port).toBe(port);
      }),
    );
  });
});

describe('loadConfig: empty strings count as unset', () => {
  it('falls back to the defaults', () => {
    const config = loadConfig({ PORT: '', DATA_DIR: '', NODE_ENV: '', DEMO_DATA: '', TRUST_PROXY: '', APP_SECRET: '', DATABASE_URL: '' });
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe('./data');
    expect(config.env).toBe('development');
    expect(config.demoData).toBe(true);
    expect(config.trustProxy).toBe(false);
    expect(config.appSecret).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
  });

  it('treats empty ADMIN_EMAIL and ADMIN_PASSWORD as no first administrator', () => {
    expect(loadConfig({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' }).firstAdmin).toBeUndefined();
  });

  it('treats an empty ADMIN_PASSWORD as missing', () => {
    expectOneLineNaming(configError({ ADMIN_EMAIL: 'admin@example.vn', ADMIN_PASSWORD: '' }), 'ADMIN_PASSWORD');
  });

  it('treats an empty APP_SECRET as missing in production', () => {
    const err = configError({ NODE_ENV: 'production', APP_SECRET: '' });
    expectOneLineNaming(err, 'APP_SECRET');
    expect(err.message).toContain('required in production');
  });
});

describe('loadConfig: bad values', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['PORT=abc', { PORT: 'abc' }, 'PORT'],
    ['PORT=70000', { PORT: '70000' }, 'PORT'],
    ['PORT=0', { PORT: '0' }, 'PORT'],
    ['PORT=80.5', { PORT: '80.5' }, 'PORT'],
    ['DATABASE_URL=mysql://x', { DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    ['APP_SECRET too short', { APP_SECRET: 'short-secret' }, 'APP_SECRET'],
    ['ADMIN_EMAIL without ADMIN_PASSWORD', { ADMIN_EMAIL: 'admin@example.vn' }, 'ADMIN_PASSWORD'],
    ['ADMIN_PASSWORD without ADMIN_EMAIL', { ADMIN_PASSWORD: 'correct horse' }, 'ADMIN_EMAIL'],
    ['ADMIN_EMAIL not an email', { ADMIN_EMAIL: 'admin', ADMIN_PASSWORD: 'correct horse' }, 'ADMIN_EMAIL'],
    ['ADMIN_PASSWORD too short', { ADMIN_EMAIL: 'admin@example.vn', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    ['NODE_ENV=staging', { NODE_ENV: 'staging' }, 'NODE_ENV'],
    ['DEMO_DATA=maybe', { DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
    ['COOKIE_SECURE=on', { COOKIE_SECURE: 'on' }, 'COOKIE_SECURE'],
    ['TRUST_PROXY=xyz', { TRUST_PROXY: 'xyz' }, 'TRUST_PROXY'],
    ['LOG_LEVEL=loud', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['PUBLIC_URL not absolute', { PUBLIC_URL: 'dichvucong' }, 'PUBLIC_URL'],
    ['EMBEDDED_PG_PORT=80', { EMBEDDED_PG_PORT: '80' }, 'EMBEDDED_PG_PORT'],
    ['JWT_TTL_SECONDS=5', { JWT_TTL_SECONDS: '5' }, 'JWT_TTL_SECONDS'],
    ['production without APP_SECRET', { NODE_ENV: 'production' }, 'APP_SECRET'],
    ['SMTP_URL not smtp', { SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    ['MAIL_FROM without an address', { MAIL_FROM: 'Cổng' }, 'MAIL_FROM'],
    ['WORKERS=sometimes', { WORKERS: 'sometimes' }, 'WORKERS'],
  ];

  it.each(cases)('%s throws a one-line ConfigError naming the variable', (_label, env, name) => {
    expectOneLineNaming(configError(env), name);
  });

  it('says why a port is out of range rather than that it is not a number', () => {
    const err = configError({ PORT: '70000' });
    expect(err.message).toContain('(got "70000")');
    expect(err.message).not.toContain('must be a number');
    expect(err.message).toContain('between 1 and 65535');
    expect(configError({ PORT: 'abc' }).message).toContain('must be a number');
  });

  it('shows the offending value of a non-secret variable', () => {
    expect(configError({ NODE_ENV: 'staging' }).message).toContain('(got "staging")');
  });

  it('keeps the message on one line whatever the bad value contains', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('LOG_LEVEL', 'NODE_ENV', 'DEMO_DATA', 'TRUST_PROXY', 'PORT', 'PUBLIC_URL', 'ADMIN_EMAIL'),
        fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\u2028', '\u2029', '\u0085', '\t', '"', '\\', 'é') }),
        (name, junk) => {
          const value = `bad\n${junk}`;
          const env: Record<string, string> = { [name]: value };
          if (name === 'ADMIN_EMAIL') env.ADMIN_PASSWORD = 'correct horse';
          const err = configError(env);
          expectOneLineNaming(err, name);
          expect(err.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        },
      ),
    );
  });

  it('never shows the value of a secret', () => {
    const secret = fc.string({ minLength: 1, maxLength: 40 }).map((s) => `S3cr3t-${s}`);
    fc.assert(
      fc.property(
        secret,
        secret,
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.constantFrom<Record<string, string>>({}, { PORT: 'abc' }, { NODE_ENV: 'production' }, { NODE_ENV: 'staging' }),
        (appSecret, adminPassword, dbRest, others) => {
          const databaseUrl = `mysql://admin:S3cr3t-db${dbRest}@db/portal`;
          for (const env of [
            { ...others, APP_SECRET: appSecret },
            { ...others, ADMIN_PASSWORD: adminPassword },
            { ...others, ADMIN_EMAIL: 'admin@example.vn', ADMIN_PASSWORD: adminPassword.slice(0, 9) },
            { ...others, DATABASE_URL: databaseUrl },
            { ...others, APP_SECRET: appSecret, ADMIN_PASSWORD: adminPassword, DATABASE_URL: databaseUrl },
          ]) {
            let message: string | undefined;
            try {
              loadConfig(env);
            } catch (err) {
              expect(err).toBeInstanceOf(ConfigError);
              message = (err as ConfigError).message;
            }
            if (message === undefined) continue; // a long enough APP_SECRET alone is valid
            expect(message).not.toContain('S3cr3t');
          }
        },
      ),
    );
  });

  it('refuses any PORT that is not a whole number from 1 to 65535', () => {
    const bad = fc.oneof(
      fc.integer({ min: 65536 }).map(String),
      fc.integer({ max: 0 }).map(String),
      fc.double({ noNaN: true, noInteger: true }).map(String),
      fc.stringMatching(/^[a-z]+$/),
    );
    fc.assert(
      fc.property(bad, (port) => {
        expectOneLineNaming(configError({ PORT: port }), 'PORT');
      }),
    );
  });
});
