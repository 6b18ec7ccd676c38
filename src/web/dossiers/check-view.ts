import { t, type Lang } from '../../i18n/i18n.js';
import { localized } from '../../procedures/forms/definition.js';
import { errorKey } from '../procedures/apply-flow.js';
import { citizenPaymentPanel } from '../payments/payment-panel.js';
import { feeView } from '../procedures/procedure-view.js';
import { reviewSections } from '../procedures/review-view.js';
import { dossierPaths, filingSteps, type ProblemContext } from './filing-flow.js';
import { formatLocalDateTime } from './local-time.js';
import type { OwnDossier } from './own-dossiers.service.js';
import { citizenMode } from './status-view.js';
import { currentFiles, fromDataNote } from './uploads-view.js';

/**
 * The answers as people read them back, page by page. What is valid is shown
 * normalised (dates as DD/MM/YYYY, options by their label); what is not yet
 * valid as it was typed, so nothing typed seems lost.
 */
export function answerSections(d: OwnDossier, lang: Lang) {
  const answers = d.detail.dossier.formData;
  const checked = d.flow.compiled.validate(answers, d.flow.ctx);
  const invalid = new Set(checked.ok ? [] : checked.errors.map(errorKey));
  const asTyped = Object.entries(answers).filter(([k, v]) => invalid.has(k) && v !== '');
  const value = { ...checked.value, ...Object.fromEntries(asTyped) };
  return reviewSections(d.definition.form, d.flow.pages, value, d.flow.compiled.visibleKeys(answers), d.places, lang);
}

/** Each document: uploaded (which file), replaced by data, or still missing. */
export function componentStatuses(d: OwnDossier, lang: Lang) {
  return d.definition.components.map((c) => {
    const files = currentFiles(d, c.code, lang);
    const fromData = fromDataNote(c, d, lang);
    return {
      code: c.code,
      name: localized(c.name, lang),
      required: c.required,
      status: files.length
        ? t(lang, 'filing.files.uploaded', { name: files.map((f) => f.name).join(', ') })
        : (fromData ?? t(lang, 'filing.files.missing')),
      missing: !files.length && !fromData,
    };
  });
}

/** "Check your answers": the answers, the documents, the fee, and the submit button; `problems` after a refused submission. */
export function checkView(d: OwnDossier, lang: Lang, problems: { href: string; message: string }[] = []) {
  const { dossier } = d.detail;
  const paths = dossierPaths(dossier.id);
  const name = localized(d.definition.name, lang);
  return {
    title: `${problems.length ? `${t(lang, 'apply.errorTitle')}: ` : ''}${t(lang, 'apply.review.title')} — ${name}`,
    procedure: { name, href: paths.view },
    steps: filingSteps(d.flow.pages, citizenMode(dossier.status), 'review', lang),
    sections: answerSections(d, lang).map((s) => ({ ...s, changeHref: paths.edit(s.index, { review: true }) })),
    showPageTitles: d.flow.pages.length > 1,
    components: componentStatuses(d, lang).map((c) => ({ ...c, href: `${paths.files}#file-${c.code}` })),
    fee: feeView(d.definition.fee, lang),
    // A fee due on submission can be paid from here, before the submit button refuses.
    payAction: dossier.feePayWhen === 'ON_SUBMIT' ? (citizenPaymentPanel(d.detail, lang)?.payAction ?? null) : null,
    submitAction: paths.submit,
    form: { errorList: problems },
  };
}

/** "Hồ sơ đã được nộp": where it went, when, and what happens next. */
export function submittedView(d: OwnDossier, lang: Lang) {
  const { dossier, agency } = d.detail;
  const name = localized(d.definition.name, lang);
  return {
    title: t(lang, 'filing.submitted.title'),
    lead: t(lang, 'filing.submitted.lead', { name, agency: agency.name, when: formatLocalDateTime(dossier.submittedAt) }),
    dossierHref: dossierPaths(dossier.id).view,
  };
}

/** What `problemLinks` needs to send each problem of a refused submission to where it is fixed. */
export function problemContextOf(d: OwnDossier, others?: ProblemContext['others']): ProblemContext {
  return {
    id: d.detail.dossier.id,
    mode: citizenMode(d.detail.dossier.status),
    pages: d.flow.pages,
    fields: d.definition.form.fields,
    components: d.definition.components,
    others,
  };
}
