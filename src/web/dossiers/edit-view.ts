import { t, type Lang } from '../../i18n/i18n.js';
import { localized } from '../../procedures/forms/definition.js';
import type { FormError } from '../../procedures/forms/messages.js';
import { renderForm } from '../../procedures/forms/render-form.js';
import type { Answers } from '../procedures/answers-carrier.js';
import { pageTitle } from '../procedures/apply-flow.js';
import { dossierPaths, filingSteps } from './filing-flow.js';
import type { OwnDossier } from './own-dossiers.service.js';
import { citizenMode } from './status-view.js';

/** One page of the dossier's form, filled with the answers saved so far. */
export function editView(d: OwnDossier, answers: Answers, index: number, errors: FormError[], fromReview: boolean, lang: Lang) {
  const { dossier } = d.detail;
  const mode = citizenMode(dossier.status);
  const page = d.flow.pages[index - 1];
  const form = renderForm({
    compiled: d.flow.compiled,
    keys: page.keys,
    values: answers,
    errors,
    lang,
    places: d.places,
    today: d.flow.ctx.today,
  });
  const name = localized(d.definition.name, lang);
  const heading = d.flow.pages.length > 1 ? pageTitle(page, lang) : name;
  const paths = dossierPaths(dossier.id);
  return {
    title: `${form.errorList.length ? `${t(lang, 'apply.errorTitle')}: ` : ''}${heading} — ${name}`,
    procedure: { name, href: paths.view },
    heading,
    steps: filingSteps(d.flow.pages, mode, index, lang),
    form,
    action: paths.edit(index),
    canGoBack: index > 1,
    fromReview,
    canSave: mode === 'draft',
  };
}
