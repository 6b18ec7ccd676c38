import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763700000000 implements MigrationInterface {
  name = 'Foundation1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL CONSTRAINT agency_code_key UNIQUE,
        name varchar(200) NOT NULL,
        level varchar(12) NOT NULL CHECK (level IN ('PROVINCE', 'COMMUNE', 'DEPARTMENT')),
        parent_id uuid REFERENCES agency(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agency_province_is_root CHECK ((level = 'PROVINCE') = (parent_id IS NULL))
      )`);
    await q.query(`CREATE INDEX agency_parent_idx ON agency (parent_id)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL CONSTRAINT app_user_email_key UNIQUE CHECK (email = lower(email)),
        citizen_id varchar(12) CONSTRAINT app_user_citizen_id_key UNIQUE CHECK (citizen_id ~ '^[0-9]{12}$'),
        full_name varchar(200) NOT NULL,
        phone varchar(20),
        password_hash text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        agency_id uuid REFERENCES agency(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX app_user_agency_idx ON app_user (agency_id)`);

    // Failed sign-ins of the last minutes, to refuse a sixth try (per account or per address).
    await q.query(`
      CREATE TABLE login_failure (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username varchar(254) NOT NULL,
        ip varchar(64) NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failure_username_idx ON login_failure (username, at)`);
    await q.query(`CREATE INDEX login_failure_ip_idx ON login_failure (ip, at)`);

    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        action varchar(64) NOT NULL,
        target_type varchar(32) NOT NULL,
        target_id varchar(64) NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        ip varchar(64)
      )`);
    await q.query(`CREATE INDEX audit_event_target_idx ON audit_event (target_type, target_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event, login_failure, app_user, agency`);
  }
}
