import type { EntityManager } from 'typeorm';

export type ResultStatus = 'ISSUED' | 'REVOKED' | 'SUPERSEDED';

/** A result as the verification page, the wallet and the downloads read it. */
export interface ResultRecord {
  id: string;
  dossierId: string;
  dossierCode: string | null;
  agencyId: string;
  issuer: string;
  holderId: string;
  holderName: string;
  procedureCode: string;
  documentNo: string;
  title: string;
  issuedAt: Date;
  signerName: string;
  storageKey: string;
  sha256: string;
  verifyToken: string;
  verifyUrl: string;
  status: ResultStatus;
  statusReason: string | null;
  statusChangedAt: Date | null;
  supersededBy: { documentNo: string; verifyUrl: string } | null;
}

const SELECT = `
  SELECT r.id, r.dossier_id AS "dossierId", d.code AS "dossierCode", r.agency_id AS "agencyId", a.name AS issuer,
         r.holder_id AS "holderId", u.full_name AS "holderName", r.procedure_code AS "procedureCode", r.document_no AS "documentNo",
         r.title, r.issued_at AS "issuedAt", r.signer_name AS "signerName", r.storage_key AS "storageKey", r.sha256,
         r.verify_token AS "verifyToken", r.verify_url AS "verifyUrl", r.status, r.status_reason AS "statusReason",
         r.status_changed_at AS "statusChangedAt",
         CASE WHEN n.id IS NULL THEN NULL ELSE json_build_object('documentNo', n.document_no, 'verifyUrl', n.verify_url) END AS "supersededBy"
    FROM result_document r
    JOIN dossier d ON d.id = r.dossier_id
    JOIN agency a ON a.id = r.agency_id
    JOIN app_user u ON u.id = r.holder_id
    LEFT JOIN result_document n ON n.id = r.superseded_by`;

/** What the public verification needs, and nothing more: the hot path of every QR code scanned. */
export type VerifiedRecord = Pick<
  ResultRecord,
  | 'documentNo'
  | 'title'
  | 'issuedAt'
  | 'issuer'
  | 'holderName'
  | 'sha256'
  | 'verifyUrl'
  | 'status'
  | 'statusReason'
  | 'statusChangedAt'
  | 'supersededBy'
>;

/**
 * The verification's one statement, by the unique index on the token and the primary keys of the rest.
 * Named, so that PostgreSQL parses and plans it once per connection rather than for every QR code
 * scanned (planning the joins cost it more CPU than running them); TypeORM hands the query object to
 * the driver as it is.
 */
const RESULT_BY_TOKEN = {
  name: 'result_by_verify_token',
  text: `SELECT r.document_no AS "documentNo", r.title, r.issued_at AS "issuedAt", a.name AS issuer, u.full_name AS "holderName", r.sha256,
                r.verify_url AS "verifyUrl", r.status, r.status_reason AS "statusReason", r.status_changed_at AS "statusChangedAt",
                CASE WHEN n.id IS NULL THEN NULL ELSE json_build_object('documentNo', n.document_no, 'verifyUrl', n.verify_url) END AS "supersededBy"
           FROM result_document r
           JOIN agency a ON a.id = r.agency_id
           JOIN app_user u ON u.id = r.holder_id
           LEFT JOIN result_document n ON n.id = r.superseded_by
          WHERE r.verify_token = $1`,
} as unknown as string;

export async function resultByToken(db: EntityManager, token: string): Promise<VerifiedRecord | null> {
  const [row] = (await db.query(RESULT_BY_TOKEN, [token])) as VerifiedRecord[];
  return row ?? null;
}

export async function resultById(db: EntityManager, id: string, lock = false): Promise<ResultRecord | null> {
  const [row] = (await db.query(`${SELECT} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`, [id])) as ResultRecord[];
  return row ?? null;
}

/** The dossier's latest result: the one in force, or the last revoked. */
export async function latestResultOf(db: EntityManager, dossierId: string): Promise<ResultRecord | null> {
  const [row] = (await db.query(`${SELECT} WHERE r.dossier_id = $1 ORDER BY r.issued_at DESC, r.series_no DESC LIMIT 1`, [
    dossierId,
  ])) as ResultRecord[];
  return row ?? null;
}

/** A citizen's wallet: every result issued to them, newest first. */
export async function resultsOfHolder(db: EntityManager, holderId: string): Promise<(ResultRecord & { procedureName: string })[]> {
  return (await db.query(
    `SELECT x.*, coalesce(v.definition->'name'->>'vi', x."procedureCode") AS "procedureName"
       FROM (${SELECT} WHERE r.holder_id = $1) x
       JOIN dossier d2 ON d2.id = x."dossierId"
       JOIN procedure_version v ON v.id = d2.procedure_version_id
      ORDER BY x."issuedAt" DESC, x."documentNo" DESC`,
    [holderId],
  )) as (ResultRecord & { procedureName: string })[];
}
