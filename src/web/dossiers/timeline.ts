/**
 * A dossier's events as its applicant reads them: what happened, who did it
 * (by role), when (local time), and what was said. The officers' internal
 * hand-overs are told without their notes; an event this page does not know
 * is told only when it changed the status. Pure.
 */
import type { DossierStatus } from '../../dossiers/lifecycle.js';
import { isMessageKey, t, type Lang } from '../../i18n/i18n.js';
import { formatLocalDateTime } from './local-time.js';

export interface TimelineEvent {
  at: Date;
  action: string;
  actorRole: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  comment: string | null;
  data: Record<string, unknown>;
}

export interface TimelineItem {
  title: string;
  /** DD/MM/YYYY HH:mm, Vietnam time. */
  when: string;
  /** The instant, for `<time datetime>`. */
  iso: string;
  who: string;
  comment: string | null;
  /** What a supplement request asks for. */
  items: string[];
  /** A new appointment, a reason. */
  notes: string[];
}

/** Steps between officers: their comments are notes to each other, not to the applicant. */
const INTERNAL = new Set(['forward', 'propose-result', 'propose-rejection', 'send-back']);

export function timeline(events: readonly TimelineEvent[], lang: Lang): TimelineItem[] {
  return events.flatMap((e) => {
    const title = titleOf(e, lang);
    if (title === null) return [];
    return [
      {
        title,
        when: formatLocalDateTime(e.at),
        iso: e.at.toISOString(),
        who: whoOf(e.actorRole, lang),
        comment: INTERNAL.has(e.action) ? null : e.comment || null,
        items: e.action === 'request-supplement' ? strings(e.data.items) : [],
        notes: notesOf(e, lang),
      },
    ];
  });
}

function titleOf(e: TimelineEvent, lang: Lang): string | null {
  switch (e.action) {
    case 'request-supplement':
      return t(lang, e.fromStatus === 'SUBMITTED' ? 'dossier.event.request-supplement.reception' : 'dossier.event.request-supplement');
    case 'approve':
      return t(lang, e.toStatus === 'REJECTED' ? 'dossier.event.approve.rejected' : 'dossier.event.approve');
    case 'propose-result':
    case 'propose-rejection':
      return t(lang, 'dossier.event.propose');
  }
  const key = `dossier.event.${e.action}`;
  if (isMessageKey(key)) return t(lang, key);
  return e.fromStatus !== e.toStatus ? t(lang, 'dossier.event.other', { status: t(lang, `dossier.status.${e.toStatus}`) }) : null;
}

function whoOf(role: string, lang: Lang): string {
  if (role === 'CITIZEN') return t(lang, 'dossier.timeline.you');
  if (role === 'SYSTEM') return t(lang, 'dossier.timeline.system');
  const key = `role.${role}`;
  return isMessageKey(key) ? t(lang, key) : role;
}

function notesOf(e: TimelineEvent, lang: Lang): string[] {
  const notes: string[] = [];
  const newDue = e.action === 'extend' ? e.data.newDueAt : e.action === 'answer-supplement' ? e.data.dueAt : undefined;
  if (typeof newDue === 'string' && !Number.isNaN(Date.parse(newDue))) {
    notes.push(t(lang, 'dossier.timeline.newDue', { date: formatLocalDateTime(new Date(newDue)) }));
  }
  if (e.action === 'extend' && typeof e.data.reason === 'string') notes.push(t(lang, 'dossier.timeline.reason', { reason: e.data.reason }));
  return notes;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
