/**
 * The clock as the workspace shows and filters it. Pure, on top of the
 * working-time calendar: the queue queries turn "due within one working day"
 * and "past the 8-working-hour reception limit" into instants computed here,
 * so that SQL compares `due_at` / `submitted_at` with a parameter (and can use
 * their indexes) instead of evaluating the calendar per row.
 */
import { HOURS_PER_WORKING_DAY, isOverdue, localDateOf, type WorkCalendar } from '../calendar/working-time.js';

/** The counter answers an online dossier within 8 working hours of its submission (DOMAIN.md). */
export const RECEPTION_LIMIT_HOURS = 8;

const VN_OFFSET = '+07:00';

/** Midnight of the local (UTC+7) date of `asOf`: a due instant before it is overdue (by local dates). */
export function startOfLocalDay(asOf: Date): Date {
  return new Date(`${localDateOf(asOf)}T00:00:00${VN_OFFSET}`);
}

/**
 * The latest due instant that is "due within one working day" of `asOf`:
 * 8 working hours from now. Due instants are made by the same calendar (inside
 * working time or on a period's close), so `due_at <= this` is exactly
 * `workingHoursBetween(asOf, due_at) <= 8`.
 */
export function dueSoonLimit(calendar: WorkCalendar, asOf: Date, hours = HOURS_PER_WORKING_DAY): Date {
  return calendar.addWorkingHours(asOf, hours);
}

/**
 * The earliest instant `s` with `workingHoursBetween(s, end) <= hours`: a
 * dossier submitted before it has waited more than `hours` working hours.
 * Found by bisection (the working time between `s` and `end` only shrinks as
 * `s` moves on), to the millisecond; the window grows until it holds `hours`
 * (a long holiday such as Tết spans more calendar days).
 */
export function workingHoursBefore(calendar: WorkCalendar, end: Date, hours: number): Date {
  const endMs = end.getTime();
  let span = 7 * 24 * 3600_000;
  while (calendar.workingHoursBetween(new Date(endMs - span), end) <= hours) {
    if (span > 400 * 24 * 3600_000) return new Date(endMs - span); // no working time at all: nothing is late
    span *= 2;
  }
  // Invariant: between(lo, end) > hours, between(hi, end) <= hours.
  let lo = endMs - span;
  let hi = endMs;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (calendar.workingHoursBetween(new Date(mid), end) > hours) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

/** The submission instant before which an online dossier has passed the reception limit. */
export function receptionLimitCutoff(calendar: WorkCalendar, asOf: Date): Date {
  return workingHoursBefore(calendar, asOf, RECEPTION_LIMIT_HOURS);
}

export function receptionLimitPassed(calendar: WorkCalendar, submittedAt: Date, asOf: Date): boolean {
  return calendar.workingHoursBetween(submittedAt, asOf) > RECEPTION_LIMIT_HOURS;
}

/** Statuses in which the clock runs: only then can a dossier be overdue. */
const RUNNING = new Set(['IN_PROGRESS', 'AWAITING_APPROVAL']);

export interface ClockView {
  running: boolean;
  overdue: boolean;
  /** Working hours left until the due instant (negative once past it); null when the clock does not run. */
  hoursLeft: number | null;
  stepOverdue: boolean;
  dueSoon: boolean;
}

/** What the officer sees of a dossier's clock now. */
export function clockView(
  calendar: WorkCalendar,
  d: { status: string; dueAt: Date | null; stepDueAt: Date | null },
  asOf: Date,
): ClockView {
  const running = RUNNING.has(d.status) && d.dueAt !== null;
  if (!running || !d.dueAt) return { running: false, overdue: false, hoursLeft: null, stepOverdue: false, dueSoon: false };
  const hoursLeft = Math.round(calendar.workingHoursBetween(asOf, d.dueAt) * 100) / 100;
  return {
    running,
    overdue: isOverdue(d.dueAt, asOf),
    hoursLeft,
    stepOverdue: d.stepDueAt !== null && d.stepDueAt.getTime() < asOf.getTime(),
    dueSoon: calendar.dueWithinWorkingHours(d.dueAt, asOf, HOURS_PER_WORKING_DAY),
  };
}
