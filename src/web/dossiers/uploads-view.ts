import { fieldMessage, type Problem } from '../../common/problem.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { isSatisfiedByData } from '../../procedures/forms/components.js';
import {
  DEFAULT_ACCEPT,
  DEFAULT_MAX_BYTES,
  localized,
  resultProcedureOf,
  type ComponentDefinition,
} from '../../procedures/forms/definition.js';
import { formatFileTypes, formatMegabytes } from '../procedures/format.js';
import { dossierPaths, filingSteps } from './filing-flow.js';
import { formatBytes, formatLocalDateTime } from './local-time.js';
import type { OwnDossier } from './own-dossiers.service.js';

/** A refused upload, told beside the document it was for. */
export interface UploadError {
  componentCode: string;
  message: string;
}

export function uploadError(err: Problem, componentCode: string, lang: Lang): UploadError {
  const first = err.errors[0];
  return { componentCode, message: first ? fieldMessage(first, lang) : t(lang, err.code, err.params) };
}

/** "Đã có dữ liệu: …" when the portal holds what the document would prove, else null (an upload is needed). */
export function fromDataNote(c: ComponentDefinition, d: Pick<OwnDossier, 'held'>, lang: Lang): string | null {
  const by = c.satisfiedBy;
  if (!by || !isSatisfiedByData(c, d.held)) return null;
  if ('profile' in by) return t(lang, 'filing.files.fromProfile', { fact: t(lang, `procedures.fact.${by.profile}`) });
  return t(lang, 'filing.files.fromResult', { code: resultProcedureOf(c) ?? '' });
}

/** The files now standing for a component (a replaced file is kept but no longer counts). */
export function currentFiles(d: OwnDossier, code: string, lang: Lang) {
  return d.detail.files
    .filter((f) => !f.replacedAt && f.componentCode === code)
    .map((f) => ({ name: f.fileName, size: formatBytes(f.sizeBytes, lang), when: formatLocalDateTime(f.uploadedAt) }));
}

/** Each document of the procedure with its upload form (multipart, CSRF token in the action's query). */
export function componentUploads(d: OwnDossier, lang: Lang, error?: UploadError) {
  return d.definition.components.map((c) => {
    const fromData = fromDataNote(c, d, lang);
    const message = error?.componentCode === c.code ? error.message : null;
    return {
      code: c.code,
      name: localized(c.name, lang),
      hint: localized(c.hint, lang),
      required: c.required,
      limits: t(lang, 'procedures.components.files', {
        types: formatFileTypes(c.accept ?? DEFAULT_ACCEPT),
        size: formatMegabytes(c.maxBytes ?? DEFAULT_MAX_BYTES, lang),
      }),
      accept: (c.accept ?? DEFAULT_ACCEPT).join(','),
      fromData,
      // Which wallet result stands in is the citizen's choice (src/web/results/reuse-pages.controller.ts).
      reuseHref: fromData && resultProcedureOf(c) ? `/dossiers/${d.detail.dossier.id}/reuse#reuse-${c.code}` : null,
      files: currentFiles(d, c.code, lang),
      error: message,
    };
  });
}

export function uploadSummary(d: OwnDossier, lang: Lang, error?: UploadError): { href: string; message: string }[] {
  if (!error) return [];
  const c = d.definition.components.find((x) => x.code === error.componentCode);
  return [{ href: c ? `#file-${c.code}` : '#main-content', message: c ? `${localized(c.name, lang)}: ${error.message}` : error.message }];
}

/** The documents step of a draft. */
export function filesView(d: OwnDossier, lang: Lang, error?: UploadError) {
  const paths = dossierPaths(d.detail.dossier.id);
  const name = localized(d.definition.name, lang);
  const errorList = uploadSummary(d, lang, error);
  return {
    title: `${errorList.length ? `${t(lang, 'apply.errorTitle')}: ` : ''}${t(lang, 'filing.files.title')} — ${name}`,
    procedure: { name, href: paths.view },
    steps: filingSteps(d.flow.pages, 'draft', 'files', lang),
    components: componentUploads(d, lang, error),
    uploadAction: paths.files,
    form: { errorList },
    backHref: paths.edit(d.flow.pages.length),
    nextHref: paths.review,
  };
}
