import type { DossierEntity } from './dossier.entity.js';

/** An outbox `notify` row: tells `userId` (in-app and by mail) that `kind` happened to a dossier. */
export interface NotifyPayload {
  userId: string;
  dossierId: string;
  kind: NotificationKind;
  params: { code: string | null; procedureCode: string; status: string; dueAt?: string | null; rescheduledAt?: string | null };
}

export const NOTIFICATION_KINDS = [
  'dossier.submitted',
  'dossier.received',
  'dossier.supplement-requested',
  'dossier.rejected',
  'dossier.result-ready',
  'dossier.extended',
  'dossier.stopped',
  'dossier.withdrawn',
  'dossier.returned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What the applicant is told after an action; staff-internal steps (forward, propose, send back) tell nobody. */
const TELL_APPLICANT: Partial<Record<string, NotificationKind>> = {
  submit: 'dossier.submitted',
  receive: 'dossier.received',
  'request-supplement': 'dossier.supplement-requested',
  reject: 'dossier.rejected',
  extend: 'dossier.extended',
  stop: 'dossier.stopped',
  withdraw: 'dossier.withdrawn',
  'return-result': 'dossier.returned',
};

export function notificationsFor(d: DossierEntity, action: string): NotifyPayload[] {
  const kind = action === 'approve' ? (d.status === 'REJECTED' ? 'dossier.rejected' : 'dossier.result-ready') : TELL_APPLICANT[action];
  if (!kind) return [];
  return [
    {
      userId: d.applicantId,
      dossierId: d.id,
      kind,
      params: {
        code: d.code,
        procedureCode: d.procedureCode,
        status: d.status,
        dueAt: d.dueAt?.toISOString() ?? null,
        rescheduledAt: d.rescheduledAt?.toISOString() ?? null,
      },
    },
  ];
}
