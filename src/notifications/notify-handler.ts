import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { MAILER, type Mailer } from './mail/mailer.js';
import { PermanentOutboxError, type OutboxRow } from './outbox-dispatcher.js';
import { dossierUrl, isMessageKind, renderEmail, type MessageKind, type MessageParams } from './templates.js';

/** The outbox `notify` payload (src/dossiers/notifications.ts; the deadline jobs write the same shape). */
interface Notify {
  userId: string;
  dossierId: string;
  kind: MessageKind;
  params: Partial<MessageParams>;
}

/** The event whose data tells more about a notification (what to supplement, why an extension). */
const EVENT_OF: Partial<Record<MessageKind, string>> = {
  'dossier.supplement-requested': 'request-supplement',
  'dossier.extended': 'extend',
};

/**
 * A `notify` row: the in-app notification (written in the dispatcher's
 * transaction, so it commits with `processed_at`) and an email to the user
 * when they have an address (sent before that commit: at least once).
 */
@Injectable()
export class NotifyHandler {
  private readonly host: string;

  constructor(
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.host = new URL(config.publicUrl).hostname || 'localhost';
  }

  readonly handle = async (row: OutboxRow, tx: EntityManager): Promise<void> => {
    const n = parse(row.payload);
    const [user] = (await tx.query(`SELECT email FROM app_user WHERE id = $1`, [n.userId])) as { email: string | null }[];
    if (!user) throw new PermanentOutboxError(`user ${n.userId} does not exist`);
    const params = { ...(await this.facts(tx, n)), ...defined(n.params) } as MessageParams;

    await tx.query(
      `INSERT INTO notification (user_id, dossier_id, kind, params, outbox_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (outbox_id) DO NOTHING`,
      [n.userId, n.dossierId, n.kind, params, row.id],
    );
    // Last: if it fails, the insert above is rolled back with the rest of the attempt.
    if (user.email?.includes('@')) {
      const mail = renderEmail(n.kind, params, dossierUrl(this.config.publicUrl, n.dossierId));
      await this.mailer.send({ to: user.email, ...mail, messageId: `<outbox-${row.id}.${n.dossierId}@${this.host}>` });
    }
  };

  /**
   * What the payload does not carry, read when the message is sent: the
   * procedure's name, the supplement deadline, the reason, the items asked for.
   * The payload's own values win (they are the state at the change).
   */
  private async facts(tx: EntityManager, n: Notify): Promise<Partial<MessageParams>> {
    const [d] = (await tx.query(
      `SELECT v.definition->'name' AS "procedureName", d.code, d.procedure_code AS "procedureCode",
              d.supplement_due_at AS "supplementDueAt", d.submitted_at AS "submittedAt", d.reason,
              (SELECT e.data FROM dossier_event e WHERE e.dossier_id = d.id AND e.action = $2 ORDER BY e.id DESC LIMIT 1) AS "eventData"
         FROM dossier d JOIN procedure_version v ON v.id = d.procedure_version_id
        WHERE d.id = $1`,
      [n.dossierId, EVENT_OF[n.kind] ?? ''],
    )) as {
      procedureName: { vi: string; en?: string } | null;
      code: string | null;
      procedureCode: string;
      supplementDueAt: Date | null;
      submittedAt: Date | null;
      reason: string | null;
      eventData: { items?: unknown; reason?: unknown } | null;
    }[];
    if (!d) throw new PermanentOutboxError(`dossier ${n.dossierId} does not exist`);
    const items = Array.isArray(d.eventData?.items) ? d.eventData.items.filter((i): i is string => typeof i === 'string') : null;
    const eventReason = typeof d.eventData?.reason === 'string' ? d.eventData.reason : null;
    return {
      code: d.code,
      procedureCode: d.procedureCode,
      procedureName: d.procedureName,
      supplementDueAt: d.supplementDueAt?.toISOString() ?? null,
      submittedAt: d.submittedAt?.toISOString() ?? null,
      reason: eventReason ?? d.reason,
      items,
    };
  }
}

function parse(payload: unknown): Notify {
  const p = payload as Partial<Notify> | null;
  if (
    !p ||
    typeof p.userId !== 'string' ||
    typeof p.dossierId !== 'string' ||
    typeof p.kind !== 'string' ||
    !isMessageKind(p.kind) ||
    typeof p.params !== 'object' ||
    p.params === null
  ) {
    throw new PermanentOutboxError('malformed notify payload');
  }
  return p as Notify;
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
