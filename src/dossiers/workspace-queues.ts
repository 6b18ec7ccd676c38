/**
 * The workspace's queues: which statuses each shows, in which order, which
 * filters make sense in it, and where each role starts. Pure: the queue
 * queries and the pages read this table.
 */
import type { Role } from '../common/roles.js';
import type { DossierStatus } from './lifecycle.js';

export const QUEUES = ['reception', 'processing', 'supplement', 'approval', 'result'] as const;
export type Queue = (typeof QUEUES)[number];

export const QUEUE_FILTERS = ['overdue', 'dueSoon', 'unassigned', 'mine', 'receptionLate'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

interface QueueDef {
  statuses: readonly DossierStatus[];
  /** SQL ORDER BY on the dossier alias `d`; the oldest or most urgent first, id last so pages never overlap. */
  order: string;
  filters: readonly QueueFilter[];
}

export const QUEUE_DEFS: Record<Queue, QueueDef> = {
  // Oldest first: the counter answers within 8 working hours of submission.
  reception: { statuses: ['SUBMITTED'], order: 'd.submitted_at ASC, d.id', filters: ['receptionLate', 'unassigned', 'mine'] },
  // Grouped by step, the most urgent step deadline first.
  processing: {
    statuses: ['IN_PROGRESS'],
    order: 'd.step ASC, d.step_due_at ASC NULLS LAST, d.due_at ASC, d.id',
    filters: ['overdue', 'dueSoon', 'unassigned', 'mine'],
  },
  supplement: {
    statuses: ['RECEPTION_SUPPLEMENT', 'SUPPLEMENT_REQUESTED'],
    order: 'd.supplement_due_at ASC NULLS LAST, d.id',
    filters: ['unassigned', 'mine'],
  },
  approval: { statuses: ['AWAITING_APPROVAL'], order: 'd.due_at ASC, d.id', filters: ['overdue', 'dueSoon', 'unassigned', 'mine'] },
  // Waiting to be handed back: the longest waiting first.
  result: { statuses: ['RESULT_READY'], order: 'd.completed_at ASC, d.id', filters: ['unassigned', 'mine'] },
};

/** The staff roles that have a workspace. */
export const WORKSPACE_ROLES: Role[] = ['RECEPTIONIST', 'SPECIALIST', 'LEADER', 'MANAGER'];

/** Where an officer lands: the counter on what waits for reception, a leader on the approvals, the others on processing. */
export function defaultQueue(roles: readonly Role[]): Queue {
  if (roles.includes('RECEPTIONIST')) return 'reception';
  if (roles.includes('LEADER')) return 'approval';
  return 'processing';
}

export function parseQueue(value: unknown): Queue | undefined {
  return typeof value === 'string' && (QUEUES as readonly string[]).includes(value) ? (value as Queue) : undefined;
}

/** The filters asked for that apply to this queue (the others are ignored, not an error: links may be stale). */
export function applicableFilters(queue: Queue, asked: readonly string[]): QueueFilter[] {
  return QUEUE_DEFS[queue].filters.filter((f) => asked.includes(f));
}
