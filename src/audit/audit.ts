import type { EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Records an audit event inside the caller's transaction, so it exists exactly when the change does. */
export async function audit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.save(manager.create(AuditEventEntity, { ...entry, detail: entry.detail ?? {}, ip: entry.ip ?? null }));
}
