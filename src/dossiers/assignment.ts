/**
 * Who may assign a dossier, to whom, and when. Pure: the assignment service
 * loads the dossier, its step's role and the candidates, and applies this.
 */
import type { Role } from '../common/roles.js';
import type { DossierStatus } from './lifecycle.js';

/** A dossier is assigned while it sits at a step of its agency (not before reception, not once resolved). */
export const ASSIGNABLE: ReadonlySet<DossierStatus> = new Set(['IN_PROGRESS', 'SUPPLEMENT_REQUESTED', 'AWAITING_APPROVAL']);

/** Open dossiers, counted as an officer's load for automatic assignment. */
export const OPEN_STATUSES: readonly DossierStatus[] = ['SUBMITTED', 'RECEPTION_SUPPLEMENT', ...ASSIGNABLE, 'RESULT_READY'];

/**
 * The unit's leader distributes the work; an officer holding the step's role
 * may take a dossier or hand it to a colleague of the same step. A manager
 * only watches.
 */
export function canAssign(roles: readonly Role[], stepRole: Role | null): boolean {
  return roles.includes('LEADER') || (stepRole !== null && stepRole !== 'MANAGER' && roles.includes(stepRole));
}

export interface Officer {
  id: string;
  fullName: string;
  /** Open dossiers assigned to this officer. */
  load: number;
}

/** The least-loaded officer; ties go to the name, then the id, so the choice is stable. */
export function leastLoaded(officers: readonly Officer[]): Officer | undefined {
  return [...officers].sort((a, b) => a.load - b.load || a.fullName.localeCompare(b.fullName, 'vi') || a.id.localeCompare(b.id))[0];
}
