import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issued results (src/results/README.md): the signed document of a resolved
 * dossier with its number, hash and verification token; the gap-free number
 * series per agency and year; the wallet results a citizen picked for a
 * component of a draft; and every component satisfied by data at submission
 * (what the statistics count as reuse).
 */
export class Results1764400000000 implements MigrationInterface {
  name = 'Results1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE result_number_series (
        agency_id uuid NOT NULL REFERENCES agency(id),
        year smallint NOT NULL,
        last_no integer NOT NULL,
        PRIMARY KEY (agency_id, year)
      )`);
    await q.query(`
      CREATE TABLE result_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL REFERENCES dossier(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        holder_id uuid NOT NULL REFERENCES app_user(id),
        procedure_code varchar(64) NOT NULL,
        series_year smallint NOT NULL,
        series_no integer NOT NULL,
        document_no varchar(64) NOT NULL,
        title text NOT NULL,
        issued_at timestamptz NOT NULL,
        signer_id uuid REFERENCES app_user(id),
        signer_name text NOT NULL,
        storage_key varchar(200) NOT NULL,
        sha256 char(64) NOT NULL,
        size_bytes integer NOT NULL,
        verify_token varchar(64) NOT NULL CONSTRAINT result_document_verify_token_key UNIQUE,
        -- The address printed in the QR code, kept as printed even if the portal's address changes.
        verify_url text NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'ISSUED' CHECK (status IN ('ISSUED', 'REVOKED', 'SUPERSEDED')),
        status_reason text,
        status_changed_at timestamptz,
        status_changed_by uuid REFERENCES app_user(id),
        superseded_by uuid REFERENCES result_document(id),
        CONSTRAINT result_document_series_key UNIQUE (agency_id, series_year, series_no),
        CONSTRAINT result_document_no_key UNIQUE (agency_id, document_no)
      )`);
    // One result in force per dossier; revoked and superseded ones stay for verification.
    await q.query(`CREATE UNIQUE INDEX result_document_in_force_idx ON result_document (dossier_id) WHERE status = 'ISSUED'`);
    await q.query(`CREATE INDEX result_document_dossier_idx ON result_document (dossier_id, issued_at DESC)`);
    await q.query(`CREATE INDEX result_document_holder_idx ON result_document (holder_id, issued_at DESC)`);
    await q.query(`CREATE INDEX result_document_sha256_idx ON result_document (sha256)`);

    await q.query(`
      CREATE TABLE result_reuse_choice (
        dossier_id uuid NOT NULL REFERENCES dossier(id),
        component_code varchar(64) NOT NULL,
        result_id uuid NOT NULL REFERENCES result_document(id),
        chosen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dossier_id, component_code)
      )`);
    await q.query(`
      CREATE TABLE component_reuse (
        dossier_id uuid NOT NULL REFERENCES dossier(id),
        component_code varchar(64) NOT NULL,
        source varchar(8) NOT NULL CHECK (source IN ('PROFILE', 'RESULT')),
        result_id uuid REFERENCES result_document(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dossier_id, component_code),
        CHECK ((source = 'RESULT') = (result_id IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE component_reuse`);
    await q.query(`DROP TABLE result_reuse_choice`);
    await q.query(`DROP TABLE result_document`);
    await q.query(`DROP TABLE result_number_series`);
  }
}
