import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Import1764200000000 implements MigrationInterface {
  name = 'Import1764200000000';

  async up(q: QueryRunner): Promise<void> {
    // Set only on dossiers moved in by `POST /admin/dossiers/import`: marks them (a re-import of the same
    // code answers what is stored) and keeps what the old system knew that has no table yet: the fee
    // paid and how, and the citizen's rating. Payment and rating tables can take these over later.
    await q.query(`ALTER TABLE dossier ADD COLUMN import_extra jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier DROP COLUMN import_extra`);
  }
}
