/**
 * The SQL of the import: reading what a batch refers to, and writing the
 * replayed dossiers inside the caller's transaction. No rules here: what to
 * write was decided by the replay.
 */
import type { EntityManager } from 'typeorm';
import { isLocalDate, type Outcome } from '../../calendar/working-time.js';
import type { ProcedureDefinition } from '../../procedures/forms/definition.js';
import type { Channel } from '../dossier.entity.js';
import type { DossierStatus } from '../lifecycle.js';
import type { ReplayedEvent, ReplayedState } from './replay.js';

export interface ImportProcedure {
  id: string;
  code: string;
  versionId: string;
  definition: ProcedureDefinition;
}

export interface ImportAgency {
  id: string;
  code: string;
}

/** What a re-import answers: the dossier as stored. */
export interface StoredDossier {
  id: string;
  code: string;
  imported: boolean;
  status: DossierStatus;
  receivedAt: Date | null;
  clockStart: Date | null;
  dueAt: Date | null;
  completedAt: Date | null;
  outcome: Outcome | null;
}

/** Procedures by code, each with its version in force (the one new dossiers are bound to). */
export async function loadProcedures(db: EntityManager, codes: string[]): Promise<Map<string, ImportProcedure>> {
  const rows = (await db.query(
    `SELECT p.id, p.code, v.id AS "versionId", v.definition
       FROM procedure p
       JOIN procedure_version v ON v.procedure_id = p.id AND v.version = p.current_version AND v.status = 'PUBLISHED'
      WHERE p.code = ANY($1)`,
    [codes],
  )) as ImportProcedure[];
  return new Map(rows.map((r) => [r.code, r]));
}

export async function loadAgencies(db: EntityManager, codes: string[]): Promise<Map<string, ImportAgency>> {
  const rows = (await db.query(`SELECT id, code FROM agency WHERE code = ANY($1)`, [codes])) as ImportAgency[];
  return new Map(rows.map((r) => [r.code, r]));
}

export async function findByCodes(tx: EntityManager, codes: string[]): Promise<Map<string, StoredDossier>> {
  if (codes.length === 0) return new Map();
  const rows = (await tx.query(
    `SELECT id, code, import_extra IS NOT NULL AS imported, status, received_at AS "receivedAt", clock_start AS "clockStart",
            due_at AS "dueAt", completed_at AS "completedAt", outcome
       FROM dossier WHERE code = ANY($1)`,
    [codes],
  )) as StoredDossier[];
  return new Map(rows.map((r) => [r.code, r]));
}

export interface Applicant {
  citizenId: string;
  fullName: string;
  email?: string;
}

/**
 * The account of each applicant, by citizen ID; one is created for a citizen
 * the portal does not know yet, with role CITIZEN and the hash of a random
 * password nobody keeps (`unusableHash`: one per batch, since hashing is
 * deliberately slow), so it cannot be signed in to until its owner sets a
 * password. app_user.email is NOT NULL and unique: the given email, or
 * `{citizenId}@import.invalid` (a reserved domain, RFC 2606) when none was
 * given or it already belongs to another account.
 */
export async function findOrCreateApplicants(
  tx: EntityManager,
  applicants: Applicant[],
  unusableHash: () => Promise<string>,
): Promise<{ ids: Map<string, string>; created: number }> {
  const byCitizen = new Map(applicants.map((a) => [a.citizenId, a]));
  const ids = new Map<string, string>();
  const found = (await tx.query(`SELECT id, citizen_id AS "citizenId" FROM app_user WHERE citizen_id = ANY($1)`, [
    [...byCitizen.keys()],
  ])) as { id: string; citizenId: string }[];
  for (const row of found) ids.set(row.citizenId, row.id);
  let created = 0;
  for (const a of byCitizen.values()) {
    if (ids.has(a.citizenId)) continue;
    const placeholder = `${a.citizenId}@import.invalid`;
    const hash = await unusableHash();
    for (const email of a.email && a.email !== placeholder ? [a.email, placeholder] : [placeholder]) {
      // DO NOTHING on any unique key: a taken email falls through to the placeholder.
      const [row] = (await tx.query(
        `INSERT INTO app_user (email, full_name, citizen_id, password_hash, roles)
         VALUES ($1, $2, $3, $4, ARRAY['CITIZEN']) ON CONFLICT DO NOTHING RETURNING id`,
        [email, a.fullName, a.citizenId, hash],
      )) as { id: string }[];
      if (row) {
        ids.set(a.citizenId, row.id);
        created++;
        break;
      }
    }
    if (!ids.has(a.citizenId)) {
      // Both keys taken: the citizen ID itself, by an account created since the first read.
      const [row] = (await tx.query(`SELECT id FROM app_user WHERE citizen_id = $1`, [a.citizenId])) as { id: string }[];
      if (!row) throw new Error('could not create an account for an imported applicant');
      ids.set(a.citizenId, row.id);
    }
  }
  return { ids, created };
}

/**
 * A kept code in the portal's own format (`{agencyCode}-{yymmdd}-{NNNN}` of a
 * known agency) moves that agency's counter for that day up to its number, so
 * a code the portal generates later for the same day (an import without code,
 * or a live reception) never collides with it.
 */
export async function reserveCode(tx: EntityManager, code: string): Promise<void> {
  const m = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4,9})$/.exec(code);
  const day = m && `20${m[2]}-${m[3]}-${m[4]}`;
  if (!m || !day || !isLocalDate(day)) return;
  await tx.query(
    `INSERT INTO dossier_code_counter (agency_id, day, last) SELECT id, $2, $3 FROM agency WHERE code = $1
     ON CONFLICT (agency_id, day) DO UPDATE SET last = GREATEST(dossier_code_counter.last, EXCLUDED.last)`,
    [m[1], day, Number(m[5])],
  );
}

export interface NewImportedDossier {
  code: string;
  procedure: ImportProcedure;
  agency: ImportAgency;
  applicantId: string;
  channel: Channel;
  formData: Record<string, unknown>;
  feeAmount: number;
  state: ReplayedState;
  events: ReplayedEvent[];
  extra: Record<string, unknown>;
}

const DOSSIER_COLUMNS = [
  'code',
  'procedure_id',
  'procedure_version_id',
  'procedure_code',
  'agency_id',
  'current_agency_id',
  'applicant_id',
  'channel',
  'status',
  'step',
  'step_due_at',
  'form_data',
  'proposal',
  'reason',
  'submitted_at',
  'received_at',
  'clock_start',
  'due_at',
  'rescheduled_at',
  'clock_paused_at',
  'completed_at',
  'outcome',
  'returned_at',
  'supplement_due_at',
  'reception_supplements',
  'processing_supplements',
  'extended',
  'fee_amount',
  'fee_pay_when',
  'digitised',
  'version',
  'created_at',
  'updated_at',
  'import_extra',
];
const DOSSIER_INSERT = `INSERT INTO dossier (${DOSSIER_COLUMNS.join(', ')})
  VALUES (${DOSSIER_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`;

/** Inserts the dossier and its events (actor_role IMPORT, at = the original instant); returns its id. */
export async function insertImported(tx: EntityManager, d: NewImportedDossier): Promise<string> {
  const s = d.state;
  const first = d.events[0].at;
  const last = d.events[d.events.length - 1].at;
  const [{ id }] = (await tx.query(DOSSIER_INSERT, [
    d.code,
    d.procedure.id,
    d.procedure.versionId,
    d.procedure.code,
    d.agency.id,
    s.currentAgencyId,
    d.applicantId,
    d.channel,
    s.status,
    s.step,
    s.stepDueAt,
    d.formData,
    s.proposal,
    s.reason,
    s.submittedAt,
    s.receivedAt,
    s.clockStart,
    s.dueAt,
    s.rescheduledAt,
    s.clockPausedAt,
    s.completedAt,
    s.outcome,
    s.returnedAt,
    s.supplementDueAt,
    s.receptionSupplements,
    s.processingSupplements,
    s.extended,
    d.feeAmount,
    d.procedure.definition.fee.payWhen,
    // Nothing says the old dossier's components were electronic: not counted as digitised.
    false,
    1 + d.events.length,
    first,
    last,
    d.extra,
  ])) as { id: string }[];

  const params: unknown[] = [];
  const rows = d.events.map((e) => {
    params.push(id, e.at, e.action, e.fromStatus, e.toStatus, e.fromStep, e.toStep, e.comment, e.data);
    const n = params.length - 9;
    return `($${n + 1}, $${n + 2}, NULL, 'IMPORT', $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7}, $${n + 8}, $${n + 9})`;
  });
  await tx.query(
    `INSERT INTO dossier_event (dossier_id, at, actor_id, actor_role, action, from_status, to_status, from_step, to_step, comment, data)
     VALUES ${rows.join(', ')}`,
    params,
  );
  return id;
}
