import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pino, { type Logger } from 'pino';
import request from 'supertest';
import { inject } from 'vitest';
import { createPortal, type Portal } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';
import { databaseUrl, queryRows, runOnServer } from './database.js';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export interface TestPortal {
  portal: Portal;
  http: ReturnType<typeof request>;
  /** The test file's own database. */
  dbUrl: string;
  query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
}

/**
 * The real portal (the same `createPortal` as `npm start`) on a fresh clone of
 * the migrated template database, private to the calling test file.
 *
 * One portal per test file: passport keeps its strategies in a process-wide
 * registry, so a second app in the same file would take over the first's.
 */
export async function startTestPortal(env: Record<string, string> = {}, log: Logger = pino({ level: 'silent' })): Promise<TestPortal> {
  const serverUrl = inject('dbServerUrl');
  const name = `portal_t_${randomBytes(5).toString('hex')}`;
  await cloneTemplate(serverUrl, inject('dbTemplate'), name);
  const dbUrl = databaseUrl(serverUrl, name);
  const config = loadConfig({
    NODE_ENV: 'test',
    APP_SECRET: TEST_SECRET,
    DATABASE_URL: dbUrl,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    // No background jobs: a test runs the dispatcher and the deadline jobs itself (`runOnce`), so what
    // it sees does not depend on timing. pg-boss still starts and stops with the app.
    WORKERS: 'false',
    ...env,
  });
  const portal = await createPortal(config, log);
  return {
    portal,
    http: request(portal.app.getHttpServer()),
    dbUrl,
    query: (sql, params) => queryRows(dbUrl, sql, params),
    close: async () => {
      await portal.close();
      await runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Two files cloning at once can see "source database is being accessed": retry briefly. */
async function cloneTemplate(serverUrl: string, template: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await runOnServer(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (err) {
      if (attempt >= 20 || !String(err).includes('being accessed')) throw err;
      await sleep(100 + Math.random() * 200);
    }
  }
}
