// Public verification of a result, through HTTP on the real app: GET /api/v1/verify/{token} over
// RESULTS issued results, CONNECTIONS requests always in flight (autocannon). Target (issue): at least
// 1,000 requests per second. The dossiers come in through the import API (the same rows a live dossier
// has); their results are written straight into result_document (the verification reads only that
// row, its agency and its holder: rendering and signing are bench/result-render-sign.mjs's subject).
// Usage: npm run bench:verify   (DATABASE_URL: a server to use; else an embedded PostgreSQL)
// Knobs: DURATION (s, 20), WARMUP (s, 5), CONNECTIONS (100), RESULTS (2000).
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { FORM, PROCEDURE_CODE, seed } from './seed.mjs';
import { databaseServer, freshDatabase, latency, login, machine, processCpuMs, startServer } from './support.mjs';

const DURATION = Number(process.env.DURATION ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 5);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100);
const RESULTS = Number(process.env.RESULTS ?? 2000);

/** A dossier resolved some weeks ago: submitted, received, result issued, most of them returned. */
function resolvedDossier(i) {
  const day = new Date(Date.UTC(2026, 0, 5 + (i % 60), 2 + (i % 7)));
  const at = (hours) => new Date(day.getTime() + hours * 3_600_000).toISOString();
  const events = [
    { type: 'SUBMITTED', at: at(0) },
    { type: 'RECEIVED', at: at(1) },
    { type: 'RESULT_ISSUED', at: at(30) },
  ];
  if (i % 3 > 0) events.push({ type: 'RETURNED', at: at(50) });
  return {
    procedureCode: PROCEDURE_CODE,
    agencyCode: 'H12.05',
    channel: 'ONLINE',
    applicant: { citizenId: String(900000000000 + (i % 500)), fullName: `Nguyễn Văn Công ${i % 500}` },
    formData: FORM,
    events,
  };
}

async function importDossiers(port, token) {
  for (let from = 0; from < RESULTS; from += 1000) {
    const dossiers = Array.from({ length: Math.min(1000, RESULTS - from) }, (_, k) => resolvedDossier(from + k));
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/admin/dossiers/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ dossiers }),
    });
    if (res.status !== 200) throw new Error(`import: ${res.status} ${(await res.text()).slice(0, 500)}`);
  }
}

/** One result per dossier, numbered in the agency's series; one in ten revoked. */
async function issueResults(url) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const { rows } = await db.query(
    `INSERT INTO result_document (dossier_id, agency_id, holder_id, procedure_code, series_year, series_no, document_no, title,
                                  issued_at, signer_name, storage_key, sha256, size_bytes, verify_token, verify_url, status)
     SELECT d.id, d.agency_id, d.applicant_id, d.procedure_code, 2026, n, lpad(n::text, 4, '0') || '/2026/KQ-H12.05', 'Giấy khai sinh',
            d.completed_at, 'Trần Văn Lãnh', gen_random_uuid()::text, encode(sha256(d.id::text::bytea), 'hex'), 150000,
            replace(gen_random_uuid()::text, '-', ''), '', CASE WHEN n % 10 = 0 THEN 'REVOKED' ELSE 'ISSUED' END
       FROM (SELECT d.*, row_number() OVER (ORDER BY d.completed_at, d.id) AS n FROM dossier d WHERE d.completed_at IS NOT NULL) d
     RETURNING verify_token`,
  );
  await db.end();
  return rows.map((r) => r.verify_token).sort(() => Math.random() - 0.5);
}

/**
 * CPU time used so far by each PostgreSQL backend serving the bench's database (the app's pool), in ms
 * by pid: PostgreSQL shares the machine's cores with the app, so its work per request counts as much
 * as the app's. Null when the server is not on this machine.
 */
async function backendsCpuMs(serverUrl, database) {
  const db = new pg.Client({ connectionString: serverUrl });
  await db.connect();
  const { rows } = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  await db.end();
  const times = new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)]));
  return times.size === 0 || [...times.values()].includes(null) ? null : times;
}

/** The backends' CPU between two readings (a backend opened in between counts whole). */
function backendsCpuSpent(before, after) {
  if (!before || !after) return null;
  return [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
}

const oneMinuteLoad = () => +loadavg()[0].toFixed(2);

function load(port, tokens, seconds) {
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/verify/${tokens[i++ % tokens.length]}` }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

const server = await databaseServer();
const db = await freshDatabase(server.url, `portal_bench_verify_${process.pid}`);
try {
  const { admin } = await seed(db.url, 1);
  const app = await startServer('filing-app-server.mjs', [db.url]);
  try {
    await importDossiers(app.port, await login(app.port, admin.email));
    const tokens = await issueResults(db.url);
    const probe = await fetch(`http://127.0.0.1:${app.port}/api/v1/verify/${tokens[0]}`);
    if (probe.status !== 200) throw new Error(`GET /api/v1/verify/{token}: ${probe.status} ${await probe.text()}`);
    await load(app.port, tokens, WARMUP);
    const database = new URL(db.url).pathname.slice(1);
    const loadBefore = oneMinuteLoad();
    const pgBefore = await backendsCpuMs(server.url, database);
    const cpuBefore = app.cpuMs();
    const result = await load(app.port, tokens, DURATION);
    const cpuAfter = app.cpuMs();
    const pgAfter = await backendsCpuMs(server.url, database);
    const loadAfter = oneMinuteLoad();
    console.log(
      JSON.stringify(
        {
          results: tokens.length,
          connections: CONNECTIONS,
          durationSeconds: DURATION,
          requestsPerSecond: Math.round(result.requests.average),
          requests: result.requests.total,
          statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
          errors: result.errors,
          latencyMs: latency(result),
          appCpuMsPerRequest: cpuBefore === null ? null : +((cpuAfter - cpuBefore) / result.requests.total).toFixed(3),
          postgresCpuMsPerRequest: pgBefore && pgAfter ? +(backendsCpuSpent(pgBefore, pgAfter) / result.requests.total).toFixed(3) : null,
          loadAverageDuringRun: { start: loadBefore, end: loadAfter },
          machine: await machine(server.url),
        },
        null,
        2,
      ),
    );
  } finally {
    await app.stop();
  }
} finally {
  await db.drop();
  await server.stop();
}
