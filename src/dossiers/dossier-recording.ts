/**
 * The pieces every use case that changes a dossier shares, in its fixed
 * order: lock the row, then (after the caller's checks and patch) append the
 * event and write the outbox rows, all in the caller's transaction. Kept here
 * so that the lifecycle (`DossierCommandsService.act`), the counter intake and
 * the assignment record their changes exactly the same way.
 */
import type { EntityManager } from 'typeorm';
import { isUuid } from '../common/ids.js';
import { Problem } from '../common/problem.js';
import { DossierEntity, DossierEventEntity } from './dossier.entity.js';
import { notificationsFor } from './notifications.js';

/** The dossier row, locked until the transaction ends; 404 for a malformed or unknown id. */
export async function lockDossier(tx: EntityManager, id: string): Promise<DossierEntity> {
  const d = isUuid(id) ? await tx.findOne(DossierEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!d) throw Problem.notFound('dossier.notFound');
  return d;
}

export interface EventWhat {
  role: string;
  actorId: string | null;
  action: string;
  comment?: string | null;
  data?: Record<string, unknown>;
}

/** Appends the event of a change: who, when, from which status and step to which, and why. */
export async function recordEvent(
  tx: EntityManager,
  d: Pick<DossierEntity, 'id' | 'status' | 'step'>,
  before: { status: DossierEntity['status'] | null; step: string | null },
  what: EventWhat,
): Promise<void> {
  await tx.insert(DossierEventEntity, {
    dossierId: d.id,
    actorId: what.actorId,
    actorRole: what.role,
    action: what.action,
    fromStatus: before.status,
    toStatus: d.status,
    fromStep: before.step,
    toStep: d.step,
    comment: what.comment ?? null,
    data: (what.data ?? {}) as never,
  });
}

/** The outbox rows of an action (sent after commit, so never for a change that did not happen). */
export async function enqueueNotifications(tx: EntityManager, d: DossierEntity, action: string): Promise<void> {
  for (const n of notificationsFor(d, action)) await tx.query(`INSERT INTO outbox (kind, payload) VALUES ('notify', $1)`, [n]);
}
