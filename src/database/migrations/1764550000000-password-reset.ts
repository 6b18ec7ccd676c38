import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password resets: a single-use token per request, stored as its SHA-256
 * only (the token itself travels in the mail), valid for 30 minutes.
 */
export class PasswordReset1764550000000 implements MigrationInterface {
  name = 'PasswordReset1764550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_reset (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id),
        token_hash char(64) NOT NULL CONSTRAINT password_reset_token_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX password_reset_user_idx ON password_reset (user_id) WHERE used_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_reset`);
  }
}
