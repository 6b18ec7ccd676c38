/**
 * The pieces every use case that changes a dossier shares, in its fixed
 * order: lock the row, then (after the caller's checks and patch) append the
 * event and write the outbox rows, all in the caller's transaction. Kept here
 * so that the lifecycle (`DossierCommandsService.act`), the counter intake and
 * the assignment record their changes exactly the same way.
 *
 * Plain SQL on purpose: this is the hot path of every action, and TypeORM's
 * builders cost more CPU than the statements themselves. A change (the code
 * counter, the row, the event, the outbox rows) is one statement.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { localDateOf } from '../calendar/working-time.js';
import { isUuid } from '../common/ids.js';
import { Problem } from '../common/problem.js';
import { DossierEntity } from './dossier.entity.js';
import { notificationsFor } from './notifications.js';

/**
 * A statement PostgreSQL parses and plans once per connection (a named prepared
 * statement), for the few that run on every action. TypeORM hands the query
 * object through to the driver as it is.
 */
const preparedByText = new Map<string, { name: string; text: string }>();

export function prepared(text: string): string {
  let statement = preparedByText.get(text);
  if (!statement) {
    statement = { name: `dossier_${preparedByText.size + 1}`, text };
    preparedByText.set(text, statement);
  }
  return statement as unknown as string;
}

/** Property ↔ column of the dossier row, read once from the entity's metadata. */
const columnsOf = new WeakMap<DataSource, Map<string, string>>();

function columns(tx: EntityManager): Map<string, string> {
  let map = columnsOf.get(tx.connection);
  if (!map) {
    map = new Map(tx.connection.getMetadata(DossierEntity).columns.map((c) => [c.propertyName, c.databaseName]));
    columnsOf.set(tx.connection, map);
  }
  return map;
}

/** The dossier's columns under their property names (`d.fee_amount AS "feeAmount"`, …), for `dossierFromRow`. */
export function dossierColumns(tx: EntityManager, alias: string): string {
  return [...columns(tx)].map(([property, column]) => `${alias}.${column} AS "${property}"`).join(', ');
}

/** A row of `dossierColumns` as TypeORM would hydrate it (the bigint fee as a number, as the entity's transformer reads it). */
export function dossierFromRow(row: Record<string, unknown>): DossierEntity {
  return Object.assign(new DossierEntity(), row, { feeAmount: Number(row.feeAmount) });
}

/** The dossier row, locked until the transaction ends; 404 for a malformed or unknown id. */
export async function lockDossier(tx: EntityManager, id: string): Promise<DossierEntity> {
  const [row] = isUuid(id)
    ? ((await tx.query(prepared(`SELECT ${dossierColumns(tx, 'd')} FROM dossier d WHERE d.id = $1 FOR UPDATE`), [id])) as Record<
        string,
        unknown
      >[])
    : [];
  if (!row) throw Problem.notFound('dossier.notFound');
  return dossierFromRow(row);
}

export interface CurrentFile {
  componentCode: string;
  mimeType: string;
  sizeBytes: number;
}

/** `lockDossier` with the dossier's current files (what completeness checks), in the same statement. */
export async function lockDossierWithFiles(tx: EntityManager, id: string): Promise<{ dossier: DossierEntity; files: CurrentFile[] }> {
  const [row] = isUuid(id)
    ? ((await tx.query(
        prepared(`SELECT ${dossierColumns(tx, 'd')},
                (SELECT coalesce(json_agg(json_build_object('componentCode', f.component_code, 'mimeType', f.mime_type,
                                                            'sizeBytes', f.size_bytes)), '[]')
                   FROM dossier_file f WHERE f.dossier_id = d.id AND f.replaced_at IS NULL) AS "currentFiles"
           FROM dossier d WHERE d.id = $1 FOR UPDATE OF d`),
        [id],
      )) as ({ currentFiles: CurrentFile[] } & Record<string, unknown>)[])
    : [];
  if (!row) throw Problem.notFound('dossier.notFound');
  const { currentFiles, ...dossier } = row;
  return { dossier: dossierFromRow(dossier), files: currentFiles.map((f) => ({ ...f, sizeBytes: Number(f.sizeBytes) })) };
}

export interface EventWhat {
  role: string;
  actorId: string | null;
  action: string;
  comment?: string | null;
  data?: Record<string, unknown>;
}

type Before = { status: DossierEntity['status'] | null; step: string | null };

const EVENT_COLUMNS = `dossier_id, actor_id, actor_role, action, from_status, to_status, from_step, to_step, comment, data`;

/** Parameters `$first …` of one event row, and the values to pass. */
function eventValues(
  first: number,
  d: Pick<DossierEntity, 'id' | 'status' | 'step'>,
  before: Before,
  what: EventWhat,
): { sql: string; values: unknown[] } {
  const values = [
    d.id,
    what.actorId,
    what.role,
    what.action,
    before.status,
    d.status,
    before.step,
    d.step,
    what.comment ?? null,
    JSON.stringify(what.data ?? {}),
  ];
  const sql = values.map((_, i) => `$${first + i}${i === values.length - 1 ? '::jsonb' : ''}`).join(', ');
  return { sql, values };
}

/** Appends the event of a change: who, when, from which status and step to which, and why. */
export async function recordEvent(tx: EntityManager, d: Pick<DossierEntity, 'id' | 'status' | 'step'>, before: Before, what: EventWhat) {
  const event = eventValues(1, d, before, what);
  await tx.query(`INSERT INTO dossier_event (${EVENT_COLUMNS}) VALUES (${event.sql})`, event.values);
}

/** The outbox rows of an action (sent after commit, so never for a change that did not happen). */
export async function enqueueNotifications(tx: EntityManager, d: DossierEntity, action: string): Promise<void> {
  for (const n of notificationsFor(d, action)) await tx.query(`INSERT INTO outbox (kind, payload) VALUES ('notify', $1)`, [n]);
}

export interface Change {
  /** The dossier as it will be (patch applied); `code` is filled in when `newCode` is given. */
  after: DossierEntity;
  /** The columns to write. */
  patch: Partial<DossierEntity>;
  before: Before;
  event: EventWhat;
  /** The lifecycle action whose outbox rows to write (`notificationsFor`). */
  notify: string;
  /** Give the next reception number of this agency for the day of `at` (see dossier-code.ts). */
  newCode?: { agency: { id: string; code: string }; at: Date };
}

/**
 * Writes a change as one statement: the daily code counter (when a code is
 * due), the row, the event, and the outbox rows. The counter row stays
 * locked until the transaction ends, so numbers stay gapless and distinct.
 */
export async function writeChange(tx: EntityManager, change: Change): Promise<void> {
  const { after, patch } = change;
  const cols = columns(tx);
  const values: unknown[] = [after.id];
  const param = (v: unknown, cast = '') => `$${values.push(v)}${cast}`;
  const sets = Object.entries(patch)
    .filter(([property]) => property !== 'code' || !change.newCode)
    .map(([property, value]) => {
      const column = cols.get(property);
      if (!column) throw new Error(`dossier has no column for ${property}`);
      const isJson = property === 'formData';
      return `${column} = ${isJson ? param(JSON.stringify(value), '::jsonb') : param(value)}`;
    });
  const ctes: string[] = [];
  let from = '';
  if (change.newCode) {
    const day = localDateOf(change.newCode.at);
    const prefix = `${change.newCode.agency.code}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`;
    ctes.push(
      `c AS (INSERT INTO dossier_code_counter (agency_id, day, last) VALUES (${param(change.newCode.agency.id)}, ${param(day)}, 1)
             ON CONFLICT (agency_id, day) DO UPDATE SET last = dossier_code_counter.last + 1 RETURNING last)`,
    );
    // As formatDossierCode: at least four digits.
    sets.push(`code = ${param(prefix)}::text || lpad(c.last::text, greatest(4, length(c.last::text)), '0')`);
    from = ' FROM c';
  }
  ctes.push(`u AS (UPDATE dossier SET ${sets.join(', ')}${from} WHERE dossier.id = $1 RETURNING dossier.code)`);
  const event = eventValues(values.length + 1, after, change.before, change.event);
  values.push(...event.values);
  ctes.push(`e AS (INSERT INTO dossier_event (${EVENT_COLUMNS}) VALUES (${event.sql}))`);
  const notifications = notificationsFor(after, change.notify);
  if (notifications.length > 0) {
    // The payloads name the dossier's code, known here only once the counter has given it.
    ctes.push(
      `o AS (INSERT INTO outbox (kind, payload)
             SELECT 'notify', jsonb_set(p, '{params,code}', coalesce(to_jsonb(u.code), 'null'::jsonb))
               FROM u, jsonb_array_elements(${param(JSON.stringify(notifications), '::jsonb')}) p)`,
    );
  }
  const [row] = (await tx.query(prepared(`WITH ${ctes.join(',\n')} SELECT code FROM u`), values)) as { code: string | null }[];
  if (!row) throw new Error(`dossier ${after.id} vanished while locked`);
  after.code = row.code;
}
