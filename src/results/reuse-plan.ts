/**
 * Which components of a dossier data stood in for ("dữ liệu thay thế thành
 * phần hồ sơ"), and with what: the citizen's profile, or a result from their
 * wallet (the one they picked, else the latest in force of that procedure).
 * Pure: the service reads the facts and writes the plan.
 */
import type { ComponentDefinition } from '../procedures/forms/definition.js';

/** The procedure whose result may stand in for a component: `satisfiedBy.resultOf`, or `result` in versions published before the rename. */
export function resultProcedureOf(c: Pick<ComponentDefinition, 'satisfiedBy'>): string | null {
  const by = c.satisfiedBy as Record<string, unknown> | undefined;
  const code = by?.resultOf ?? by?.result;
  return typeof code === 'string' ? code : null;
}

export function profileFactOf(c: Pick<ComponentDefinition, 'satisfiedBy'>): string | null {
  const by = c.satisfiedBy as Record<string, unknown> | undefined;
  return typeof by?.profile === 'string' ? by.profile : null;
}

export interface WalletEntry {
  id: string;
  procedureCode: string;
  issuedAt: Date;
  status: 'ISSUED' | 'REVOKED' | 'SUPERSEDED';
}

export interface ReuseFacts {
  components: readonly Pick<ComponentDefinition, 'code' | 'satisfiedBy'>[];
  /** Components with a current file: an upload wins over data. */
  uploaded: ReadonlySet<string>;
  profileFacts: ReadonlySet<string>;
  /** Component code → the result the citizen picked. */
  choices: ReadonlyMap<string, string>;
  wallet: readonly WalletEntry[];
}

export interface Reuse {
  componentCode: string;
  source: 'PROFILE' | 'RESULT';
  resultId: string | null;
}

/** The results in force of a procedure, newest first: what may stand in for a component. */
export function candidatesFor(procedureCode: string, wallet: readonly WalletEntry[]): WalletEntry[] {
  return wallet
    .filter((r) => r.status === 'ISSUED' && r.procedureCode === procedureCode)
    .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime() || (a.id < b.id ? -1 : 1));
}

/** The result that stands in for a component: the pick while it is still in force, else the latest. */
export function chosenResult(procedureCode: string, wallet: readonly WalletEntry[], picked: string | undefined): WalletEntry | null {
  const candidates = candidatesFor(procedureCode, wallet);
  return candidates.find((r) => r.id === picked) ?? candidates[0] ?? null;
}

export function planReuse(f: ReuseFacts): Reuse[] {
  return f.components.flatMap((c): Reuse[] => {
    if (f.uploaded.has(c.code)) return [];
    const fact = profileFactOf(c);
    if (fact !== null) return f.profileFacts.has(fact) ? [{ componentCode: c.code, source: 'PROFILE', resultId: null }] : [];
    const procedure = resultProcedureOf(c);
    if (procedure === null) return [];
    const result = chosenResult(procedure, f.wallet, f.choices.get(c.code));
    return result ? [{ componentCode: c.code, source: 'RESULT', resultId: result.id }] : [];
  });
}
