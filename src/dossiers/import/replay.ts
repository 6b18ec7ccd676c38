/**
 * Replays a historical dossier's events through the live engine: the
 * transition table (`lifecycle.ts`) decides what may follow what, and the
 * effects (`effects.ts`) compute the clock exactly as they do for a live
 * dossier, with the event's instant as "now". Nothing here knows a clock rule
 * of its own: an imported dossier and a live one with the same events get the
 * same receivedAt, clockStart, dueAt, completedAt and outcome.
 *
 * Pure: no database, no Nest. The caller loads the procedure version and the
 * calendar, and writes what this returns.
 */
import type { Outcome, WorkCalendar } from '../../calendar/working-time.js';
import { Problem } from '../../common/problem.js';
import type { ProcedureDefinition } from '../../procedures/forms/definition.js';
import type { Channel, DossierEntity } from '../dossier.entity.js';
import { effectOf, type ActionInput } from '../effects.js';
import { checkTransition, type Actor, type DossierAction, type DossierStatus } from '../lifecycle.js';

export const IMPORT_EVENT_TYPES = [
  'SUBMITTED',
  'RECEIVED',
  'SUPPLEMENT_REQUESTED',
  'SUPPLEMENTED',
  'RESULT_ISSUED',
  'REJECTED',
  'RETURNED',
  'WITHDRAWN',
] as const;
export type ImportEventType = (typeof IMPORT_EVENT_TYPES)[number];

export interface ImportEvent {
  type: ImportEventType;
  at: Date;
  /** Who acted in the old system (a name or an account); kept with the event, not mapped to a user. */
  by?: string;
  /** REJECTED: the reason; SUPPLEMENT_REQUESTED: what was asked for; any event: a note. */
  comment?: string;
}

/** The dossier's columns that the lifecycle owns, as the live service keeps them. */
export type ReplayedState = Pick<
  DossierEntity,
  | 'status'
  | 'step'
  | 'stepDueAt'
  | 'proposal'
  | 'reason'
  | 'submittedAt'
  | 'receivedAt'
  | 'clockStart'
  | 'dueAt'
  | 'rescheduledAt'
  | 'clockPausedAt'
  | 'completedAt'
  | 'outcome'
  | 'returnedAt'
  | 'supplementDueAt'
  | 'receptionSupplements'
  | 'processingSupplements'
  | 'extended'
  | 'currentAgencyId'
>;

/** One row of `dossier_event` for one imported event: the live action that carries its meaning. */
export interface ReplayedEvent {
  at: Date;
  action: DossierAction;
  fromStatus: DossierStatus;
  toStatus: DossierStatus;
  fromStep: string | null;
  toStep: string | null;
  comment: string | null;
  data: Record<string, unknown>;
}

/** A problem of one event; `path` is relative to the dossier (`events[2]`, `events[2].at`). */
export interface ReplayError {
  path: string;
  code: string;
  params?: Record<string, string | number>;
  message?: { vi: string; en: string };
}

export type ReplayResult = { ok: true; state: ReplayedState; events: ReplayedEvent[] } | { ok: false; errors: ReplayError[] };

export interface ReplayInput {
  channel: Channel;
  events: readonly ImportEvent[];
  definition: ProcedureDefinition;
  calendar: WorkCalendar;
  /** Events after this instant are refused: history cannot be in the future. */
  now: Date;
  /** The agency that resolves the dossier (the live effects keep it on `forward`). */
  agencyId: string;
}

/** The importer stands for whoever acted; the table still decides what may follow what. */
const ANY_ACTOR: readonly Actor[] = ['CITIZEN', 'RECEPTIONIST', 'SPECIALIST', 'LEADER', 'SYSTEM'];

/** Old systems often kept no reason or list; the live rules require one, so a neutral text stands in. */
export const UNKNOWN_REASON = 'Không có lý do trong dữ liệu chuyển đổi (imported without a reason)';
export const UNKNOWN_ITEMS = 'Không có nội dung trong dữ liệu chuyển đổi (imported without a list)';

/**
 * The live actions an imported event stands for, from the status it meets.
 * The old systems record outcomes, not the portal's internal hand-overs: a
 * result issued is a proposal approved at once, a refusal after reception is
 * a proposed refusal approved at once, and a counter dossier is received
 * without an online submission.
 */
function actionsOf(type: ImportEventType, status: DossierStatus, channel: Channel): DossierAction[] | null {
  switch (type) {
    case 'SUBMITTED':
      return ['submit'];
    case 'RECEIVED':
      return channel === 'COUNTER' && status === 'DRAFT' ? ['submit', 'receive'] : ['receive'];
    case 'SUPPLEMENT_REQUESTED':
      return ['request-supplement'];
    case 'SUPPLEMENTED':
      return ['answer-supplement'];
    case 'RESULT_ISSUED':
      return ['propose-result', 'approve'];
    case 'REJECTED':
      // At reception: "không tiếp nhận", not resolved. After it: "từ chối giải quyết", a completion.
      return status === 'SUBMITTED' ? ['reject'] : status === 'IN_PROGRESS' ? ['propose-rejection', 'approve'] : null;
    case 'RETURNED':
      return ['return-result'];
    case 'WITHDRAWN':
      return ['withdraw'];
  }
}

export function initialState(agencyId: string): ReplayedState {
  return {
    status: 'DRAFT',
    step: null,
    stepDueAt: null,
    proposal: null,
    reason: null,
    submittedAt: null,
    receivedAt: null,
    clockStart: null,
    dueAt: null,
    rescheduledAt: null,
    clockPausedAt: null,
    completedAt: null,
    outcome: null,
    returnedAt: null,
    supplementDueAt: null,
    receptionSupplements: 0,
    processingSupplements: 0,
    extended: false,
    currentAgencyId: agencyId,
  };
}

/**
 * Folds the events in the order given. Stops at the first bad event: what
 * follows a refused event would be judged against a state that never was.
 */
export function replay(input: ReplayInput): ReplayResult {
  const { events, channel, definition, calendar, now } = input;
  if (events.length === 0) return fail('events', 'import.noEvents', EMPTY);
  if (events[0].type !== 'SUBMITTED' && !(events[0].type === 'RECEIVED' && channel === 'COUNTER')) {
    return fail('events[0]', 'import.badStart', channel === 'COUNTER' ? START_COUNTER : START_ONLINE);
  }
  const state = initialState(input.agencyId);
  const recorded: ReplayedEvent[] = [];
  for (const [i, event] of events.entries()) {
    const at = `events[${i}].at`;
    if (event.at.getTime() > now.getTime()) return fail(at, 'import.future', FUTURE);
    if (i > 0 && event.at.getTime() < events[i - 1].at.getTime()) return fail(at, 'import.beforePrevious', BEFORE_PREVIOUS);

    const before = { status: state.status, step: state.step };
    const actions = actionsOf(event.type, state.status, channel);
    if (!actions) return notNow(i, event.type, before.status);
    const request: ActionInput = {
      comment: event.comment,
      reason: event.comment?.trim() || UNKNOWN_REASON,
      items: [event.comment?.trim() || UNKNOWN_ITEMS],
    };
    const data: Record<string, unknown> = { importType: event.type, ...(event.by !== undefined && { by: event.by }) };
    for (const action of actions) {
      const check = checkTransition(state.status, action, ANY_ACTOR, { proposal: state.proposal });
      if (!check.ok) return notNow(i, event.type, before.status);
      try {
        const effect = effectOf(action, check.to, state, request, { now: event.at, calendar, definition });
        Object.assign(state, effect.patch);
        Object.assign(data, effect.data);
      } catch (err) {
        // The live rules' own refusals (a second supplement in one stage…), told with their own message.
        if (err instanceof Problem) return fail(`events[${i}]`, err.code);
        throw err;
      }
    }
    recorded.push({
      at: event.at,
      action: actions[actions.length - 1],
      fromStatus: before.status,
      toStatus: state.status,
      fromStep: before.step,
      toStep: state.step,
      comment: event.comment?.trim() || (event.type === 'REJECTED' ? state.reason : null),
      data,
    });
  }
  return { ok: true, state, events: recorded };
}

/** What the import answers for each dossier (API.md). */
export interface ReplaySummary {
  status: DossierStatus;
  receivedAt: Date | null;
  clockStart: Date | null;
  dueAt: Date | null;
  completedAt: Date | null;
  outcome: Outcome | null;
}

export function summaryOf(s: ReplaySummary): ReplaySummary {
  return {
    status: s.status,
    receivedAt: s.receivedAt,
    clockStart: s.clockStart,
    dueAt: s.dueAt,
    completedAt: s.completedAt,
    outcome: s.outcome,
  };
}

const EMPTY = { vi: 'Cần ít nhất một sự kiện.', en: 'At least one event is needed.' };
const START_ONLINE = {
  vi: 'Hồ sơ trực tuyến phải bắt đầu bằng SUBMITTED.',
  en: 'An online dossier must start with SUBMITTED.',
};
const START_COUNTER = {
  vi: 'Hồ sơ nộp tại quầy phải bắt đầu bằng SUBMITTED hoặc RECEIVED.',
  en: 'A counter dossier must start with SUBMITTED or RECEIVED.',
};
const FUTURE = { vi: 'Thời điểm không được ở tương lai.', en: 'The instant must not be in the future.' };
const BEFORE_PREVIOUS = {
  vi: 'Các sự kiện phải theo thứ tự thời gian: sự kiện này sớm hơn sự kiện trước.',
  en: 'Events must be in time order: this one is earlier than the one before.',
};

function notNow(i: number, type: ImportEventType, status: DossierStatus): ReplayResult {
  return fail(`events[${i}]`, 'import.notFromStatus', {
    vi: `Sự kiện ${type} không thể xảy ra khi hồ sơ đang ở trạng thái ${status}.`,
    en: `${type} cannot happen while the dossier is ${status}.`,
  });
}

/** Without `message`, the code is a message key of the live rules, translated on the way out. */
function fail(path: string, code: string, message?: { vi: string; en: string }): ReplayResult {
  return { ok: false, errors: [{ path, code, ...(message && { message }) }] };
}
