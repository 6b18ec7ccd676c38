import { describe, expect, it } from 'vitest';
import { definition } from '../../test/helpers/document-view-fixtures.js';
import { WorkCalendar } from '../calendar/working-time.js';
import { processingHours } from '../procedures/forms/definition.js';
import type { DossierEntity } from './dossier.entity.js';
import { COUNTER_ANSWER_HOURS, effectOf, type EffectContext } from './effects.js';

const calendar = new WorkCalendar({ holidays: ['2026-11-30'], workdays: [] });
const ctx = (now: string): EffectContext => ({ now: new Date(now), calendar, definition });
const state = (patch: Partial<DossierEntity>) =>
  ({
    status: 'IN_PROGRESS',
    step: 'processing',
    dueAt: new Date('2026-12-09T02:00:00Z'),
    clockStart: new Date('2026-11-23T02:00:00Z'),
    clockPausedAt: null,
    receptionSupplements: 0,
    processingSupplements: 0,
    extended: false,
    proposal: null,
    currentAgencyId: 'agency',
    ...patch,
  }) as DossierEntity;

/** The calendar's own arithmetic for a step of the fixture's workflow. */
function stepDeadline(step: string, clockStart: Date): Date {
  const steps = definition.workflow.steps;
  const hours = processingHours(definition);
  return calendar.stepDeadlines(
    clockStart,
    hours,
    steps.map((s) => s.share),
  )[steps.findIndex((s) => s.key === step)]!;
}

describe('the deadlines an action records with its event', () => {
  it('submission: the counter’s answer within its working hours', () => {
    const e = effectOf('submit', 'SUBMITTED', state({ status: 'DRAFT', step: null }), {}, ctx('2026-11-27T03:05:00Z'));
    expect(e.data).toEqual({ answerDueAt: calendar.addWorkingHours(new Date('2026-11-27T03:05:00Z'), COUNTER_ANSWER_HOURS).toISOString() });
  });

  it('reception: the legal due instant and the first step’s deadline, as written on the dossier', () => {
    const e = effectOf('receive', 'IN_PROGRESS', state({ status: 'SUBMITTED', step: null }), {}, ctx('2026-11-27T03:05:00Z'));
    expect(e.data).toEqual({ dueAt: e.patch.dueAt!.toISOString(), stepDueAt: e.patch.stepDueAt!.toISOString() });
  });

  it('forward: the deadline of the step it goes to, as written on the dossier', () => {
    const e = effectOf('forward', 'IN_PROGRESS', state({}), { toStep: 'approval' }, ctx('2026-11-27T03:05:00Z'));
    expect(e.data).toEqual({ toStep: 'approval', stepDueAt: e.patch.stepDueAt!.toISOString() });
    expect(e.patch.stepDueAt).toEqual(stepDeadline('approval', new Date('2026-11-23T02:00:00Z')));
  });

  it('proposal and send-back: the deadline of the step the dossier moves to', () => {
    const proposed = effectOf('propose-result', 'AWAITING_APPROVAL', state({}), {}, ctx('2026-11-27T03:05:00Z'));
    expect(proposed.data).toEqual({ stepDueAt: stepDeadline('approval', new Date('2026-11-23T02:00:00Z')).toISOString() });
    const back = effectOf(
      'send-back',
      'IN_PROGRESS',
      state({ status: 'AWAITING_APPROVAL', step: 'approval' }),
      {},
      ctx('2026-11-27T03:05:00Z'),
    );
    expect(back.data).toEqual({ stepDueAt: stepDeadline('processing', new Date('2026-11-23T02:00:00Z')).toISOString() });
    expect(back.data!.stepDueAt).not.toEqual(proposed.data!.stepDueAt);
  });

  it('supplement request and answer: the applicant’s deadline, then the step’s with the clock as it runs again', () => {
    const asked = effectOf('request-supplement', 'SUPPLEMENT_REQUESTED', state({}), { items: ['Bản sao'] }, ctx('2026-11-24T02:00:00Z'));
    expect(asked.data).toEqual({ items: ['Bản sao'], supplementDueAt: asked.patch.supplementDueAt!.toISOString() });
    const answered = effectOf(
      'answer-supplement',
      'IN_PROGRESS',
      state({ status: 'SUPPLEMENT_REQUESTED', clockPausedAt: new Date('2026-11-24T02:00:00Z') }),
      {},
      ctx('2026-11-25T02:00:00Z'),
    );
    // RESTART: the shares count again from the answer.
    expect(answered.data).toMatchObject({
      policy: 'RESTART',
      stepDueAt: stepDeadline('processing', answered.patch.clockStart!).toISOString(),
    });
  });
});
