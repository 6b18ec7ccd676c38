import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { audit } from '../audit/audit.js';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { dayErrors, yearErrors, type CalendarDay } from './calendar-rules.js';
import { allDays, daysOfYear, insertDays, lockYear, markYear } from './calendar-store.js';
import { CalendarDayEntity } from './calendar-day.entity.js';
import { DEFAULT_PERIODS, isLocalDate, WorkCalendar, type WorkingPeriod } from './working-time.js';

/**
 * How long a replica trusts the calendar it loaded. The app runs as several
 * replicas and an admin's change invalidates only the cache of the replica
 * that made it: the others see it within this time. Changes are rare and
 * announced weeks ahead, so a minute is harmless.
 */
export const CALENDAR_CACHE_TTL_MS = 60_000;

type Actor = Pick<Principal, 'id'>;

@Injectable()
export class CalendarService {
  /** The working periods of every working day (the DOMAIN.md default; not yet configurable at run time). */
  readonly periods: readonly WorkingPeriod[] = DEFAULT_PERIODS;
  private cached: { loadedAt: number; calendar: Promise<WorkCalendar> } | null = null;

  constructor(private readonly db: DataSource) {}

  /**
   * The working calendar of every year, for the clock of dossiers. A caller
   * inside a transaction passes its manager: a reload then runs on the
   * transaction's own connection, never waiting for a second one from a pool
   * that transactions like it may hold entirely.
   */
  calendar(manager: EntityManager = this.db.manager): Promise<WorkCalendar> {
    const now = Date.now();
    if (!this.cached || now - this.cached.loadedAt >= CALENDAR_CACHE_TTL_MS) {
      const calendar = this.load(manager);
      const entry = { loadedAt: now, calendar };
      this.cached = entry;
      calendar.catch(() => {
        if (this.cached === entry) this.cached = null; // a failed load is not kept
      });
    }
    return this.cached.calendar;
  }

  /** Forgets this replica's copy: the next use reads the database. */
  invalidate(): void {
    this.cached = null;
  }

  /** A year's days off and days worked, by date (read fresh, not from the cache). */
  getYear(year: number): Promise<CalendarDay[]> {
    return daysOfYear(this.db.manager, year);
  }

  /** Replaces a year's whole list at once; 422 with every bad day, and nothing written, if any is wrong. */
  async replaceYear(year: number, days: CalendarDay[], actor: Actor, ip?: string): Promise<CalendarDay[]> {
    const errors = yearErrors(year, days);
    if (errors.length > 0) throw Problem.validation(errors);
    const result = await this.db.transaction(async (tx) => {
      await lockYear(tx, year);
      const before = await daysOfYear(tx, year);
      await tx.query(`DELETE FROM calendar_day WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)`, [year]);
      await insertDays(tx, days);
      await markYear(tx, year, 'ADMIN');
      await audit(tx, {
        actorId: actor.id,
        action: 'calendar.replaced',
        targetType: 'calendar',
        targetId: String(year),
        detail: difference(before, days),
        ip,
      });
      return daysOfYear(tx, year);
    });
    this.invalidate();
    return result;
  }

  /** Adds one day (the admin page); its year then counts as edited by an administrator. */
  async addDay(day: CalendarDay, actor: Actor, ip?: string): Promise<CalendarDay> {
    const errors = dayErrors(day);
    if (errors.length > 0) throw Problem.validation(errors.map((e) => ({ path: e.field, code: e.code, params: e.params })));
    const year = Number(day.date.slice(0, 4));
    await this.db.transaction(async (tx) => {
      await lockYear(tx, year);
      if (await tx.existsBy(CalendarDayEntity, { date: day.date })) {
        throw Problem.validation([{ path: 'date', code: 'calendar.duplicateDate' }]);
      }
      await insertDays(tx, [day]);
      await markYear(tx, year, 'ADMIN');
      await audit(tx, {
        actorId: actor.id,
        action: 'calendar.day-added',
        targetType: 'calendar',
        targetId: day.date,
        detail: { ...day },
        ip,
      });
    });
    this.invalidate();
    return day;
  }

  /** Removes one day; 404 when the date is not in the calendar. */
  async removeDay(date: string, actor: Actor, ip?: string): Promise<CalendarDay> {
    if (!isLocalDate(date)) throw Problem.validation([{ path: 'date', code: 'calendar.dateInvalid' }]);
    const year = Number(date.slice(0, 4));
    const removed = await this.db.transaction(async (tx) => {
      await lockYear(tx, year);
      const [rows] = (await tx.query(`DELETE FROM calendar_day WHERE date = $1 RETURNING to_char(date, 'YYYY-MM-DD') AS date, kind, name`, [
        date,
      ])) as [CalendarDay[], number];
      const day = rows[0];
      if (!day) throw Problem.notFound('calendar.dayNotFound');
      await markYear(tx, year, 'ADMIN');
      await audit(tx, {
        actorId: actor.id,
        action: 'calendar.day-removed',
        targetType: 'calendar',
        targetId: date,
        detail: { ...day },
        ip,
      });
      return day;
    });
    this.invalidate();
    return removed;
  }

  private async load(manager: EntityManager): Promise<WorkCalendar> {
    const days = await allDays(manager);
    return new WorkCalendar({
      holidays: days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date),
      workdays: days.filter((d) => d.kind === 'WORKDAY').map((d) => d.date),
      periods: this.periods,
    });
  }
}

/** What a replacement changed, for the audit trail. */
function difference(before: CalendarDay[], after: CalendarDay[]) {
  const old = new Map(before.map((d) => [d.date, d]));
  const now = new Map(after.map((d) => [d.date, d]));
  return {
    added: after.filter((d) => !old.has(d.date)).map((d) => d.date),
    removed: before.filter((d) => !now.has(d.date)).map((d) => d.date),
    changed: after
      .filter((d) => old.has(d.date) && (old.get(d.date)!.kind !== d.kind || old.get(d.date)!.name !== d.name))
      .map((d) => d.date),
    days: after.length,
  };
}
