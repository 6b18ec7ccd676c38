/**
 * Working-time arithmetic (DOMAIN.md, "The clock: working time"). Pure: no Nest,
 * no TypeORM, no Intl. Every instant is a UTC `Date`; local time is
 * Asia/Ho_Chi_Minh, a fixed UTC+7 (Vietnam has had no daylight saving since 1975).
 *
 * Internally an instant becomes "local milliseconds" (UTC ms + 7 h): the whole
 * days of that number are the local dates, the rest the local time of day.
 * Durations are counted in whole milliseconds, so results are exact to the
 * millisecond and loops skip whole days instead of stepping minutes.
 */

/** 'YYYY-MM-DD', a date on the local (UTC+7) calendar. */
export type LocalDate = string;

/** 'HH:mm' local time; an end may be '24:00'. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

export interface CalendarData {
  /** Days off on what would be a working day (kind `HOLIDAY`). */
  holidays: Iterable<LocalDate>;
  /** Days worked although they fall on a weekend (kind `WORKDAY`: swapped Saturdays). */
  workdays: Iterable<LocalDate>;
  /** Working periods of every working day; default 07:30–11:30 and 13:00–17:00. */
  periods?: readonly WorkingPeriod[];
}

export type SupplementPolicy = 'RESTART' | 'PAUSE';
export const SUPPLEMENT_POLICIES: readonly SupplementPolicy[] = ['RESTART', 'PAUSE'];

export type Outcome = 'EARLY' | 'ON_TIME' | 'LATE';

export interface Clock {
  clockStart: Date;
  dueAt: Date;
}

export const DEFAULT_PERIODS: readonly WorkingPeriod[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:00', end: '17:00' },
];

/** One working day is 8 working hours, whatever the periods (DOMAIN.md). */
export const HOURS_PER_WORKING_DAY = 8;

/** A reception with this much working time left in its day, or less, starts the clock the next working day. */
export const LAST_HOUR_HOURS = 1;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const OFFSET = 7 * HOUR;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

export function workingDaysToHours(days: number): number {
  return days * HOURS_PER_WORKING_DAY;
}

/** True for a real calendar date written 'YYYY-MM-DD' (no 30 February). */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && !Number.isNaN(dayNumberOrNaN(value));
}

/** The local (UTC+7) date of an instant. */
export function localDateOf(instant: Date): LocalDate {
  return dateOfDay(Math.floor((ms(instant) + OFFSET) / DAY));
}

/** 0 = Sunday … 6 = Saturday, of a local date. */
export function weekdayOf(date: LocalDate): number {
  return weekday(dayNumber(date));
}

/** Overdue on any local date after the due date (the caller knows whether the clock is running). */
export function isOverdue(dueAt: Date, asOf: Date): boolean {
  return localDateOf(asOf) > localDateOf(dueAt);
}

/** By local calendar dates, as the national statistics count. */
export function outcome(completedAt: Date, dueAt: Date): Outcome {
  const done = localDateOf(completedAt);
  const due = localDateOf(dueAt);
  return done < due ? 'EARLY' : done === due ? 'ON_TIME' : 'LATE';
}

export class WorkCalendar {
  private readonly holidays: ReadonlySet<number>;
  private readonly workdays: ReadonlySet<number>;
  /** Milliseconds since local midnight, sorted, not overlapping. */
  private readonly periods: readonly { start: number; end: number }[];
  /** Working milliseconds of a whole working day. */
  private readonly dayLength: number;

  constructor(data: CalendarData) {
    this.holidays = new Set([...data.holidays].map(dayNumber));
    this.workdays = new Set([...data.workdays].map(dayNumber));
    for (const day of this.workdays) {
      if (this.holidays.has(day)) throw new RangeError(`${dateOfDay(day)} is both a holiday and a working day`);
    }
    this.periods = parsePeriods(data.periods ?? DEFAULT_PERIODS);
    this.dayLength = this.periods.reduce((sum, p) => sum + p.end - p.start, 0);
  }

  /** Monday to Friday, minus the holidays, plus the declared working days. */
  isWorkingDay(date: LocalDate): boolean {
    return this.isWorking(dayNumber(date));
  }

  /**
   * When the clock starts for a reception at `receivedAt`: the instant itself
   * inside working hours; the next opening of a period during a break (the
   * lunch break, or before the day's opening); the next working day's opening
   * when the day is not a working day, is over, or has only its last working
   * hour left (from 16:00 with the default periods, 16:00 included).
   */
  clockStart(receivedAt: Date): Date {
    const local = ms(receivedAt) + OFFSET;
    const day = Math.floor(local / DAY);
    const time = local - day * DAY;
    if (this.isWorking(day) && this.workedWithin(time, DAY) > LAST_HOUR_HOURS * HOUR) {
      const period = this.periods.find((p) => time < p.end)!; // exists: working time is left
      return time >= period.start ? new Date(ms(receivedAt)) : utc(day, period.start);
    }
    return utc(this.nextWorkingDay(day + 1), this.periods[0].start);
  }

  /**
   * The first instant at which `hours` of working time have passed since
   * `start`: an end on a period's close is that close (17:00), not the next
   * opening. Fractional hours are counted to the millisecond.
   */
  addWorkingHours(start: Date, hours: number): Date {
    let left = durationMs(hours);
    if (left === 0) return new Date(ms(start));
    const local = ms(start) + OFFSET;
    let day = Math.floor(local / DAY);
    let time = local - day * DAY;
    for (;;) {
      if (this.isWorking(day)) {
        if (time === 0 && left > this.dayLength) {
          left -= this.dayLength; // a whole working day at once
        } else {
          for (const p of this.periods) {
            if (p.end <= time) continue;
            const from = Math.max(p.start, time);
            if (left <= p.end - from) return utc(day, from + left);
            left -= p.end - from;
          }
        }
      }
      day += 1;
      time = 0;
    }
  }

  /** The due instant of a dossier received at `receivedAt` with `workingHours` to process it. */
  dueAt(receivedAt: Date, workingHours: number): Date {
    return this.addWorkingHours(this.clockStart(receivedAt), workingHours);
  }

  /** Working hours in [a, b); negative when b is before a. */
  workingHoursBetween(a: Date, b: Date): number {
    if (ms(b) < ms(a)) return (0 - this.workingMs(ms(b), ms(a))) / HOUR; // 0 - 0 is +0, never -0
    return this.workingMs(ms(a), ms(b)) / HOUR;
  }

  /**
   * Each workflow step's own deadline: step i is due when the shares of steps
   * 0..i of `totalHours` have passed since the clock start. Shares sum to at
   * most 1; when they sum to 1 the last deadline is the dossier's due instant.
   */
  stepDeadlines(clockStart: Date, totalHours: number, shares: readonly number[]): Date[] {
    const total = durationMs(totalHours);
    if (shares.some((s) => !Number.isFinite(s) || s < 0)) throw new RangeError('step shares must be finite and not negative');
    let cumulative = 0;
    return shares.map((share) => {
      cumulative += share;
      if (cumulative > 1 + 1e-9) throw new RangeError('step shares add up to more than 1');
      // Rounding to the millisecond makes 0.1 + 0.6 + 0.3 land exactly on the due instant.
      return this.addWorkingHours(clockStart, Math.min(total, Math.round(total * cumulative)) / HOUR);
    });
  }

  /**
   * The clock after a supplement during processing, asked at `pausedAt` and
   * answered at `answeredAt`. `RESTART` (Decree 118/2025): from zero with the
   * full time, the answer being treated like a reception. `PAUSE`: the waiting
   * time does not count; the working time that was left at the pause runs from
   * the answer (same start rule); the clock start stays. A dossier already due
   * when paused keeps its due instant: waiting cannot make it on time again.
   */
  resumeAfterSupplement(policy: SupplementPolicy, clock: Clock, pausedAt: Date, answeredAt: Date, totalHours: number): Clock {
    if (policy === 'RESTART') {
      const clockStart = this.clockStart(answeredAt);
      return { clockStart, dueAt: this.addWorkingHours(clockStart, totalHours) };
    }
    // Before the clock started nothing had been used: what is left is counted from the later of the two.
    const left = this.workingHoursBetween(new Date(Math.max(ms(pausedAt), ms(clock.clockStart))), clock.dueAt);
    if (left <= 0) return { clockStart: clock.clockStart, dueAt: clock.dueAt };
    return { clockStart: clock.clockStart, dueAt: this.addWorkingHours(this.clockStart(answeredAt), left) };
  }

  /**
   * For the "due soon" queues: not yet overdue, and at most `hours` of working
   * time left before `dueAt` (a due instant earlier the same day counts).
   */
  dueWithinWorkingHours(dueAt: Date, asOf: Date, hours: number): boolean {
    return !isOverdue(dueAt, asOf) && this.workingHoursBetween(asOf, dueAt) <= hours;
  }

  private isWorking(day: number): boolean {
    if (this.workdays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    const w = weekday(day);
    return w !== 0 && w !== 6;
  }

  private nextWorkingDay(from: number): number {
    let day = from;
    while (!this.isWorking(day)) day += 1; // ends: holidays are finite and every other weekday works
    return day;
  }

  /** Working milliseconds between two local times of one working day. */
  private workedWithin(from: number, to: number): number {
    let sum = 0;
    for (const p of this.periods) sum += Math.max(0, Math.min(p.end, to) - Math.max(p.start, from));
    return sum;
  }

  private workingMs(a: number, b: number): number {
    const la = a + OFFSET;
    const lb = b + OFFSET;
    const first = Math.floor(la / DAY);
    const last = Math.floor(lb / DAY);
    const ta = la - first * DAY;
    const tb = lb - last * DAY;
    if (first === last) return this.isWorking(first) ? this.workedWithin(ta, tb) : 0;
    let sum = this.isWorking(first) ? this.workedWithin(ta, DAY) : 0;
    for (let day = first + 1; day < last; day++) if (this.isWorking(day)) sum += this.dayLength;
    return sum + (this.isWorking(last) ? this.workedWithin(0, tb) : 0);
  }
}

function parsePeriods(periods: readonly WorkingPeriod[]): { start: number; end: number }[] {
  const parsed = periods.map((p) => ({ start: minutesOf(p.start) * MINUTE, end: minutesOf(p.end) * MINUTE }));
  parsed.sort((x, y) => x.start - y.start);
  if (parsed.length === 0) throw new RangeError('a working day needs at least one period');
  parsed.forEach((p, i) => {
    if (p.end <= p.start) throw new RangeError('a working period must end after it starts');
    if (i > 0 && p.start < parsed[i - 1].end) throw new RangeError('working periods must not overlap');
  });
  return parsed;
}

function minutesOf(hhmm: string): number {
  const m = HH_MM.exec(hhmm);
  if (!m) throw new RangeError(`not a time of day (HH:mm): ${JSON.stringify(hhmm)}`);
  return Number(m[1] ?? m[3]) * 60 + Number(m[2] ?? m[4]);
}

function ms(instant: Date): number {
  const value = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(value)) throw new RangeError('not a valid instant');
  return value;
}

function durationMs(hours: number): number {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`not a duration in hours: ${hours}`);
  return Math.round(hours * HOUR);
}

function utc(day: number, time: number): Date {
  return new Date(day * DAY + time - OFFSET);
}

function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // day 0, 1970-01-01, was a Thursday
}

function dateOfDay(day: number): LocalDate {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function dayNumberOrNaN(date: string): number {
  const m = LOCAL_DATE.exec(date);
  if (!m) return NaN;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY;
  return Number.isInteger(day) && dateOfDay(day) === date ? day : NaN;
}

function dayNumber(date: LocalDate): number {
  const day = dayNumberOrNaN(date);
  if (Number.isNaN(day)) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return day;
}
