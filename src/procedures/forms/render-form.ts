/**
 * The view model of a procedure's form (or one page of it), for the partials
 * in views/partials/form-*.hbs: every control with its label, hint, error,
 * the attributes that make it accessible (ids, aria-describedby, aria-invalid)
 * and the values typed so far. Static words ("required", "choose…") are the
 * templates' business; everything that depends on the definition is here.
 *
 * Conditional fields are always rendered, marked with `data-show-if` (their
 * condition, its values normalised as the validator compares them) and
 * `hidden` when the condition is false for the current values, so a script
 * can show them live and a server round-trip can too.
 *
 * Pure: no framework.
 */
import { localized, type Condition, type FieldDefinition, type LocalizedText } from './definition.js';
import { conditionValue, type CompiledForm } from './validate-submission.js';

export type Lang = 'vi' | 'en';

export interface Place {
  code: string;
  name: string;
  parentCode?: string | null;
}

/** Where an address can be: provinces, and communes under them (agency codes, as the validator checks). */
export interface Places {
  provinces: readonly Place[];
  communes: readonly Place[];
}

export interface RenderError {
  path: string;
  message: { vi: string; en?: string };
}

export interface RenderFormOptions {
  compiled: CompiledForm;
  /** The fields to render (one page), in form order; default: all of them. */
  keys?: readonly string[];
  /** The answers as posted: strings, string arrays, `{ provinceCode, communeCode, detail }`. */
  values: Readonly<Record<string, unknown>>;
  errors?: readonly RenderError[];
  lang: Lang;
  places?: Places;
  /** Prefix of every id, so two renderings can share a page (the admin preview). */
  idPrefix?: string;
  /** Today's local date, for date inputs bounded by `today`. */
  today?: string;
}

export interface OptionView {
  id: string;
  value: string;
  label: string;
  checked: boolean;
}

export interface OptionGroupView {
  label: string;
  /** The province code: lets a script narrow the communes to the chosen province. */
  parentCode: string;
  options: OptionView[];
}

export interface AddressPartView {
  id: string;
  name: string;
  value: string;
  error: string | null;
  errorId: string;
  describedBy: string | null;
}

export interface FieldView {
  key: string;
  id: string;
  kind: 'input' | 'textarea' | 'select' | 'choices' | 'checkbox' | 'address';
  label: string;
  hint: string | null;
  hintId: string;
  required: boolean;
  error: string | null;
  errorId: string;
  /** ids of the hint and the error, for `aria-describedby` (on the control, or the fieldset of a group). */
  describedBy: string | null;
  /** The JSON of the condition, or null for a field always shown. */
  showIf: string | null;
  hidden: boolean;
  name: string;
  value: string;
  inputType?: string;
  inputmode?: string;
  autocomplete?: string;
  spellcheck?: boolean;
  min?: string;
  max?: string;
  step?: string;
  /** choices: radio or checkbox inputs. */
  choiceType?: 'radio' | 'checkbox';
  options?: OptionView[];
  checked?: boolean;
  address?: {
    province: AddressPartView & { options: OptionView[] };
    commune: AddressPartView & { groups: OptionGroupView[] };
    detail: AddressPartView;
  };
}

export interface RenderedForm {
  fields: FieldView[];
  /** For the error summary: each error of these fields, in form order, linked to its control. */
  errorList: { href: string; message: string }[];
  /** Some field here is conditional: the page offers an "update" round-trip to people without scripts. */
  hasConditions: boolean;
}

/** The inputs that suit each type of value (GOV.UK and USWDS advice: the right keyboard, autofill where it helps). */
const INPUTS: Partial<Record<FieldDefinition['type'], Pick<FieldView, 'inputType' | 'inputmode' | 'autocomplete' | 'spellcheck'>>> = {
  text: { inputType: 'text' },
  number: { inputType: 'number' },
  date: { inputType: 'date' },
  email: { inputType: 'email', autocomplete: 'email', spellcheck: false },
  phone: { inputType: 'tel', autocomplete: 'tel' },
  citizenId: { inputType: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: false },
  taxCode: { inputType: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: false },
};

const ADDRESS_PARTS = [
  ['province', 'provinceCode'],
  ['commune', 'communeCode'],
  ['detail', 'detail'],
] as const;

export function renderForm(o: RenderFormOptions): RenderedForm {
  const prefix = o.idPrefix ?? 'f-';
  const all = o.compiled.definition.fields;
  const wanted = o.keys ? new Set(o.keys) : undefined;
  const defs = wanted ? all.filter((f) => wanted.has(f.key)) : all;
  const byKey = new Map(all.map((f) => [f.key, f]));
  const visible = new Set(o.compiled.visibleKeys(o.values));
  const errorsByKey = groupErrors(o.errors ?? []);

  const fields = defs.map((def) => {
    const id = `${prefix}${def.key}`;
    const errors = errorsByKey.get(def.key) ?? [];
    const error = errors.find((e) => e.part === undefined);
    const errorText = error ? text(error.message, o.lang) : null;
    const hint = def.hint ? localized(def.hint, o.lang) : null;
    const view: FieldView = {
      key: def.key,
      id,
      kind: kindOf(def),
      label: localized(def.label, o.lang),
      hint,
      hintId: `${id}-hint`,
      required: def.required === true,
      error: errorText,
      errorId: `${id}-error`,
      describedBy: ids(hint && `${id}-hint`, errorText && `${id}-error`),
      showIf: def.showIf ? JSON.stringify(normaliseCondition(def.showIf, byKey)) : null,
      hidden: !visible.has(def.key),
      name: def.key,
      value: scalar(o.values[def.key]),
      ...INPUTS[def.type],
    };
    if (def.type === 'number') Object.assign(view, { step: 'any', min: numberBound(def.min), max: numberBound(def.max) });
    if (def.type === 'date') Object.assign(view, { min: dateBound(def.min, o.today), max: dateBound(def.max, o.today) });
    if (def.type === 'select' || def.type === 'radio' || (def.type === 'checkbox' && def.options)) {
      const chosen = new Set(list(o.values[def.key]));
      view.choiceType = def.type === 'checkbox' ? 'checkbox' : 'radio';
      view.options = (def.options ?? []).map((opt, i) => ({
        id: `${id}-${i + 1}`,
        value: opt.value,
        label: localized(opt.label, o.lang),
        checked: chosen.has(opt.value),
      }));
    }
    if (def.type === 'checkbox' && !def.options) view.checked = isTicked(o.values[def.key]);
    if (def.type === 'address') view.address = addressView(id, def.key, o.values[def.key], errors, o);
    return view;
  });

  return { fields, errorList: summary(fields, errorsByKey, o.lang), hasConditions: defs.some((f) => f.showIf !== undefined) };
}

function kindOf(def: FieldDefinition): FieldView['kind'] {
  switch (def.type) {
    case 'textarea':
    case 'select':
    case 'address':
      return def.type;
    case 'radio':
      return 'choices';
    case 'checkbox':
      return def.options ? 'choices' : 'checkbox';
    default:
      return 'input';
  }
}

interface KeyedError {
  part?: string;
  message: RenderError['message'];
}

/** `formData.key` and `formData.key.part` (the parts of an address), by field key; the first error of each place only. */
function groupErrors(errors: readonly RenderError[]): Map<string, KeyedError[]> {
  const out = new Map<string, KeyedError[]>();
  for (const e of errors) {
    const m = /^formData\.([A-Za-z][A-Za-z0-9_]*)(?:\.(\w+))?/.exec(e.path);
    if (!m) continue;
    const list = out.get(m[1]) ?? [];
    if (!list.some((x) => x.part === m[2])) list.push({ part: m[2], message: e.message });
    out.set(m[1], list);
  }
  return out;
}

function summary(fields: FieldView[], errorsByKey: Map<string, KeyedError[]>, lang: Lang): RenderedForm['errorList'] {
  return fields.flatMap((f) =>
    (errorsByKey.get(f.key) ?? []).map((e) => {
      const part = e.part && f.address ? Object.values(f.address).find((p) => p.name.endsWith(`.${e.part}`)) : undefined;
      const target = part?.id ?? (f.kind === 'choices' ? f.options?.[0]?.id : f.address ? f.address.province.id : f.id) ?? f.id;
      return { href: `#${target}`, message: `${f.label}: ${text(e.message, lang)}` };
    }),
  );
}

function addressView(id: string, key: string, raw: unknown, errors: KeyedError[], o: RenderFormOptions): FieldView['address'] {
  const value = isRecord(raw) ? raw : {};
  const part = (name: string, field: string): AddressPartView => {
    const error = errors.find((e) => e.part === field);
    const partId = `${id}-${name}`;
    const message = error ? text(error.message, o.lang) : null;
    return {
      id: partId,
      name: `${key}.${field}`,
      value: scalar(value[field]),
      error: message,
      errorId: `${partId}-error`,
      describedBy: message ? `${partId}-error` : null,
    };
  };
  const [[p, pf], [c, cf], [d, df]] = ADDRESS_PARTS;
  const province = part(p, pf);
  const commune = part(c, cf);
  const places = o.places ?? { provinces: [], communes: [] };
  return {
    province: {
      ...province,
      options: places.provinces.map((pl, i) => ({
        id: `${province.id}-${i + 1}`,
        value: pl.code,
        label: pl.name,
        checked: pl.code === province.value,
      })),
    },
    commune: {
      ...commune,
      groups: places.provinces.map((pl) => ({
        label: pl.name,
        parentCode: pl.code,
        options: places.communes
          .filter((cm) => cm.parentCode === pl.code)
          .map((cm, i) => ({
            id: `${commune.id}-${pl.code}-${i + 1}`,
            value: cm.code,
            label: cm.name,
            checked: cm.code === commune.value,
          })),
      })),
    },
    detail: part(d, df),
  };
}

/**
 * The condition with each compared value in the form the validator compares
 * (`25/12/2025` → `2025-12-25`), so the browser's check needs no per-type rules
 * beyond reading the control.
 */
function normaliseCondition(cond: Condition, byKey: Map<string, FieldDefinition>): Condition {
  if ('all' in cond) return { all: cond.all.map((c) => normaliseCondition(c, byKey)) };
  if ('any' in cond) return { any: cond.any.map((c) => normaliseCondition(c, byKey)) };
  const ref = byKey.get(cond.field);
  const norm = (v: string | number | boolean) => (ref ? (conditionValue(ref, v) ?? v) : v);
  if ('equals' in cond) return { field: cond.field, equals: norm(cond.equals) };
  if ('in' in cond) return { field: cond.field, in: cond.in.map(norm) };
  return cond;
}

function numberBound(bound: number | string | undefined): string | undefined {
  return typeof bound === 'number' ? String(bound) : undefined;
}

function dateBound(bound: number | string | undefined, today: string | undefined): string | undefined {
  if (bound === 'today') return today;
  return typeof bound === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(bound) ? bound : undefined;
}

function ids(...parts: (string | null | false | undefined)[]): string | null {
  const kept = parts.filter(Boolean);
  return kept.length ? kept.join(' ') : null;
}

function text(message: LocalizedText | RenderError['message'], lang: Lang): string {
  return localized(message, lang);
}

function scalar(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}

function isTicked(v: unknown): boolean {
  return v === true || v === 'true' || v === 'on';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
