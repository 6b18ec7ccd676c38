import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/database/database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/database/embedded-postgres.js';
import { databaseUrl, runOnServer } from './helpers/database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dbServerUrl: string;
    dbTemplate: string;
  }
}

/**
 * One real PostgreSQL for the run: the server of DATABASE_URL when set, else
 * an embedded one in a temporary directory. One migrated template database;
 * each test file clones it (see helpers/portal.ts).
 */
export default async function setup(project: TestProject) {
  const log = pino({ level: 'warn' });
  let embedded: EmbeddedServer | undefined;
  let workDir: string | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    workDir = await mkdtemp(path.join(tmpdir(), 'portal-test-'));
    await chmod(workDir, 0o755); // the `postgres` system user must reach its data directory
    embedded = await startEmbeddedPostgres({ dir: path.join(workDir, 'pg'), port: await freePort(), log });
    serverUrl = embedded.url('postgres');
  }
  const template = `portal_tpl_${process.pid}_${project.name}`;
  await runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${template}"`);
  await runOnServer(serverUrl, `CREATE DATABASE "${template}"`);
  await migrate(databaseUrl(serverUrl, template), log);
  project.provide('dbServerUrl', serverUrl);
  project.provide('dbTemplate', template);

  return async () => {
    await runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => undefined);
    await embedded?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
