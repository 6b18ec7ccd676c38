import type { FormDefinition } from '../../procedures/forms/definition.js';
import type { CompiledForm } from '../../procedures/forms/validate-submission.js';

/** The answers of a form as posted: strings, string arrays (checkboxes with options), address objects. */
export type Answers = Record<string, unknown>;

const ADDRESS_PARTS = ['provinceCode', 'communeCode', 'detail'] as const;

/**
 * How the answers of the other pages travel between the pages of the apply
 * flow. There is no server session yet, so they ride along as hidden inputs,
 * named like the controls themselves (`key`, `key.provinceCode` …), and come
 * back in the next post. The dossier draft will replace this module: reading
 * the answers from the draft and saving them to it.
 */
export function readAnswers(form: FormDefinition, body: Record<string, unknown>): Answers {
  const answers: Answers = {};
  for (const f of form.fields) {
    if (f.type === 'address') {
      const parts = ADDRESS_PARTS.map((p) => [p, firstString(body[`${f.key}.${p}`])] as const);
      if (parts.some(([, v]) => v !== undefined)) answers[f.key] = Object.fromEntries(parts.map(([p, v]) => [p, v ?? '']));
    } else if (f.type === 'checkbox' && f.options) {
      const chosen = ([] as unknown[]).concat(body[f.key] ?? []).filter((v): v is string => typeof v === 'string');
      if (chosen.length) answers[f.key] = chosen;
    } else {
      const v = firstString(body[f.key]);
      if (v !== undefined) answers[f.key] = v;
    }
  }
  return answers;
}

/** Only the answers of the fields shown for these answers: a hidden field keeps nothing (as the validator). */
export function keepVisible(compiled: CompiledForm, answers: Answers): Answers {
  const shown = new Set(compiled.visibleKeys(answers));
  return Object.fromEntries(Object.entries(answers).filter(([k]) => shown.has(k)));
}

/** The hidden inputs that carry the answers of every field not on this page. */
export function carriedInputs(answers: Answers, onPage: ReadonlySet<string>): { name: string; value: string }[] {
  return Object.entries(answers)
    .filter(([key]) => !onPage.has(key))
    .flatMap(([key, value]) => {
      if (Array.isArray(value)) return value.map((v) => ({ name: key, value: String(v) }));
      if (typeof value === 'object' && value !== null) {
        return Object.entries(value).map(([part, v]) => ({ name: `${key}.${part}`, value: String(v ?? '') }));
      }
      return [{ name: key, value: String(value) }];
    });
}

/** A form post may repeat a name; a scalar field takes the first value. */
function firstString(v: unknown): string | undefined {
  const first = Array.isArray(v) ? (v as unknown[])[0] : v;
  return typeof first === 'string' ? first : undefined;
}
