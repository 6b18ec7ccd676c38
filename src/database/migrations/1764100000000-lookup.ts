import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Lookup1764100000000 implements MigrationInterface {
  name = 'Lookup1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // The public lookup's rate limit: one row per client address, its count in the current minute.
    // UNLOGGED: no WAL for a counter that is only worth a minute (after a crash it starts empty).
    await q.query(`
      CREATE UNLOGGED TABLE lookup_rate (
        address varchar(64) PRIMARY KEY,
        window_start timestamptz NOT NULL,
        count int NOT NULL
      )`);
    // No index on window_start: updates then stay HOT (no index to touch), and the rare prune can scan.
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lookup_rate`);
  }
}
