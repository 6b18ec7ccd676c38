import type { Lang } from '../i18n/i18n.js';
import { t } from '../i18n/i18n.js';
import { fieldMessage, Problem } from '../common/problem.js';
import type { MessageKey } from '../i18n/messages.js';

export interface FormState {
  values: Record<string, unknown>;
  /** Message per field, shown beside it. */
  errors: Record<string, string>;
  /** The same messages, in field order, for the summary at the top that links to each field. */
  errorList: { href: string; message: string }[];
}

export function emptyForm(values: Record<string, unknown> = {}): FormState {
  return { values, errors: {}, errorList: [] };
}

/**
 * The view of a failed form post: the values typed (never the password) and
 * each error beside its field. The summary names each field by its label
 * (from `labels`), since "This is required" three times says nothing.
 * Anything but a 422/409 Problem is rethrown.
 */
export function formWithErrors(
  err: unknown,
  lang: Lang,
  values: Record<string, unknown>,
  fieldOrder: string[],
  labels: Partial<Record<string, MessageKey>> = {},
): FormState {
  if (!(err instanceof Problem) || ![409, 422].includes(err.status)) throw err;
  const errors: Record<string, string> = {};
  for (const e of err.errors) {
    const field = e.path.split('.')[0] || 'form';
    errors[field] ??= fieldMessage(e, lang);
  }
  if (err.errors.length === 0) errors.form = t(lang, err.code, err.params);
  const rank = (f: string) => (fieldOrder.includes(f) ? fieldOrder.indexOf(f) : fieldOrder.length);
  const errorList = Object.entries(errors)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([field, message]) => {
      const label = labels[field];
      return {
        href: `#${fieldOrder.includes(field) ? field : 'main-content'}`,
        message: label ? `${t(lang, label)}: ${message}` : message,
      };
    });
  const { password: _password, _csrf: _token, ...kept } = values;
  return { values: kept, errors, errorList };
}
