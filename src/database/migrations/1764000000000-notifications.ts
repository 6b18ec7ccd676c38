import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery of notifications and the deadline jobs. pg-boss keeps its own
 * tables in the `pgboss` schema and creates them itself on start.
 */
export class Notifications1764000000000 implements MigrationInterface {
  name = 'Notifications1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // The outbox row an in-app notification came from: at most one notification per row, whatever happens.
    await q.query(`ALTER TABLE notification ADD COLUMN outbox_id bigint CONSTRAINT notification_outbox_key UNIQUE`);
    // The header shows every signed-in page's unread count.
    await q.query(`CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL`);

    // Alerts already sent to staff, once per dossier, kind and deadline: a new deadline
    // (an extension, a clock restarted after a supplement, a new submission) alerts again.
    await q.query(`
      CREATE TABLE dossier_alert (
        dossier_id uuid NOT NULL REFERENCES dossier(id),
        kind varchar(40) NOT NULL,
        due_at timestamptz NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        recipients int NOT NULL DEFAULT 0,
        PRIMARY KEY (dossier_id, kind, due_at)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dossier_alert`);
    await q.query(`DROP INDEX notification_unread_idx`);
    await q.query(`ALTER TABLE notification DROP COLUMN outbox_id`);
  }
}
