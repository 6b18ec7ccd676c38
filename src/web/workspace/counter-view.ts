/**
 * The counter's intake page: the person, the procedure's form (the same
 * renderer as the citizen's apply pages) and one scan per component, on one
 * multipart form. After a refusal the typed values come back with every
 * error beside its field and in the summary; the scans must be chosen again
 * (a browser never refills a file input).
 */
import { fieldMessage, type FieldError } from '../../common/problem.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { localized } from '../../procedures/forms/definition.js';
import { renderForm, type RenderError } from '../../procedures/forms/render-form.js';
import type { CounterContext } from './counter-context.js';
import { formatFileTypes, formatMegabytes } from '../procedures/format.js';
import { DEFAULT_ACCEPT, DEFAULT_MAX_BYTES } from '../../procedures/forms/definition.js';

export const APPLICANT_FIELDS = ['citizenId', 'fullName', 'email', 'phone'] as const;
export type ApplicantField = (typeof APPLICANT_FIELDS)[number];

/** The applicant's inputs are named `applicant.<field>`: apart from any key a procedure's form may use. */
export function applicantFrom(body: Record<string, unknown>): Record<ApplicantField, string> {
  const value = (f: ApplicantField) => {
    const v = body[`applicant.${f}`];
    return typeof v === 'string' ? v : '';
  };
  return { citizenId: value('citizenId'), fullName: value('fullName'), email: value('email'), phone: value('phone') };
}

export function counterFormView(
  c: CounterContext,
  answers: Record<string, unknown>,
  applicant: Record<ApplicantField, string>,
  errors: readonly FieldError[],
  lang: Lang,
) {
  const formErrors: RenderError[] = errors
    .filter((e) => e.path.startsWith('formData.'))
    .map((e) => ({ path: e.path, message: { vi: fieldMessage(e, 'vi'), en: fieldMessage(e, 'en') } }));
  const form = renderForm({ compiled: c.compiled, values: answers, errors: formErrors, lang, places: c.places, today: c.today });
  const errorAt = (path: string) => {
    const e = errors.find((x) => x.path === path);
    return e ? fieldMessage(e, lang) : null;
  };
  const person = APPLICANT_FIELDS.map((f) => ({
    name: `applicant.${f}`,
    id: `applicant-${f}`,
    label: t(lang, `field.${f}`),
    hint: f === 'email' ? t(lang, 'counter.emailHint') : f === 'citizenId' ? t(lang, 'field.citizenId.hint') : null,
    required: f === 'citizenId' || f === 'fullName',
    type: f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text',
    inputmode: f === 'citizenId' ? 'numeric' : null,
    value: applicant[f],
    error: errorAt(`applicant.${f}`),
  }));
  const components = c.procedure.components.map((comp) => ({
    code: comp.code,
    id: `files-${comp.code}`,
    name: `files[${comp.code}]`,
    label: localized(comp.name, lang),
    required: comp.required && !comp.satisfiedBy,
    byData: !!comp.satisfiedBy,
    accept: (comp.accept ?? DEFAULT_ACCEPT).join(','),
    hint: t(lang, 'counter.fileHint', {
      types: formatFileTypes(comp.accept ?? DEFAULT_ACCEPT),
      size: formatMegabytes(comp.maxBytes ?? DEFAULT_MAX_BYTES, lang),
    }),
    error: errorAt(`components.${comp.code}`),
  }));
  const other = errors
    .filter((e) => !e.path.startsWith('formData.') && !e.path.startsWith('applicant.') && !e.path.startsWith('components.'))
    .map((e) => ({ href: '#main-content', message: fieldMessage(e, lang) }));
  const errorList = [
    ...other,
    ...person.filter((p) => p.error).map((p) => ({ href: `#${p.id}`, message: `${p.label}: ${p.error}` })),
    ...form.errorList,
    ...components.filter((p) => p.error).map((p) => ({ href: `#${p.id}`, message: `${p.label}: ${p.error}` })),
  ];
  const name = localized(c.procedure.name, lang);
  return {
    title: `${errorList.length ? `${t(lang, 'apply.errorTitle')}: ` : ''}${t(lang, 'counter.title')} — ${name}`,
    procedure: { code: c.procedure.code, name },
    person,
    fields: form.fields,
    hasConditions: form.hasConditions,
    components,
    form: { errorList },
    action: `/workspace/counter/${encodeURIComponent(c.procedure.code)}`,
  };
}
