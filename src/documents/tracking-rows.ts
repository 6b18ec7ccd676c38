/**
 * The rows of the tracking slip (Form 06), replayed from the dossier's events:
 * one row per hand-over, with the deadline the portal gave the work that was
 * handed over. Each event records the deadline of the work it hands over, as
 * computed with the calendar of its day (`answerDueAt`, `supplementDueAt`,
 * `stepDueAt` in its data: see the lifecycle effects), so a later change of
 * the holiday calendar does not change the slip. Events written before they
 * recorded it have their deadlines recomputed with the same arithmetic.
 */
import type { WorkCalendar } from '../calendar/working-time.js';
import type { DossierEventEntity } from '../dossiers/dossier.entity.js';
import type { DossierStatus } from '../dossiers/lifecycle.js';
import { processingHours, type ProcedureDefinition } from '../procedures/forms/definition.js';
import type { TrackingRow } from './document-view.js';
import { shortDateTime } from './vietnamese-date.js';
import { ACTIONS, COUNTER, LATE, ON_TIME, ROLES, STAGE_BY_STATUS, STEP_BY_ROLE } from './words.js';

export type EventLike = Pick<
  DossierEventEntity,
  'at' | 'actorId' | 'actorRole' | 'action' | 'fromStatus' | 'toStatus' | 'fromStep' | 'toStep' | 'comment' | 'data'
>;

export interface TrackingInput {
  events: readonly EventLike[];
  definition: Pick<ProcedureDefinition, 'processingTime' | 'workflow' | 'supplementPolicy' | 'supplementDeadlineDays'>;
  calendar: WorkCalendar;
  applicantName: string;
  /** Full names by user id. */
  people: ReadonlyMap<string, string>;
  /** Agency names by id (for inter-agency forwards). */
  agencies: ReadonlyMap<string, string>;
}

/** The counter answers an online dossier within 8 working hours of its submission (DOMAIN.md). */
const COUNTER_ANSWER_HOURS = 8;
const HOURS_PER_DAY = 8;

/** With the applicant: the dossier waits for them, or is closed and theirs again. */
const WITH_APPLICANT = new Set<DossierStatus>([
  'DRAFT',
  'RECEPTION_SUPPLEMENT',
  'SUPPLEMENT_REQUESTED',
  'REJECTED',
  'STOPPED',
  'WITHDRAWN',
  'RETURNED',
]);

export function trackingRows(input: TrackingInput): TrackingRow[] {
  const { events, definition, calendar } = input;
  const hours = processingHours(definition);
  const steps = definition.workflow.steps;
  const shares = steps.map((s) => s.share);
  // The clock as the lifecycle effects keep it, replayed event by event.
  let submittedAt: Date | null = null;
  let clock: { clockStart: Date; dueAt: Date } | null = null;
  let supplementDue: Date | null = null;
  let pausedAt: Date | null = null;
  const rows: TrackingRow[] = [];
  // The deadline the last hand-over recorded for the work it handed over; undefined: not recorded (older events).
  let recordedDue: Date | null | undefined;

  events.forEach((e, i) => {
    const due = recordedDue !== undefined ? recordedDue : dueOfHeldWork(e);
    if (isHandOver(e)) {
      rows.push({
        from: actorLabel(e, input),
        to: holderLabel(e, events[i + 1], input),
        step: stepLabel(e.fromStatus, e.fromStep, input),
        at: shortDateTime(e.at),
        due: due ? shortDateTime(due) : null,
        result: due ? (e.at.getTime() <= due.getTime() ? ON_TIME : LATE) : '',
        comment: [ACTIONS[e.action] ?? e.action, e.comment?.trim()].filter(Boolean).join(': ') || null,
      });
    }
    if (isHandOver(e) || e.action === 'create') recordedDue = recordedDueOf(e);
    advance(e);
  });
  return rows;

  /** The deadline of the work the event ends: the counter's answer, the citizen's supplement, or a workflow step's share. */
  function dueOfHeldWork(e: EventLike): Date | null {
    switch (e.fromStatus) {
      case 'SUBMITTED':
        return submittedAt ? calendar.addWorkingHours(submittedAt, COUNTER_ANSWER_HOURS) : null;
      case 'RECEPTION_SUPPLEMENT':
      case 'SUPPLEMENT_REQUESTED':
        return supplementDue;
      case 'IN_PROGRESS':
      case 'AWAITING_APPROVAL': {
        const index = steps.findIndex((s) => s.key === e.fromStep);
        return clock && index >= 0 ? (calendar.stepDeadlines(clock.clockStart, hours, shares)[index] ?? null) : null;
      }
      default:
        return null;
    }
  }

  function advance(e: EventLike): void {
    if (e.action === 'submit' || (e.action === 'answer-supplement' && e.fromStatus === 'RECEPTION_SUPPLEMENT')) submittedAt = e.at;
    // Reception (online `receive`, or counter intake straight into processing) starts the clock.
    if (!clock && e.toStatus === 'IN_PROGRESS') {
      const clockStart = calendar.clockStart(e.at);
      clock = { clockStart, dueAt: calendar.addWorkingHours(clockStart, hours) };
    }
    if (e.action === 'request-supplement') {
      supplementDue = calendar.addWorkingHours(calendar.clockStart(e.at), definition.supplementDeadlineDays * HOURS_PER_DAY);
      pausedAt = e.at;
    }
    if (e.action === 'answer-supplement' && e.fromStatus === 'SUPPLEMENT_REQUESTED' && clock && pausedAt) {
      clock = calendar.resumeAfterSupplement(definition.supplementPolicy, clock, pausedAt, e.at, hours);
    }
  }
}

/** The deadline an event recorded for the work it hands over (null: none applies), or undefined if it recorded none. */
export function recordedDueOf(e: Pick<EventLike, 'toStatus' | 'data'>): Date | null | undefined {
  const key =
    e.toStatus === 'SUBMITTED'
      ? 'answerDueAt'
      : e.toStatus === 'RECEPTION_SUPPLEMENT' || e.toStatus === 'SUPPLEMENT_REQUESTED'
        ? 'supplementDueAt'
        : e.toStatus === 'IN_PROGRESS' || e.toStatus === 'AWAITING_APPROVAL'
          ? 'stepDueAt'
          : null;
  if (!key) return null; // with the applicant, or closed: no deadline is held
  const value = e.data?.[key];
  if (value === null) return null;
  if (typeof value !== 'string') return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** A change of holder: a new status or step, or a forward (possibly to the same step at another agency). */
function isHandOver(e: EventLike): boolean {
  if (e.action === 'create') return false;
  return e.fromStatus !== e.toStatus || e.fromStep !== e.toStep || e.action === 'forward';
}

function actorLabel(e: EventLike, input: TrackingInput): string {
  if (e.actorRole === 'CITIZEN') return `${input.applicantName} (${ROLES.CITIZEN})`;
  const name = e.actorId ? input.people.get(e.actorId) : undefined;
  const role = ROLES[e.actorRole] ?? e.actorRole;
  return name ? `${name} (${role})` : role;
}

/** Who holds the dossier after the event; named when the next event shows who took it up. */
function holderLabel(e: EventLike, next: EventLike | undefined, input: TrackingInput): string {
  if (WITH_APPLICANT.has(e.toStatus)) return `${input.applicantName} (${ROLES.CITIZEN})`;
  let holder = e.toStatus === 'SUBMITTED' || e.toStatus === 'RESULT_READY' ? COUNTER : stepLabel(e.toStatus, e.toStep, input);
  const agencyId = typeof e.data?.toAgencyId === 'string' ? e.data.toAgencyId : null;
  const agency = agencyId ? input.agencies.get(agencyId) : undefined;
  if (agency) holder = `${holder}, ${agency}`;
  const takenUpBy =
    next && next.fromStatus === e.toStatus && next.fromStep === e.toStep && next.actorId ? input.people.get(next.actorId) : undefined;
  return takenUpBy ? `${holder} (${takenUpBy})` : holder;
}

/** Waiting stages (submission, supplement, return) are named by status; the unit's work by its workflow step. */
function stepLabel(status: DossierStatus | null, stepKey: string | null, input: TrackingInput): string {
  // No status before: a dossier born received (counter intake).
  if (!status) return STAGE_BY_STATUS.SUBMITTED!;
  const stage = STAGE_BY_STATUS[status];
  if (stage) return stage;
  const step = input.definition.workflow.steps.find((s) => s.key === stepKey);
  return step ? step.name?.vi || STEP_BY_ROLE[step.role] || step.key : '';
}
