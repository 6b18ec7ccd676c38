import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Dossiers1763900000000 implements MigrationInterface {
  name = 'Dossiers1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- {agencyCode}-{yymmdd}-{NNNN}, given at reception (online) or intake (counter).
        code varchar(64) CONSTRAINT dossier_code_key UNIQUE,
        procedure_id uuid NOT NULL REFERENCES procedure(id),
        procedure_version_id uuid NOT NULL REFERENCES procedure_version(id),
        procedure_code varchar(64) NOT NULL,
        agency_id uuid NOT NULL REFERENCES agency(id),
        -- Where the dossier is now: differs from agency_id after an inter-agency forward.
        current_agency_id uuid NOT NULL REFERENCES agency(id),
        applicant_id uuid NOT NULL REFERENCES app_user(id),
        channel varchar(8) NOT NULL CHECK (channel IN ('ONLINE', 'COUNTER')),
        status varchar(24) NOT NULL,
        step varchar(64),
        step_due_at timestamptz,
        assignee_id uuid REFERENCES app_user(id),
        form_data jsonb NOT NULL DEFAULT '{}',
        -- What the leader is asked to approve, and the reason of a refusal.
        proposal varchar(10) CHECK (proposal IN ('RESULT', 'REJECTION')),
        reason text,
        -- The clock (UTC instants). due_at is the legal due date: statistics keep it even after an extension.
        submitted_at timestamptz,
        received_at timestamptz,
        clock_start timestamptz,
        due_at timestamptz,
        rescheduled_at timestamptz,
        clock_paused_at timestamptz,
        completed_at timestamptz,
        outcome varchar(8) CHECK (outcome IN ('EARLY', 'ON_TIME', 'LATE')),
        returned_at timestamptz,
        supplement_due_at timestamptz,
        reception_supplements int NOT NULL DEFAULT 0,
        processing_supplements int NOT NULL DEFAULT 0,
        extended boolean NOT NULL DEFAULT false,
        fee_amount bigint NOT NULL DEFAULT 0,
        fee_pay_when varchar(16) NOT NULL DEFAULT 'ON_SUBMIT',
        -- Every component electronic (uploaded, reused from data, or scanned at the counter): the digitised rate.
        digitised boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX dossier_applicant_idx ON dossier (applicant_id, created_at DESC)`);
    await q.query(`CREATE INDEX dossier_agency_status_idx ON dossier (current_agency_id, status)`);
    await q.query(`CREATE INDEX dossier_assignee_idx ON dossier (assignee_id) WHERE assignee_id IS NOT NULL`);
    await q.query(`CREATE INDEX dossier_received_idx ON dossier (agency_id, received_at)`);
    await q.query(`CREATE INDEX dossier_completed_idx ON dossier (agency_id, completed_at)`);
    await q.query(`CREATE INDEX dossier_due_idx ON dossier (due_at) WHERE completed_at IS NULL`);

    // One row per agency and local day; incremented in the receiving transaction, so numbers have no gaps.
    await q.query(`
      CREATE TABLE dossier_code_counter (
        agency_id uuid NOT NULL REFERENCES agency(id),
        day date NOT NULL,
        last int NOT NULL,
        PRIMARY KEY (agency_id, day)
      )`);

    await q.query(`
      CREATE TABLE dossier_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier(id),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user(id),
        actor_role varchar(16) NOT NULL,
        action varchar(32) NOT NULL,
        from_status varchar(24),
        to_status varchar(24) NOT NULL,
        from_step varchar(64),
        to_step varchar(64),
        comment text,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX dossier_event_dossier_idx ON dossier_event (dossier_id, id)`);
    // The event log is the record: never edited, never deleted.
    await q.query(`
      CREATE FUNCTION dossier_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'dossier events are append-only' USING ERRCODE = 'P0001'; END $$`);
    await q.query(`
      CREATE TRIGGER dossier_event_append_only BEFORE UPDATE OR DELETE ON dossier_event
        FOR EACH ROW EXECUTE FUNCTION dossier_event_append_only()`);

    await q.query(`
      CREATE TABLE dossier_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL REFERENCES dossier(id),
        component_code varchar(64) NOT NULL,
        storage_key text NOT NULL,
        file_name varchar(255) NOT NULL,
        mime_type varchar(100) NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 char(64) NOT NULL,
        -- UPLOAD by the citizen, SCAN at the counter, SUPPLEMENT in answer to a request.
        source varchar(12) NOT NULL CHECK (source IN ('UPLOAD', 'SCAN', 'SUPPLEMENT')),
        uploaded_by uuid REFERENCES app_user(id),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        -- A later file of the same component replaces this one (kept for the record).
        replaced_at timestamptz
      )`);
    await q.query(`CREATE INDEX dossier_file_dossier_idx ON dossier_file (dossier_id, component_code)`);

    // Side effects (mail, documents) written in the same transaction as the change, sent after commit.
    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind varchar(40) NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at) WHERE processed_at IS NULL`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        dossier_id uuid REFERENCES dossier(id),
        kind varchar(40) NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification, outbox, dossier_file, dossier_event, dossier_code_counter, dossier`);
    await q.query(`DROP FUNCTION dossier_event_append_only()`);
  }
}
