/**
 * Which parts of a period the monthly roll-ups answer and which are counted
 * from the facts (src/stats/README.md, "Long periods"). Pure: a whole local
 * month inside the period that has a clean roll-up is read from `stats_month`;
 * the rest of the period — its ragged edges, the current month, any month
 * changed since its roll-up — from `stats_dossier`, as before.
 */
import { currentMonth, localDate, type Period } from './period.js';

export interface PeriodPlan {
  /** Whole local months read from the roll-ups, as their first date 'YYYY-MM-01'. */
  months: string[];
  /** What remains of the period, in order, counted from the facts. */
  live: Period[];
}

/** The local month that starts on `first` ('YYYY-MM-01'). */
export function monthPeriod(first: string): Period {
  return currentMonth(new Date(`${first}T00:00:00+07:00`));
}

/** The local months lying wholly inside the period, as their first date. */
export function monthsWithin(p: Period): string[] {
  const months: string[] = [];
  let m = currentMonth(p.from);
  if (m.from.getTime() < p.from.getTime()) m = currentMonth(m.to);
  while (m.to.getTime() <= p.to.getTime()) {
    months.push(localDate(m.from));
    m = currentMonth(m.to);
  }
  return months;
}

/** The last month to roll up at `now`: the one before the month still open, a month counting as open for `graceMs` after its end. */
export function lastClosedMonth(now: Date, graceMs: number): string {
  const open = currentMonth(new Date(now.getTime() - graceMs));
  return localDate(currentMonth(new Date(open.from.getTime() - 1)).from);
}

/** Splits the period: the rolled-up months it covers wholly, and the live pieces around them. */
export function planPeriod(p: Period, rolledUp: ReadonlySet<string>): PeriodPlan {
  const months = monthsWithin(p).filter((m) => rolledUp.has(m));
  const live: Period[] = [];
  let cursor = p.from;
  for (const m of months) {
    const { from, to } = monthPeriod(m);
    if (cursor.getTime() < from.getTime()) live.push({ from: cursor, to: from });
    cursor = to;
  }
  if (cursor.getTime() < p.to.getTime()) live.push({ from: cursor, to: p.to });
  return { months, live };
}
