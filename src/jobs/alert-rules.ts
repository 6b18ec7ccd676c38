/**
 * Which alert a dossier calls for now. Pure, on top of the working-time
 * calendar (DOMAIN.md, "The clock"); the jobs load, decide here, and record.
 */
import { HOURS_PER_WORKING_DAY, isOverdue, type WorkCalendar } from '../calendar/working-time.js';
import { CLOCK_RUNNING, type DossierStatus } from '../dossiers/lifecycle.js';
import type { AlertKind } from '../notifications/templates.js';

/** "Due soon": at most one working day of working time left. */
export const DUE_SOON_HOURS = HOURS_PER_WORKING_DAY;
/** The counter answers an online dossier within 8 working hours of its submission. */
export const RECEPTION_LIMIT_HOURS = 8;

export interface Alert {
  kind: AlertKind;
  /** The deadline the alert is about: with the dossier and the kind, what makes it once-only. */
  dueAt: Date;
}

/**
 * The appointment the unit works to: the new one after an extension (Form 04),
 * else the legal due date. Statistics keep the legal date; alerts follow the
 * appointment, so an extension (a new appointment) or a clock restarted after a
 * supplement (a new due date) alerts again.
 */
export function appointmentOf(d: { dueAt: Date | null; rescheduledAt: Date | null }): Date | null {
  return d.rescheduledAt ?? d.dueAt;
}

/** `overdue` on any local date after the appointment; `due-soon` within one working day before it; else none. */
export function dueAlert(
  d: { status: DossierStatus; dueAt: Date | null; rescheduledAt: Date | null },
  now: Date,
  calendar: WorkCalendar,
): Alert | null {
  const due = appointmentOf(d);
  if (!due || !CLOCK_RUNNING.has(d.status)) return null; // waiting for the citizen is never overdue
  if (isOverdue(due, now)) return { kind: 'dossier.overdue', dueAt: due };
  if (calendar.dueWithinWorkingHours(due, now, DUE_SOON_HOURS)) return { kind: 'dossier.due-soon', dueAt: due };
  return null;
}

/** The instant the counter's 8 working hours for an online submission run out. */
export function receptionDeadline(submittedAt: Date, calendar: WorkCalendar): Date {
  return calendar.addWorkingHours(submittedAt, RECEPTION_LIMIT_HOURS);
}

/**
 * A submitted dossier still not answered after 8 working hours. A completed
 * reception supplement sets a new `submittedAt`, hence a new deadline.
 */
export function receptionAlert(d: { status: DossierStatus; submittedAt: Date | null }, now: Date, calendar: WorkCalendar): Alert | null {
  if (d.status !== 'SUBMITTED' || !d.submittedAt) return null;
  if (calendar.workingHoursBetween(d.submittedAt, now) <= RECEPTION_LIMIT_HOURS) return null;
  return { kind: 'dossier.reception-late', dueAt: receptionDeadline(d.submittedAt, calendar) };
}
