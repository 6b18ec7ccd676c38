// Filing and receiving throughput, through HTTP: citizens create a draft with its form and submit
// it, a receptionist receives it (code, clock, events, outbox), with CONNECTIONS requests always
// in flight (autocannon). Once against the real app (dist/, its own process), once against a bare
// node:http + pg baseline doing the same database work (bench/filing-bare-server.mjs), each on a
// fresh database. Target (issue): the app at least 50 % of the baseline's requests per second.
// Usage: npm run bench:filing   (DATABASE_URL: a server to use; else an embedded PostgreSQL)
// Knobs: DURATION (s, 20), WARMUP (s, 5), CONNECTIONS (100), CITIZENS (100), ROUNDS (3), ONLY (app | bare),
// WITHOUT_STATS_TRIGGER (1: the statistics' trigger dropped, to measure what it costs).
// Each figure is the median of the rounds.
import autocannon from 'autocannon';
import pg from 'pg';
import { FORM, PASSWORD, PROCEDURE_CODE, seed } from './seed.mjs';
import { databaseServer, freshDatabase, latency, login, machine, processCpuMs, startServer } from './support.mjs';

const DURATION = Number(process.env.DURATION ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 5);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100);
const CITIZENS = Number(process.env.CITIZENS ?? 100);
const MODES = process.env.ONLY ? [process.env.ONLY] : ['app', 'bare'];
const ROUNDS = Number(process.env.ROUNDS ?? 3);
/** Bearer tokens: the app's from its sign-in; the baseline's are the user ids. */
async function tokensFor(mode, port, users) {
  if (mode === 'bare') return users.map((u) => u.id);
  const tokens = [];
  // Four at a time: each sign-in verifies an argon2 hash (slow on purpose).
  for (let i = 0; i < users.length; i += 4)
    tokens.push(...(await Promise.all(users.slice(i, i + 4).map((u) => login(port, u.email, PASSWORD)))));
  return tokens;
}

/** Each connection files one dossier after another: create → submit → receive. */
function load(port, citizenTokens, receptionistToken, seconds) {
  let next = 0;
  let received = 0;
  const createBody = JSON.stringify({ procedureCode: PROCEDURE_CODE, agencyCode: 'H12.05', formData: FORM });
  // The id and version are the first of their keys in both servers' answers: no full JSON parse in the load generator.
  const idOf = (body) => /"id":"([0-9a-f-]{36})"/.exec(body)?.[1];
  const versionOf = (body) => Number(/"version":(\d+)/.exec(body)?.[1]);
  const json = (token) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/dossiers',
            setupRequest: (req, ctx) => {
              ctx.token = citizenTokens[next++ % citizenTokens.length];
              return { ...req, headers: json(ctx.token), body: createBody };
            },
            onResponse: (status, body, ctx) => {
              ctx.id = status === 201 ? idOf(body) : undefined;
            },
          },
          {
            method: 'POST',
            setupRequest: (req, ctx) =>
              ctx.id ? { ...req, path: `/api/v1/dossiers/${ctx.id}/submit`, headers: { authorization: `Bearer ${ctx.token}` } } : null,
            onResponse: (status, body, ctx) => {
              ctx.version = status === 200 ? versionOf(body) : undefined;
            },
          },
          {
            method: 'POST',
            setupRequest: (req, ctx) =>
              ctx.version
                ? {
                    ...req,
                    path: `/api/v1/dossiers/${ctx.id}/actions/receive`,
                    headers: json(receptionistToken),
                    body: JSON.stringify({ version: ctx.version }),
                  }
                : null,
            onResponse: (status) => {
              if (status === 200) received++;
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, received })),
    );
  });
}

async function run(mode, serverUrl) {
  const db = await freshDatabase(serverUrl, `portal_bench_filing_${mode}_${process.pid}`);
  try {
    const { citizens, receptionist } = await seed(db.url, CITIZENS);
    // WITHOUT_STATS_TRIGGER=1: what the statistics' trigger on dossier_event costs both servers.
    if (process.env.WITHOUT_STATS_TRIGGER) await dropStatsTrigger(db.url);
    const server = await startServer(mode === 'app' ? 'filing-app-server.mjs' : 'filing-bare-server.mjs', [db.url]);
    try {
      const [receptionistToken] = await tokensFor(mode, server.port, [receptionist]);
      const citizenTokens = await tokensFor(mode, server.port, citizens);
      await load(server.port, citizenTokens, receptionistToken, WARMUP); // JIT, pools, caches
      const backends = await databaseBackends(db.url);
      const cpuBefore = server.cpuMs();
      const dbCpuBefore = backends.cpuMs();
      const { result, received } = await load(server.port, citizenTokens, receptionistToken, DURATION);
      const cpuUsed = server.cpuMs() - cpuBefore;
      const dbCpuUsed = backends.cpuMs() - dbCpuBefore;
      const check = new pg.Client({ connectionString: db.url });
      await check.connect();
      const {
        rows: [stored],
      } = await check.query(
        `SELECT count(*) FILTER (WHERE status = 'IN_PROGRESS')::int AS received, count(DISTINCT code)::int AS codes,
                count(*) FILTER (WHERE code IS NOT NULL)::int AS coded FROM dossier`,
      );
      await check.end();
      if (stored.codes !== stored.coded) throw new Error('duplicate dossier codes');
      return {
        mode,
        requestsPerSecond: Math.round(result.requests.average),
        dossiersPerSecond: Math.round((received / result.duration) * 10) / 10,
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        latencyMs: latency(result),
        // The server's own CPU per request (the database's is not counted).
        serverCpuMsPerRequest: perRequest(cpuUsed, result.requests.total),
        // PostgreSQL's CPU per request: its backends serving this server's pool.
        databaseCpuMsPerRequest: perRequest(dbCpuUsed, result.requests.total),
        receivedInDatabase: stored.received,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

async function dropStatsTrigger(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP TRIGGER IF EXISTS stats_on_dossier_event ON dossier_event`);
  await client.end();
}

function perRequest(ms, requests) {
  return Number.isFinite(ms) ? Math.round((ms / requests) * 100) / 100 : null;
}

/** The PostgreSQL backends connected to the bench's database now (the server's warm pool), and their CPU so far. */
async function databaseBackends(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  await client.end();
  return { cpuMs: () => rows.reduce((sum, r) => sum + (processCpuMs(r.pid) ?? NaN), 0) };
}

/** The median of the rounds, by requests per second. */
function median(runs) {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const server = await databaseServer();
try {
  // Rounds alternate app and baseline, so that both meet the same machine (other work, caches, disk).
  const runs = Object.fromEntries(MODES.map((m) => [m, []]));
  for (let round = 0; round < ROUNDS; round++) for (const mode of MODES) runs[mode].push(await run(mode, server.url));
  const results = Object.fromEntries(MODES.map((m) => [m, median(runs[m])]));
  const ratio =
    results.app && results.bare ? Math.round((results.app.requestsPerSecond / results.bare.requestsPerSecond) * 1000) / 10 : null;
  console.log(
    JSON.stringify(
      {
        connections: CONNECTIONS,
        durationSeconds: DURATION,
        rounds: ROUNDS,
        ...results,
        appVsBarePercent: ratio,
        // [req/s, p99 ms, server CPU ms per request, database CPU ms per request] of each round.
        everyRound: Object.fromEntries(
          MODES.map((m) => [
            m,
            runs[m].map((r) => [r.requestsPerSecond, r.latencyMs.p99, r.serverCpuMsPerRequest, r.databaseCpuMsPerRequest]),
          ]),
        ),
        machine: await machine(server.url),
      },
      null,
      2,
    ),
  );
} finally {
  await server.stop();
}
