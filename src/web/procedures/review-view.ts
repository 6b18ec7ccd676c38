import { t, type Lang } from '../../i18n/i18n.js';
import { localized, type FieldDefinition, type FormDefinition } from '../../procedures/forms/definition.js';
import type { Places } from '../../procedures/forms/render-form.js';
import type { AddressValue } from '../../procedures/forms/validate-submission.js';
import type { FormPageInfo } from './apply-flow.js';
import { formatDate, formatNumber } from './format.js';

/** "Check your answers": each page's shown answers, as people would read them back. */
export function reviewSections(
  form: FormDefinition,
  pages: FormPageInfo[],
  value: Record<string, unknown>,
  shown: string[],
  places: Places,
  lang: Lang,
) {
  const visible = new Set(shown);
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  return pages
    .map((page) => ({
      index: page.index,
      title: localized(page.title, lang),
      rows: page.keys
        .filter((k) => visible.has(k))
        .map((k) => {
          const field = byKey.get(k)!;
          return { key: k, label: localized(field.label, lang), value: displayValue(field, value[k], places, lang) };
        }),
    }))
    .filter((s) => s.rows.length > 0);
}

export function displayValue(field: FieldDefinition, v: unknown, places: Places, lang: Lang): string {
  if (field.type === 'checkbox' && !field.options) return t(lang, v === true ? 'apply.review.yes' : 'apply.review.no');
  if (v === undefined || (Array.isArray(v) && v.length === 0)) return t(lang, 'apply.review.none');
  const option = (x: unknown) => localized(field.options?.find((o) => o.value === x)?.label, lang) || String(x);
  switch (field.type) {
    case 'select':
    case 'radio':
      return option(v);
    case 'checkbox':
      return (v as unknown[]).map(option).join(', ');
    case 'date':
      return formatDate(String(v));
    case 'number':
      return formatNumber(v as number, lang, 6);
    case 'address': {
      const a = v as AddressValue;
      const name = (list: Places['provinces'], code: string) => list.find((p) => p.code === code)?.name ?? code;
      return [a.detail, name(places.communes, a.communeCode), name(places.provinces, a.provinceCode)].join(', ');
    }
    default:
      return String(v);
  }
}
