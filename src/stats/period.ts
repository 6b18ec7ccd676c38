/**
 * The period and filters of a statistics request. Pure: instants are UTC,
 * calendar months and days are local (Asia/Ho_Chi_Minh, UTC+7, no DST).
 */
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

export interface Period {
  from: Date;
  to: Date;
}

/** The UTC instant of local midnight on the local date of `instant`. */
export function localDayStart(instant: Date): Date {
  const local = instant.getTime() + OFFSET_MS;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS - OFFSET_MS);
}

/** The local calendar month containing `now`: [first day 00:00, first day of the next month 00:00). */
export function currentMonth(now: Date): Period {
  const local = new Date(now.getTime() + OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  return { from: new Date(Date.UTC(y, m, 1) - OFFSET_MS), to: new Date(Date.UTC(y, m + 1, 1) - OFFSET_MS) };
}

/** The local calendar quarter and year containing `now`. */
export function currentQuarter(now: Date): Period {
  const local = new Date(now.getTime() + OFFSET_MS);
  const y = local.getUTCFullYear();
  const q = Math.floor(local.getUTCMonth() / 3) * 3;
  return { from: new Date(Date.UTC(y, q, 1) - OFFSET_MS), to: new Date(Date.UTC(y, q + 3, 1) - OFFSET_MS) };
}

export function currentYear(now: Date): Period {
  const y = new Date(now.getTime() + OFFSET_MS).getUTCFullYear();
  return { from: new Date(Date.UTC(y, 0, 1) - OFFSET_MS), to: new Date(Date.UTC(y + 1, 0, 1) - OFFSET_MS) };
}

/**
 * An ISO instant, or a bare local date `YYYY-MM-DD` meaning its local
 * midnight (what a date field in the dashboard's filter sends).
 */
export function parseInstant(value: string): Date | null {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) {
    const ms = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    const d = new Date(ms);
    if (d.toISOString().slice(0, 10) !== value) return null;
    return new Date(ms - OFFSET_MS);
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The local date 'YYYY-MM-DD' of an instant. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Bounds a request may ask for: a longer period is refused rather than scanned. */
export const MAX_PERIOD_DAYS = 3660;

export type PeriodError = 'from' | 'to' | 'order' | 'length';

/** `from`/`to` as given (either may be missing: the current month fills in). */
export function resolvePeriod(from: string | undefined, to: string | undefined, now: Date): Period | { error: PeriodError } {
  const month = currentMonth(now);
  const f = from ? parseInstant(from) : month.from;
  if (!f) return { error: 'from' };
  const t = to ? parseInstant(to) : from ? null : month.to;
  const end = t ?? (to ? null : new Date(Math.max(month.to.getTime(), f.getTime() + DAY_MS)));
  if (!end) return { error: 'to' };
  if (end.getTime() <= f.getTime()) return { error: 'order' };
  if (end.getTime() - f.getTime() > MAX_PERIOD_DAYS * DAY_MS) return { error: 'length' };
  return { from: f, to: end };
}

/**
 * The buckets of a trend over a period: the first local date ('YYYY-MM-DD') of every local week
 * (from Monday) or month that overlaps it, in order, so that a bucket with nothing still shows.
 */
export function bucketsOf(p: Period, interval: 'week' | 'month'): string[] {
  const keys: string[] = [];
  let start = interval === 'month' ? currentMonth(p.from).from : weekStart(p.from);
  while (start.getTime() < p.to.getTime()) {
    keys.push(localDate(start));
    start = interval === 'month' ? currentMonth(new Date(start.getTime() + 32 * DAY_MS)).from : new Date(start.getTime() + 7 * DAY_MS);
  }
  return keys;
}

/** Local midnight of the Monday of the week containing `instant`. */
function weekStart(instant: Date): Date {
  const day = localDayStart(instant);
  const weekday = (new Date(day.getTime() + OFFSET_MS).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(day.getTime() - weekday * DAY_MS);
}
