import { localized, type FormDefinition, type LocalizedText } from '../../procedures/forms/definition.js';
import type { FormError } from '../../procedures/forms/messages.js';
import type { CompiledForm, SubmissionContext } from '../../procedures/forms/validate-submission.js';
import type { Answers } from './answers-carrier.js';

export interface FormPageInfo {
  /** 1-based, as in `?page=N`. */
  index: number;
  key: string;
  title: LocalizedText;
  keys: string[];
}

/** The pages of a form, each with its fields; a form without pages is one page named after the procedure. */
export function formPages(form: FormDefinition, procedureName: LocalizedText): FormPageInfo[] {
  const pages = form.pages?.length ? form.pages : [{ key: 'main', title: procedureName }];
  const known = new Set(pages.map((p) => p.key));
  const pageOf = (page: string | undefined) => (page !== undefined && known.has(page) ? page : pages[0].key);
  return pages.map((p, i) => ({
    index: i + 1,
    key: p.key,
    title: p.title,
    keys: form.fields.filter((f) => pageOf(f.page) === p.key).map((f) => f.key),
  }));
}

export function pageTitle(page: FormPageInfo, lang: 'vi' | 'en'): string {
  return localized(page.title, lang);
}

/** `?page=N` as a page that exists (a bad one means the first). */
export function pageIndex(raw: unknown, pages: FormPageInfo[]): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= pages.length ? n : 1;
}

/** The field key an error is about (`formData.key`, `formData.key.part`). */
export function errorKey(e: Pick<FormError, 'path'>): string | undefined {
  return /^formData\.([A-Za-z][A-Za-z0-9_]*)/.exec(e.path)?.[1];
}

export type Action = 'next' | 'back' | 'update' | 'change';

export function parseAction(raw: unknown): Action {
  return raw === 'back' || raw === 'update' || raw === 'change' ? raw : 'next';
}

export type ApplyStep =
  { kind: 'page'; index: number; errors: FormError[]; status: 200 | 422 } | { kind: 'review'; value: Record<string, unknown> };

export interface Flow {
  compiled: CompiledForm;
  pages: FormPageInfo[];
  ctx: SubmissionContext;
}

/**
 * Where a post of page `current` leads. Only the fields of that page are
 * judged (the validator runs on every answer so far, and the errors of the
 * other pages are set aside); pages whose every field is hidden are skipped.
 * After the last page, or when the person came from the review to change an
 * answer, everything is checked again before the review is shown.
 */
export function afterPost(flow: Flow, answers: Answers, current: number, action: Action, fromReview: boolean): ApplyStep {
  if (action === 'update' || action === 'change') return { kind: 'page', index: current, errors: [], status: 200 };
  if (action === 'back') return { kind: 'page', index: shownPage(flow, answers, current, -1) ?? current, errors: [], status: 200 };
  const result = flow.compiled.validate(answers, flow.ctx);
  const keys = new Set(flow.pages[current - 1].keys);
  const errors = result.ok ? [] : result.errors.filter((e) => keys.has(errorKey(e) ?? ''));
  if (errors.length) return { kind: 'page', index: current, errors, status: 422 };
  const next = fromReview ? undefined : shownPage(flow, answers, current, +1);
  return next ? { kind: 'page', index: next, errors: [], status: 200 } : review(flow, answers);
}

/** The review page, or the first page with an error when something is missing or wrong. */
export function review(flow: Flow, answers: Answers): ApplyStep {
  const result = flow.compiled.validate(answers, flow.ctx);
  if (result.ok) return { kind: 'review', value: result.value };
  const keyed = result.errors.map((e) => ({ e, page: flow.pages.find((p) => p.keys.includes(errorKey(e) ?? '')) }));
  const first = keyed.find((k) => k.page)?.page ?? flow.pages[0];
  return { kind: 'page', index: first.index, errors: keyed.filter((k) => k.page === first).map((k) => k.e), status: 422 };
}

/** The next (or previous) page with a field shown for these answers. */
function shownPage(flow: Flow, answers: Answers, from: number, step: 1 | -1): number | undefined {
  const shown = new Set(flow.compiled.visibleKeys(answers));
  for (let i = from + step; i >= 1 && i <= flow.pages.length; i += step) {
    if (flow.pages[i - 1].keys.some((k) => shown.has(k))) return i;
  }
  return undefined;
}
