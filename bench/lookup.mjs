// Public lookup by dossier code, through HTTP on the real app: GET /api/v1/lookup/{code} over
// 2,000 dossiers (moved in with the import API: the same rows a live dossier has), CONNECTIONS
// requests always in flight (autocannon). Target (issue): at least 2,000 requests per second.
//
// The route allows 60 lookups a minute per client address. To measure the route rather than
// its refusals, the bench stands for a reverse proxy in front of many people: the app runs with
// TRUST_PROXY=true and each request names its client in X-Forwarded-For, cycling through
// ADDRESSES loopback addresses (127.1.x.y, only ever a header value), each kept under the limit.
// Every request still pays the limiter's upsert. (Binding the load generator to 127.0.0.2…9
// would give 8 × 60 = 480 lookups a minute: far too few for a sustained rate.)
// Usage: npm run bench:lookup   (DATABASE_URL: a server to use; else an embedded PostgreSQL)
// Knobs: DURATION (s, 20), WARMUP (s, 5), CONNECTIONS (100), DOSSIERS (2000), ADDRESSES (5000).
import autocannon from 'autocannon';
import pg from 'pg';
import { FORM, PROCEDURE_CODE, seed } from './seed.mjs';
import { databaseServer, freshDatabase, latency, login, machine, startServer } from './support.mjs';

const DURATION = Number(process.env.DURATION ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 5);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100);
const DOSSIERS = Number(process.env.DOSSIERS ?? 2000);
const ADDRESSES = Number(process.env.ADDRESSES ?? 5000);
const LIMIT_PER_MINUTE = 60;

/** Historical dossiers in every state the lookup shows, received over the past weeks. */
function oldDossier(i) {
  const day = new Date(Date.UTC(2026, 0, 5 + (i % 60), 2 + (i % 7))); // working hours, local time
  const at = (hours) => new Date(day.getTime() + hours * 3_600_000).toISOString();
  const events = [
    { type: 'SUBMITTED', at: at(0) },
    { type: 'RECEIVED', at: at(1) },
  ];
  if (i % 3 > 0) events.push({ type: 'RESULT_ISSUED', at: at(30) });
  if (i % 3 > 1) events.push({ type: 'RETURNED', at: at(50) });
  return {
    procedureCode: PROCEDURE_CODE,
    agencyCode: 'H12.05',
    channel: i % 4 === 0 ? 'COUNTER' : 'ONLINE',
    applicant: { citizenId: String(900000000000 + (i % 500)), fullName: `Công dân ${i % 500}` },
    formData: FORM,
    events: i % 4 === 0 ? events.slice(1) : events,
  };
}

async function importDossiers(port, token) {
  const started = Date.now();
  for (let from = 0; from < DOSSIERS; from += 1000) {
    const dossiers = Array.from({ length: Math.min(1000, DOSSIERS - from) }, (_, k) => oldDossier(from + k));
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/admin/dossiers/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ dossiers }),
    });
    if (res.status !== 200) throw new Error(`import: ${res.status} ${(await res.text()).slice(0, 500)}`);
  }
  return Date.now() - started;
}

function load(port, codes, seconds, firstAddress) {
  let i = 0;
  const addresses = Array.from({ length: ADDRESSES }, (_, k) => `127.1.${(k >> 8) & 255}.${k & 255}`);
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => {
              const n = firstAddress + i++;
              return {
                ...req,
                path: `/api/v1/lookup/${encodeURIComponent(codes[n % codes.length])}`,
                headers: { 'x-forwarded-for': addresses[n % addresses.length] },
              };
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, sent: i })),
    );
  });
}

const server = await databaseServer();
const db = await freshDatabase(server.url, `portal_bench_lookup_${process.pid}`);
try {
  const { admin } = await seed(db.url, 1);
  const app = await startServer('filing-app-server.mjs', [db.url], { BENCH_TRUST_PROXY: 'true' });
  try {
    const importMs = await importDossiers(app.port, await login(app.port, admin.email));
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const codes = (await client.query(`SELECT code FROM dossier ORDER BY random()`)).rows.map((r) => r.code);
    await client.end();

    const probe = await fetch(`http://127.0.0.1:${app.port}/api/v1/lookup/${encodeURIComponent(codes[0])}`);
    if (probe.status === 404 && !(await probe.text()).includes('lookup.notFound')) {
      console.log(JSON.stringify({ error: 'GET /api/v1/lookup/{code} does not exist in this build: nothing to measure' }));
      process.exitCode = 1;
    } else {
      const warm = await load(app.port, codes, WARMUP, 0);
      const cpuBefore = app.cpuMs();
      const { result } = await load(app.port, codes, DURATION, warm.sent);
      const cpuMs = app.cpuMs() - cpuBefore;
      const perAddressPerMinute = Math.ceil(((result.requests.total + warm.sent) / ADDRESSES) * (60 / (DURATION + WARMUP)));
      console.log(
        JSON.stringify(
          {
            dossiers: codes.length,
            importSecondsPer1000: Math.round(importMs / (codes.length / 1000)) / 1000,
            connections: CONNECTIONS,
            durationSeconds: DURATION,
            requestsPerSecond: Math.round(result.requests.average),
            requests: result.requests.total,
            statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
            errors: result.errors,
            latencyMs: latency(result),
            // The server's own CPU (user + system) per lookup: steadier than req/s on a shared machine.
            serverCpuMsPerRequest: Number.isFinite(cpuMs) ? Math.round((cpuMs / result.requests.total) * 1000) / 1000 : null,
            addresses: ADDRESSES,
            lookupsPerAddressPerMinute: perAddressPerMinute,
            underTheLimit: perAddressPerMinute <= LIMIT_PER_MINUTE,
            machine: await machine(server.url),
          },
          null,
          2,
        ),
      );
    }
  } finally {
    await app.stop();
  }
} finally {
  await db.drop();
  await server.stop();
}
