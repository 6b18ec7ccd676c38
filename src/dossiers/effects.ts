/**
 * What each lifecycle action changes on a dossier, given the clock and the
 * procedure. Pure: the service loads, locks, applies the patch, and records.
 */
import { outcome, type WorkCalendar } from '../calendar/working-time.js';
import { Problem } from '../common/problem.js';
import { processingHours, type ProcedureDefinition } from '../procedures/forms/definition.js';
import type { DossierEntity } from './dossier.entity.js';
import type { DossierAction, DossierStatus } from './lifecycle.js';

export interface ActionInput {
  comment?: string;
  /** request-supplement: what is missing and why (Form 02). */
  items?: string[];
  /** reject, propose-rejection, extend. */
  reason?: string;
  /** forward. */
  toStep?: string;
  toAgencyId?: string;
  assigneeId?: string | null;
  /** extend: the new appointment (Form 04). */
  newDueAt?: Date;
}

export interface EffectContext {
  now: Date;
  calendar: WorkCalendar;
  definition: ProcedureDefinition;
}

/** The change to write; `needsCode` asks the service for the next reception number. */
export interface Effect {
  patch: Partial<DossierEntity>;
  needsCode?: boolean;
  /**
   * Recorded with the event. The deadline of the work the action hands over is
   * recorded as given, with the calendar of the day (`answerDueAt` of the
   * counter, `supplementDueAt` of the applicant, `stepDueAt` of a workflow
   * step; `dueAt` where the legal due instant changes), so that the forms print
   * it as it was even after the holiday calendar changes.
   */
  data?: Record<string, unknown>;
}

/** The counter answers an online dossier within 8 working hours of its submission (DOMAIN.md). */
export const COUNTER_ANSWER_HOURS = 8;

type State = Pick<
  DossierEntity,
  | 'status'
  | 'step'
  | 'dueAt'
  | 'clockStart'
  | 'clockPausedAt'
  | 'receptionSupplements'
  | 'processingSupplements'
  | 'extended'
  | 'proposal'
  | 'currentAgencyId'
>;

const ONE_WORKING_DAY = 8;

export function effectOf(action: DossierAction, to: DossierStatus, d: State, input: ActionInput, ctx: EffectContext): Effect {
  const { now, calendar, definition } = ctx;
  const hours = processingHours(definition);
  const steps = definition.workflow.steps;
  switch (action) {
    case 'submit':
      return { patch: { status: to, submittedAt: now }, data: { answerDueAt: iso(calendar.addWorkingHours(now, COUNTER_ANSWER_HOURS)) } };

    case 'receive': {
      // The reception instant: the clock starts (next opening if outside hours or in the last hour).
      const clockStart = calendar.clockStart(now);
      const dueAt = calendar.addWorkingHours(clockStart, hours);
      const next = firstProcessingStep(definition);
      const stepDueAt = stepDue(ctx, clockStart, next);
      return {
        patch: { status: to, receivedAt: now, clockStart, dueAt, step: next, stepDueAt },
        needsCode: true,
        // The legal due instant at reception, so that the events alone replay the clock (statistics).
        data: { dueAt: dueAt.toISOString(), stepDueAt: iso(stepDueAt) },
      };
    }

    case 'request-supplement': {
      const items = (input.items ?? []).map((i) => i.trim()).filter(Boolean);
      if (items.length === 0) throw Problem.validation([{ path: 'items', code: 'dossier.itemsRequired' }]);
      const atReception = d.status === 'SUBMITTED';
      const asked = atReception ? d.receptionSupplements : d.processingSupplements;
      // Asked once per stage, with the whole list at once (Decree 118/2025), unless the procedure allows more.
      if (asked > 0 && !definition.allowRepeatSupplement) throw Problem.conflict('dossier.supplementOnce');
      const supplementDueAt = calendar.addWorkingHours(calendar.clockStart(now), definition.supplementDeadlineDays * ONE_WORKING_DAY);
      return {
        patch: atReception
          ? { status: to, receptionSupplements: asked + 1, supplementDueAt }
          : { status: to, processingSupplements: asked + 1, supplementDueAt, clockPausedAt: now },
        data: { items, supplementDueAt: iso(supplementDueAt) },
      };
    }

    case 'answer-supplement': {
      if (d.status === 'RECEPTION_SUPPLEMENT') {
        return {
          patch: { status: to, supplementDueAt: null, submittedAt: now },
          data: { answerDueAt: iso(calendar.addWorkingHours(now, COUNTER_ANSWER_HOURS)) },
        };
      }
      // The clock restarts from zero at the answer (RESTART), or goes on where it stopped (PAUSE).
      const clock = calendar.resumeAfterSupplement(
        definition.supplementPolicy,
        { clockStart: d.clockStart!, dueAt: d.dueAt! },
        d.clockPausedAt!,
        now,
        hours,
      );
      return {
        patch: {
          status: to,
          supplementDueAt: null,
          clockPausedAt: null,
          clockStart: clock.clockStart,
          dueAt: clock.dueAt,
          rescheduledAt: null,
        },
        data: {
          policy: definition.supplementPolicy,
          dueAt: clock.dueAt.toISOString(),
          // The step goes on with the clock as it now runs.
          stepDueAt: iso(stepDue(ctx, clock.clockStart, d.step)),
        },
      };
    }

    case 'reject':
      return { patch: { status: to, reason: requireReason(input) } };

    case 'forward': {
      const step = input.toStep ?? nextStep(definition, d.step);
      if (!step || !steps.some((s) => s.key === step)) throw Problem.validation([{ path: 'toStep', code: 'dossier.unknownStep' }]);
      const stepDueAt = stepDue(ctx, d.clockStart!, step);
      return {
        patch: {
          status: to,
          step,
          stepDueAt,
          currentAgencyId: input.toAgencyId ?? d.currentAgencyId,
          assigneeId: input.assigneeId ?? null,
        },
        data: { toStep: step, ...(input.toAgencyId && { toAgencyId: input.toAgencyId }), stepDueAt: iso(stepDueAt) },
      };
    }

    case 'propose-result': {
      const step = approvalStep(definition) ?? d.step;
      return {
        patch: { status: to, proposal: 'RESULT', step, assigneeId: null },
        data: { stepDueAt: iso(stepDue(ctx, d.clockStart, step)) },
      };
    }

    case 'propose-rejection': {
      const step = approvalStep(definition) ?? d.step;
      return {
        patch: { status: to, proposal: 'REJECTION', reason: requireReason(input), step, assigneeId: null },
        data: { stepDueAt: iso(stepDue(ctx, d.clockStart, step)) },
      };
    }

    case 'send-back': {
      const step = firstProcessingStep(definition);
      return {
        patch: { status: to, proposal: null, step, assigneeId: null },
        data: { stepDueAt: iso(stepDue(ctx, d.clockStart, step)) },
      };
    }

    case 'approve':
      // The completion instant; the outcome compares it with the legal due date, never the rescheduled one.
      return { patch: { status: to, completedAt: now, outcome: outcome(now, d.dueAt!), step: null, stepDueAt: null } };

    case 'extend': {
      if (d.extended) throw Problem.conflict('dossier.extendedOnce');
      const reason = requireReason(input);
      if (!input.newDueAt || input.newDueAt <= d.dueAt!) throw Problem.validation([{ path: 'newDueAt', code: 'dossier.newDueAfterDue' }]);
      // The apology letter comes no later than one working day before the due date.
      if (calendar.workingHoursBetween(now, d.dueAt!) < ONE_WORKING_DAY) throw Problem.conflict('dossier.extendTooLate');
      return {
        patch: { status: to, extended: true, rescheduledAt: input.newDueAt },
        data: { reason, newDueAt: input.newDueAt.toISOString() },
      };
    }

    case 'return-result':
      return { patch: { status: to, returnedAt: now } };

    case 'withdraw':
      return { patch: { status: to, clockPausedAt: null, supplementDueAt: null } };

    case 'stop':
      return { patch: { status: to, supplementDueAt: null } };
  }
}

function requireReason(input: ActionInput): string {
  const reason = (input.reason ?? '').trim();
  if (!reason) throw Problem.validation([{ path: 'reason', code: 'dossier.reasonRequired' }]);
  return reason;
}

/** The step after reception: where a received dossier goes first. */
export function firstProcessingStep(def: ProcedureDefinition): string | null {
  const steps = def.workflow.steps;
  return (steps.find((s) => s.role !== 'RECEPTIONIST') ?? steps[0])?.key ?? null;
}

function approvalStep(def: ProcedureDefinition): string | undefined {
  return def.workflow.steps.find((s) => s.role === 'LEADER')?.key;
}

function nextStep(def: ProcedureDefinition, current: string | null): string | undefined {
  const steps = def.workflow.steps;
  const i = steps.findIndex((s) => s.key === current);
  return steps[i + 1]?.key;
}

/** A step's own deadline: the cumulative share of the processing time up to and including it. */
function stepDue(ctx: EffectContext, clockStart: Date | null, step: string | null): Date | null {
  const steps = ctx.definition.workflow.steps;
  const i = steps.findIndex((s) => s.key === step);
  if (i < 0 || !clockStart) return null;
  return (
    ctx.calendar.stepDeadlines(
      clockStart,
      processingHours(ctx.definition),
      steps.map((s) => s.share),
    )[i] ?? null
  );
}

function iso(d: Date | null): string | null {
  return d?.toISOString() ?? null;
}
