import { z } from 'zod';

/**
 * Every environment variable the portal reads, validated once at boot.
 * `.env.example` mirrors this schema: keep them in step.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A whole number in [min, max], with a message that says which rule failed. */
const intIn = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(min, { message: `must be between ${min} and ${max}` })
    .max(max, { message: `must be between ${min} and ${max}` });

const variables = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: intIn(1, 65535).default(3000),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://dichvucong.example.gov.vn' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// connection URL' })
    .optional(),
  EMBEDDED_PG_PORT: intIn(1024, 65535).default(54329),
  APP_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  JWT_TTL_SECONDS: intIn(60, 604800).default(28800),
  ADMIN_EMAIL: z.email({ message: 'must be an email address' }).optional(),
  ADMIN_PASSWORD: z.string().min(10, { message: 'must be at least 10 characters' }).optional(),
  DEMO_DATA: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+)$/, { message: 'must be true, false or a number of proxy hops' })
    .default('false'),
  COOKIE_SECURE: bool.optional(),
  // S3-compatible storage for component files; all four of these set together, or none (local files).
  S3_ENDPOINT: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://s3.example.gov.vn' }).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be a bucket name: 3 to 63 lower-case letters, digits, dots, dashes' })
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, { message: 'must be a region name such as us-east-1' })
    .default('us-east-1'),
  S3_FORCE_PATH_STYLE: bool.default(true),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, { message: 'must be an smtp:// or smtps:// URL such as smtp://user:pass@host:587' })
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/@/, { message: 'must be a sender address such as "Cổng dịch vụ công" <no-reply@example.gov.vn>' })
    .optional(),
  WORKERS: bool.default(true),
  // Online fee payment; without a secret key the sandbox checkout (marked TEST) takes payments.
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_/, { message: 'must be a Stripe secret key (sk_… or rk_…)' })
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_/, { message: 'must be a webhook signing secret (whsec_…)' })
    .optional(),
  STRIPE_API_BASE: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://127.0.0.1:12111' }).optional(),
  // Agencies' signing certificates: one PKCS#12 file, or a directory of {agencyCode}.p12 (and default.p12).
  SIGNING_P12_PATH: z.string().min(1).optional(),
  SIGNING_P12_PASSPHRASE: z.string().optional(),
});

/** The names of every variable the portal reads. */
export const ENV_VARIABLES = Object.keys(variables.shape);

const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

const schema = variables.superRefine((env, ctx) => {
  const s3Missing = S3_REQUIRED.filter((name) => !env[name]);
  if (s3Missing.length > 0 && s3Missing.length < S3_REQUIRED.length) {
    ctx.addIssue({
      code: 'custom',
      path: [s3Missing[0]],
      message: `must be set together with ${S3_REQUIRED.filter((n) => env[n]).join(', ')}`,
    });
  }
  if (env.NODE_ENV === 'production' && !env.APP_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'is required in production' });
  }
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['STRIPE_WEBHOOK_SECRET'], message: 'must be set together with STRIPE_SECRET_KEY' });
  }
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    ctx.addIssue({
      code: 'custom',
      path: [env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'],
      message: 'must be set together with ' + (env.ADMIN_EMAIL ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD'),
    });
  }
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  /** Unset: the portal runs its own embedded PostgreSQL in `dataDir/pg`. */
  databaseUrl?: string;
  embeddedPgPort: number;
  /** Unset outside production: a random secret is kept in `dataDir`. */
  appSecret?: string;
  jwtTtlSeconds: number;
  firstAdmin?: { email: string; password: string };
  demoData: boolean;
  logLevel: string;
  trustProxy: boolean | number;
  cookieSecure: boolean;
  /** Unset: component files live under `dataDir/files`. */
  s3?: S3Config;
  /** Unset: mail is written as .eml files to `dataDir/mail` (dev mailbox page). */
  smtpUrl?: string;
  mailFrom: string;
  /** This replica processes background jobs (outbox, deadlines); false on pure web replicas. */
  workers: boolean;
  /** Unset: online payments go to the local sandbox checkout. */
  stripe?: StripeConfig;
  /** Unset: a self-signed certificate per agency is generated into `dataDir/keys`. */
  signingP12?: { path: string; passphrase: string };
}

/** Stripe, and where its API is (another server in tests: a local fake or stripe-mock). */
export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  apiBase?: string;
}

export const DEFAULT_MAIL_FROM = '"Cổng dịch vụ công" <no-reply@localhost>';

/** An S3-compatible bucket (AWS S3, MinIO, Ceph, a cloud's object storage). */
export interface S3Config {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** `endpoint/bucket/key` rather than `bucket.endpoint/key`: what most self-hosted servers expect. */
  forcePathStyle: boolean;
}

export class ConfigError extends Error {}

/** Escapes line breaks and other control characters, so an error message stays on one line. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Reads the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "not set", as it does in shells and compose files.
  const env = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    const shown = name in env && !/SECRET|PASSWORD|DATABASE_URL|SMTP_URL/.test(name) ? ` (got ${JSON.stringify(env[name])})` : '';
    throw new ConfigError(oneLine(`Invalid environment variable ${name}${shown}: ${issue.message}`));
  }
  const e = parsed.data;
  const trustProxy = e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : Number(e.TRUST_PROXY);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    appSecret: e.APP_SECRET,
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    firstAdmin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    demoData: e.DEMO_DATA ?? e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL,
    trustProxy,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    s3:
      e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? {
            endpoint: e.S3_ENDPOINT,
            bucket: e.S3_BUCKET,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            region: e.S3_REGION,
            forcePathStyle: e.S3_FORCE_PATH_STYLE,
          }
        : undefined,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? DEFAULT_MAIL_FROM,
    workers: e.WORKERS,
    signingP12: e.SIGNING_P12_PATH ? { path: e.SIGNING_P12_PATH, passphrase: e.SIGNING_P12_PASSPHRASE ?? '' } : undefined,
    stripe:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET, apiBase: e.STRIPE_API_BASE }
        : undefined,
  };
}
