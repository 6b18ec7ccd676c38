/**
 * What the public lookup shows of a dossier: where it stands and when, and
 * nothing that names or describes the applicant. Pure.
 */
import type { DossierStatus } from '../../dossiers/lifecycle.js';
import type { LocalizedText } from '../../procedures/forms/definition.js';

export interface LookupRecord {
  code: string;
  procedureName: LocalizedText;
  agencyName: string;
  status: DossierStatus;
  receivedAt: Date | null;
  /** The legal due date; `rescheduledAt` is the new appointment of an apology letter. */
  dueAt: Date | null;
  rescheduledAt: Date | null;
  completedAt: Date | null;
}

/** Dossier codes as printed (`H12.05-261121-0007`): agency codes are upper-case, so case and spaces typed do not matter. */
export function normaliseCode(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const code = raw.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z0-9][A-Z0-9.-]{0,63}$/.test(code) ? code : null;
}
