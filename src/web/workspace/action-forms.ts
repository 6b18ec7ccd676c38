/**
 * The staff actions as page forms: which fields each form has, and how a
 * posted form becomes the body of the lifecycle action (the same `ActionDto`
 * as the API). Pure.
 */
import type { DossierAction } from '../../dossiers/lifecycle.js';

/** The officers' actions, in the order the page offers them; the citizen's and the timers' are not here. */
export const STAFF_PAGE_ACTIONS = [
  'receive',
  'request-supplement',
  'reject',
  'forward',
  'propose-result',
  'propose-rejection',
  'send-back',
  'approve',
  'extend',
  'return-result',
] as const satisfies readonly DossierAction[];
export type StaffPageAction = (typeof STAFF_PAGE_ACTIONS)[number];

export type ActionField = 'items' | 'reason' | 'toStep' | 'toAgencyCode' | 'assigneeId' | 'newDueAt' | 'comment';

/** The fields of each action's form, in page order (the error summary follows it). */
export const ACTION_FIELDS: Record<StaffPageAction, readonly ActionField[]> = {
  receive: ['comment'],
  'request-supplement': ['items', 'comment'],
  reject: ['reason', 'comment'],
  forward: ['toStep', 'toAgencyCode', 'assigneeId', 'comment'],
  'propose-result': ['comment'],
  'propose-rejection': ['reason', 'comment'],
  'send-back': ['comment'],
  approve: ['comment'],
  extend: ['newDueAt', 'reason'],
  'return-result': ['comment'],
};

export function parseStaffAction(value: string): StaffPageAction | undefined {
  return (STAFF_PAGE_ACTIONS as readonly string[]).includes(value) ? (value as StaffPageAction) : undefined;
}

/**
 * The action's body from its form: only that form's fields (the rest of the
 * post, `_csrf` included, is dropped), the supplement list one item per
 * line, the new appointment typed as Vietnam's local date-time
 * (`datetime-local`, no offset) made an instant at UTC+7.
 */
export function actionBody(action: StaffPageAction, body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { version: str(body.version) };
  for (const field of ACTION_FIELDS[action]) {
    const value = str(body[field]);
    if (value === undefined) continue;
    if (field === 'items')
      out.items = value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    else if (field === 'newDueAt') out.newDueAt = localDateTimeToIso(value) ?? value;
    else out[field] = value;
  }
  return out;
}

/** `2026-03-05T16:30` (a `datetime-local` value) as the ISO instant it names in Vietnam; null if it is not one. */
export function localDateTimeToIso(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/.exec(value.trim());
  return m ? `${m[1]}T${m[2]}:00+07:00` : null;
}

/** A `datetime-local` value for an instant, in Vietnam's time. */
export function toLocalDateTimeValue(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

function str(v: unknown): string | undefined {
  const first = Array.isArray(v) ? (v as unknown[])[0] : v;
  return typeof first === 'string' ? first : undefined;
}
