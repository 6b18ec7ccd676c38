import { t, type Lang } from '../../i18n/i18n.js';
import { localized } from '../../procedures/forms/definition.js';
import { answerSections } from './check-view.js';
import { openRequest } from './dossier-view.js';
import { dossierPaths, filingSteps } from './filing-flow.js';
import type { OwnDossier } from './own-dossiers.service.js';
import { codeLabel } from './status-view.js';
import { componentUploads, uploadSummary, type UploadError } from './uploads-view.js';

/**
 * Answering a supplement request: what was asked, an upload per document,
 * a way to change the answers, a note, and the button that sends it all.
 * `problems`: why sending was refused; `error`: a refused upload.
 */
export function supplementView(
  d: OwnDossier,
  lang: Lang,
  o: { problems?: { href: string; message: string }[]; error?: UploadError; comment?: string; commentError?: string } = {},
) {
  const { dossier } = d.detail;
  const paths = dossierPaths(dossier.id);
  const name = localized(d.definition.name, lang);
  const errorList = [...(o.problems ?? []), ...uploadSummary(d, lang, o.error)];
  return {
    title: `${errorList.length ? `${t(lang, 'apply.errorTitle')}: ` : ''}${t(lang, 'supplement.title')} — ${name}`,
    procedure: { name, href: paths.view },
    code: codeLabel(dossier, lang),
    steps: filingSteps(d.flow.pages, 'supplement', 'supplement', lang),
    request: openRequest(d),
    components: componentUploads(d, lang, o.error),
    uploadAction: paths.files,
    sections: answerSections(d, lang).map((s) => ({ ...s, changeHref: paths.edit(s.index, { review: true }) })),
    showPageTitles: d.flow.pages.length > 1,
    editHref: paths.edit(1),
    action: paths.supplement,
    comment: o.comment ?? '',
    commentError: o.commentError ?? null,
    form: { errorList },
  };
}
