/**
 * The applicant's way through a dossier they can still change: the form page
 * by page (each post saved to the dossier, then a redirect), the documents,
 * "check your answers" and the submission — or, when the agency asked for a
 * supplement, the form pages and the supplement page. Pure: the controllers
 * load, save and render; this file decides where each step leads.
 */
import { fieldMessage, type FieldError } from '../../common/problem.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { localized, type ComponentDefinition, type FieldDefinition, type FormDefinition } from '../../procedures/forms/definition.js';
import type { FormError } from '../../procedures/forms/messages.js';
import { keepVisible, readAnswers, type Answers } from '../procedures/answers-carrier.js';
import { errorKey, pageTitle, type ApplyStep, type Flow, type FormPageInfo } from '../procedures/apply-flow.js';
import type { CitizenMode } from './status-view.js';

/** Every page of one dossier. */
export function dossierPaths(id: string) {
  const base = `/dossiers/${encodeURIComponent(id)}`;
  return {
    view: base,
    edit: (page: number, o: { review?: boolean; check?: boolean } = {}) =>
      `${base}/edit?page=${page}${o.review ? '&review=1' : ''}${o.check ? '&check=1' : ''}`,
    files: `${base}/files`,
    review: `${base}/review`,
    submit: `${base}/submit`,
    submitted: `${base}/submitted`,
    supplement: `${base}/supplement`,
    withdraw: `${base}/withdraw`,
  };
}

/** The page that sums a change up: "check your answers" for a draft, the supplement page for a supplement. */
export function summaryPath(id: string, mode: CitizenMode): string {
  const paths = dossierPaths(id);
  return mode === 'supplement' ? paths.supplement : paths.review;
}

/** Where uploads are made: the documents step of a draft, or the supplement page. */
export function uploadPath(id: string, mode: CitizenMode): string {
  const paths = dossierPaths(id);
  return mode === 'supplement' ? paths.supplement : paths.files;
}

export type FilingStep = number | 'files' | 'review' | 'supplement';

/** The step indicator: each form page, then the documents and the review (a draft) or the supplement page. */
export function filingSteps(pages: FormPageInfo[], mode: CitizenMode, current: FilingStep, lang: Lang) {
  const tail: { key: FilingStep; label: string }[] =
    mode === 'supplement'
      ? [{ key: 'supplement', label: t(lang, 'supplement.title') }]
      : [
          { key: 'files', label: t(lang, 'filing.files.title') },
          { key: 'review', label: t(lang, 'apply.review.title') },
        ];
  const steps = [...pages.map((p) => ({ key: p.index as FilingStep, label: pageTitle(p, lang) })), ...tail];
  const at = Math.max(
    0,
    steps.findIndex((s) => s.key === current),
  );
  return {
    total: steps.length,
    number: at + 1,
    segments: steps.map((s, i) => ({ label: s.label, complete: i < at, current: i === at })),
  };
}

/**
 * A page's post merged into the saved answers: the fields of this page are
 * replaced (an unticked box posts nothing, so it must not keep its old value),
 * the others kept, and the answers of fields now hidden dropped.
 */
export function mergePage(flow: Flow, form: FormDefinition, saved: Answers, body: Record<string, unknown>, index: number): Answers {
  const onPage = new Set(flow.pages[index - 1].keys);
  const posted = readAnswers(form, body);
  const kept = Object.entries(saved).filter(([k]) => !onPage.has(k));
  const fromPage = Object.entries(posted).filter(([k]) => onPage.has(k));
  return keepVisible(flow.compiled, Object.fromEntries([...kept, ...fromPage]));
}

/**
 * Where a page's post leads (post/redirect/get): another page, the documents
 * after the last page, or straight back to the summary the person came from.
 * (A page with errors is shown again instead: the caller's business.)
 */
export function afterPageLocation(id: string, mode: CitizenMode, step: ApplyStep, fromReview: boolean): string {
  if (step.kind === 'review') return fromReview || mode === 'supplement' ? summaryPath(id, mode) : dossierPaths(id).files;
  return dossierPaths(id).edit(step.index, { review: fromReview });
}

/** The errors of one page for the saved answers: shown when the person comes from the summary to fix them. */
export function pageErrors(flow: Flow, answers: Answers, index: number): FormError[] {
  const result = flow.compiled.validate(answers, flow.ctx);
  if (result.ok) return [];
  const onPage = new Set(flow.pages[index - 1].keys);
  return result.errors.filter((e) => onPage.has(errorKey(e) ?? ''));
}

export interface ProblemContext {
  id: string;
  mode: CitizenMode;
  pages: FormPageInfo[];
  fields: readonly FieldDefinition[];
  components: readonly ComponentDefinition[];
  /** Other controls of the page by their path (= their id), e.g. `comment`, with their label. */
  others?: Readonly<Record<string, string>>;
}

const ADDRESS_IDS: Record<string, string> = { provinceCode: 'province', communeCode: 'commune', detail: 'detail' };

/**
 * Every reason a submission was refused, each named by its field or document
 * and linked to where it is fixed: the form page (which then shows the error
 * beside the field) or the document's upload control.
 */
export function problemLinks(errors: readonly FieldError[], c: ProblemContext, lang: Lang): { href: string; message: string }[] {
  const paths = dossierPaths(c.id);
  return errors.map((e) => {
    const message = fieldMessage(e, lang);
    const field = /^formData\.([A-Za-z][A-Za-z0-9_]*)(?:\.(\w+))?/.exec(e.path);
    if (field) {
      const def = c.fields.find((f) => f.key === field[1]);
      const page = c.pages.find((p) => p.keys.includes(field[1]));
      if (!def || !page) return { href: paths.edit(1), message };
      const href = `${paths.edit(page.index, { review: true, check: true })}#${fieldAnchor(def, field[2])}`;
      return { href, message: `${localized(def.label, lang)}: ${message}` };
    }
    const component = /^components\.(.+)$/.exec(e.path);
    const def = component && c.components.find((x) => x.code === component[1]);
    if (def) return { href: `${uploadPath(c.id, c.mode)}#file-${def.code}`, message: `${localized(def.name, lang)}: ${message}` };
    if (e.path === 'payment') return { href: `${paths.view}#payment`, message };
    const other = c.others && Object.hasOwn(c.others, e.path) ? c.others[e.path] : undefined;
    return other ? { href: `#${e.path}`, message: `${other}: ${message}` } : { href: '#main-content', message };
  });
}

/** The id of the control an error is about, as the form partials write them. */
function fieldAnchor(field: FieldDefinition, part: string | undefined): string {
  const id = `f-${field.key}`;
  if (field.type === 'address') return `${id}-${(part && ADDRESS_IDS[part]) || 'province'}`;
  if (field.type === 'radio' || (field.type === 'checkbox' && field.options)) return `${id}-1`;
  return id;
}
