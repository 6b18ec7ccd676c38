import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '../common/roles.js';
import type { DossierStatus } from '../dossiers/lifecycle.js';
import type { MessageParams } from '../notifications/templates.js';
import type { Alert } from './alert-rules.js';

/** What an alert tells about its dossier. */
export interface AlertedDossier {
  id: string;
  code: string | null;
  procedureCode: string;
  status: DossierStatus;
  currentAgencyId: string;
  assigneeId: string | null;
  rescheduledAt: Date | null;
  submittedAt: Date | null;
}

/** Who is told: the assignee if there is one (and still active), else every active officer of `role` at the dossier's agency. */
export interface Audience {
  assigneeId: string | null;
  role: Role;
}

/**
 * Sends an alert once: the `dossier_alert (dossier_id, kind, due_at)` row and
 * one outbox `notify` row per recipient, in one transaction. Of two jobs
 * alerting at once (two replicas), the second finds the row and writes
 * nothing; the dispatcher delivers the outbox rows in-app and by mail.
 */
@Injectable()
export class StaffAlerts {
  constructor(private readonly db: DataSource) {}

  /** The number of people told, or null when this alert had already been sent. */
  send(d: AlertedDossier, alert: Alert, audience: Audience): Promise<number | null> {
    return this.db.transaction(async (tx) => {
      const claimed = (await tx.query(
        `INSERT INTO dossier_alert (dossier_id, kind, due_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING dossier_id`,
        [d.id, alert.kind, alert.dueAt],
      )) as unknown[];
      if (claimed.length === 0) return null;
      const assignee = audience.assigneeId
        ? ((await tx.query(`SELECT id FROM app_user WHERE id = $1 AND active`, [audience.assigneeId])) as { id: string }[])
        : [];
      const recipients =
        assignee.length > 0
          ? assignee
          : ((await tx.query(`SELECT id FROM app_user WHERE agency_id = $1 AND $2 = ANY(roles) AND active ORDER BY id`, [
              d.currentAgencyId,
              audience.role,
            ])) as { id: string }[]);
      const params: MessageParams = {
        code: d.code,
        procedureCode: d.procedureCode,
        status: d.status,
        dueAt: alert.dueAt.toISOString(),
        rescheduledAt: d.rescheduledAt?.toISOString() ?? null,
        submittedAt: d.submittedAt?.toISOString() ?? null,
      };
      for (const r of recipients) {
        await tx.query(`INSERT INTO outbox (kind, payload) VALUES ('notify', $1)`, [
          { userId: r.id, dossierId: d.id, kind: alert.kind, params },
        ]);
      }
      // Recorded even when nobody could be told (no such officer): the alert is not retried every few minutes.
      await tx.query(`UPDATE dossier_alert SET recipients = $4 WHERE dossier_id = $1 AND kind = $2 AND due_at = $3`, [
        d.id,
        alert.kind,
        alert.dueAt,
        recipients.length,
      ]);
      return recipients.length;
    });
  }
}
