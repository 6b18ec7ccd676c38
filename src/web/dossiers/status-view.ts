/**
 * A dossier's status as its applicant reads it: plain words, what it means,
 * what to do next, what they may do now, and the documents the agency has
 * issued. Pure: the lifecycle table decides what is allowed.
 */
import { availableActions, FINAL, type DossierStatus } from '../../dossiers/lifecycle.js';
import { t, type Lang } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.js';

/** What the applicant's pages offer: fill in and submit, answer a supplement request, or only read. */
export type CitizenMode = 'draft' | 'supplement' | 'readonly';

export function citizenMode(status: DossierStatus): CitizenMode {
  const actions = availableActions(status, ['CITIZEN']);
  if (actions.includes('submit')) return 'draft';
  if (actions.includes('answer-supplement')) return 'supplement';
  return 'readonly';
}

export function canWithdraw(status: DossierStatus): boolean {
  return availableActions(status, ['CITIZEN']).includes('withdraw');
}

/** The colour family of the status tag; the words say it all, the colour only helps. */
export type Tone = 'draft' | 'progress' | 'action' | 'done' | 'refused' | 'closed';

const TONES: Record<DossierStatus, Tone> = {
  DRAFT: 'draft',
  SUBMITTED: 'progress',
  RECEPTION_SUPPLEMENT: 'action',
  IN_PROGRESS: 'progress',
  SUPPLEMENT_REQUESTED: 'action',
  AWAITING_APPROVAL: 'progress',
  RESULT_READY: 'done',
  RETURNED: 'done',
  REJECTED: 'refused',
  STOPPED: 'refused',
  WITHDRAWN: 'closed',
};

export function statusView(status: DossierStatus, lang: Lang) {
  return {
    code: status,
    label: t(lang, `dossier.status.${status}`),
    tone: TONES[status],
    meaning: t(lang, `dossier.status.${status}.meaning`),
    next: t(lang, `dossier.status.${status}.next`),
  };
}

/** "Bản nháp" for a draft, "Chưa có mã" until reception gives the code, "Chưa tiếp nhận" when it never will. */
export function codeLabel(d: { code: string | null; status: DossierStatus }, lang: Lang): string {
  if (d.code !== null) return d.code;
  return t(lang, d.status === 'DRAFT' ? 'dossier.draftCode' : FINAL.has(d.status) ? 'dossier.neverReceived' : 'dossier.noCode');
}

/** Whether to say that the code comes with the reception: only while it still may. */
export function codeToCome(d: { code: string | null; status: DossierStatus }): boolean {
  return d.code === null && !FINAL.has(d.status);
}

export function outcomeLabel(outcome: string | null, lang: Lang): string {
  return outcome ? t(lang, `dossier.outcome.${outcome}`) : '';
}

export interface DocumentLink {
  href: string;
  label: string;
}

/**
 * The PDFs issued for a dossier, each once the event that issues it has
 * happened: the receipt with the appointment (Form 01) at reception, then
 * the supplement request (02), the refusal (03), the apology with a new
 * appointment (04) and the stop notice (05).
 */
export function documentLinks(
  d: { id: string; status: DossierStatus; receivedAt: Date | null; extended: boolean },
  events: readonly { action: string }[],
  lang: Lang,
): DocumentLink[] {
  const base = `/dossiers/${encodeURIComponent(d.id)}`;
  const issued: [boolean, string, MessageKey][] = [
    [d.receivedAt !== null, `${base}/receipt.pdf`, 'dossier.docs.receipt'],
    [events.some((e) => e.action === 'request-supplement'), `${base}/documents/02.pdf`, 'dossier.docs.02'],
    [d.status === 'REJECTED', `${base}/documents/03.pdf`, 'dossier.docs.03'],
    [d.extended, `${base}/documents/04.pdf`, 'dossier.docs.04'],
    [d.status === 'STOPPED', `${base}/documents/05.pdf`, 'dossier.docs.05'],
  ];
  return issued.filter(([when]) => when).map(([, href, key]) => ({ href, label: t(lang, key) }));
}
