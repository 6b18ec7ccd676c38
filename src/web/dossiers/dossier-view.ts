import { t, type Lang } from '../../i18n/i18n.js';
import { localized } from '../../procedures/forms/definition.js';
import { formatFee } from '../procedures/format.js';
import { answerSections, componentStatuses } from './check-view.js';
import { dossierPaths } from './filing-flow.js';
import { formatLocalDateTime } from './local-time.js';
import type { OwnDossier } from './own-dossiers.service.js';
import { canWithdraw, citizenMode, codeLabel, codeToCome, documentLinks, outcomeLabel, statusView } from './status-view.js';
import { timeline } from './timeline.js';
import { citizenPaymentPanel, feeBlocksResult } from '../payments/payment-panel.js';
import { ratingView } from '../../ratings/rating-view.js';
import { resultLinkView } from '../results/result-link-view.js';

/** The latest supplement request, when the dossier waits for one: what is asked, by when. */
export function openRequest(d: OwnDossier) {
  const { dossier, events } = d.detail;
  if (citizenMode(dossier.status) !== 'supplement') return null;
  const request = events.findLast((e) => e.action === 'request-supplement');
  const items = request && Array.isArray(request.data.items) ? request.data.items.filter((i): i is string => typeof i === 'string') : [];
  return {
    when: formatLocalDateTime(request?.at),
    comment: request?.comment ?? null,
    items,
    dueBy: formatLocalDateTime(dossier.supplementDueAt),
  };
}

/** The dossier's page: where it is, what to do, its dates, documents, history, answers and files. */
export function dossierView(d: OwnDossier, lang: Lang) {
  const { dossier, events, agency } = d.detail;
  const paths = dossierPaths(dossier.id);
  const mode = citizenMode(dossier.status);
  const name = localized(d.definition.name, lang);
  const code = codeLabel(dossier, lang);
  const dates = [
    ['dossier.field.submittedAt', dossier.submittedAt],
    ['dossier.field.receivedAt', dossier.receivedAt],
    ['dossier.field.clockStart', dossier.clockStart],
    ['dossier.field.dueAt', dossier.dueAt],
    ['dossier.field.rescheduledAt', dossier.rescheduledAt],
    ['dossier.field.supplementDueAt', dossier.supplementDueAt],
    ['dossier.field.completedAt', dossier.completedAt],
  ] as const;
  return {
    title: `${code} — ${name}`,
    name,
    code,
    codeToCome: codeToCome(dossier),
    status: statusView(dossier.status, lang),
    request: openRequest(d),
    reason: dossier.status === 'REJECTED' ? dossier.reason : null,
    actions: {
      continueHref: mode === 'draft' ? paths.edit(1) : null,
      supplementHref: mode === 'supplement' ? paths.supplement : null,
      withdrawHref: canWithdraw(dossier.status) ? paths.withdraw : null,
    },
    details: [
      { label: t(lang, 'dossier.field.code'), value: code },
      { label: t(lang, 'dossier.field.procedure'), value: `${name} (${dossier.procedureCode})` },
      { label: t(lang, 'dossier.field.agency'), value: agency.name },
      { label: t(lang, 'dossier.field.channel'), value: t(lang, `dossier.channel.${dossier.channel}`) },
      ...dates.filter(([, at]) => at).map(([key, at]) => ({ label: t(lang, key), value: formatLocalDateTime(at) })),
      ...(dossier.outcome ? [{ label: t(lang, 'dossier.field.outcome'), value: outcomeLabel(dossier.outcome, lang) }] : []),
      { label: t(lang, 'procedures.field.fee'), value: formatFee(dossier.feeAmount, lang) },
    ],
    documents: documentLinks(dossier, events, lang),
    timeline: timeline(events, lang),
    payment: citizenPaymentPanel(d.detail, lang),
    rating: ratingView(dossier, events, lang),
    result: resultLinkView(d.detail, lang, { feeFirst: feeBlocksResult(d.detail) }),
    sections: answerSections(d, lang),
    showPageTitles: d.flow.pages.length > 1,
    components: componentStatuses(d, lang),
  };
}

/** "Rút hồ sơ?": what it means, and the button. */
export function withdrawView(d: OwnDossier, lang: Lang) {
  const { dossier } = d.detail;
  const paths = dossierPaths(dossier.id);
  const name = localized(d.definition.name, lang);
  return {
    title: `${t(lang, 'withdraw.title')} — ${name}`,
    name,
    code: codeLabel(dossier, lang),
    status: statusView(dossier.status, lang),
    action: paths.withdraw,
    cancelHref: paths.view,
  };
}
