import { t, type Lang } from '../../i18n/i18n.js';
import { checkDefinition } from '../../procedures/forms/check-definition.js';
import { localized, type FormDefinition, type LocalizedText } from '../../procedures/forms/definition.js';
import { renderForm, type Places, type RenderedForm } from '../../procedures/forms/render-form.js';
import { compileForm } from '../../procedures/forms/validate-submission.js';
import { formPages } from './apply-flow.js';

export type FormPreview = { ok: true; pages: { title: string; form: RenderedForm }[] } | { ok: false; messages: string[] };

/**
 * The form of a procedure body as citizens would see it, every page one after
 * the other, for the admin's editor. Only the form has to be right: the rest
 * of the body (agencies, workflow …) is the save's business.
 */
export function previewForm(body: unknown, places: Places, lang: Lang): FormPreview {
  const checked = checkDefinition(body, { knownProcedureCodes: new Set() });
  const formErrors = checked.ok ? [] : checked.errors.filter((e) => e.path === '$' || e.path === 'form' || e.path.startsWith('form.'));
  if (formErrors.length) return { ok: false, messages: formErrors.map((e) => `${e.path}: ${localized(e.message, lang)}`) };
  const raw = body as { form?: FormDefinition; name?: LocalizedText };
  // A body with errors elsewhere only: its form passed, so it renders as written.
  const form = checked.ok ? checked.definition.form : raw.form;
  try {
    const compiled = compileForm(form!);
    const pages = formPages(form!, (checked.ok ? checked.definition.name : raw.name) ?? { vi: '' });
    return {
      ok: true,
      pages: pages.map((p) => ({
        title: localized(p.title, lang) || t(lang, 'adminProcedures.preview.title'),
        form: renderForm({ compiled, keys: p.keys, values: {}, lang, places, idPrefix: 'preview-' }),
      })),
    };
  } catch {
    return { ok: false, messages: [t(lang, 'adminProcedures.preview.unavailable')] };
  }
}
