import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Calendar1763800000000 implements MigrationInterface {
  name = 'Calendar1763800000000';

  async up(q: QueryRunner): Promise<void> {
    // Only the dates that differ from Monday-to-Friday; the checks mirror calendar-rules.ts.
    await q.query(`
      CREATE TABLE calendar_day (
        date date PRIMARY KEY,
        kind varchar(8) NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
        name varchar(200) NOT NULL CHECK (btrim(name) <> ''),
        CONSTRAINT calendar_day_workday_on_weekend CHECK (kind <> 'WORKDAY' OR extract(isodow FROM date) IN (6, 7)),
        CONSTRAINT calendar_day_holiday_on_weekday CHECK (kind <> 'HOLIDAY' OR extract(isodow FROM date) < 6)
      )`);
    // A year an administrator has edited is never touched by the start-up seed again.
    await q.query(`
      CREATE TABLE calendar_year (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        source varchar(8) NOT NULL CHECK (source IN ('SEED', 'ADMIN')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_year, calendar_day`);
  }
}
