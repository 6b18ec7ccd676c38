import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/working-time.js';
import {
  clockView,
  dueSoonLimit,
  receptionLimitCutoff,
  receptionLimitPassed,
  startOfLocalDay,
  workingHoursBefore,
} from './workspace-clock.js';

const at = (local: string) => new Date(`${local}:00+07:00`);
/** Tết 2026 (16–20 Feb) and 1 Jan off; nothing else matters here. */
const cal = new WorkCalendar({
  holidays: ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
  workdays: [],
});

describe('startOfLocalDay', () => {
  it('is local midnight (UTC+7), also late in the UTC day', () => {
    expect(startOfLocalDay(at('2026-03-02T00:30'))).toEqual(at('2026-03-02T00:00'));
    expect(startOfLocalDay(new Date('2026-03-02T20:00:00Z'))).toEqual(at('2026-03-03T00:00'));
  });
});

describe('workingHoursBefore (the reception limit)', () => {
  it('counts back over the lunch break, the night and the weekend', () => {
    expect(workingHoursBefore(cal, at('2026-03-03T09:00'), 8)).toEqual(at('2026-03-02T09:00'));
    // Monday 10:00 minus 8 h: Friday 10:00 (the weekend does not count).
    expect(workingHoursBefore(cal, at('2026-03-09T10:00'), 8)).toEqual(at('2026-03-06T10:00'));
  });

  it('spans Tết', () => {
    // Monday 23 Feb 09:00 minus 8 h: Friday 13 Feb 09:00 (16–20 Feb are holidays).
    expect(workingHoursBefore(cal, at('2026-02-23T09:00'), 8)).toEqual(at('2026-02-13T09:00'));
  });

  it('agrees with workingHoursBetween: before the cutoff more than 8 h have passed, from it on at most 8', () => {
    const instants = fc.integer({ min: at('2026-01-05T00:00').getTime(), max: at('2026-12-20T00:00').getTime() }).map((n) => new Date(n));
    fc.assert(
      fc.property(instants, instants, (now, submitted) => {
        const cutoff = receptionLimitCutoff(cal, now);
        if (submitted > now) return;
        expect(receptionLimitPassed(cal, submitted, now)).toBe(submitted.getTime() < cutoff.getTime());
      }),
      { numRuns: 300 },
    );
  });
});

describe('dueSoonLimit', () => {
  it('is exactly the due-within-one-working-day rule for due instants made by the calendar', () => {
    const instants = fc.integer({ min: at('2026-01-05T00:00').getTime(), max: at('2026-12-20T00:00').getTime() }).map((n) => new Date(n));
    fc.assert(
      fc.property(instants, instants, fc.integer({ min: 1, max: 40 }), (now, received, hours) => {
        const dueAt = cal.dueAt(received, hours);
        const inSql = dueAt.getTime() >= startOfLocalDay(now).getTime() && dueAt.getTime() <= dueSoonLimit(cal, now).getTime();
        expect(inSql).toBe(cal.dueWithinWorkingHours(dueAt, now, 8));
      }),
      { numRuns: 300 },
    );
  });
});

describe('clockView', () => {
  it('shows the hours left, overdue by local date, and the step deadline', () => {
    const v = clockView(
      cal,
      { status: 'IN_PROGRESS', dueAt: at('2026-03-04T09:00'), stepDueAt: at('2026-03-02T09:00') },
      at('2026-03-03T09:00'),
    );
    expect(v).toEqual({ running: true, overdue: false, hoursLeft: 8, stepOverdue: true, dueSoon: true });
    const late = clockView(cal, { status: 'IN_PROGRESS', dueAt: at('2026-03-02T17:00'), stepDueAt: null }, at('2026-03-03T08:00'));
    expect(late).toMatchObject({ overdue: true, hoursLeft: -0.5, dueSoon: false });
  });

  it('never shows a dossier waiting for the citizen as overdue', () => {
    const v = clockView(cal, { status: 'SUPPLEMENT_REQUESTED', dueAt: at('2026-03-02T17:00'), stepDueAt: null }, at('2026-03-10T08:00'));
    expect(v).toMatchObject({ running: false, overdue: false, hoursLeft: null });
  });
});
