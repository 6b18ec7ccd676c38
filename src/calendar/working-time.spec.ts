import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PERIODS,
  isLocalDate,
  isOverdue,
  localDateOf,
  outcome,
  weekdayOf,
  WorkCalendar,
  workingDaysToHours,
  type CalendarData,
  type WorkingPeriod,
} from './working-time.js';

/** A local (UTC+7) wall-clock time, 'YYYY-MM-DDTHH:mm', as the instant it names. */
const at = (local: string) => new Date(`${local}:00+07:00`);
/** An instant as local wall-clock time 'YYYY-MM-DD HH:mm' (with seconds and ms when not zero). */
const local = (d: Date) => {
  const s = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return s.endsWith(':00.000Z') ? `${s.slice(0, 10)} ${s.slice(11, 16)}` : `${s.slice(0, 10)} ${s.slice(11, 23)}`;
};

/** The 2026 calendar of DOMAIN.md, written out here independently of the seed. */
const VN_2026: CalendarData = {
  holidays: [
    '2026-01-01',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-27',
    '2026-04-30',
    '2026-05-01',
    '2026-08-31',
    '2026-09-01',
    '2026-09-02',
  ],
  workdays: ['2026-08-22'],
};
const cal = new WorkCalendar(VN_2026);
const due = (received: string, hours: number) => local(cal.dueAt(at(received), hours));
const start = (received: string) => local(cal.clockStart(at(received)));

describe('DOMAIN.md examples', () => {
  it('received Monday 09:00, 1 day → due Tuesday 09:00', () => {
    expect(start('2026-03-02T09:00')).toBe('2026-03-02 09:00');
    expect(due('2026-03-02T09:00', workingDaysToHours(1))).toBe('2026-03-03 09:00');
  });

  it('received Monday 16:30, 1 day → clock starts Tuesday 07:30 → due Tuesday 17:00', () => {
    expect(start('2026-03-02T16:30')).toBe('2026-03-03 07:30');
    expect(due('2026-03-02T16:30', 8)).toBe('2026-03-03 17:00');
  });

  it('received Saturday 10:00, 2 days → due Tuesday 17:00', () => {
    expect(start('2026-03-07T10:00')).toBe('2026-03-09 07:30');
    expect(due('2026-03-07T10:00', 16)).toBe('2026-03-10 17:00');
  });

  it('one working day is 8 working hours', () => {
    expect(workingDaysToHours(0.5)).toBe(4);
    expect(workingDaysToHours(15)).toBe(120);
  });
});

describe('clockStart: the reception instant, or the next opening', () => {
  it.each([
    ['before the opening', '2026-03-02T07:00', '2026-03-02 07:30'],
    ['at the opening', '2026-03-02T07:30', '2026-03-02 07:30'],
    ['in the morning', '2026-03-02T10:15', '2026-03-02 10:15'],
    ['at the morning close (11:30 is not inside the period)', '2026-03-02T11:30', '2026-03-02 13:00'],
    ['in the lunch break', '2026-03-02T12:00', '2026-03-02 13:00'],
    ['at the afternoon opening', '2026-03-02T13:00', '2026-03-02 13:00'],
    ['at 15:59: 61 minutes are left', '2026-03-02T15:59', '2026-03-02 15:59'],
    ['at 16:00: the last working hour', '2026-03-02T16:00', '2026-03-03 07:30'],
    ['at 16:59', '2026-03-02T16:59', '2026-03-03 07:30'],
    ['at the close, 17:00', '2026-03-02T17:00', '2026-03-03 07:30'],
    ['at 23:59', '2026-03-02T23:59', '2026-03-03 07:30'],
    ['at midnight', '2026-03-03T00:00', '2026-03-03 07:30'],
    ['on Friday at 16:00', '2026-03-06T16:00', '2026-03-09 07:30'],
    ['on Saturday', '2026-03-07T10:00', '2026-03-09 07:30'],
    ['on Sunday evening', '2026-03-08T22:00', '2026-03-09 07:30'],
    ['on Friday evening before a Monday holiday', '2026-04-24T17:30', '2026-04-28 07:30'],
    ['on a holiday', '2026-04-27T09:00', '2026-04-28 07:30'],
    ['in the middle of Tết', '2026-02-18T10:00', '2026-02-23 07:30'],
    ['on the swapped working Saturday', '2026-08-22T09:00', '2026-08-22 09:00'],
    ['on the Friday before the 31 August bridge, after 16:00', '2026-08-28T16:10', '2026-09-03 07:30'],
    ['on New Year’s Eve after hours', '2025-12-31T18:00', '2026-01-02 07:30'],
  ])('%s: %s → %s', (_label, received, expected) => {
    expect(start(received)).toBe(expected);
  });

  it('keeps the exact instant, seconds and milliseconds included, inside working hours', () => {
    const received = new Date('2026-03-02T02:00:01.234Z'); // 09:00:01.234 local
    expect(cal.clockStart(received).getTime()).toBe(received.getTime());
    expect(cal.clockStart(received)).not.toBe(received); // a copy, never the caller's object
  });

  it('counts the last hour as working time left, 15:59:30 still starting the same day', () => {
    expect(cal.clockStart(new Date('2026-03-02T08:59:30Z')).toISOString()).toBe('2026-03-02T08:59:30.000Z');
  });

  it('uses the local date, not the UTC date', () => {
    // 20:00 UTC on Monday is 03:00 on Tuesday in Hanoi: before Tuesday's opening.
    expect(cal.clockStart(new Date('2026-03-02T20:00:00Z')).toISOString()).toBe('2026-03-03T00:30:00.000Z');
    // 23:30 UTC on Sunday is 06:30 on Monday.
    expect(cal.clockStart(new Date('2026-03-01T23:30:00Z')).toISOString()).toBe('2026-03-02T00:30:00.000Z');
    // 17:00 UTC Friday is midnight going into Saturday: the clock waits for Monday.
    expect(cal.clockStart(new Date('2026-03-06T17:00:00Z')).toISOString()).toBe('2026-03-09T00:30:00.000Z');
  });
});

describe('addWorkingHours and dueAt', () => {
  it('ends on the close of a period when the time runs out there', () => {
    expect(local(cal.addWorkingHours(at('2026-03-02T07:30'), 4))).toBe('2026-03-02 11:30');
    expect(local(cal.addWorkingHours(at('2026-03-02T13:00'), 4))).toBe('2026-03-02 17:00');
    expect(local(cal.addWorkingHours(at('2026-03-02T07:30'), 8))).toBe('2026-03-02 17:00');
    expect(local(cal.addWorkingHours(at('2026-03-02T07:30'), 16))).toBe('2026-03-03 17:00');
    expect(local(cal.addWorkingHours(at('2026-03-06T07:30'), 8))).toBe('2026-03-06 17:00'); // Friday, not Monday
  });

  it('crosses the lunch break', () => {
    expect(local(cal.addWorkingHours(at('2026-03-02T11:00'), 1))).toBe('2026-03-02 13:30');
    expect(local(cal.addWorkingHours(at('2026-03-02T11:30'), 0.5))).toBe('2026-03-02 13:30');
  });

  it('takes fractional days and hours', () => {
    expect(due('2026-03-02T09:00', workingDaysToHours(0.5))).toBe('2026-03-02 14:30');
    expect(due('2026-03-02T13:00', workingDaysToHours(0.5))).toBe('2026-03-02 17:00');
    expect(due('2026-03-02T16:30', workingDaysToHours(0.5))).toBe('2026-03-03 11:30');
    expect(due('2026-03-02T09:00', 0.1)).toBe('2026-03-02 09:06');
    expect(due('2026-03-02T09:00', 1 / 3)).toBe('2026-03-02 09:20');
    expect(due('2026-03-02T09:00', 1.5)).toBe('2026-03-02 10:30');
    expect(due('2026-03-02T09:00', 2.5)).toBe('2026-03-02 11:30'); // the morning close, not 13:00
    expect(due('2026-03-02T09:00', 2.5 + 1 / 60)).toBe('2026-03-02 13:01');
  });

  it('counts to the millisecond', () => {
    expect(local(cal.addWorkingHours(at('2026-03-02T09:00'), 1 / 3600 / 1000))).toBe('2026-03-02 09:00:00.001');
    expect(local(cal.addWorkingHours(new Date('2026-03-02T02:00:00.500Z'), 1))).toBe('2026-03-02 10:00:00.500');
  });

  it('returns the start itself for no time at all, even outside working hours', () => {
    expect(local(cal.addWorkingHours(at('2026-03-07T10:00'), 0))).toBe('2026-03-07 10:00');
    expect(due('2026-03-07T10:00', 0)).toBe('2026-03-09 07:30');
  });

  it('skips a Monday holiday (Hùng Kings’ day moved to 27 April 2026)', () => {
    expect(due('2026-04-24T09:00', 8)).toBe('2026-04-28 09:00');
    expect(due('2026-04-24T16:30', 8)).toBe('2026-04-28 17:00');
    expect(due('2026-04-29T10:00', 16)).toBe('2026-05-05 10:00'); // Wed 5.5 h, 30/4 and 1/5 off, Mon 8 h, Tue 2.5 h
  });

  it('skips the Tết week', () => {
    expect(due('2026-02-13T14:00', 16)).toBe('2026-02-24 14:00'); // Fri 3 h, Tết, Mon 23 Feb 8 h, Tue 5 h
    expect(due('2026-02-12T09:00', workingDaysToHours(3))).toBe('2026-02-24 09:00');
    expect(cal.workingHoursBetween(at('2026-02-13T17:00'), at('2026-02-23T07:30'))).toBe(0);
  });

  it('works the swapped Saturday 22 August 2026 and skips the 31 August bridge', () => {
    expect(due('2026-08-22T09:00', 8)).toBe('2026-08-24 09:00'); // Saturday counts 6.5 h
    expect(due('2026-08-21T16:30', 8)).toBe('2026-08-22 17:00'); // the clock starts on the Saturday
    expect(due('2026-08-28T10:00', 16)).toBe('2026-09-04 10:00'); // Fri 5.5 h, 31/8–2/9 off, Thu 8 h, Fri 2.5 h
    expect(cal.isWorkingDay('2026-08-22')).toBe(true);
    expect(cal.isWorkingDay('2026-08-23')).toBe(false);
    expect(cal.isWorkingDay('2026-08-31')).toBe(false);
  });

  it('crosses a year end', () => {
    expect(due('2025-12-31T09:00', 8)).toBe('2026-01-02 09:00');
  });

  it('refuses a negative or non-finite duration and an invalid instant', () => {
    expect(() => cal.addWorkingHours(at('2026-03-02T09:00'), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingHours(at('2026-03-02T09:00'), Number.NaN)).toThrow(RangeError);
    expect(() => cal.addWorkingHours(at('2026-03-02T09:00'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => cal.clockStart(new Date('nonsense'))).toThrow(RangeError);
  });

  it('is fast for long durations: whole days are skipped, not minutes', () => {
    const t0 = performance.now();
    const end = cal.addWorkingHours(at('2026-03-02T09:00'), 20_000);
    expect(cal.workingHoursBetween(at('2026-03-02T09:00'), end)).toBe(20_000);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('workingHoursBetween', () => {
  it.each([
    ['2026-03-02T07:30', '2026-03-02T17:00', 8],
    ['2026-03-02T07:30', '2026-03-03T07:30', 8],
    ['2026-03-02T12:00', '2026-03-02T12:45', 0],
    ['2026-03-02T11:00', '2026-03-02T13:30', 1],
    ['2026-03-06T16:00', '2026-03-09T08:00', 1.5],
    ['2026-03-02T09:00', '2026-03-09T09:00', 40],
    ['2026-04-24T09:00', '2026-04-28T09:00', 8],
    ['2026-08-21T09:00', '2026-08-24T09:00', 16],
  ])('%s → %s: %d h', (a, b, hours) => {
    expect(cal.workingHoursBetween(at(a), at(b))).toBe(hours);
    expect(cal.workingHoursBetween(at(b), at(a))).toBe(0 - hours);
  });
});

describe('stepDeadlines', () => {
  it('gives each step its share, cumulatively, the last one being the due instant', () => {
    const clockStart = at('2026-03-02T07:30');
    const steps = cal.stepDeadlines(clockStart, 8, [0.1, 0.6, 0.3]);
    expect(steps.map(local)).toEqual(['2026-03-02 08:18', '2026-03-02 14:36', '2026-03-02 17:00']);
    expect(steps[2].getTime()).toBe(cal.addWorkingHours(clockStart, 8).getTime());
  });

  it('spreads over days and holidays', () => {
    const steps = cal.stepDeadlines(at('2026-04-29T07:30'), 24, [0.25, 0.5, 0.25]);
    expect(steps.map(local)).toEqual(['2026-04-29 15:00', '2026-05-05 09:30', '2026-05-05 17:00']);
  });

  it('accepts a step with no share and refuses shares that add up to more than the whole', () => {
    expect(cal.stepDeadlines(at('2026-03-02T07:30'), 8, [0, 1]).map(local)).toEqual(['2026-03-02 07:30', '2026-03-02 17:00']);
    expect(() => cal.stepDeadlines(at('2026-03-02T07:30'), 8, [0.6, 0.6])).toThrow(RangeError);
    expect(() => cal.stepDeadlines(at('2026-03-02T07:30'), 8, [-0.1, 1])).toThrow(RangeError);
    expect(() => cal.stepDeadlines(at('2026-03-02T07:30'), 8, [Number.NaN])).toThrow(RangeError);
  });
});

describe('supplements during processing', () => {
  // Received Monday 2 March 09:00 with 3 working days: due Thursday 5 March 09:00.
  const clock = { clockStart: at('2026-03-02T09:00'), dueAt: at('2026-03-05T09:00') };

  it('RESTART: from zero at the answer, with the full time and the reception start rule', () => {
    const after = cal.resumeAfterSupplement('RESTART', clock, at('2026-03-03T10:00'), at('2026-03-06T16:30'), 24);
    expect(local(after.clockStart)).toBe('2026-03-09 07:30');
    expect(local(after.dueAt)).toBe('2026-03-11 17:00');
    const inHours = cal.resumeAfterSupplement('RESTART', clock, at('2026-03-03T10:00'), at('2026-03-04T09:00'), 24);
    expect(local(inHours.clockStart)).toBe('2026-03-04 09:00');
    expect(local(inHours.dueAt)).toBe('2026-03-09 09:00');
  });

  it('PAUSE: the waiting time does not count; the 15 h left at the pause run from the answer', () => {
    const after = cal.resumeAfterSupplement('PAUSE', clock, at('2026-03-03T10:00'), at('2026-03-06T16:30'), 24);
    expect(after.clockStart).toEqual(clock.clockStart);
    expect(local(after.dueAt)).toBe('2026-03-10 16:00');
    const sameDay = cal.resumeAfterSupplement('PAUSE', clock, at('2026-03-03T10:00'), at('2026-03-03T14:00'), 24);
    expect(local(sameDay.dueAt)).toBe('2026-03-05 11:30');
  });

  it('PAUSE: a dossier already due when paused keeps its due instant', () => {
    const after = cal.resumeAfterSupplement('PAUSE', clock, at('2026-03-06T10:00'), at('2026-03-10T09:00'), 24);
    expect(after).toEqual(clock);
  });

  it('PAUSE: a pause before the clock started keeps the whole time', () => {
    const late = { clockStart: at('2026-03-03T07:30'), dueAt: at('2026-03-03T17:00') }; // received Monday 16:30, 1 day
    const after = cal.resumeAfterSupplement('PAUSE', late, at('2026-03-02T16:45'), at('2026-03-04T10:00'), 8);
    expect(local(after.dueAt)).toBe('2026-03-05 10:00');
  });
});

describe('overdue, outcome and the due-soon queue, by local dates', () => {
  const dueAt = at('2026-03-03T09:00');

  it('is overdue only from the next local date', () => {
    expect(isOverdue(dueAt, at('2026-03-03T08:00'))).toBe(false);
    expect(isOverdue(dueAt, at('2026-03-03T23:59'))).toBe(false);
    expect(isOverdue(dueAt, at('2026-03-04T00:00'))).toBe(true);
    // 17:00 UTC on the due date is already the next local date.
    expect(isOverdue(dueAt, new Date('2026-03-03T16:59:59.999Z'))).toBe(false);
    expect(isOverdue(dueAt, new Date('2026-03-03T17:00:00Z'))).toBe(true);
  });

  it('tells early, on time and late apart by local dates', () => {
    expect(outcome(at('2026-03-02T16:59'), dueAt)).toBe('EARLY');
    expect(outcome(at('2026-03-03T00:00'), dueAt)).toBe('ON_TIME');
    expect(outcome(at('2026-03-03T16:45'), dueAt)).toBe('ON_TIME'); // after the due instant, the same date
    expect(outcome(at('2026-03-04T07:30'), dueAt)).toBe('LATE');
    // 17:30 UTC Monday is 00:30 Tuesday in Hanoi: on time, although the UTC date is Monday.
    expect(outcome(new Date('2026-03-02T17:30:00Z'), dueAt)).toBe('ON_TIME');
  });

  it('flags what is due within a working day, until it becomes overdue', () => {
    expect(cal.dueWithinWorkingHours(dueAt, at('2026-03-02T09:00'), 8)).toBe(true);
    expect(cal.dueWithinWorkingHours(dueAt, at('2026-03-02T08:59'), 8)).toBe(false);
    expect(cal.dueWithinWorkingHours(dueAt, at('2026-03-02T16:30'), 1)).toBe(false); // 30 min Monday + 1.5 h Tuesday > 1 h
    expect(cal.dueWithinWorkingHours(dueAt, at('2026-03-02T16:30'), 2)).toBe(true);
    expect(cal.dueWithinWorkingHours(dueAt, at('2026-03-03T15:00'), 8)).toBe(true); // past the instant, same date
    expect(cal.dueWithinWorkingHours(dueAt, at('2026-03-04T08:00'), 8)).toBe(false); // overdue now
    expect(cal.dueWithinWorkingHours(at('2026-04-28T09:00'), at('2026-04-24T09:00'), 8)).toBe(true); // over a long weekend
  });
});

describe('local dates', () => {
  it('are the UTC+7 dates', () => {
    expect(localDateOf(new Date('2026-03-01T16:59:59.999Z'))).toBe('2026-03-01');
    expect(localDateOf(new Date('2026-03-01T17:00:00.000Z'))).toBe('2026-03-02');
    expect(localDateOf(new Date('2025-12-31T17:00:00.000Z'))).toBe('2026-01-01');
  });

  it('know their weekday (0 = Sunday)', () => {
    expect(weekdayOf('2026-02-17')).toBe(2);
    expect(weekdayOf('2026-08-22')).toBe(6);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-28')).toBe(0);
  });

  it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-01', '26-01-01', '2026-01-01T00:00', '', 'x'])(
    'refuse %j',
    (text) => {
      expect(isLocalDate(text)).toBe(false);
      expect(() => cal.isWorkingDay(text)).toThrow(RangeError);
    },
  );

  it('accept real dates, 29 February of a leap year included', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate(20260101)).toBe(false);
  });
});

describe('a calendar of its own', () => {
  it('takes other working periods, with the last hour counted on them', () => {
    const mornings = new WorkCalendar({ holidays: [], workdays: [], periods: [{ start: '08:00', end: '12:00' }] });
    expect(local(mornings.clockStart(at('2026-03-02T10:59')))).toBe('2026-03-02 10:59');
    expect(local(mornings.clockStart(at('2026-03-02T11:00')))).toBe('2026-03-03 08:00');
    expect(local(mornings.dueAt(at('2026-03-02T09:00'), 8))).toBe('2026-03-04 09:00');
  });

  it('counts the last working hour across a break', () => {
    const short = new WorkCalendar({
      holidays: [],
      workdays: [],
      periods: [
        { start: '13:00', end: '13:30' },
        { start: '07:30', end: '11:30' },
      ],
    });
    expect(local(short.clockStart(at('2026-03-02T10:59')))).toBe('2026-03-02 10:59');
    expect(local(short.clockStart(at('2026-03-02T11:00')))).toBe('2026-03-03 07:30'); // 30 + 30 min left
  });

  it('runs through midnight when the periods touch it', () => {
    const nights = new WorkCalendar({
      holidays: [],
      workdays: [],
      periods: [
        { start: '00:00', end: '02:00' },
        { start: '22:00', end: '24:00' },
      ],
    });
    expect(local(nights.addWorkingHours(at('2026-03-02T23:00'), 2))).toBe('2026-03-03 01:00');
    expect(nights.workingHoursBetween(at('2026-03-02T22:00'), at('2026-03-03T02:00'))).toBe(4);
  });

  it.each<[string, Partial<CalendarData>]>([
    ['no period', { periods: [] }],
    ['a period ending before it starts', { periods: [{ start: '12:00', end: '08:00' }] }],
    ['an empty period', { periods: [{ start: '08:00', end: '08:00' }] }],
    [
      'overlapping periods',
      {
        periods: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
      },
    ],
    ['a time that is not HH:mm', { periods: [{ start: '8:00', end: '12:00' }] }],
    ['24:30', { periods: [{ start: '08:00', end: '24:30' }] }],
    ['a bad date', { holidays: ['2026-02-30'] }],
    ['a date that is both a holiday and a working day', { holidays: ['2026-08-22'], workdays: ['2026-08-22'] }],
  ])('refuses %s', (_label, data) => {
    expect(() => new WorkCalendar({ holidays: [], workdays: [], ...data })).toThrow(RangeError);
  });

  it('uses 07:30–11:30 and 13:00–17:00 by default', () => {
    expect(DEFAULT_PERIODS).toEqual([
      { start: '07:30', end: '11:30' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(new WorkCalendar({ holidays: [], workdays: [] }).workingHoursBetween(at('2026-03-02T00:00'), at('2026-03-03T00:00'))).toBe(8);
  });
});

/*
 * Property tests against a deliberately naive model: it walks minute by minute
 * and asks of each minute "is this working time?". Calendars, instants and
 * durations are random but on whole minutes, where the model is exact.
 */
const MINUTE = 60_000;
const BASE_DAY = Date.UTC(2026, 0, 1) / 86_400_000; // local day number of 2026-01-01
const WINDOW_DAYS = 45;

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
/** Local minute number → instant. */
const instant = (localMinute: number) => new Date((localMinute - 420) * MINUTE);
const localMinuteOf = (d: Date) => d.getTime() / MINUTE + 420;

interface Model {
  data: CalendarData & { periods: WorkingPeriod[] };
  working: (localMinute: number) => boolean;
  dayLength: number;
}

function naiveModel(data: Model['data']): Model {
  const holidays = new Set(data.holidays);
  const workdays = new Set(data.workdays);
  const periods = data.periods.map((p) => [p.start, p.end].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3))));
  const days = new Map<number, boolean>();
  const dayWorks = (day: number) => {
    if (!days.has(day)) {
      const date = dateOf(day);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      days.set(day, workdays.has(date) || (!holidays.has(date) && weekday >= 1 && weekday <= 5));
    }
    return days.get(day)!;
  };
  return {
    data,
    working: (m) => dayWorks(Math.floor(m / 1440)) && periods.some(([s, e]) => s <= m % 1440 && m % 1440 < e),
    dayLength: periods.reduce((sum, [s, e]) => sum + e - s, 0),
  };
}

const naive = {
  add(model: Model, start: number, minutes: number): number {
    if (minutes === 0) return start;
    for (let m = start, counted = 0; ; m++) if (model.working(m) && ++counted === minutes) return m + 1;
  },
  between(model: Model, a: number, b: number): number {
    let count = 0;
    for (let m = Math.min(a, b); m < Math.max(a, b); m++) if (model.working(m)) count++;
    return (b < a ? -count : count) / 60;
  },
  clockStart(model: Model, received: number): number {
    const endOfDay = (Math.floor(received / 1440) + 1) * 1440;
    let m = naive.between(model, received, endOfDay) > 1 ? received : endOfDay;
    while (!model.working(m)) m++;
    return m;
  },
};

const periodsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 6 })
  .map((bounds) => bounds.sort((a, b) => a - b))
  .map((b) => Array.from({ length: Math.floor(b.length / 2) }, (_, i) => ({ start: hhmm(b[2 * i]), end: hhmm(b[2 * i + 1]) })));

const calendarArb = fc
  .record({
    periods: fc.oneof(periodsArb, fc.constant(DEFAULT_PERIODS.map((p) => ({ ...p })))),
    special: fc.uniqueArray(fc.record({ day: fc.integer({ min: -3, max: WINDOW_DAYS + 30 }), holiday: fc.boolean() }), {
      selector: (d) => d.day,
      maxLength: 25,
    }),
  })
  .map(({ periods, special }) => {
    const data = {
      periods,
      holidays: special.filter((d) => d.holiday).map((d) => dateOf(BASE_DAY + d.day)),
      workdays: special.filter((d) => !d.holiday).map((d) => dateOf(BASE_DAY + d.day)),
    };
    return { model: naiveModel(data), calendar: new WorkCalendar(data) };
  });

/** A whole local minute within the window. */
const minuteArb = fc.integer({ min: BASE_DAY * 1440, max: (BASE_DAY + WINDOW_DAYS) * 1440 });
/** Up to five working days of the calendar, in whole minutes (so the naive walk stays short). */
const scenarioArb = calendarArb.chain((c) =>
  fc.record({ c: fc.constant(c), at: minuteArb, minutes: fc.integer({ min: 0, max: 5 * c.model.dayLength }) }),
);
/** `FC_RUNS=20000` for a longer search. */
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300) };

describe('properties against the minute-by-minute model', () => {
  it('isWorkingDay agrees on every date', () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: -5, max: WINDOW_DAYS + 35 }), ({ model, calendar }, offset) => {
        const day = BASE_DAY + offset;
        const worksSomeMinute = Array.from({ length: 1440 }, (_, m) => day * 1440 + m).some(model.working);
        expect(calendar.isWorkingDay(dateOf(day))).toBe(worksSomeMinute);
      }),
      RUNS,
    );
  });

  it('clockStart agrees', () => {
    fc.assert(
      fc.property(calendarArb, minuteArb, ({ model, calendar }, received) => {
        expect(localMinuteOf(calendar.clockStart(instant(received)))).toBe(naive.clockStart(model, received));
      }),
      RUNS,
    );
  });

  it('addWorkingHours agrees', () => {
    fc.assert(
      fc.property(scenarioArb, ({ c: { model, calendar }, at: start, minutes }) => {
        expect(localMinuteOf(calendar.addWorkingHours(instant(start), minutes / 60))).toBe(naive.add(model, start, minutes));
      }),
      RUNS,
    );
  });

  it('dueAt agrees', () => {
    fc.assert(
      fc.property(scenarioArb, ({ c: { model, calendar }, at: received, minutes }) => {
        const expected = naive.add(model, naive.clockStart(model, received), minutes);
        expect(localMinuteOf(calendar.dueAt(instant(received), minutes / 60))).toBe(expected);
      }),
      RUNS,
    );
  });

  it('workingHoursBetween agrees, in either order', () => {
    fc.assert(
      fc.property(calendarArb, minuteArb, fc.integer({ min: -8 * 1440, max: 8 * 1440 }), ({ model, calendar }, a, span) => {
        const b = a + span;
        expect(calendar.workingHoursBetween(instant(a), instant(b))).toBeCloseTo(naive.between(model, a, b), 9);
      }),
      RUNS,
    );
  });

  it('round trip: workingHoursBetween(start, addWorkingHours(start, h)) = h, and no earlier instant reaches h', () => {
    fc.assert(
      fc.property(scenarioArb, ({ c: { calendar }, at: start, minutes }) => {
        const from = instant(start);
        const end = calendar.addWorkingHours(from, minutes / 60);
        expect(calendar.workingHoursBetween(from, end)).toBeCloseTo(minutes / 60, 9);
        if (minutes > 0) expect(calendar.workingHoursBetween(from, new Date(end.getTime() - 1))).toBeLessThan(minutes / 60);
      }),
      RUNS,
    );
  });

  it('round trip holds for any instant and any fractional duration, to the millisecond', () => {
    fc.assert(
      fc.property(
        calendarArb,
        fc.integer({ min: (BASE_DAY - 400) * 86_400_000, max: (BASE_DAY + 400) * 86_400_000 }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        ({ calendar }, ms, hours) => {
          const from = new Date(ms);
          expect(Math.abs(calendar.workingHoursBetween(from, calendar.addWorkingHours(from, hours)) - hours)).toBeLessThanOrEqual(
            0.5 / 3_600_000,
          );
        },
      ),
    );
  });

  it('clockStart and dueAt never go back in time, and never before the reception', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 3 * 1440 }), ({ c: { calendar }, at: received, minutes }, later) => {
        const [a, b] = [instant(received), instant(received + later)];
        expect(calendar.clockStart(a).getTime()).toBeGreaterThanOrEqual(a.getTime());
        expect(calendar.clockStart(b).getTime()).toBeGreaterThanOrEqual(calendar.clockStart(a).getTime());
        expect(calendar.dueAt(b, minutes / 60).getTime()).toBeGreaterThanOrEqual(calendar.dueAt(a, minutes / 60).getTime());
      }),
      RUNS,
    );
  });

  it('stepDeadlines rise step by step and end on the due instant', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 6 }),
        ({ c: { calendar }, at: s, minutes }, weights) => {
          const total = weights.reduce((a, b) => a + b, 0) || 1;
          const shares = weights.map((w) => w / total);
          if (weights.every((w) => w === 0)) shares[shares.length - 1] = 1;
          const steps = calendar.stepDeadlines(instant(s), minutes / 60, shares).map((d) => d.getTime());
          expect(steps).toEqual(steps.toSorted((a, b) => a - b));
          expect(steps.at(-1)).toBe(calendar.addWorkingHours(instant(s), minutes / 60).getTime());
        },
      ),
      RUNS,
    );
  });

  it('PAUSE keeps the working time that was left at the pause', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 0, max: 5 * 1440 }),
        fc.integer({ min: 0, max: 10 * 1440 }),
        ({ c: { model, calendar }, at: received, minutes }, pause, wait) => {
          const clockStart = calendar.clockStart(instant(received));
          const clock = { clockStart, dueAt: calendar.addWorkingHours(clockStart, minutes / 60) };
          const [pausedAt, answeredAt] = [received + pause, received + pause + wait];
          const after = calendar.resumeAfterSupplement('PAUSE', clock, instant(pausedAt), instant(answeredAt), minutes / 60);
          const left = naive.between(model, Math.max(pausedAt, localMinuteOf(clockStart)), localMinuteOf(clock.dueAt));
          if (left <= 0) expect(after).toEqual(clock);
          else expect(naive.between(model, naive.clockStart(model, answeredAt), localMinuteOf(after.dueAt))).toBeCloseTo(left, 9);
        },
      ),
      RUNS,
    );
  });
});
