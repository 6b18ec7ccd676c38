// The statistics API over 1,000,000 dossiers with their events: GET /api/v1/stats/summary and
// /stats/by-agency through HTTP on the real app, timed one request after another.
// Targets (issue 7): summary p95 under 300 ms, by-agency p95 under 500 ms.
//
// The dossiers, their events, ratings and payments are written in SQL (generate_series) into a
// database of their own; the statistics facts (stats_dossier, stats_clock_span) are then built
// in one set-based statement each, exactly what the per-event trigger would have written, which
// it would take far longer to replay row by row. The trigger's own cost on writes is measured
// separately, on 20,000 event inserts with and without it (rolled back).
//
// Usage: npm run bench:stats   (DATABASE_URL: a server to use; else an embedded PostgreSQL)
// Knobs: DOSSIERS (1000000), REQUESTS (100 per scenario), WARMUP (10), KEEP=1 keeps the database,
// NO_ROLLUP=1 leaves the monthly roll-ups unbuilt (every period counted from the facts, for comparison).
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { seed } from './seed.mjs';
import { databaseServer, freshDatabase, login, machine, startServer } from './support.mjs';

const DOSSIERS = Number(process.env.DOSSIERS ?? 1_000_000);
const REQUESTS = Number(process.env.REQUESTS ?? 100);
const WARMUP = Number(process.env.WARMUP ?? 10);
const COMMUNES = 30;
const PROCEDURES = 20;

const server = await databaseServer();
const db = await freshDatabase(server.url, `portal_bench_stats_${process.pid}`);
const sql = new pg.Client({ connectionString: db.url });
await sql.connect();
const timed = async (label, text, params) => {
  const started = performance.now();
  const res = await sql.query(text, params);
  console.error(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return res;
};

try {
  await seed(db.url, 1);
  await generate();
  const writeCost = await triggerCost();
  // NO_ROLLUP=1 measures without the monthly roll-ups: every period counted from the facts.
  const app = await startServer('filing-app-server.mjs', [db.url], process.env.NO_ROLLUP ? {} : { BENCH_ROLL_UP: '1' });
  if (app.rollUpMs !== undefined) console.error(`monthly roll-ups built in ${(app.rollUpMs / 1000).toFixed(1)} s`);
  try {
    const token = await login(app.port, 'manager@h12.gov.vn');
    const results = {};
    const now = new Date();
    const month = { from: monthStart(now, 0), to: monthStart(now, 1) };
    const year = { from: monthStart(now, -11), to: monthStart(now, 1) };
    const scenarios = [
      ['summary, this month, whole province', '/api/v1/stats/summary', {}],
      ['summary, this month, one commune', '/api/v1/stats/summary', { agencyCode: 'H12.C07' }],
      ['summary, this month, one sector', '/api/v1/stats/summary', { sector: 'Lĩnh vực 3' }],
      ['summary, 12 months, whole province', '/api/v1/stats/summary', year],
      ['by-agency, this month', '/api/v1/stats/by-agency', month],
      ['by-agency, 12 months', '/api/v1/stats/by-agency', year],
      ['by-procedure, this month', '/api/v1/stats/by-procedure', month],
      ['summary, 12 months, one commune', '/api/v1/stats/summary', { ...year, agencyCode: 'H12.C07' }],
      ['by-procedure, 12 months', '/api/v1/stats/by-procedure', year],
    ];
    for (const [name, path, query] of scenarios) results[name] = await measure(app.port, token, path, query);
    console.log(
      JSON.stringify(
        { dossiers: DOSSIERS, requests: REQUESTS, rollUpMs: app.rollUpMs, results, writeCost, machine: await machine(server.url) },
        null,
        2,
      ),
    );
  } finally {
    await app.stop();
  }
} finally {
  await sql.end();
  if (!process.env.KEEP) await db.drop();
  await server.stop();
}

function monthStart(now, add) {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + add, 1) - 7 * 3_600_000).toISOString();
}

async function measure(port, token, path, query) {
  const url = `http://127.0.0.1:${port}${path}?${new URLSearchParams(query)}`;
  const once = async () => {
    const started = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.slice(0, 300)}`);
    return { ms: performance.now() - started, body };
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const times = [];
  let sample;
  for (let i = 0; i < REQUESTS; i++) {
    const r = await once();
    times.push(r.ms);
    sample = r.body;
  }
  times.sort((a, b) => a - b);
  const at = (p) => +times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)].toFixed(1);
  const parsed = JSON.parse(sample);
  return {
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: +times.at(-1).toFixed(1),
    received: parsed.received?.total ?? parsed.items?.reduce((s, i) => s + i.received.total, 0),
  };
}

/**
 * The province's communes, procedures and officers, then DOSSIERS dossiers received over the
 * past 12 months (more of them online, most resolved, a few late), 3 to 5 events each.
 */
async function generate() {
  await sql.query(`INSERT INTO agency (code, name, level, parent_id)
    SELECT 'H12.C' || lpad(i::text, 2, '0'), 'Xã ' || i, 'COMMUNE', (SELECT id FROM agency WHERE code = 'H12')
      FROM generate_series(1, ${COMMUNES}) i`);
  await sql.query(`INSERT INTO app_user (email, full_name, password_hash, roles, agency_id)
    SELECT 'manager@h12.gov.vn', 'Giám sát tỉnh', password_hash, ARRAY['MANAGER'], (SELECT id FROM agency WHERE code = 'H12')
      FROM app_user WHERE email = 'admin@h12.gov.vn'`);
  await sql.query(`INSERT INTO app_user (email, full_name, password_hash, roles, agency_id)
    SELECT lower('officer-' || replace(a.code, '.', '-') || '-' || r || '@h12.gov.vn'), 'Cán bộ ' || a.code || ' ' || r, 'x', ARRAY[r], a.id
      FROM agency a, unnest(ARRAY['RECEPTIONIST', 'SPECIALIST', 'LEADER']) r WHERE a.level = 'COMMUNE'`);
  // Copies of the seeded procedure under other codes and sectors, served by every commune.
  await sql.query(`INSERT INTO procedure (code, current_version, name, sector, level, agency_codes, service_level)
    SELECT '9.' || lpad(i::text, 6, '0'), 1, 'Thủ tục ' || i, 'Lĩnh vực ' || (i % 5), 'COMMUNE',
           (SELECT array_agg(code::text) FROM agency WHERE level = 'COMMUNE'), CASE WHEN i % 3 = 0 THEN 'PARTIAL' ELSE 'FULL' END
      FROM generate_series(1, ${PROCEDURES}) i`);
  await sql.query(`INSERT INTO procedure_version (procedure_id, version, status, definition, published_at)
    SELECT p.id, 1, 'PUBLISHED', v.definition, now() FROM procedure p,
           (SELECT definition FROM procedure_version LIMIT 1) v WHERE p.code LIKE '9.%'`);

  const started = performance.now();
  await sql.query(`ALTER TABLE dossier_event DISABLE TRIGGER stats_on_dossier_event`);
  // Nothing is rolled up yet: no month has changes to note (the app builds every month at start, see startServer).
  await monthNotes(sql, false);
  await sql.query(
    `CREATE TEMP TABLE ref_agency AS SELECT row_number() OVER (ORDER BY code) - 1 AS n, id, code FROM agency WHERE level = 'COMMUNE'`,
  );
  await sql.query(`CREATE TEMP TABLE ref_proc AS
    SELECT row_number() OVER (ORDER BY p.code) - 1 AS n, p.id, p.code, v.id AS version_id FROM procedure p
      JOIN procedure_version v ON v.procedure_id = p.id WHERE p.code LIKE '9.%'`);
  const applicant = (await sql.query(`SELECT id FROM app_user WHERE roles @> ARRAY['CITIZEN'] LIMIT 1`)).rows[0].id;
  // i → reception instant spread over 365 days, in working hours; resolution 1–9 days later for 93 %.
  await timed(
    'dossiers',
    `INSERT INTO dossier (id, code, procedure_id, procedure_version_id, procedure_code, agency_id, current_agency_id, applicant_id,
                          channel, status, step, submitted_at, received_at, clock_start, due_at, completed_at, outcome,
                          fee_amount, digitised, created_at, updated_at)
     SELECT gen_random_uuid(), 'B-' || g.i, p.id, p.version_id, p.code, a.id, a.id, $1,
            CASE WHEN g.i % 10 < 6 THEN 'ONLINE' ELSE 'COUNTER' END,
            CASE WHEN g.resolved THEN 'RESULT_READY' ELSE 'IN_PROGRESS' END,
            CASE WHEN g.resolved THEN NULL ELSE 'processing' END,
            g.received - interval '1 hour', g.received, g.received, g.received + interval '3 days',
            CASE WHEN g.resolved THEN g.received + (g.i % 9 + 1) * interval '1 day' END,
            CASE WHEN NOT g.resolved THEN NULL WHEN g.i % 9 < 2 THEN 'EARLY' WHEN g.i % 9 < 3 THEN 'ON_TIME' ELSE 'LATE' END,
            CASE WHEN g.i % 5 < 2 THEN 50000 ELSE 0 END, g.i % 10 < 7, g.received, g.received
       FROM (SELECT i, now() - interval '365 days' + (i::float8 / ${DOSSIERS}) * interval '365 days' AS received,
                    (i % 100 < 93 AND i < ${DOSSIERS} - ${DOSSIERS} / 60) AS resolved
               FROM generate_series(0, ${DOSSIERS} - 1) i) g
       JOIN ref_agency a ON a.n = g.i % ${COMMUNES}
       JOIN ref_proc p ON p.n = (g.i / ${COMMUNES}) % ${PROCEDURES}`,
    [applicant],
  );
  await timed(
    'events',
    `INSERT INTO dossier_event (dossier_id, at, actor_id, actor_role, action, from_status, to_status, from_step, to_step, data)
     SELECT d.id, e.at, e.actor, e.role, e.action, e.from_status, e.to_status, e.from_step, e.to_step, e.data
       FROM dossier d
       CROSS JOIN LATERAL (VALUES
         (d.submitted_at, NULL::uuid, 'CITIZEN', 'submit', 'DRAFT', 'SUBMITTED', NULL, NULL, '{}'::jsonb),
         (d.received_at, NULL, 'RECEPTIONIST', 'receive', 'SUBMITTED', 'IN_PROGRESS', NULL, 'processing',
          jsonb_build_object('dueAt', d.due_at)),
         (d.completed_at - interval '2 hours', NULL, 'SPECIALIST', 'propose-result', 'IN_PROGRESS', 'AWAITING_APPROVAL', 'processing', 'approval', '{}'),
         (d.completed_at, NULL, 'LEADER', 'approve', 'AWAITING_APPROVAL', 'RESULT_READY', 'approval', NULL, '{}')
       ) AS e(at, actor, role, action, from_status, to_status, from_step, to_step, data)
      WHERE e.at IS NOT NULL`,
  );
  await timed(
    'ratings',
    `INSERT INTO rating (dossier_id, score, rated_at)
     SELECT id, 1 + abs(hashtext(code)) % 5, completed_at + interval '1 day' FROM dossier WHERE completed_at IS NOT NULL AND abs(hashtext(code)) % 5 = 0`,
  );
  await timed(
    'payments',
    `INSERT INTO payment (dossier_id, agency_id, status, channel, provider, amount, paid_at, receipt_year, receipt_series, receipt_no)
     SELECT id, agency_id, 'PAID', CASE WHEN channel = 'ONLINE' THEN 'ONLINE' ELSE 'CASH' END,
            CASE WHEN channel = 'ONLINE' THEN 'SANDBOX' ELSE 'CASH' END, fee_amount, submitted_at, 2026, 'BENCH', row_number() OVER ()
       FROM dossier WHERE fee_amount > 0`,
  );
  // The facts the trigger keeps, built at once (the same columns it writes, from the same rows).
  await timed(
    'stats_dossier',
    `INSERT INTO stats_dossier (dossier_id, agency_id, procedure_id, procedure_code, channel, received_at, has_fee, digitised,
                                reusable, paid_online, reused, completed_at, outcome, processing_hours, ended_at, step_due_at,
                                clock_due_at, rated_at, rating_score)
     SELECT d.id, d.agency_id, d.procedure_id, d.procedure_code, d.channel, d.received_at, d.fee_amount > 0, d.digitised, true,
            EXISTS (SELECT 1 FROM payment p WHERE p.dossier_id = d.id AND p.channel = 'ONLINE' AND p.status IN ('PAID', 'REFUNDED')),
            false, d.completed_at, d.outcome,
            CASE WHEN d.completed_at IS NOT NULL THEN 8 * (1 + abs(hashtext(d.code)) % 9) END, d.completed_at, d.due_at,
            CASE WHEN d.completed_at IS NULL THEN d.due_at END, r.rated_at, r.score
       FROM dossier d LEFT JOIN rating r ON r.dossier_id = d.id`,
  );
  await timed(
    'stats_clock_span',
    `INSERT INTO stats_clock_span (dossier_id, agency_id, started_at, stopped_at, due_at)
     SELECT id, agency_id, received_at, completed_at, due_at FROM dossier`,
  );
  await sql.query(`ALTER TABLE dossier_event ENABLE TRIGGER stats_on_dossier_event`);
  await monthNotes(sql, true);
  await timed('vacuum analyze', `VACUUM ANALYZE`);
  console.error(`generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** The roll-ups' change notes: the three triggers on stats_dossier, on or off. */
function monthNotes(client, on) {
  const turn = on ? 'ENABLE' : 'DISABLE';
  return client.query(
    ['insert', 'update', 'delete'].map((op) => `ALTER TABLE stats_dossier ${turn} TRIGGER stats_note_month_change_${op}`).join('; '),
  );
}

/**
 * What the trigger adds to a write: 5,000 new dossiers, each received, supplemented and
 * approved (20,000 events), inserted one statement per event as the app does, with the triggers
 * on and off, in transactions rolled back.
 */
async function triggerCost() {
  const run = async (enabled, notes = enabled) => {
    await sql.query('BEGIN');
    if (!enabled) await sql.query(`ALTER TABLE dossier_event DISABLE TRIGGER stats_on_dossier_event`);
    if (!notes) await monthNotes(sql, false);
    const ids = (
      await sql.query(`INSERT INTO dossier (code, procedure_id, procedure_version_id, procedure_code, agency_id, current_agency_id,
                                           applicant_id, channel, status, received_at, due_at)
        SELECT 'W-' || i, procedure_id, procedure_version_id, procedure_code, agency_id, agency_id, applicant_id, 'ONLINE',
               'IN_PROGRESS', now(), now() + interval '3 days'
          FROM dossier, generate_series(1, 5000) i WHERE code = 'B-1' RETURNING id`)
    ).rows.map((r) => r.id);
    const actions = [
      ['receive', 'SUBMITTED', 'IN_PROGRESS'],
      ['request-supplement', 'IN_PROGRESS', 'SUPPLEMENT_REQUESTED'],
      ['answer-supplement', 'SUPPLEMENT_REQUESTED', 'IN_PROGRESS'],
      ['approve', 'AWAITING_APPROVAL', 'RESULT_READY'],
    ];
    const started = performance.now();
    for (const id of ids) {
      for (const [action, from, to] of actions) {
        await sql.query(
          `INSERT INTO dossier_event (dossier_id, actor_role, action, from_status, to_status, data)
           VALUES ($1, 'SPECIALIST', $2, $3, $4, jsonb_build_object('dueAt', now() + interval '3 days'))`,
          [id, action, from, to],
        );
      }
    }
    const ms = performance.now() - started;
    await sql.query('ROLLBACK');
    return ms / (ids.length * actions.length);
  };
  await run(true); // warm up
  const without = await run(false);
  const withTrigger = await run(true);
  const withoutNotes = await run(true, false);
  return {
    perEventMsWithout: +without.toFixed(3),
    perEventMsWith: +withTrigger.toFixed(3),
    triggerMsPerEvent: +(withTrigger - without).toFixed(3),
    // The roll-ups' change notes (a trigger on stats_dossier), part of the above.
    monthNotesMsPerEvent: +(withTrigger - withoutNotes).toFixed(3),
  };
}
