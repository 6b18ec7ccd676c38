// The bare baseline of bench/filing-throughput.mjs: node:http and a pg Pool doing the same
// database work as the portal for create → submit → receive, with no framework: one transaction
// per request, the dossier row, its event rows, the daily code counter upsert, the outbox rows,
// row locks and version checks, the clock from the same WorkCalendar. What it leaves out is
// what a framework and a real product add: JWT verification and the principal lookup, access
// scopes, input validation, the form and component checks, the full dossier in every answer.
// The bearer token is the user's id.
// Usage: node bench/filing-bare-server.mjs <databaseUrl>
import { createServer } from 'node:http';
import pg from 'pg';
import { localDateOf, WorkCalendar } from '../dist/calendar/working-time.js';
import { formatDossierCode } from '../dist/dossiers/dossier-code.js';

const [databaseUrl] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 }); // the app's pool size
const calendar = new WorkCalendar({ holidays: [], workdays: [] });

const [procedure] = (
  await pool.query(
    `SELECT p.id, p.code, v.id AS "versionId", v.definition FROM procedure p
       JOIN procedure_version v ON v.procedure_id = p.id AND v.version = p.current_version LIMIT 1`,
  )
).rows;
const agencies = new Map((await pool.query(`SELECT id, code FROM agency`)).rows.map((a) => [a.code, a]));
const hours = procedure.definition.processingTime.workingDays * 8;

async function inTransaction(work) {
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    const result = await work(db);
    await db.query('COMMIT');
    return result;
  } catch (err) {
    await db.query('ROLLBACK');
    throw err;
  } finally {
    db.release();
  }
}

const event = (db, d, action, from, to) =>
  db.query(
    `INSERT INTO dossier_event (dossier_id, actor_id, actor_role, action, from_status, to_status, from_step, to_step)
     VALUES ($1, $2, $3, $4, $5, $6, NULL, $7)`,
    [d.id, d.actor, d.role, action, from, to, d.step ?? null],
  );

const outbox = (db, d, kind) =>
  db.query(`INSERT INTO outbox (kind, payload) VALUES ('notify', $1)`, [
    { userId: d.applicant_id, dossierId: d.id, kind, params: { code: d.code, procedureCode: procedure.code, status: d.status } },
  ]);

async function create(user, body) {
  const agency = agencies.get(body.agencyCode);
  if (body.procedureCode !== procedure.code || !agency) return [422, { error: 'bad procedure or agency' }];
  return inTransaction(async (db) => {
    const {
      rows: [d],
    } = await db.query(
      `INSERT INTO dossier (procedure_id, procedure_version_id, procedure_code, agency_id, current_agency_id, applicant_id,
                            channel, status, form_data, fee_amount, fee_pay_when)
       VALUES ($1, $2, $3, $4, $4, $5, 'ONLINE', 'DRAFT', $6, 0, 'ON_SUBMIT') RETURNING *`,
      [procedure.id, procedure.versionId, procedure.code, agency.id, user, body.formData ?? {}],
    );
    await event(db, { ...d, actor: user, role: 'CITIZEN' }, 'create', null, 'DRAFT');
    return [201, d];
  });
}

async function submit(user, id) {
  return inTransaction(async (db) => {
    const {
      rows: [d],
    } = await db.query(`SELECT * FROM dossier WHERE id = $1 FOR UPDATE`, [id]);
    if (!d || d.applicant_id !== user) return [404, { error: 'not found' }];
    if (d.status !== 'DRAFT') return [409, { error: 'not now' }];
    const {
      rows: [after],
    } = await db.query(
      `UPDATE dossier SET status = 'SUBMITTED', submitted_at = now(), version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`,
      [id],
    );
    await event(db, { ...after, actor: user, role: 'CITIZEN' }, 'submit', 'DRAFT', 'SUBMITTED');
    await outbox(db, after, 'dossier.submitted');
    return [200, after];
  });
}

async function receive(user, id, body) {
  return inTransaction(async (db) => {
    const {
      rows: [d],
    } = await db.query(`SELECT * FROM dossier WHERE id = $1 FOR UPDATE`, [id]);
    if (!d) return [404, { error: 'not found' }];
    if (d.version !== body.version || d.status !== 'SUBMITTED') return [409, { error: 'stale or not now' }];
    const now = new Date();
    const clockStart = calendar.clockStart(now);
    const dueAt = calendar.addWorkingHours(clockStart, hours);
    const day = localDateOf(now);
    const {
      rows: [{ last }],
    } = await db.query(
      `INSERT INTO dossier_code_counter (agency_id, day, last) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, day) DO UPDATE SET last = dossier_code_counter.last + 1 RETURNING last`,
      [d.agency_id, day],
    );
    const agencyCode = [...agencies.values()].find((a) => a.id === d.agency_id).code;
    const {
      rows: [after],
    } = await db.query(
      `UPDATE dossier SET status = 'IN_PROGRESS', code = $2, received_at = $3, clock_start = $4, due_at = $5, step = 'processing',
                          version = version + 1, updated_at = $3 WHERE id = $1 RETURNING *`,
      [id, formatDossierCode(agencyCode, day, last), now, clockStart, dueAt],
    );
    await event(db, { ...after, actor: user, role: 'RECEPTIONIST' }, 'receive', 'SUBMITTED', 'IN_PROGRESS');
    await outbox(db, after, 'dossier.received');
    return [200, after];
  });
}

const ROUTES = [
  [/^\/api\/v1\/dossiers$/, (user, _id, body) => create(user, body)],
  [/^\/api\/v1\/dossiers\/([0-9a-f-]{36})\/submit$/, (user, id) => submit(user, id)],
  [/^\/api\/v1\/dossiers\/([0-9a-f-]{36})\/actions\/receive$/, (user, id, body) => receive(user, id, body)],
];

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const route = req.method === 'POST' && ROUTES.find(([re]) => re.test(req.url));
    const user = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const answer = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    if (!route) return answer(404, { error: 'no route' });
    if (!user) return answer(401, { error: 'no token' });
    let body;
    try {
      body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};
    } catch {
      return answer(400, { error: 'bad json' });
    }
    route[1](user, route[0].exec(req.url)[1], body).then(
      ([status, out]) => answer(status, out),
      (err) => answer(500, { error: String(err) }),
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  pool.end().then(() => process.exit(0));
});
