import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/working-time.js';
import { appointmentOf, dueAlert, receptionAlert, receptionDeadline } from './alert-rules.js';

// 2026: Tết holidays 16–20 Feb (Mon–Fri).
const calendar = new WorkCalendar({ holidays: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'], workdays: [] });
/** Local (UTC+7) time written as it reads. */
const at = (local: string) => new Date(`${local}+07:00`);

describe('appointmentOf', () => {
  it('is the new appointment after an extension, else the legal due date', () => {
    expect(appointmentOf({ dueAt: at('2026-03-02T09:00'), rescheduledAt: null })).toEqual(at('2026-03-02T09:00'));
    expect(appointmentOf({ dueAt: at('2026-03-02T09:00'), rescheduledAt: at('2026-03-05T17:00') })).toEqual(at('2026-03-05T17:00'));
  });
});

describe('dueAlert', () => {
  const due = at('2026-03-04T09:00'); // a Wednesday
  const running = { status: 'IN_PROGRESS' as const, dueAt: due, rescheduledAt: null };

  it('says nothing while more than one working day is left', () => {
    expect(dueAlert(running, at('2026-03-03T08:59'), calendar)).toBeNull();
  });

  it('is due-soon within 8 working hours, also on the due day itself after the due time', () => {
    expect(dueAlert(running, at('2026-03-03T09:00'), calendar)).toEqual({ kind: 'dossier.due-soon', dueAt: due });
    expect(dueAlert(running, at('2026-03-04T16:00'), calendar)).toEqual({ kind: 'dossier.due-soon', dueAt: due });
  });

  it('is overdue from the next local date on', () => {
    expect(dueAlert(running, at('2026-03-05T00:00'), calendar)).toEqual({ kind: 'dossier.overdue', dueAt: due });
  });

  it('counts working time, so a holiday in between keeps the alert back', () => {
    const afterTet = { ...running, dueAt: at('2026-02-23T09:00') }; // Monday after Tết
    // The Friday before Tết: from 08:30, 7 h that day and 1.5 h on the Monday after are more than 8.
    expect(dueAlert(afterTet, at('2026-02-13T08:30'), calendar)).toBeNull();
    expect(dueAlert(afterTet, at('2026-02-13T09:00'), calendar)).toEqual({ kind: 'dossier.due-soon', dueAt: afterTet.dueAt });
  });

  it('follows the new appointment after an extension', () => {
    const extended = { ...running, rescheduledAt: at('2026-03-10T17:00') };
    expect(dueAlert(extended, at('2026-03-05T10:00'), calendar)).toBeNull();
    expect(dueAlert(extended, at('2026-03-11T08:00'), calendar)).toEqual({ kind: 'dossier.overdue', dueAt: at('2026-03-10T17:00') });
  });

  it('never alerts a dossier whose clock is not running', () => {
    for (const status of ['SUPPLEMENT_REQUESTED', 'SUBMITTED', 'RESULT_READY', 'STOPPED'] as const) {
      expect(dueAlert({ ...running, status }, at('2026-04-01T09:00'), calendar)).toBeNull();
    }
    expect(dueAlert({ status: 'AWAITING_APPROVAL', dueAt: due, rescheduledAt: null }, at('2026-04-01T09:00'), calendar)?.kind).toBe(
      'dossier.overdue',
    );
  });
});

describe('receptionAlert', () => {
  const submitted = { status: 'SUBMITTED' as const, submittedAt: at('2026-03-02T09:00') }; // Monday

  it('is due 8 working hours after the submission', () => {
    expect(receptionDeadline(submitted.submittedAt, calendar)).toEqual(at('2026-03-03T09:00'));
  });

  it('alerts once the limit has passed, not at it', () => {
    expect(receptionAlert(submitted, at('2026-03-03T09:00'), calendar)).toBeNull();
    expect(receptionAlert(submitted, at('2026-03-03T09:01'), calendar)).toEqual({
      kind: 'dossier.reception-late',
      dueAt: at('2026-03-03T09:00'),
    });
  });

  it('counts no time over a weekend or a holiday', () => {
    const friday = { status: 'SUBMITTED' as const, submittedAt: at('2026-02-13T15:00') };
    expect(receptionAlert(friday, at('2026-02-22T12:00'), calendar)).toBeNull();
    expect(receptionDeadline(friday.submittedAt, calendar)).toEqual(at('2026-02-23T15:00'));
  });

  it('is only about dossiers waiting for the counter', () => {
    expect(receptionAlert({ ...submitted, status: 'IN_PROGRESS' }, at('2026-03-10T09:00'), calendar)).toBeNull();
    expect(receptionAlert({ status: 'SUBMITTED', submittedAt: null }, at('2026-03-10T09:00'), calendar)).toBeNull();
  });
});
