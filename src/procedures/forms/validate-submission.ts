/**
 * Validation of a citizen's form data against a procedure version's form.
 * `compileForm` does the costly work once per version (regular expressions,
 * option sets, the order in which conditions are evaluated); `validate` is then
 * a tight loop with no regex compilation and no schema library on its path.
 *
 * Semantics, in short (details beside each rule):
 * - a field is shown iff its `showIf` holds, evaluated in dependency order with
 *   hidden fields counting as having no value, so conditions chain;
 * - hidden fields are neither required nor kept; values of fields the form does
 *   not have are errors (`form.unknownField`);
 * - strings are trimmed and put in Unicode NFC; an empty string is no value;
 * - conditions compare the normalised value (a date as `YYYY-MM-DD`, a phone as
 *   `0…`), before bounds, lengths and patterns; a malformed value counts as given
 *   for `notEmpty` and equals nothing, so a half-typed value does not hide the
 *   fields that follow it;
 * - every error is reported at once, at `formData.<key>` (`formData.<key>.communeCode`
 *   for the parts of an address), in the order of the form.
 *
 * Decisions for each type are listed in ./README.md.
 *
 * Pure: no framework. Expects a form that passed `checkDefinition`; `compileForm`
 * throws on a form that breaks the invariants it relies on.
 */
import {
  FIELD_TYPES,
  type Condition,
  type FieldDefinition,
  type FieldType,
  type FormDefinition,
  type LocalizedText,
} from './definition.js';
import { formError, type FormError, type LocalizedMessage } from './messages.js';

/** Field keys: a letter, then letters, digits, underscores; at most 64 characters. */
export const FIELD_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Upper length bounds applied when a field sets no `maxLength` (defence against oversized posts). */
export const DEFAULT_MAX_LENGTH: Readonly<Record<'text' | 'textarea', number>> = { text: 1000, textarea: 10000 };
export const EMAIL_MAX_LENGTH = 254;
export const ADDRESS_DETAIL_MAX_LENGTH = 200;
export const ADDRESS_PARTS = ['provinceCode', 'communeCode', 'detail'] as const;

export interface AddressValue {
  provinceCode: string;
  communeCode: string;
  detail: string;
}

export interface AgencyRef {
  code: string;
  level: 'PROVINCE' | 'COMMUNE' | 'DEPARTMENT';
  parentCode: string | null;
}

export interface SubmissionContext {
  /**
   * The agency tree. Indexed once per array and cached (weakly) by identity:
   * pass the same, unchanged array for every call (e.g. the cached tree).
   */
  agencies: readonly AgencyRef[];
  /** Today's local date (Asia/Ho_Chi_Minh), `YYYY-MM-DD`: the meaning of `today` in date bounds. */
  today: string;
}

export type SubmissionResult =
  { ok: true; value: Record<string, unknown> } | { ok: false; errors: FormError[]; value: Record<string, unknown> };

export interface CompiledForm {
  readonly definition: FormDefinition;
  /** Field keys in the order they are evaluated: every field after the fields its condition reads. */
  readonly order: readonly string[];
  /**
   * Every problem at once, and `value`: the normalised values of the shown
   * fields that passed every check, in the order of the form. A shown checkbox
   * always has a value (`false`, or `[]` with options); other empty fields are left out.
   */
  validate(data: unknown, ctx: SubmissionContext): SubmissionResult;
  /** The keys of the fields shown for these values, in the order of the form. Needs no context. */
  visibleKeys(data: unknown): string[];
}

// ── Normalisation, shared with checkDefinition ─────────────────────────────

/** What a normaliser answers for a value of the wrong shape (as opposed to no value: `undefined`). */
export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;

/** Trimmed, NFC; `''`, `null` and `undefined` are no value; anything but a string is invalid. */
export function normalizeString(raw: unknown): string | undefined | Invalid {
  if (typeof raw === 'string') {
    const s = raw.trim();
    return s === '' ? undefined : s.normalize('NFC');
  }
  return raw === undefined || raw === null ? undefined : INVALID;
}

const NUMBER_TEXT = /^[+-]?\d+(?:\.\d+)?$/;

/** A finite number, or a decimal string with a dot (`12`, `-3.5`): what an HTML number input posts. */
export function normalizeNumber(raw: unknown): number | undefined | Invalid {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : INVALID;
  if (typeof raw === 'string') {
    const s = raw.trim();
    if (s === '') return undefined;
    if (!NUMBER_TEXT.test(s)) return INVALID;
    const n = Number(s);
    return Number.isFinite(n) ? n : INVALID;
  }
  return raw === undefined || raw === null ? undefined : INVALID;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const VN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `YYYY-MM-DD` or Vietnamese `DD/MM/YYYY` (also `D/M/YYYY`) → `YYYY-MM-DD`, if it is a real calendar date. */
export function canonicalDate(s: string): string | undefined {
  let year: number, month: number, day: number;
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(s.charCodeAt(i))) return undefined;
    year = +s.slice(0, 4);
    month = +s.slice(5, 7);
    day = +s.slice(8, 10);
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? s : undefined;
  }
  const m = VN_DATE.exec(s);
  if (m === null) return undefined;
  day = +m[1];
  month = +m[2];
  year = +m[3];
  if (!(year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return undefined;
  return `${m[3]}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** `2026-01-05` → `05/01/2026`, as dates are written in Vietnam (and in this portal's messages). */
export function displayDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const PHONE_SEPARATORS = /[\s.\-()]/g;
/** Mobile 03x/05x/07x/08x/09x (10 digits) or landline 02x (11 digits, area code included). */
const VN_PHONE = /^0(?:[35789]\d{8}|2\d{9})$/;

/** A Vietnamese phone number in its `0…` form; spaces, dots, dashes and brackets dropped, `+84` read as `0`. */
export function canonicalPhone(s: string): string | undefined {
  let p = s.replace(PHONE_SEPARATORS, '');
  if (p.startsWith('+84')) p = `0${p.slice(3)}`;
  return VN_PHONE.test(p) ? p : undefined;
}

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** An email address with a dotted domain, the domain in lower case. */
export function canonicalEmail(s: string): string | undefined {
  if (s.length > EMAIL_MAX_LENGTH || !EMAIL.test(s)) return undefined;
  const at = s.lastIndexOf('@');
  const domain = s.slice(at + 1);
  const lower = domain.toLowerCase();
  return lower === domain ? s : s.slice(0, at + 1) + lower;
}

const CITIZEN_ID = /^\d{12}$/;
const TAX_CODE = /^(\d{10})(?:-?(\d{3}))?$/;

/**
 * A tax code: 10 digits, or 13 (a unit's code: 10 digits, `-`, 3 digits; the dash may
 * be left out). Stored as written on official documents: `0123456789` or `0123456789-001`.
 */
export function canonicalTaxCode(s: string): string | undefined {
  const m = TAX_CODE.exec(s);
  if (m === null) return undefined;
  return m[2] === undefined ? m[1] : `${m[1]}-${m[2]}`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

// ── Per-field compilation ───────────────────────────────────────────────────

type Value = unknown;
type Norm = (raw: unknown) => Value | undefined | Invalid;
type Check = (value: never, ctx: SubmissionContext) => FormError[] | undefined;

/** What "no value" looks like: `undefined`; a single checkbox: unticked, `false`; a checkbox with options: nothing chosen, `[]`. */
const Missing = { Undefined: 0, False: 1, EmptyArray: 2 } as const;
type Missing = (typeof Missing)[keyof typeof Missing];

interface CompiledField {
  readonly def: FieldDefinition;
  readonly key: string;
  readonly index: number;
  readonly path: string;
  readonly required: boolean;
  readonly missing: Missing;
  readonly requiredCode: 'form.required' | 'form.requiredChoice' | 'form.requiredAny' | 'form.mustTick';
  readonly norm: Norm;
  readonly check: Check | undefined;
  readonly explain: (raw: unknown) => FormError[];
  cond: ((vals: unknown[]) => boolean) | undefined;
}

function text(t: LocalizedText): LocalizedMessage {
  return { vi: t.vi, en: t.en || t.vi };
}

function stringNorm(canonical: (s: string) => string | undefined): Norm {
  return (raw) => {
    const s = normalizeString(raw);
    if (s === undefined || s === INVALID) return s;
    return canonical(s) ?? INVALID;
  };
}

function multiNorm(optionIndex: ReadonlyMap<string, number>, values: readonly string[]): Norm {
  return (raw) => {
    if (raw === undefined || raw === null) return [];
    if (typeof raw === 'string') {
      const s = normalizeString(raw);
      if (s === undefined) return [];
      return s !== INVALID && optionIndex.has(s) ? [s] : INVALID;
    }
    if (!Array.isArray(raw)) return INVALID;
    let chosen: number[] | undefined;
    for (const item of raw) {
      const s = normalizeString(item);
      if (s === undefined) continue;
      if (s === INVALID) return INVALID;
      const at = optionIndex.get(s);
      if (at === undefined) return INVALID;
      (chosen ??= []).push(at);
    }
    if (chosen === undefined) return [];
    if (chosen.length === 1) return [values[chosen[0]]];
    chosen.sort((a, b) => a - b);
    const out: string[] = [];
    for (let i = 0; i < chosen.length; i++) if (i === 0 || chosen[i] !== chosen[i - 1]) out.push(values[chosen[i]]);
    return out;
  };
}

function checkboxNorm(raw: unknown): boolean | Invalid {
  if (raw === true || raw === false) return raw;
  if (raw === undefined || raw === null) return false;
  if (typeof raw === 'string') {
    const s = raw.trim();
    if (s === 'on' || s === 'true') return true;
    if (s === '' || s === 'false') return false;
  }
  return INVALID;
}

function addressNorm(raw: unknown): AddressValue | undefined | Invalid {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (!isPlainObject(raw)) return INVALID;
  for (const k in raw) if (Object.hasOwn(raw, k) && k !== 'provinceCode' && k !== 'communeCode' && k !== 'detail') return INVALID;
  const provinceCode = normalizeString(raw.provinceCode);
  const communeCode = normalizeString(raw.communeCode);
  const detail = normalizeString(raw.detail);
  if (provinceCode === INVALID || communeCode === INVALID || detail === INVALID) return INVALID;
  if (provinceCode === undefined && communeCode === undefined && detail === undefined) return undefined;
  if (provinceCode === undefined || communeCode === undefined || detail === undefined) return INVALID;
  return { provinceCode, communeCode, detail };
}

function explainAddress(path: string, raw: unknown): FormError[] {
  if (!isPlainObject(raw)) return [formError(path, 'form.address')];
  const errors: FormError[] = [];
  for (const part of ADDRESS_PARTS) {
    const s = normalizeString(raw[part]);
    if (s === INVALID) errors.push(formError(`${path}.${part}`, 'form.notText'));
    else if (s === undefined) errors.push(formError(`${path}.${part}`, part === 'detail' ? 'form.required' : 'form.requiredChoice'));
  }
  for (const k in raw) {
    if (Object.hasOwn(raw, k) && !(ADDRESS_PARTS as readonly string[]).includes(k))
      errors.push(formError(`${path}.${k}`, 'form.unknownField'));
  }
  return errors;
}

const agencyIndexes = new WeakMap<readonly AgencyRef[], ReadonlyMap<string, AgencyRef>>();

function agencyIndex(agencies: readonly AgencyRef[]): ReadonlyMap<string, AgencyRef> {
  let index = agencyIndexes.get(agencies);
  if (index === undefined) {
    index = new Map(agencies.map((a) => [a.code, a]));
    agencyIndexes.set(agencies, index);
  }
  return index;
}

function lengthCheck(path: string, min: number | undefined, max: number | undefined): Check | undefined {
  if (min === undefined && max === undefined) return undefined;
  return (value: string) => {
    if (min !== undefined && value.length < min) return [formError(path, 'form.minLength', { min })];
    if (max !== undefined && value.length > max) return [formError(path, 'form.maxLength', { max })];
    return undefined;
  };
}

function compilePattern(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, 'u');
}

/** The normaliser of a field: its value as stored, `undefined` for no value, `INVALID` for a value of the wrong shape. */
export function fieldNormalizer(def: FieldDefinition): Norm {
  switch (def.type) {
    case 'text':
      return normalizeString;
    case 'textarea':
      return (raw) => {
        const s = normalizeString(raw);
        // Browsers post line breaks as CRLF but count them as one character against maxlength.
        return typeof s === 'string' && s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
      };
    case 'number':
      return normalizeNumber;
    case 'date':
      return stringNorm(canonicalDate);
    case 'select':
    case 'radio': {
      const values = new Set((def.options ?? []).map((o) => o.value));
      return (raw) => {
        const s = normalizeString(raw);
        if (s === undefined || s === INVALID) return s;
        return values.has(s) ? s : INVALID;
      };
    }
    case 'checkbox': {
      if (def.options === undefined) return checkboxNorm;
      const values = def.options.map((o) => o.value);
      return multiNorm(new Map(values.map((v, i) => [v, i])), values);
    }
    case 'email':
      return stringNorm(canonicalEmail);
    case 'phone':
      return stringNorm(canonicalPhone);
    case 'citizenId':
      return stringNorm((s) => (CITIZEN_ID.test(s) ? s : undefined));
    case 'taxCode':
      return stringNorm(canonicalTaxCode);
    case 'address':
      return addressNorm;
    default:
      throw new Error(`compileForm: unknown field type ${String((def as { type: unknown }).type)}`);
  }
}

function dateBound(bound: number | string | undefined): string | 'today' | undefined {
  if (bound === undefined) return undefined;
  if (bound === 'today') return 'today';
  if (typeof bound === 'string' && canonicalDate(bound) === bound) return bound;
  throw new Error(`compileForm: bad date bound ${String(bound)}`);
}

function compileCheck(def: FieldDefinition, path: string): Check | undefined {
  switch (def.type) {
    case 'text':
    case 'textarea': {
      const length = lengthCheck(path, def.minLength, def.maxLength ?? DEFAULT_MAX_LENGTH[def.type]);
      if (def.pattern === undefined) return length;
      const re = compilePattern(def.pattern);
      const message = def.patternMessage && text(def.patternMessage);
      return (value: string, ctx) =>
        length?.(value as never, ctx) ?? (re.test(value) ? undefined : [formError(path, 'form.pattern', undefined, message)]);
    }
    case 'email':
    case 'phone':
      return lengthCheck(path, def.minLength, def.maxLength);
    case 'number': {
      const min = typeof def.min === 'number' ? def.min : undefined;
      const max = typeof def.max === 'number' ? def.max : undefined;
      if (min === undefined && max === undefined) return undefined;
      return (value: number) => {
        if (min !== undefined && value < min) return [formError(path, 'form.min', { min })];
        if (max !== undefined && value > max) return [formError(path, 'form.max', { max })];
        return undefined;
      };
    }
    case 'date': {
      const min = dateBound(def.min);
      const max = dateBound(def.max);
      if (min === undefined && max === undefined) return undefined;
      return (value: string, ctx) => {
        const lo = min === 'today' ? ctx.today : min;
        const hi = max === 'today' ? ctx.today : max;
        if (lo !== undefined && value < lo)
          return [formError(path, min === 'today' ? 'form.dateNotPast' : 'form.dateMin', { min: displayDate(lo) })];
        if (hi !== undefined && value > hi)
          return [formError(path, max === 'today' ? 'form.dateNotFuture' : 'form.dateMax', { max: displayDate(hi) })];
        return undefined;
      };
    }
    case 'address':
      return (value: AddressValue, ctx) => {
        let errors: FormError[] | undefined;
        const agencies = agencyIndex(ctx.agencies);
        const province = agencies.get(value.provinceCode);
        if (province === undefined || province.level !== 'PROVINCE') {
          (errors ??= []).push(formError(`${path}.provinceCode`, 'form.province'));
        } else {
          const commune = agencies.get(value.communeCode);
          if (commune === undefined || commune.level !== 'COMMUNE' || commune.parentCode !== value.provinceCode) {
            (errors ??= []).push(formError(`${path}.communeCode`, 'form.commune'));
          }
        }
        if (value.detail.length > ADDRESS_DETAIL_MAX_LENGTH) {
          (errors ??= []).push(formError(`${path}.detail`, 'form.maxLength', { max: ADDRESS_DETAIL_MAX_LENGTH }));
        }
        return errors;
      };
    default:
      return undefined;
  }
}

const SHAPE_ERROR: Record<
  FieldType,
  | 'form.notText'
  | 'form.number'
  | 'form.date'
  | 'form.option'
  | 'form.checkbox'
  | 'form.email'
  | 'form.phone'
  | 'form.citizenId'
  | 'form.taxCode'
  | 'form.address'
> = {
  text: 'form.notText',
  textarea: 'form.notText',
  number: 'form.number',
  date: 'form.date',
  select: 'form.option',
  radio: 'form.option',
  checkbox: 'form.checkbox',
  email: 'form.email',
  phone: 'form.phone',
  citizenId: 'form.citizenId',
  taxCode: 'form.taxCode',
  address: 'form.address',
};

function compileExplain(def: FieldDefinition, path: string): (raw: unknown) => FormError[] {
  if (def.type === 'address') return (raw) => explainAddress(path, raw);
  const code = def.type === 'checkbox' && def.options !== undefined ? 'form.option' : SHAPE_ERROR[def.type];
  return () => [formError(path, code)];
}

function requiredCode(def: FieldDefinition): CompiledField['requiredCode'] {
  if (def.type === 'checkbox') return def.options === undefined ? 'form.mustTick' : 'form.requiredAny';
  return def.type === 'select' || def.type === 'radio' ? 'form.requiredChoice' : 'form.required';
}

// ── Conditions ─────────────────────────────────────────────────────────────

/**
 * The value a condition compares with a field's value, normalised as that
 * field's values are (`25/12/2025` → `2025-12-25`, `+84 912…` → `0912…`), or
 * `undefined` when no value of that field could ever equal it. A single checkbox
 * compares with a boolean; a checkbox with options with one of its option values
 * (the condition holds when that option is among those ticked); an address with nothing.
 */
export function conditionValue(field: FieldDefinition, value: unknown): string | number | boolean | undefined {
  if (field.type === 'address') return undefined;
  if (field.type === 'checkbox') {
    if (field.options === undefined) return typeof value === 'boolean' ? value : undefined;
    return typeof value === 'string' && field.options.some((o) => o.value === value) ? value : undefined;
  }
  if (field.type === 'number' ? typeof value !== 'number' : typeof value !== 'string') return undefined;
  const v = fieldNormalizer(field)(value);
  return v === undefined || v === INVALID ? undefined : (v as string | number);
}

/** The keys of the fields a condition reads. */
export function conditionFields(cond: Condition, into: string[] = []): string[] {
  if ('all' in cond) for (const c of cond.all) conditionFields(c, into);
  else if ('any' in cond) for (const c of cond.any) conditionFields(c, into);
  else into.push(cond.field);
  return into;
}

function compileCondition(cond: Condition, byKey: ReadonlyMap<string, CompiledField>): (vals: unknown[]) => boolean {
  if ('all' in cond) {
    const parts = cond.all.map((c) => compileCondition(c, byKey));
    return (vals) => {
      for (const p of parts) if (!p(vals)) return false;
      return true;
    };
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => compileCondition(c, byKey));
    return (vals) => {
      for (const p of parts) if (p(vals)) return true;
      return false;
    };
  }
  const ref = byKey.get(cond.field);
  if (ref === undefined) throw new Error(`compileForm: showIf names a missing field ${cond.field}`);
  const i = ref.index;
  const multi = ref.missing === Missing.EmptyArray;
  if ('notEmpty' in cond) {
    // An invalid value is still a value the citizen gave; a single checkbox is "not empty" when ticked.
    if (ref.missing === Missing.False) return (vals) => vals[i] === true;
    if (multi) return (vals) => vals[i] === INVALID || (Array.isArray(vals[i]) && (vals[i] as unknown[]).length > 0);
    return (vals) => vals[i] !== undefined;
  }
  const normalised = (value: unknown) => {
    const v = conditionValue(ref.def, value);
    if (v === undefined) throw new Error(`compileForm: condition value ${JSON.stringify(value)} does not suit field ${ref.key}`);
    return v;
  };
  if ('equals' in cond) {
    const want = normalised(cond.equals);
    if (multi) return (vals) => Array.isArray(vals[i]) && (vals[i] as unknown[]).includes(want);
    return (vals) => vals[i] === want;
  }
  const set = new Set<unknown>(cond.in.map(normalised));
  if (multi) return (vals) => Array.isArray(vals[i]) && (vals[i] as unknown[]).some((v) => set.has(v));
  return (vals) => set.has(vals[i]);
}

/** Field indices so that every field comes after the fields its condition reads; stable in form order. Throws on a cycle. */
function dependencyOrder(fields: readonly CompiledField[]): CompiledField[] {
  const n = fields.length;
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const pending = new Array<number>(n).fill(0);
  const dependents: number[][] = fields.map(() => []);
  for (const f of fields) {
    if (f.def.showIf === undefined) continue;
    for (const key of new Set(conditionFields(f.def.showIf))) {
      const ref = byKey.get(key);
      if (ref === undefined) throw new Error(`compileForm: showIf names a missing field ${key}`);
      pending[f.index]++;
      dependents[ref.index].push(f.index);
    }
  }
  const order: CompiledField[] = [];
  const done = new Array<boolean>(n).fill(false);
  // n is small (tens of fields): a quadratic scan keeps the order stable and the code obvious.
  while (order.length < n) {
    const next = fields.find((f) => !done[f.index] && pending[f.index] === 0);
    if (next === undefined) {
      throw new Error(`compileForm: showIf conditions form a cycle among ${fields.filter((f) => !done[f.index]).map((f) => f.key)}`);
    }
    done[next.index] = true;
    order.push(next);
    for (const d of dependents[next.index]) pending[d]--;
  }
  return order;
}

// ── The compiled form ──────────────────────────────────────────────────────

export function compileForm(form: FormDefinition): CompiledForm {
  const fields: CompiledField[] = form.fields.map((def, index) => {
    if (!FIELD_KEY_PATTERN.test(def.key)) throw new Error(`compileForm: bad field key ${def.key}`);
    if (!(FIELD_TYPES as readonly string[]).includes(def.type)) throw new Error(`compileForm: unknown field type ${def.type}`);
    const path = `formData.${def.key}`;
    const missing = def.type !== 'checkbox' ? Missing.Undefined : def.options === undefined ? Missing.False : Missing.EmptyArray;
    return {
      def,
      key: def.key,
      index,
      path,
      required: def.required === true,
      missing,
      requiredCode: requiredCode(def),
      norm: fieldNormalizer(def),
      check: compileCheck(def, path),
      explain: compileExplain(def, path),
      cond: undefined,
    };
  });
  const byKey = new Map<string, CompiledField>();
  for (const f of fields) {
    if (byKey.has(f.key)) throw new Error(`compileForm: duplicate field key ${f.key}`);
    byKey.set(f.key, f);
  }
  for (const f of fields) if (f.def.showIf !== undefined) f.cond = compileCondition(f.def.showIf, byKey);
  const ordered = dependencyOrder(fields);
  const n = fields.length;

  function validate(data: unknown, ctx: SubmissionContext): SubmissionResult {
    if (!isPlainObject(data)) return { ok: false, errors: [formError('formData', 'form.notObject')], value: {} };
    let unknownErrors: FormError[] | undefined;
    for (const k in data) {
      if (!byKey.has(k) && Object.hasOwn(data, k)) (unknownErrors ??= []).push(formError(`formData.${k}`, 'form.unknownField'));
    }
    // vals[i]: the normalised value of field i (INVALID when malformed); undefined when hidden or empty.
    const vals: unknown[] = new Array(n);
    let fieldErrors: (FormError[] | undefined)[] | undefined;
    for (let o = 0; o < n; o++) {
      const f = ordered[o];
      if (f.cond !== undefined && !f.cond(vals)) continue;
      const raw = Object.hasOwn(data, f.key) ? data[f.key] : undefined;
      const v = f.norm(raw);
      vals[f.index] = v;
      let errors: FormError[] | undefined;
      if (v === INVALID) {
        errors = f.explain(raw);
      } else if (
        f.missing === Missing.Undefined ? v === undefined : f.missing === Missing.False ? v === false : (v as unknown[]).length === 0
      ) {
        if (f.required) errors = [formError(f.path, f.requiredCode)];
      } else if (f.check !== undefined) {
        errors = f.check(v as never, ctx);
      }
      if (errors !== undefined) (fieldErrors ??= new Array(n))[f.index] = errors;
    }
    const value: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const v = vals[i];
      if (v !== undefined && v !== INVALID && fieldErrors?.[i] === undefined) value[fields[i].key] = v;
    }
    if (fieldErrors === undefined && unknownErrors === undefined) return { ok: true, value };
    const errors: FormError[] = [];
    if (fieldErrors !== undefined) for (const e of fieldErrors) if (e !== undefined) errors.push(...e);
    if (unknownErrors !== undefined) errors.push(...unknownErrors);
    return { ok: false, errors, value };
  }

  function visibleKeys(data: unknown): string[] {
    const obj: Record<string, unknown> = isPlainObject(data) ? data : {};
    const vals: unknown[] = new Array(n);
    const shown = new Array<boolean>(n).fill(false);
    for (const f of ordered) {
      if (f.cond !== undefined && !f.cond(vals)) continue;
      shown[f.index] = true;
      vals[f.index] = f.norm(Object.hasOwn(obj, f.key) ? obj[f.key] : undefined);
    }
    return fields.filter((f) => shown[f.index]).map((f) => f.key);
  }

  return { definition: form, order: ordered.map((f) => f.key), validate, visibleKeys };
}
