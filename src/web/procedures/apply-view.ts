import { t, type Lang } from '../../i18n/i18n.js';
import { localized } from '../../procedures/forms/definition.js';
import type { FormError } from '../../procedures/forms/messages.js';
import { renderForm } from '../../procedures/forms/render-form.js';
import { carriedInputs, type Answers } from './answers-carrier.js';
import type { ApplyContext } from './apply-context.js';
import { pageTitle } from './apply-flow.js';
import { componentView, feeView } from './procedure-view.js';
import { reviewSections } from './review-view.js';

const applyPath = (code: string) => `/procedures/${encodeURIComponent(code)}/apply`;

/** Where the person is in the flow: each page, then the review. */
function stepIndicator(c: ApplyContext, current: number | 'review', lang: Lang) {
  const steps = [
    ...c.flow.pages.map((p) => ({ label: pageTitle(p, lang), index: p.index })),
    { label: t(lang, 'apply.review.title'), index: 0 },
  ];
  const at = current === 'review' ? steps.length - 1 : current - 1;
  return {
    total: steps.length,
    number: at + 1,
    segments: steps.map((s, i) => ({ label: s.label, complete: i < at, current: i === at })),
  };
}

/** One page of the form, with the answers of the other pages carried along. */
export function applyPageView(c: ApplyContext, answers: Answers, index: number, errors: FormError[], fromReview: boolean, lang: Lang) {
  const page = c.flow.pages[index - 1];
  const form = renderForm({
    compiled: c.flow.compiled,
    keys: page.keys,
    values: answers,
    errors,
    lang,
    places: c.places,
    today: c.flow.ctx.today,
  });
  const name = localized(c.procedure.name, lang);
  const heading = c.flow.pages.length > 1 ? pageTitle(page, lang) : name;
  return {
    title: `${form.errorList.length ? `${t(lang, 'apply.errorTitle')}: ` : ''}${heading} — ${name}`,
    procedure: { code: c.procedure.code, name, href: `/procedures/${encodeURIComponent(c.procedure.code)}` },
    heading,
    steps: stepIndicator(c, index, lang),
    form,
    carried: carriedInputs(answers, new Set(page.keys)),
    action: `${applyPath(c.procedure.code)}?page=${index}`,
    canGoBack: index > 1,
    fromReview,
  };
}

/** "Check your answers": every shown answer by page, the documents to bring, the fee, and the submit button. */
export function reviewView(c: ApplyContext, answers: Answers, value: Record<string, unknown>, lang: Lang) {
  const path = applyPath(c.procedure.code);
  const name = localized(c.procedure.name, lang);
  const sections = reviewSections(c.procedure.form, c.flow.pages, value, c.flow.compiled.visibleKeys(answers), c.places, lang);
  return {
    title: `${t(lang, 'apply.review.title')} — ${name}`,
    procedure: { code: c.procedure.code, name },
    steps: stepIndicator(c, 'review', lang),
    sections: sections.map((s) => ({ ...s, changeAction: `${path}?page=${s.index}` })),
    showPageTitles: c.flow.pages.length > 1,
    components: c.procedure.components.map((comp) => componentView(comp, lang)),
    fee: feeView(c.procedure.fee, lang),
    carried: carriedInputs(answers, new Set()),
    submitAction: `${path}/submit`,
  };
}
