import { DOSSIER_STATUSES, type DossierStatus } from '../../dossiers/lifecycle.js';
import type { DossierEntity } from '../../dossiers/dossier.entity.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { localized, type LocalizedText } from '../../procedures/forms/definition.js';
import { dossierPaths } from './filing-flow.js';
import { formatLocalDate } from './local-time.js';
import { codeLabel, outcomeLabel, statusView } from './status-view.js';

export const MY_DOSSIERS_PAGE_SIZE = 20;

/** One row of "My dossiers". */
export function dossierRow(item: { dossier: DossierEntity; procedureName: LocalizedText }, lang: Lang) {
  const d = item.dossier;
  return {
    href: dossierPaths(d.id).view,
    code: codeLabel(d, lang),
    procedure: localized(item.procedureName, lang),
    status: statusView(d.status, lang),
    submittedAt: formatLocalDate(d.submittedAt),
    receivedAt: formatLocalDate(d.receivedAt),
    // The appointment the person holds now: the new one after an extension.
    dueAt: formatLocalDate(d.rescheduledAt ?? d.dueAt),
    outcome: outcomeLabel(d.outcome, lang),
  };
}

/** The status filter, with the current choice selected. */
export function statusOptions(current: DossierStatus | undefined, lang: Lang) {
  return DOSSIER_STATUSES.map((s) => ({ value: s, label: t(lang, `dossier.status.${s}`), selected: s === current }));
}

/** Previous and next links that keep the filter. */
export function myDossiersPager(status: DossierStatus | undefined, page: number, pages: number) {
  const link = (p: number) => {
    const params = new URLSearchParams();
    if (status) params.set('status', status);
    if (p > 1) params.set('page', String(p));
    const query = params.toString();
    return `/dossiers${query ? `?${query}` : ''}`;
  };
  return { previous: page > 1 ? link(Math.min(page - 1, pages)) : null, next: page < pages ? link(page + 1) : null };
}
