import type { EntityManager } from 'typeorm';
import { localDateOf } from '../calendar/working-time.js';

/**
 * The next reception number of an agency for a local day: `{agencyCode}-{yymmdd}-{NNNN}`.
 * The counter row is incremented inside the caller's transaction and stays
 * locked until it commits, so concurrent receptions get consecutive numbers,
 * and a rolled-back reception gives its number back: no gaps, no duplicates.
 */
export async function nextDossierCode(tx: EntityManager, agency: { id: string; code: string }, at: Date): Promise<string> {
  const day = localDateOf(at);
  const [{ last }] = (await tx.query(
    `INSERT INTO dossier_code_counter (agency_id, day, last) VALUES ($1, $2, 1)
     ON CONFLICT (agency_id, day) DO UPDATE SET last = dossier_code_counter.last + 1
     RETURNING last`,
    [agency.id, day],
  )) as { last: number }[];
  return formatDossierCode(agency.code, day, last);
}

export function formatDossierCode(agencyCode: string, localDate: string, n: number): string {
  return `${agencyCode}-${localDate.slice(2, 4)}${localDate.slice(5, 7)}${localDate.slice(8, 10)}-${String(n).padStart(4, '0')}`;
}
