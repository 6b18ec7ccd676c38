import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Procedures1763750000000 implements MigrationInterface {
  name = 'Procedures1763750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is only STABLE (its dictionary could change); this fixed-dictionary
    // wrapper is IMMUTABLE so it can back an index. "Đăng ký" → "dang ky".
    await q.query(`
      CREATE FUNCTION portal_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);

    await q.query(`
      CREATE TABLE procedure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL CONSTRAINT procedure_code_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- The version in force (null until the first publication) and, copied
        -- from it for the catalogue, what people search and filter by.
        current_version int,
        name text,
        name_en text,
        sector text,
        level varchar(12),
        agency_codes text[] NOT NULL DEFAULT '{}',
        service_level varchar(8),
        search_text text GENERATED ALWAYS AS (
          portal_fold(code || ' ' || coalesce(name, '') || ' ' || coalesce(name_en, '') || ' ' || coalesce(sector, ''))
        ) STORED
      )`);
    await q.query(`CREATE INDEX procedure_search_idx ON procedure USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX procedure_agency_codes_idx ON procedure USING gin (agency_codes)`);
    await q.query(`CREATE INDEX procedure_sector_idx ON procedure (sector)`);

    await q.query(`
      CREATE TABLE procedure_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        procedure_id uuid NOT NULL REFERENCES procedure(id),
        version int NOT NULL CHECK (version > 0),
        status varchar(10) NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        published_by uuid,
        CONSTRAINT procedure_version_key UNIQUE (procedure_id, version),
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      )`);
    // At most one open draft per procedure.
    await q.query(`CREATE UNIQUE INDEX procedure_one_draft_idx ON procedure_version (procedure_id) WHERE status = 'DRAFT'`);

    // Dossiers stay bound to the version they were filed under: a published
    // version can never change or disappear, whatever the application does.
    await q.query(`
      CREATE FUNCTION procedure_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'PUBLISHED' THEN
          RAISE EXCEPTION 'procedure version % is published and cannot change', OLD.id USING ERRCODE = 'P0001';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER procedure_version_frozen BEFORE UPDATE OR DELETE ON procedure_version
        FOR EACH ROW EXECUTE FUNCTION procedure_version_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE procedure_version, procedure`);
    await q.query(`DROP FUNCTION procedure_version_frozen(), portal_fold(text)`);
  }
}
