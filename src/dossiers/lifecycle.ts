/**
 * The dossier lifecycle of Decree 118/2025/NĐ-CP as one table:
 * (status, action) → the roles that may take it and the status it leads to.
 * Pure: the service applies it; this file decides what is allowed.
 */
import type { Role } from '../common/roles.js';

export const DOSSIER_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'RECEPTION_SUPPLEMENT',
  'IN_PROGRESS',
  'SUPPLEMENT_REQUESTED',
  'AWAITING_APPROVAL',
  'RESULT_READY',
  'RETURNED',
  'REJECTED',
  'STOPPED',
  'WITHDRAWN',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DOSSIER_ACTIONS = [
  'submit',
  'receive',
  'request-supplement',
  'answer-supplement',
  'reject',
  'forward',
  'propose-result',
  'propose-rejection',
  'send-back',
  'approve',
  'extend',
  'return-result',
  'withdraw',
  'stop',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/** Who acts: a person's role, or the portal itself (timers). */
export type Actor = Role | 'SYSTEM';

/** What a leader's approval leads to depends on what was proposed. */
export type Proposal = 'RESULT' | 'REJECTION';

interface Rule {
  from: DossierStatus;
  action: DossierAction;
  roles: readonly Actor[];
  to: DossierStatus | ((ctx: TransitionContext) => DossierStatus);
}

export interface TransitionContext {
  proposal?: Proposal | null;
}

const STAFF_PROCESSING: readonly Actor[] = ['SPECIALIST', 'LEADER'];

export const RULES: readonly Rule[] = [
  { from: 'DRAFT', action: 'submit', roles: ['CITIZEN'], to: 'SUBMITTED' },
  // Reception: the counter answers an online dossier within 8 working hours.
  { from: 'SUBMITTED', action: 'receive', roles: ['RECEPTIONIST'], to: 'IN_PROGRESS' },
  { from: 'SUBMITTED', action: 'request-supplement', roles: ['RECEPTIONIST'], to: 'RECEPTION_SUPPLEMENT' },
  { from: 'SUBMITTED', action: 'reject', roles: ['RECEPTIONIST'], to: 'REJECTED' },
  { from: 'RECEPTION_SUPPLEMENT', action: 'answer-supplement', roles: ['CITIZEN'], to: 'SUBMITTED' },
  // Not completed in time: stopped like a late supplement during processing (src/jobs/supplement-timeouts.job.ts).
  { from: 'RECEPTION_SUPPLEMENT', action: 'stop', roles: ['SYSTEM'], to: 'STOPPED' },
  // Processing.
  { from: 'IN_PROGRESS', action: 'forward', roles: ['RECEPTIONIST', ...STAFF_PROCESSING], to: 'IN_PROGRESS' },
  { from: 'IN_PROGRESS', action: 'request-supplement', roles: ['SPECIALIST'], to: 'SUPPLEMENT_REQUESTED' },
  { from: 'SUPPLEMENT_REQUESTED', action: 'answer-supplement', roles: ['CITIZEN'], to: 'IN_PROGRESS' },
  { from: 'SUPPLEMENT_REQUESTED', action: 'stop', roles: ['SYSTEM'], to: 'STOPPED' },
  { from: 'IN_PROGRESS', action: 'propose-result', roles: ['SPECIALIST'], to: 'AWAITING_APPROVAL' },
  { from: 'IN_PROGRESS', action: 'propose-rejection', roles: ['SPECIALIST'], to: 'AWAITING_APPROVAL' },
  { from: 'IN_PROGRESS', action: 'extend', roles: STAFF_PROCESSING, to: 'IN_PROGRESS' },
  // Approval: the completion instant.
  { from: 'AWAITING_APPROVAL', action: 'send-back', roles: ['LEADER'], to: 'IN_PROGRESS' },
  {
    from: 'AWAITING_APPROVAL',
    action: 'approve',
    roles: ['LEADER'],
    to: (ctx) => (ctx.proposal === 'REJECTION' ? 'REJECTED' : 'RESULT_READY'),
  },
  { from: 'AWAITING_APPROVAL', action: 'extend', roles: ['LEADER'], to: 'AWAITING_APPROVAL' },
  // Return: handed over at the counter, or downloaded by the citizen.
  { from: 'RESULT_READY', action: 'return-result', roles: ['RECEPTIONIST', 'CITIZEN'], to: 'RETURNED' },
  // The citizen may withdraw before any decision.
  ...(['DRAFT', 'SUBMITTED', 'RECEPTION_SUPPLEMENT', 'SUPPLEMENT_REQUESTED'] as const).map((from): Rule => ({
    from,
    action: 'withdraw',
    roles: ['CITIZEN'],
    to: 'WITHDRAWN',
  })),
];

export type TransitionCheck = { ok: true; to: DossierStatus } | { ok: false; reason: 'NOT_FROM_STATUS' | 'ROLE_NOT_ALLOWED' };

/**
 * Whether `actor` (holding `roles`) may take `action` on a dossier in `from`.
 * "Not from this status" wins over "not your role": a 409 tells more than a 403.
 */
export function checkTransition(
  from: DossierStatus,
  action: DossierAction,
  roles: readonly Actor[],
  ctx: TransitionContext = {},
): TransitionCheck {
  const rule = RULES.find((r) => r.from === from && r.action === action);
  if (!rule) return { ok: false, reason: 'NOT_FROM_STATUS' };
  if (!rule.roles.some((r) => roles.includes(r))) return { ok: false, reason: 'ROLE_NOT_ALLOWED' };
  return { ok: true, to: typeof rule.to === 'function' ? rule.to(ctx) : rule.to };
}

/** The actions `roles` may take now: the buttons to show. */
export function availableActions(from: DossierStatus, roles: readonly Actor[]): DossierAction[] {
  return RULES.filter((r) => r.from === from && r.roles.some((role) => roles.includes(role))).map((r) => r.action);
}

/** No further action is possible. */
export const FINAL: ReadonlySet<DossierStatus> = new Set(['RETURNED', 'REJECTED', 'STOPPED', 'WITHDRAWN']);
/** The clock runs only while the unit holds the dossier. */
export const CLOCK_RUNNING: ReadonlySet<DossierStatus> = new Set(['IN_PROGRESS', 'AWAITING_APPROVAL']);

/**
 * Checked at start-up: every status can be reached from DRAFT, every
 * non-final status has a way on, no (status, action) pair appears twice.
 */
export function validateTable(rules: readonly Rule[] = RULES): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of rules) {
    const key = `${r.from}/${r.action}`;
    if (seen.has(key)) problems.push(`duplicate rule ${key}`);
    seen.add(key);
    if (r.roles.length === 0) problems.push(`rule ${key} has no role`);
  }
  const targets = (r: Rule): DossierStatus[] =>
    typeof r.to === 'function' ? [r.to({ proposal: 'RESULT' }), r.to({ proposal: 'REJECTION' })] : [r.to];
  // Walk the graph from DRAFT; a status never reached is unreachable.
  const reached = new Set<DossierStatus>(['DRAFT']);
  const queue: DossierStatus[] = ['DRAFT'];
  for (let from = queue.shift(); from; from = queue.shift()) {
    for (const to of rules.filter((r) => r.from === from).flatMap(targets)) {
      if (!reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }
  for (const s of DOSSIER_STATUSES) if (!reached.has(s)) problems.push(`status ${s} is unreachable`);
  for (const s of DOSSIER_STATUSES) {
    if (!FINAL.has(s) && !rules.some((r) => r.from === s && targets(r).some((to) => to !== s))) problems.push(`status ${s} has no way on`);
  }
  return problems;
}
