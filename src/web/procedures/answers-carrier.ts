import type { FormDefinition } from '../../procedures/forms/definition.js';
import type { CompiledForm } from '../../procedures/forms/validate-submission.js';

/** The answers of a form as posted: strings, string arrays (checkboxes with options), address objects. */
export type Answers = Record<string, unknown>;

const ADDRESS_PARTS = ['provinceCode', 'communeCode', 'detail'] as const;

/**
 * The answers of a form page as posted: controls named like the fields
 * (`key`, `key.provinceCode` …). The apply flow saves them to the dossier
 * draft page by page (see web/dossiers/filing-flow.ts).
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

/** A form post may repeat a name; a scalar field takes the first value. */
function firstString(v: unknown): string | undefined {
  const first = Array.isArray(v) ? (v as unknown[])[0] : v;
  return typeof first === 'string' ? first : undefined;
}
