import { fieldMessage, Problem } from '../../common/problem.js';
import { t, type Lang } from '../../i18n/i18n.js';
import type { FormState } from '../form.js';

/** The id of the editor's textarea: where every error of the summary leads. */
export const EDITOR_ID = 'json';

/** The text of the editor as JSON, or a 422 at `$` saying where the syntax breaks. */
export function parseJson(text: unknown): unknown {
  const source = typeof text === 'string' ? text : '';
  try {
    return JSON.parse(source);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(detail);
    const where = at ? lineAndColumn(source, Number(at[1])) : null;
    throw Problem.validation([
      {
        path: '$',
        code: 'adminProcedures.badJson',
        params: where ? { line: where.line, column: where.column } : { line: '?', column: '?' },
      },
    ]);
  }
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * The editor after a refused save: the JSON as typed, and each error with
 * its JSON path (`form.fields[2].showIf.field`) in the summary, all leading
 * to the textarea. Anything but a 422/409 Problem is rethrown.
 */
export function editorWithErrors(err: unknown, json: string, lang: Lang): FormState {
  if (!(err instanceof Problem) || ![409, 422].includes(err.status)) throw err;
  const messages = err.errors.length ? err.errors.map((e) => `${e.path}: ${fieldMessage(e, lang)}`) : [t(lang, err.code, err.params)];
  return {
    values: { json },
    errors: { json: t(lang, 'adminProcedures.editor.errorCount', { count: messages.length }) },
    errorList: messages.map((message) => ({ href: `#${EDITOR_ID}`, message })),
  };
}

/** The order people read a procedure in (the database keeps JSON keys in its own order). */
const KEY_ORDER = [
  'code',
  'name',
  'sector',
  'level',
  'agencyCodes',
  'legalBasis',
  'description',
  'processingTime',
  'serviceLevel',
  'fee',
  'form',
];

/** A definition as the editor shows it: the code first, the main facts next, two-space indentation. */
export function prettyJson(code: string | undefined, definition: object): string {
  const body: Record<string, unknown> = code === undefined ? { ...definition } : { code, ...definition };
  const rank = (k: string) => (KEY_ORDER.includes(k) ? KEY_ORDER.indexOf(k) : KEY_ORDER.length);
  const ordered = Object.fromEntries(Object.entries(body).sort(([a], [b]) => rank(a) - rank(b)));
  return JSON.stringify(ordered, null, 2);
}
