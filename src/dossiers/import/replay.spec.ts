import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../calendar/working-time.js';
import type { ProcedureDefinition } from '../../procedures/forms/definition.js';
import { replay, UNKNOWN_REASON, type ImportEvent, type ImportEventType, type ReplayInput } from './replay.js';

// Mon 2 March 2026 … Fri 13 March 2026: no holidays, 07:30–11:30 and 13:00–17:00 local (UTC+7).
const calendar = new WorkCalendar({ holidays: ['2026-04-27'], workdays: [] });
const NOW = new Date('2026-06-01T00:00:00Z');

function definition(overrides: Partial<ProcedureDefinition> = {}): ProcedureDefinition {
  return {
    name: { vi: 'Đăng ký khai sinh' },
    sector: 'Hộ tịch',
    level: 'COMMUNE',
    agencyCodes: ['H12.05'],
    processingTime: { workingDays: 3 },
    serviceLevel: 'FULL',
    fee: { amount: 0, currency: 'VND', payWhen: 'ON_SUBMIT' },
    form: { fields: [] },
    components: [],
    workflow: {
      steps: [
        { key: 'reception', role: 'RECEPTIONIST', share: 0.125 },
        { key: 'processing', role: 'SPECIALIST', share: 0.625 },
        { key: 'approval', role: 'LEADER', share: 0.25 },
      ],
    },
    resultTemplate: { title: 'Giấy khai sinh', body: '' },
    supplementPolicy: 'RESTART',
    supplementDeadlineDays: 15,
    ...overrides,
  };
}

/** `['SUBMITTED', '2026-03-02 08:00']`: local (UTC+7) times, as the old systems print them. */
const events = (...list: [ImportEventType, string, string?][]): ImportEvent[] =>
  list.map(([type, local, comment]) => ({ type, at: local7(local), ...(comment && { comment }) }));
const local7 = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

function run(list: ImportEvent[], more: Partial<ReplayInput> = {}) {
  return replay({ channel: 'ONLINE', events: list, definition: definition(), calendar, now: NOW, agencyId: 'agency-1', ...more });
}

function ok(list: ImportEvent[], more: Partial<ReplayInput> = {}) {
  const result = run(list, more);
  if (!result.ok) throw new Error(`expected a valid replay, got ${JSON.stringify(result.errors)}`);
  return result;
}

function errorsOf(list: ImportEvent[], more: Partial<ReplayInput> = {}) {
  const result = run(list, more);
  if (result.ok) throw new Error('expected the replay to be refused');
  return result.errors;
}

describe('replay: the clock of the live engine', () => {
  it('receives, issues and returns: clock from the reception, 3 working days, completion at the result', () => {
    const { state, events: recorded } = ok(
      events(
        ['SUBMITTED', '2026-03-02 08:00'],
        ['RECEIVED', '2026-03-02 09:00'],
        ['RESULT_ISSUED', '2026-03-05 08:30'],
        ['RETURNED', '2026-03-06 10:00'],
      ),
    );
    expect(state).toMatchObject({
      status: 'RETURNED',
      submittedAt: local7('2026-03-02 08:00'),
      receivedAt: local7('2026-03-02 09:00'),
      clockStart: local7('2026-03-02 09:00'),
      // Mon 6.5 h + Tue 8 h + Wed 8 h + Thu 1.5 h = 24 h.
      dueAt: local7('2026-03-05 09:00'),
      completedAt: local7('2026-03-05 08:30'),
      returnedAt: local7('2026-03-06 10:00'),
      outcome: 'ON_TIME',
      proposal: 'RESULT',
      step: null,
    });
    expect(recorded.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['submit', 'DRAFT', 'SUBMITTED'],
      ['receive', 'SUBMITTED', 'IN_PROGRESS'],
      ['approve', 'IN_PROGRESS', 'RESULT_READY'],
      ['return-result', 'RESULT_READY', 'RETURNED'],
    ]);
    expect(recorded[1]).toMatchObject({ at: local7('2026-03-02 09:00'), fromStep: null, toStep: 'processing' });
    expect(recorded.every((e) => typeof e.data.importType === 'string')).toBe(true);
  });

  it('starts the clock at the next opening for a reception in the last working hour', () => {
    const { state } = ok(events(['SUBMITTED', '2026-03-02 15:00'], ['RECEIVED', '2026-03-02 16:30']));
    expect(state).toMatchObject({
      status: 'IN_PROGRESS',
      step: 'processing',
      receivedAt: local7('2026-03-02 16:30'),
      clockStart: local7('2026-03-03 07:30'),
      dueAt: local7('2026-03-05 17:00'),
      // reception + processing = 0.75 of 24 h = 18 h from Tue 07:30.
      stepDueAt: local7('2026-03-05 09:30'),
      completedAt: null,
      outcome: null,
    });
  });

  it('skips a holiday and the weekend', () => {
    const { state } = ok(events(['SUBMITTED', '2026-04-24 08:00'], ['RECEIVED', '2026-04-24 09:00']));
    // Fri 24 Apr 6.5 h, Mon 27 Apr a holiday, Tue 8 h, Wed 8 h, Thu 1.5 h.
    expect(state.dueAt).toEqual(local7('2026-04-30 09:00'));
  });

  it('reads the processing time of the procedure version, in hours too', () => {
    const { state } = ok(events(['SUBMITTED', '2026-03-02 08:00'], ['RECEIVED', '2026-03-02 09:00']), {
      definition: definition({ processingTime: { workingHours: 4 } }),
    });
    expect(state.dueAt).toEqual(local7('2026-03-02 14:30'));
  });
});

describe('replay: outcome by local date', () => {
  const received: [ImportEventType, string][] = [
    ['SUBMITTED', '2026-03-02 08:00'],
    ['RECEIVED', '2026-03-02 09:00'],
  ];
  const outcomeAt = (local: string) => ok(events(...received, ['RESULT_ISSUED', local])).state.outcome;

  it('is EARLY on a local date before the due date', () => {
    expect(outcomeAt('2026-03-04 16:59')).toBe('EARLY');
  });

  it('is ON_TIME on the due date, even after the due instant', () => {
    expect(outcomeAt('2026-03-05 07:00')).toBe('ON_TIME');
    expect(outcomeAt('2026-03-05 23:30')).toBe('ON_TIME'); // 16:30 UTC, still Thursday in Vietnam
  });

  it('is LATE on a later local date, even while it is still the due date in UTC', () => {
    expect(outcomeAt('2026-03-06 06:00')).toBe('LATE'); // 23:00 UTC on Thursday
    expect(outcomeAt('2026-03-10 09:00')).toBe('LATE');
  });
});

describe('replay: supplements', () => {
  const inProcessing: [ImportEventType, string, string?][] = [
    ['SUBMITTED', '2026-03-02 08:00'],
    ['RECEIVED', '2026-03-02 09:00'],
    ['SUPPLEMENT_REQUESTED', '2026-03-03 09:00', 'Bản sao giấy chứng sinh'],
  ];

  it('stops the clock while the citizen is asked, with the supplement deadline of the procedure', () => {
    const { state, events: recorded } = ok(events(...inProcessing));
    expect(state).toMatchObject({
      status: 'SUPPLEMENT_REQUESTED',
      clockPausedAt: local7('2026-03-03 09:00'),
      processingSupplements: 1,
      // 15 working days from Tue 09:00.
      supplementDueAt: local7('2026-03-24 09:00'),
    });
    expect(recorded[2]).toMatchObject({ action: 'request-supplement', comment: 'Bản sao giấy chứng sinh' });
    expect(recorded[2].data).toMatchObject({ items: ['Bản sao giấy chứng sinh'] });
  });

  it('RESTART: the answer starts a new clock with the full processing time', () => {
    const { state, events: recorded } = ok(events(...inProcessing, ['SUPPLEMENTED', '2026-03-09 10:00']));
    expect(state).toMatchObject({
      status: 'IN_PROGRESS',
      receivedAt: local7('2026-03-02 09:00'),
      clockStart: local7('2026-03-09 10:00'),
      dueAt: local7('2026-03-12 10:00'),
      clockPausedAt: null,
      supplementDueAt: null,
    });
    expect(recorded[3]).toMatchObject({ action: 'answer-supplement', data: { policy: 'RESTART' } });
  });

  it('PAUSE: the waiting time is not counted and the count goes on', () => {
    const { state } = ok(events(...inProcessing, ['SUPPLEMENTED', '2026-03-09 10:00']), {
      definition: definition({ supplementPolicy: 'PAUSE' }),
    });
    // 8 h used before the pause (Mon 6.5 h, Tue 1.5 h); 16 h left from Mon 9 Mar 10:00.
    expect(state).toMatchObject({ clockStart: local7('2026-03-02 09:00'), dueAt: local7('2026-03-11 10:00') });
  });

  it('a supplement at reception keeps the clock stopped until the dossier is received', () => {
    const { state, events: recorded } = ok(
      events(
        ['SUBMITTED', '2026-03-02 08:00'],
        ['SUPPLEMENT_REQUESTED', '2026-03-02 10:00'],
        ['SUPPLEMENTED', '2026-03-04 14:00'],
        ['RECEIVED', '2026-03-05 09:00'],
      ),
    );
    expect(recorded.map((e) => e.toStatus)).toEqual(['SUBMITTED', 'RECEPTION_SUPPLEMENT', 'SUBMITTED', 'IN_PROGRESS']);
    expect(state).toMatchObject({
      receptionSupplements: 1,
      processingSupplements: 0,
      submittedAt: local7('2026-03-04 14:00'),
      clockStart: local7('2026-03-05 09:00'),
      dueAt: local7('2026-03-10 09:00'),
    });
  });

  it('refuses a second request in the same stage, as the live rules do, unless the procedure allows it', () => {
    const twice = events(
      ...inProcessing,
      ['SUPPLEMENTED', '2026-03-04 09:00'],
      ['SUPPLEMENT_REQUESTED', '2026-03-05 09:00'],
      ['SUPPLEMENTED', '2026-03-06 09:00'],
    );
    expect(errorsOf(twice)).toEqual([{ path: 'events[4]', code: 'dossier.supplementOnce' }]);
    expect(ok(twice, { definition: definition({ allowRepeatSupplement: true }) }).state.processingSupplements).toBe(2);
  });
});

describe('replay: refusals and withdrawals', () => {
  it('a refusal at reception is not a resolution: no completion, no outcome, no clock', () => {
    const { state, events: recorded } = ok(
      events(['SUBMITTED', '2026-03-02 08:00'], ['REJECTED', '2026-03-02 10:00', 'Không thuộc thẩm quyền']),
    );
    expect(state).toMatchObject({
      status: 'REJECTED',
      reason: 'Không thuộc thẩm quyền',
      receivedAt: null,
      clockStart: null,
      dueAt: null,
      completedAt: null,
      outcome: null,
    });
    expect(recorded[1]).toMatchObject({
      action: 'reject',
      fromStatus: 'SUBMITTED',
      toStatus: 'REJECTED',
      comment: 'Không thuộc thẩm quyền',
    });
  });

  it('a refusal after processing is a completion, with its outcome', () => {
    const { state, events: recorded } = ok(
      events(['SUBMITTED', '2026-03-02 08:00'], ['RECEIVED', '2026-03-02 09:00'], ['REJECTED', '2026-03-06 09:00']),
    );
    expect(state).toMatchObject({
      status: 'REJECTED',
      proposal: 'REJECTION',
      reason: UNKNOWN_REASON,
      completedAt: local7('2026-03-06 09:00'),
      outcome: 'LATE',
    });
    expect(recorded[2]).toMatchObject({ action: 'approve', fromStatus: 'IN_PROGRESS', toStatus: 'REJECTED', comment: UNKNOWN_REASON });
  });

  it('a withdrawal before a decision, also while waiting for a supplement', () => {
    expect(ok(events(['SUBMITTED', '2026-03-02 08:00'], ['WITHDRAWN', '2026-03-02 09:00'])).state.status).toBe('WITHDRAWN');
    const { state } = ok(
      events(
        ['SUBMITTED', '2026-03-02 08:00'],
        ['RECEIVED', '2026-03-02 09:00'],
        ['SUPPLEMENT_REQUESTED', '2026-03-03 09:00'],
        ['WITHDRAWN', '2026-03-04 09:00'],
      ),
    );
    expect(state).toMatchObject({ status: 'WITHDRAWN', clockPausedAt: null, supplementDueAt: null, completedAt: null, outcome: null });
  });

  it('a counter dossier starts at its reception', () => {
    const { state, events: recorded } = ok(events(['RECEIVED', '2026-03-02 09:00'], ['RESULT_ISSUED', '2026-03-04 09:00']), {
      channel: 'COUNTER',
    });
    expect(state).toMatchObject({ status: 'RESULT_READY', submittedAt: local7('2026-03-02 09:00'), outcome: 'EARLY' });
    expect(recorded[0]).toMatchObject({ action: 'receive', fromStatus: 'DRAFT', toStatus: 'IN_PROGRESS' });
  });
});

describe('replay: bad orders', () => {
  it('needs RECEIVED before RESULT_ISSUED', () => {
    expect(errorsOf(events(['SUBMITTED', '2026-03-02 08:00'], ['RESULT_ISSUED', '2026-03-03 09:00']))).toEqual([
      expect.objectContaining({ path: 'events[1]', code: 'import.notFromStatus' }),
    ]);
  });

  it('tells which event and why', () => {
    const [error] = errorsOf(events(['SUBMITTED', '2026-03-02 08:00'], ['RECEIVED', '2026-03-02 09:00'], ['RETURNED', '2026-03-03 09:00']));
    expect(error).toMatchObject({ path: 'events[2]', message: { en: 'RETURNED cannot happen while the dossier is IN_PROGRESS.' } });
  });

  it('refuses an online dossier that does not start with its submission', () => {
    expect(errorsOf(events(['RECEIVED', '2026-03-02 09:00']))).toEqual([
      expect.objectContaining({ path: 'events[0]', code: 'import.badStart' }),
    ]);
    expect(errorsOf(events(['WITHDRAWN', '2026-03-02 09:00']), { channel: 'COUNTER' })[0].path).toBe('events[0]');
  });

  it('refuses an answer nobody asked for, a refusal while waiting, and anything after the end', () => {
    expect(errorsOf(events(['SUBMITTED', '2026-03-02 08:00'], ['SUPPLEMENTED', '2026-03-02 09:00']))[0].path).toBe('events[1]');
    expect(
      errorsOf(
        events(
          ['SUBMITTED', '2026-03-02 08:00'],
          ['RECEIVED', '2026-03-02 09:00'],
          ['SUPPLEMENT_REQUESTED', '2026-03-03 09:00'],
          ['REJECTED', '2026-03-04 09:00'],
        ),
      )[0].path,
    ).toBe('events[3]');
    expect(
      errorsOf(
        events(
          ['SUBMITTED', '2026-03-02 08:00'],
          ['RECEIVED', '2026-03-02 09:00'],
          ['RESULT_ISSUED', '2026-03-03 09:00'],
          ['RETURNED', '2026-03-03 10:00'],
          ['WITHDRAWN', '2026-03-03 11:00'],
        ),
      )[0].path,
    ).toBe('events[4]');
    expect(errorsOf(events(['SUBMITTED', '2026-03-02 08:00'], ['SUBMITTED', '2026-03-02 09:00']))[0].path).toBe('events[1]');
  });

  it('refuses events out of time order, or in the future', () => {
    expect(
      errorsOf(events(['SUBMITTED', '2026-03-02 08:00'], ['RECEIVED', '2026-03-02 09:00'], ['RESULT_ISSUED', '2026-03-02 08:59'])),
    ).toEqual([expect.objectContaining({ path: 'events[2].at', code: 'import.beforePrevious' })]);
    expect(errorsOf(events(['SUBMITTED', '2026-07-01 08:00']))).toEqual([
      expect.objectContaining({ path: 'events[0].at', code: 'import.future' }),
    ]);
  });

  it('accepts two events at the same instant', () => {
    expect(ok(events(['SUBMITTED', '2026-03-02 09:00'], ['RECEIVED', '2026-03-02 09:00'])).state.status).toBe('IN_PROGRESS');
  });

  it('needs at least one event', () => {
    expect(errorsOf([])).toEqual([expect.objectContaining({ path: 'events', code: 'import.noEvents' })]);
  });
});
