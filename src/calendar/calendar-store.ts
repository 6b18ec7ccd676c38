import type { EntityManager } from 'typeorm';
import type { CalendarDay } from './calendar-rules.js';
import type { CalendarYearSource } from './calendar-year.entity.js';

/** Key space of the calendar's transaction locks (the other key is the year). */
const CALENDAR_LOCK = 7_262_002;

/** Serialises writers of one year (admins, the seed of each replica) until the transaction ends. */
export async function lockYear(tx: EntityManager, year: number): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [CALENDAR_LOCK, year]);
}

/** A year's days, by date. Dates come back as text: no time zone gets near them. */
export async function daysOfYear(tx: EntityManager, year: number): Promise<CalendarDay[]> {
  return tx.query(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_day
     WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1) ORDER BY date`,
    [year],
  );
}

export async function allDays(tx: EntityManager): Promise<CalendarDay[]> {
  return tx.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_day ORDER BY date`);
}

/**
 * Inserts days; with `skipExisting` a date already there is left as it is.
 * Answers the dates inserted. Plain SQL: TypeORM's insert writes returned
 * values back into the objects it is given, which must stay untouched here.
 */
export async function insertDays(tx: EntityManager, days: readonly CalendarDay[], skipExisting = false): Promise<string[]> {
  if (days.length === 0) return [];
  const rows: { date: string }[] = await tx.query(
    `INSERT INTO calendar_day (date, kind, name)
     SELECT * FROM unnest($1::date[], $2::varchar[], $3::varchar[])
     ${skipExisting ? 'ON CONFLICT (date) DO NOTHING' : ''}
     RETURNING to_char(date, 'YYYY-MM-DD') AS date`,
    [days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name)],
  );
  return rows.map((r) => r.date);
}

export async function markYear(tx: EntityManager, year: number, source: CalendarYearSource): Promise<void> {
  await tx.query(
    `INSERT INTO calendar_year (year, source) VALUES ($1, $2)
     ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, updated_at = now()`,
    [year, source],
  );
}
