// Shared by the HTTP benchmarks: a fresh database on DATABASE_URL's server (or an embedded
// PostgreSQL), a server in a child process (so the load generator does not share its event
// loop), and the machine's description for bench/README.md.
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, chmod, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import pino from 'pino';
import { migrate } from '../dist/database/database.js';
import { startEmbeddedPostgres } from '../dist/database/embedded-postgres.js';

export const log = pino({ level: 'warn' });
export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-0000';

/** A PostgreSQL server to create databases on: DATABASE_URL's, or an embedded one started here. */
export async function databaseServer() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dir = await mkdtemp(path.join(tmpdir(), 'portal-bench-'));
  await chmod(dir, 0o755); // the `postgres` system user must reach its data directory
  const embedded = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port: 55000 + Math.floor(Math.random() * 5000), log });
  return {
    url: embedded.url('postgres'),
    stop: async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A new, migrated database on `serverUrl`; `drop()` removes it. */
export async function freshDatabase(serverUrl, name) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString(), log);
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Runs `bench/<script>` in a child process; resolves with the port it prints as `{"port":N}`. */
export function startServer(script, args, env = {}) {
  // BENCH_SERVER_FLAGS: node flags for the server only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
  const flags = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, path.join(BENCH_DIR, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{"port"'));
      if (!line) return;
      child.removeAllListeners('exit');
      resolve({
        // The server's first line: its port, and whatever else it reports (e.g. rollUpMs).
        ...JSON.parse(line),
        cpuMs: () => processCpuMs(child.pid),
        stop: () =>
          new Promise((done) => {
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc (Linux); null elsewhere.
 * Per request, it is a steadier measure than requests per second on a machine shared with other work.
 */
export function processCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime: fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** What bench/README.md records with each result. */
export async function machine(serverUrl) {
  const db = new pg.Client({ connectionString: serverUrl });
  await db.connect();
  const { rows } = await db.query('SHOW server_version');
  await db.end();
  return {
    nproc: Number(execFileSync('nproc').toString().trim()),
    cpu: cpus()[0].model,
    node: process.version,
    postgres: rows[0].server_version,
    date: new Date().toISOString().slice(0, 10),
    // Other work on the machine skews every figure: recorded with them.
    loadAverage: loadavg().map((l) => +l.toFixed(2)),
  };
}

/** The percentiles autocannon reports, in ms. */
export function latency(result) {
  return { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max };
}

/** Signs in through the API; returns the bearer token. */
export async function login(port, username, password = 'bench-password-123') {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}
