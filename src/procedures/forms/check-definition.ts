/**
 * Checks a procedure version's configuration as an administrator wrote it and
 * returns it normalised, or every problem at once, each at its JSON path
 * (`form.fields[2].showIf.field`, `workflow.steps`, `components[1].satisfiedBy.result`).
 *
 * Two passes: the first checks the structure (types, required and unknown
 * properties, enumerations, formats, ranges) while building the normalised
 * definition; the second checks what needs the whole definition (duplicate
 * keys, references between fields, pages, conditions' values, cycles, shares).
 *
 * Normalisation: text given as a plain string becomes `{ vi }` (trimmed);
 * option values are trimmed and NFC (as submitted values are); condition
 * values are written as the referenced field stores its values (`25/12/2025`
 * → `2025-12-25`); `null` stands for an absent optional property; defaults are
 * filled: supplementPolicy RESTART, supplementDeadlineDays 15, fee.currency
 * VND, components' accept and maxBytes.
 *
 * Pure: no framework.
 */
import { supportedMimeTypes } from 'file-type/core';
import { AGENCY_LEVELS, type Role } from '../../common/roles.js';
import {
  DEFAULT_ACCEPT,
  DEFAULT_MAX_BYTES,
  DEFAULT_SUPPLEMENT_DEADLINE_DAYS,
  FIELD_TYPES,
  PROFILE_FACTS,
  SERVICE_LEVELS,
  SUPPLEMENT_POLICIES,
  type ComponentDefinition,
  type Condition,
  type FeeDefinition,
  type FieldDefinition,
  type FieldOption,
  type FieldType,
  type FormDefinition,
  type FormPage,
  type LocalizedText,
  type ProcedureDefinition,
  type Scalar,
  type WorkflowStep,
} from './definition.js';
import { formError, type FormError, type FormMessageCode, type MessageParams } from './messages.js';
import { FIELD_KEY_PATTERN, canonicalDate, conditionValue } from './validate-submission.js';

export interface CheckDefinitionContext {
  /** Codes of the procedures whose results may stand in for a component (`satisfiedBy.result`). */
  knownProcedureCodes: ReadonlySet<string>;
  /** When given, every agency code of the definition must be one of these. */
  knownAgencyCodes?: ReadonlySet<string>;
}

export type CheckDefinitionResult = { ok: true; definition: ProcedureDefinition } | { ok: false; errors: FormError[] };

/** The roles that act on a dossier at a workflow step (citizens file, managers watch, administrators configure). */
export const WORKFLOW_ROLES = ['RECEPTIONIST', 'SPECIALIST', 'LEADER'] as const satisfies readonly Role[];

/** Same format as `CreateAgencyDto.code`. */
export const AGENCY_CODE_PATTERN = /^[A-Z0-9][A-Z0-9.-]{0,39}$/;
/** Component codes appear in paths (`components.GCS`) and multipart fields: no dots. */
export const COMPONENT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
/** A MIME type `type/subtype`, in lower case as content sniffing reports it. */
export const MIME_TYPE_PATTERN = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;
export const TIME_OF_DAY_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** Tolerance of the sum of workflow shares. */
export const SHARES_TOLERANCE = 1e-6;
/** Working hours in a day: a same-day procedure takes at most this. */
const HOURS_PER_DAY = 8;

const TOP_KEYS = [
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
  'components',
  'workflow',
  'resultTemplate',
  'supplementPolicy',
  'supplementDeadlineDays',
  'sameDayCutoff',
  'allowRepeatSupplement',
] as const satisfies readonly (keyof ProcedureDefinition)[];

const FIELD_KEYS = [
  'key',
  'type',
  'label',
  'hint',
  'required',
  'minLength',
  'maxLength',
  'pattern',
  'patternMessage',
  'min',
  'max',
  'options',
  'showIf',
  'page',
] as const satisfies readonly (keyof FieldDefinition)[];

const COMPONENT_KEYS = [
  'code',
  'name',
  'required',
  'accept',
  'maxBytes',
  'hint',
  'satisfiedBy',
] as const satisfies readonly (keyof ComponentDefinition)[];
const STEP_KEYS = ['key', 'name', 'role', 'agencyCode', 'share'] as const satisfies readonly (keyof WorkflowStep)[];
const FEE_KEYS = ['amount', 'currency', 'payWhen', 'name', 'exemptions'] as const satisfies readonly (keyof FeeDefinition)[];

// Compile-time guards: every property of the types is read (a property added to definition.ts must be added here).
const _allTop: Exclude<keyof ProcedureDefinition, (typeof TOP_KEYS)[number]> extends never ? true : never = true;
const _allField: Exclude<keyof FieldDefinition, (typeof FIELD_KEYS)[number]> extends never ? true : never = true;
const _allComponent: Exclude<keyof ComponentDefinition, (typeof COMPONENT_KEYS)[number]> extends never ? true : never = true;
const _allStep: Exclude<keyof WorkflowStep, (typeof STEP_KEYS)[number]> extends never ? true : never = true;
const _allFee: Exclude<keyof FeeDefinition, (typeof FEE_KEYS)[number]> extends never ? true : never = true;

/** Which field types each constraint applies to (see FieldDefinition). */
const APPLIES_TO: Record<'minLength' | 'maxLength' | 'pattern' | 'patternMessage' | 'min' | 'max' | 'options', readonly FieldType[]> = {
  minLength: ['text', 'textarea', 'email', 'phone'],
  maxLength: ['text', 'textarea', 'email', 'phone'],
  pattern: ['text', 'textarea'],
  patternMessage: ['text', 'textarea'],
  min: ['number', 'date'],
  max: ['number', 'date'],
  options: ['select', 'radio', 'checkbox'],
};

const CONDITION_KINDS = ['equals', 'in', 'notEmpty', 'all', 'any'] as const;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function child(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** For messages that quote a value: strings in quotes, the rest as JSON. */
function quote(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : (JSON.stringify(value) ?? String(value));
}

/** A leaf of a condition (`field` with equals, in or notEmpty), kept for the second pass. */
interface Leaf {
  path: string;
  owner: number;
  node: { field: string; equals?: unknown; in?: unknown[]; notEmpty?: true };
  kind: 'equals' | 'in' | 'notEmpty';
}

interface FieldDraft {
  def: Partial<FieldDefinition> & { key?: string; type?: FieldType };
  path: string;
  /** The key, when it is a well-formed string. */
  key: string | undefined;
}

class Checker {
  readonly errors: FormError[] = [];
  readonly leaves: Leaf[] = [];

  constructor(readonly ctx: CheckDefinitionContext) {}

  add(path: string, code: FormMessageCode, params?: MessageParams): void {
    this.errors.push(formError(path === '' ? '$' : path, code, params));
  }

  /** `v` if it is an object (its properties outside `allowed` reported), else undefined (reported). */
  object(v: unknown, path: string, allowed: readonly string[]): Record<string, unknown> | undefined {
    if (!isPlainObject(v)) {
      this.add(path, 'definition.notObject');
      return undefined;
    }
    for (const k of Object.keys(v)) if (!allowed.includes(k)) this.add(child(path, k), 'definition.unknownProperty', { property: k });
    return v;
  }

  /** The property's value; absent or `null` is undefined, reported when required. */
  prop(o: Record<string, unknown>, key: string, path: string, required: boolean): unknown {
    const v = Object.hasOwn(o, key) ? o[key] : undefined;
    if (v === undefined || v === null) {
      if (required) this.add(child(path, key), 'definition.required');
      return undefined;
    }
    return v;
  }

  string(v: unknown, path: string): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'string') {
      this.add(path, 'definition.notString');
      return undefined;
    }
    if (v.trim() === '') {
      this.add(path, 'definition.emptyText');
      return undefined;
    }
    return v.trim();
  }

  number(v: unknown, path: string): number | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add(path, 'definition.notNumber');
      return undefined;
    }
    return v;
  }

  integer(v: unknown, path: string, min: 0 | 1): number | undefined {
    const n = this.number(v, path);
    if (n === undefined) return undefined;
    if (!Number.isSafeInteger(n) || n < min) {
      this.add(path, min === 0 ? 'definition.nonNegativeInteger' : 'definition.positiveInteger');
      return undefined;
    }
    return n;
  }

  boolean(v: unknown, path: string): boolean | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') {
      this.add(path, 'definition.notBoolean');
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.add(path, 'definition.enum', { allowed: allowed.join(', ') });
      return undefined;
    }
    return v as T;
  }

  array(v: unknown, path: string, nonEmpty: boolean): unknown[] | undefined {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      this.add(path, 'definition.notArray');
      return undefined;
    }
    if (nonEmpty && v.length === 0) this.add(path, 'definition.emptyList');
    return v;
  }

  /** A plain string becomes `{ vi }`; `{ vi, en? }` is kept (trimmed, a blank `en` dropped). */
  text(v: unknown, path: string): LocalizedText | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'string') {
      const vi = this.string(v, path);
      return vi === undefined ? undefined : { vi };
    }
    if (!isPlainObject(v)) {
      this.add(path, 'definition.text');
      return undefined;
    }
    this.object(v, path, ['vi', 'en']);
    const vi = this.string(this.prop(v, 'vi', path, true), child(path, 'vi'));
    const en = this.prop(v, 'en', path, false);
    if (en !== undefined && typeof en !== 'string') this.add(child(path, 'en'), 'definition.notString');
    if (vi === undefined) return undefined;
    return typeof en === 'string' && en.trim() !== '' ? { vi, en: en.trim() } : { vi };
  }

  /** Reports repeated values of a list (each repeat at its own path); returns the first index of each value. */
  unique<T>(items: readonly { value: T | undefined; path: string }[], report: (path: string, value: T, firstPath: string) => void): void {
    const first = new Map<T, string>();
    for (const { value, path } of items) {
      if (value === undefined) continue;
      const seen = first.get(value);
      if (seen === undefined) first.set(value, path);
      else report(path, value, seen);
    }
  }

  agencyCode(v: unknown, path: string): string | undefined {
    const code = this.string(v, path);
    if (code === undefined) return undefined;
    if (!AGENCY_CODE_PATTERN.test(code)) {
      this.add(path, 'definition.agencyCode');
      return undefined;
    }
    if (this.ctx.knownAgencyCodes !== undefined && !this.ctx.knownAgencyCodes.has(code))
      this.add(path, 'definition.unknownAgency', { code });
    return code;
  }

  // ── Sections ──────────────────────────────────────────────────────────

  procedure(input: unknown): Partial<ProcedureDefinition> | undefined {
    const o = this.object(input, '', TOP_KEYS);
    if (o === undefined) return undefined;
    const out: Partial<ProcedureDefinition> = {};
    out.name = this.text(this.prop(o, 'name', '', true), 'name');
    out.sector = this.string(this.prop(o, 'sector', '', true), 'sector');
    out.level = this.oneOf(this.prop(o, 'level', '', true), 'level', AGENCY_LEVELS);
    out.agencyCodes = this.agencyCodes(this.prop(o, 'agencyCodes', '', true));
    const legalBasis = this.array(this.prop(o, 'legalBasis', '', false), 'legalBasis', false);
    if (legalBasis !== undefined) out.legalBasis = legalBasis.map((v, i) => this.string(v, `legalBasis[${i}]`) ?? '');
    const description = this.text(this.prop(o, 'description', '', false), 'description');
    if (description !== undefined) out.description = description;
    out.processingTime = this.processingTime(this.prop(o, 'processingTime', '', true));
    out.serviceLevel = this.oneOf(this.prop(o, 'serviceLevel', '', true), 'serviceLevel', SERVICE_LEVELS);
    out.fee = this.fee(this.prop(o, 'fee', '', true));
    out.form = this.form(this.prop(o, 'form', '', true));
    out.components = this.components(this.prop(o, 'components', '', true));
    out.workflow = this.workflow(this.prop(o, 'workflow', '', true));
    out.resultTemplate = this.resultTemplate(this.prop(o, 'resultTemplate', '', true));
    out.supplementPolicy = this.oneOf(this.prop(o, 'supplementPolicy', '', false), 'supplementPolicy', SUPPLEMENT_POLICIES) ?? 'RESTART';
    out.supplementDeadlineDays =
      this.integer(this.prop(o, 'supplementDeadlineDays', '', false), 'supplementDeadlineDays', 1) ?? DEFAULT_SUPPLEMENT_DEADLINE_DAYS;
    const cutoff = this.prop(o, 'sameDayCutoff', '', false);
    if (cutoff !== undefined) {
      if (typeof cutoff !== 'string' || !TIME_OF_DAY_PATTERN.test(cutoff)) {
        this.add('sameDayCutoff', 'definition.cutoff');
      } else {
        out.sameDayCutoff = cutoff;
        const t = out.processingTime;
        if (t !== undefined && ('workingHours' in t ? t.workingHours : t.workingDays * HOURS_PER_DAY) > HOURS_PER_DAY) {
          this.add('sameDayCutoff', 'definition.cutoffNotSameDay');
        }
      }
    }
    const repeat = this.boolean(this.prop(o, 'allowRepeatSupplement', '', false), 'allowRepeatSupplement');
    if (repeat !== undefined) out.allowRepeatSupplement = repeat;
    return out;
  }

  agencyCodes(v: unknown): string[] | undefined {
    const list = this.array(v, 'agencyCodes', true);
    if (list === undefined) return undefined;
    const items = list.map((code, i) => ({ value: this.agencyCode(code, `agencyCodes[${i}]`), path: `agencyCodes[${i}]` }));
    this.unique(items, (path, value) => this.add(path, 'definition.duplicateValue', { value }));
    return items.map((it) => it.value ?? '');
  }

  processingTime(v: unknown): ProcedureDefinition['processingTime'] | undefined {
    if (v === undefined) return undefined;
    const o = this.object(v, 'processingTime', ['workingDays', 'workingHours']);
    if (o === undefined) return undefined;
    const unit = (['workingDays', 'workingHours'] as const).filter((k) => Object.hasOwn(o, k) && o[k] !== null);
    if (unit.length !== 1) {
      this.add('processingTime', 'definition.processingTime');
      return undefined;
    }
    const path = `processingTime.${unit[0]}`;
    const n = this.number(o[unit[0]], path);
    if (n === undefined) return undefined;
    if (n <= 0) {
      this.add(path, 'definition.positiveNumber');
      return undefined;
    }
    return unit[0] === 'workingDays' ? { workingDays: n } : { workingHours: n };
  }

  fee(v: unknown): FeeDefinition | undefined {
    if (v === undefined) return undefined;
    const o = this.object(v, 'fee', FEE_KEYS);
    if (o === undefined) return undefined;
    const amountRaw = this.prop(o, 'amount', 'fee', true);
    let amount: number | undefined;
    if (amountRaw !== undefined) {
      if (typeof amountRaw !== 'number' || !Number.isSafeInteger(amountRaw) || amountRaw < 0)
        this.add('fee.amount', 'definition.feeAmount');
      else amount = amountRaw;
    }
    this.oneOf(this.prop(o, 'currency', 'fee', false), 'fee.currency', ['VND'] as const);
    const payWhen = this.oneOf(this.prop(o, 'payWhen', 'fee', true), 'fee.payWhen', ['ON_SUBMIT', 'BEFORE_RESULT'] as const);
    const fee: Partial<FeeDefinition> = { amount, currency: 'VND', payWhen };
    const name = this.text(this.prop(o, 'name', 'fee', false), 'fee.name');
    if (name !== undefined) fee.name = name;
    const exemptions = this.array(this.prop(o, 'exemptions', 'fee', false), 'fee.exemptions', false);
    if (exemptions !== undefined) {
      const items = exemptions.map((e, i) => {
        const path = `fee.exemptions[${i}]`;
        const eo = this.object(e, path, ['code', 'label']);
        if (eo === undefined) return { code: undefined, label: undefined, path };
        const code = this.string(this.prop(eo, 'code', path, true), `${path}.code`);
        const label = this.text(this.prop(eo, 'label', path, true), `${path}.label`);
        return { code, label, path };
      });
      this.unique(
        items.map((it) => ({ value: it.code, path: `${it.path}.code` })),
        (path, value) => this.add(path, 'definition.duplicateValue', { value }),
      );
      fee.exemptions = items.map((it) => ({ code: it.code ?? '', label: it.label ?? { vi: '' } }));
    }
    return fee as FeeDefinition;
  }

  // ── Form ──────────────────────────────────────────────────────────────

  form(v: unknown): FormDefinition | undefined {
    if (v === undefined) return undefined;
    const o = this.object(v, 'form', ['pages', 'fields']);
    if (o === undefined) return undefined;
    const out: Partial<FormDefinition> = {};
    const pagesRaw = this.array(this.prop(o, 'pages', 'form', false), 'form.pages', true);
    let pages: { key: string | undefined; path: string }[] | undefined;
    if (pagesRaw !== undefined) {
      const built = pagesRaw.map((p, i) => {
        const path = `form.pages[${i}]`;
        const po = this.object(p, path, ['key', 'title']);
        if (po === undefined) return { key: undefined, title: undefined, path };
        const key = this.key(this.prop(po, 'key', path, true), `${path}.key`, 'definition.key');
        const title = this.text(this.prop(po, 'title', path, true), `${path}.title`);
        return { key, title, path };
      });
      this.unique(
        built.map((p) => ({ value: p.key, path: `${p.path}.key` })),
        (path, key) => this.add(path, 'definition.duplicatePage', { key }),
      );
      pages = built;
      out.pages = built.map((p): FormPage => ({ key: p.key ?? '', title: p.title ?? { vi: '' } }));
    }
    const fieldsRaw = this.array(this.prop(o, 'fields', 'form', true), 'form.fields', false);
    if (fieldsRaw === undefined) return out as FormDefinition;
    const drafts = fieldsRaw.map((f, i) => this.field(f, `form.fields[${i}]`, i));
    out.fields = drafts.map((d) => d.def as FieldDefinition);
    this.formSemantics(drafts, pages);
    return out as FormDefinition;
  }

  key(v: unknown, path: string, code: 'definition.key' | 'definition.fieldKey'): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'string') {
      this.add(path, 'definition.notString');
      return undefined;
    }
    if (!FIELD_KEY_PATTERN.test(v)) {
      this.add(path, code);
      return undefined;
    }
    return v;
  }

  field(v: unknown, path: string, index: number): FieldDraft {
    const o = this.object(v, path, FIELD_KEYS);
    if (o === undefined) return { def: {}, path, key: undefined };
    const def: FieldDraft['def'] = {};
    const key = this.key(this.prop(o, 'key', path, true), `${path}.key`, 'definition.fieldKey');
    if (key !== undefined) def.key = key;
    const typeRaw = this.prop(o, 'type', path, true);
    let type: FieldType | undefined;
    if (typeRaw !== undefined) {
      if (typeof typeRaw === 'string' && (FIELD_TYPES as readonly string[]).includes(typeRaw)) type = typeRaw as FieldType;
      else this.add(`${path}.type`, 'definition.fieldType', { type: String(typeRaw), allowed: FIELD_TYPES.join(', ') });
    }
    if (type !== undefined) def.type = type;
    const label = this.text(this.prop(o, 'label', path, true), `${path}.label`);
    if (label !== undefined) def.label = label;
    const hint = this.text(this.prop(o, 'hint', path, false), `${path}.hint`);
    if (hint !== undefined) def.hint = hint;
    const required = this.boolean(this.prop(o, 'required', path, false), `${path}.required`);
    if (required !== undefined) def.required = required;

    // Constraints: only where they apply to the type (when the type is known).
    const applies = (prop: keyof typeof APPLIES_TO): boolean => {
      if (this.prop(o, prop, path, false) === undefined) return false;
      if (type === undefined) return false;
      if (APPLIES_TO[prop].includes(type)) return true;
      this.add(`${path}.${prop}`, 'definition.notApplicable', { property: prop, type });
      return false;
    };
    if (applies('minLength')) def.minLength = this.integer(o.minLength, `${path}.minLength`, 0);
    if (applies('maxLength')) def.maxLength = this.integer(o.maxLength, `${path}.maxLength`, 1);
    if (def.minLength !== undefined && def.maxLength !== undefined && def.minLength > def.maxLength) {
      this.add(`${path}.minLength`, 'definition.minLengthAboveMaxLength', { min: def.minLength, max: def.maxLength });
    }
    if (def.minLength === undefined) delete def.minLength;
    if (def.maxLength === undefined) delete def.maxLength;
    if (applies('pattern')) {
      const pattern = o.pattern;
      if (typeof pattern !== 'string') {
        this.add(`${path}.pattern`, 'definition.notString');
      } else {
        try {
          new RegExp(`^(?:${pattern})$`, 'u');
          def.pattern = pattern;
        } catch (e) {
          this.add(`${path}.pattern`, 'definition.pattern', { reason: e instanceof Error ? e.message : String(e) });
        }
      }
    }
    if (applies('patternMessage')) {
      if (this.prop(o, 'pattern', path, false) === undefined) this.add(`${path}.patternMessage`, 'definition.patternMessageWithoutPattern');
      const message = this.text(o.patternMessage, `${path}.patternMessage`);
      if (message !== undefined) def.patternMessage = message;
    }
    const bound = (prop: 'min' | 'max'): number | string | undefined => {
      if (!applies(prop)) return undefined;
      const b = o[prop];
      if (type === 'number') return this.number(b, `${path}.${prop}`);
      if (b === 'today' || (typeof b === 'string' && canonicalDate(b) === b)) return b;
      this.add(`${path}.${prop}`, 'definition.dateBound');
      return undefined;
    };
    const min = bound('min');
    const max = bound('max');
    if (min !== undefined) def.min = min;
    if (max !== undefined) def.max = max;
    if (min !== undefined && max !== undefined && typeof min === typeof max && min !== 'today' && max !== 'today' && min > max) {
      this.add(`${path}.min`, 'definition.minAboveMax', { min, max });
    }
    if (applies('options')) {
      const options = this.options(o.options, `${path}.options`);
      if (options !== undefined) def.options = options;
    } else if ((type === 'select' || type === 'radio') && this.prop(o, 'options', path, false) === undefined) {
      this.add(`${path}.options`, 'definition.optionsRequired', { type });
    }
    const showIf = this.prop(o, 'showIf', path, false);
    if (showIf !== undefined) {
      const cond = this.condition(showIf, `${path}.showIf`, index);
      if (cond !== undefined) def.showIf = cond;
    }
    const page = this.string(this.prop(o, 'page', path, false), `${path}.page`);
    if (page !== undefined) def.page = page;
    return { def, path, key };
  }

  options(v: unknown, path: string): FieldOption[] | undefined {
    const list = this.array(v, path, true);
    if (list === undefined) return undefined;
    const items = list.map((opt, i) => {
      const p = `${path}[${i}]`;
      const oo = this.object(opt, p, ['value', 'label']);
      if (oo === undefined) return { value: undefined, label: undefined, path: p };
      const raw = this.string(this.prop(oo, 'value', p, true), `${p}.value`);
      const label = this.text(this.prop(oo, 'label', p, true), `${p}.label`);
      return { value: raw?.normalize('NFC'), label, path: p };
    });
    this.unique(
      items.map((it) => ({ value: it.value, path: `${it.path}.value` })),
      (p, value) => this.add(p, 'definition.duplicateOption', { value }),
    );
    return items.map((it) => ({ value: it.value ?? '', label: it.label ?? { vi: '' } }));
  }

  condition(v: unknown, path: string, owner: number): Condition | undefined {
    if (!isPlainObject(v)) {
      this.add(path, 'definition.notObject');
      return undefined;
    }
    const kinds = CONDITION_KINDS.filter((k) => Object.hasOwn(v, k));
    if (kinds.length !== 1) {
      this.add(path, 'definition.condition');
      return undefined;
    }
    const kind = kinds[0];
    if (kind === 'all' || kind === 'any') {
      this.object(v, path, [kind]);
      const list = this.array(v[kind], `${path}.${kind}`, true);
      if (list === undefined) return undefined;
      const parts = list.map((c, i) => this.condition(c, `${path}.${kind}[${i}]`, owner));
      if (parts.some((p) => p === undefined)) return undefined;
      return kind === 'all' ? { all: parts as Condition[] } : { any: parts as Condition[] };
    }
    this.object(v, path, ['field', kind]);
    const field = this.string(this.prop(v, 'field', path, true), `${path}.field`);
    if (kind === 'notEmpty' && v.notEmpty !== true) {
      this.add(`${path}.notEmpty`, 'definition.enum', { allowed: 'true' });
      return undefined;
    }
    if (kind === 'in') {
      const list = this.array(v.in, `${path}.in`, true);
      if (list === undefined || list.length === 0) return undefined;
    }
    if (field === undefined) return undefined;
    const node: Leaf['node'] =
      kind === 'equals' ? { field, equals: v.equals } : kind === 'in' ? { field, in: [...(v.in as unknown[])] } : { field, notEmpty: true };
    this.leaves.push({ path, owner, node, kind });
    return node as Condition;
  }

  /** What needs every field: keys, pages, references, conditions' values, cycles. */
  formSemantics(drafts: FieldDraft[], pages: { key: string | undefined; path: string }[] | undefined): void {
    // Duplicate keys: every repeat, at its own key.
    const byKey = new Map<string, number>();
    drafts.forEach((d, i) => {
      if (d.key === undefined) return;
      const first = byKey.get(d.key);
      if (first === undefined) byKey.set(d.key, i);
      else this.add(`${d.path}.key`, 'definition.duplicateKey', { key: d.key, first: drafts[first].path });
    });

    // Pages: each field's page exists; each page has a field.
    if (pages !== undefined || drafts.some((d) => d.def.page !== undefined)) {
      const known = new Set((pages ?? []).map((p) => p.key).filter((k) => k !== undefined));
      const used = new Set<string>();
      const firstPage = pages?.[0]?.key;
      for (const d of drafts) {
        const page = d.def.page ?? firstPage;
        if (page === undefined) continue;
        if (known.has(page)) used.add(page);
        else if (d.def.page !== undefined) this.add(`${d.path}.page`, 'definition.unknownPage', { page });
      }
      const seen = new Set<string>();
      for (const p of pages ?? []) {
        if (p.key === undefined || seen.has(p.key)) continue;
        seen.add(p.key);
        if (!used.has(p.key)) this.add(p.path, 'definition.emptyPage', { page: p.key });
      }
    }

    // References and values of conditions.
    const edges: Set<number>[] = drafts.map(() => new Set());
    for (const leaf of this.leaves) {
      const ref = byKey.get(leaf.node.field);
      if (ref === undefined) {
        this.add(`${leaf.path}.field`, 'definition.showIfMissing', { field: leaf.node.field });
        continue;
      }
      edges[leaf.owner].add(ref);
      const target = drafts[ref].def;
      if (target.type === undefined || leaf.kind === 'notEmpty') continue;
      const params = { field: leaf.node.field, type: target.type };
      if (target.type === 'address') {
        this.add(`${leaf.path}.${leaf.kind}`, 'definition.conditionNotSupported', params);
        continue;
      }
      const normalise = (value: unknown, path: string): Scalar | undefined => {
        const v = conditionValue(target as FieldDefinition, value);
        if (v === undefined) this.add(path, 'definition.conditionValue', { value: quote(value), ...params });
        return v;
      };
      if (leaf.kind === 'equals') {
        const v = normalise(leaf.node.equals, `${leaf.path}.equals`);
        if (v !== undefined) leaf.node.equals = v;
      } else {
        leaf.node.in = leaf.node.in!.map((value, i) => normalise(value, `${leaf.path}.in[${i}]`) ?? value);
      }
    }

    // Cycles among conditions: each once, at the showIf of its first field in the form.
    const state = new Array<0 | 1 | 2>(drafts.length).fill(0);
    const stack: number[] = [];
    const reported = new Set<string>();
    const visit = (i: number): void => {
      state[i] = 1;
      stack.push(i);
      for (const j of edges[i]) {
        if (state[j] === 0) visit(j);
        else if (state[j] === 1) {
          const cycle = stack.slice(stack.indexOf(j));
          const id = [...cycle].sort((a, b) => a - b).join();
          if (reported.has(id)) continue;
          reported.add(id);
          const start = cycle.indexOf(Math.min(...cycle));
          const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
          const names = [...rotated, rotated[0]].map((k) => drafts[k].key);
          this.add(`${drafts[rotated[0]].path}.showIf`, 'definition.showIfCycle', { cycle: names.join(' → ') });
        }
      }
      stack.pop();
      state[i] = 2;
    };
    for (let i = 0; i < drafts.length; i++) if (state[i] === 0) visit(i);
  }

  // ── Components, workflow, result ──────────────────────────────────────

  components(v: unknown): ComponentDefinition[] | undefined {
    const list = this.array(v, 'components', false);
    if (list === undefined) return undefined;
    const built = list.map((c, i) => this.component(c, `components[${i}]`));
    this.unique(
      built.map((c, i) => ({ value: c.code, path: `components[${i}].code` })),
      (path, code) => this.add(path, 'definition.duplicateComponent', { code }),
    );
    return built as ComponentDefinition[];
  }

  component(v: unknown, path: string): Partial<ComponentDefinition> {
    const o = this.object(v, path, COMPONENT_KEYS);
    if (o === undefined) return {};
    const out: Partial<ComponentDefinition> = {};
    const code = this.string(this.prop(o, 'code', path, true), `${path}.code`);
    if (code !== undefined) {
      if (COMPONENT_CODE_PATTERN.test(code)) out.code = code;
      else this.add(`${path}.code`, 'definition.componentCode');
    }
    out.name = this.text(this.prop(o, 'name', path, true), `${path}.name`);
    out.required = this.boolean(this.prop(o, 'required', path, true), `${path}.required`);
    const accept = this.array(this.prop(o, 'accept', path, false), `${path}.accept`, true);
    if (accept !== undefined) {
      const items = accept.map((t, i) => {
        const p = `${path}.accept[${i}]`;
        if (typeof t !== 'string') {
          this.add(p, 'definition.notString');
          return { value: undefined, path: p };
        }
        if (!MIME_TYPE_PATTERN.test(t)) this.add(p, 'definition.mimeType', { type: t });
        else if (!supportedMimeTypes.has(t)) this.add(p, 'definition.mimeTypeNotRecognisable', { type: t });
        return { value: t, path: p };
      });
      this.unique(items, (p, value) => this.add(p, 'definition.duplicateValue', { value }));
      out.accept = items.map((it) => it.value ?? '');
    } else {
      out.accept = [...DEFAULT_ACCEPT];
    }
    out.maxBytes = this.integer(this.prop(o, 'maxBytes', path, false), `${path}.maxBytes`, 1) ?? DEFAULT_MAX_BYTES;
    const hint = this.text(this.prop(o, 'hint', path, false), `${path}.hint`);
    if (hint !== undefined) out.hint = hint;
    const by = this.prop(o, 'satisfiedBy', path, false);
    if (by !== undefined) {
      const p = `${path}.satisfiedBy`;
      // `resultOf` is the name; `result`, its name before, is still read and saved as `resultOf`.
      const bo = this.object(by, p, ['profile', 'resultOf', 'result']);
      if (bo !== undefined) {
        const profile = this.prop(bo, 'profile', p, false);
        const resultKey = bo.resultOf !== undefined || bo.result === undefined ? 'resultOf' : 'result';
        const result = this.prop(bo, resultKey, p, false);
        if ((profile === undefined) === (result === undefined) || (bo.resultOf !== undefined && bo.result !== undefined)) {
          this.add(p, 'definition.satisfiedBy');
        } else if (profile !== undefined) {
          const fact = this.oneOf(profile, `${p}.profile`, PROFILE_FACTS);
          if (fact !== undefined) out.satisfiedBy = { profile: fact };
        } else {
          const code = this.string(result, `${p}.${resultKey}`);
          if (code !== undefined) {
            if (this.ctx.knownProcedureCodes.has(code)) out.satisfiedBy = { resultOf: code };
            else this.add(`${p}.${resultKey}`, 'definition.unknownResult', { code });
          }
        }
      }
    }
    return out;
  }

  workflow(v: unknown): ProcedureDefinition['workflow'] | undefined {
    if (v === undefined) return undefined;
    const o = this.object(v, 'workflow', ['steps']);
    if (o === undefined) return undefined;
    const list = this.array(this.prop(o, 'steps', 'workflow', true), 'workflow.steps', true);
    if (list === undefined) return undefined;
    const steps = list.map((s, i) => this.step(s, `workflow.steps[${i}]`));
    this.unique(
      steps.map((s, i) => ({ value: s.key, path: `workflow.steps[${i}].key` })),
      (path, key) => this.add(path, 'definition.duplicateStep', { key }),
    );
    const shares = steps.map((s) => s.share);
    if (shares.length > 0 && shares.every((s) => s !== undefined)) {
      const sum = shares.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > SHARES_TOLERANCE) this.add('workflow.steps', 'definition.sharesSum', { sum: Math.round(sum * 1e6) / 1e6 });
    }
    return { steps: steps as WorkflowStep[] };
  }

  step(v: unknown, path: string): Partial<WorkflowStep> {
    const o = this.object(v, path, STEP_KEYS);
    if (o === undefined) return {};
    const out: Partial<WorkflowStep> = {};
    out.key = this.key(this.prop(o, 'key', path, true), `${path}.key`, 'definition.key');
    const name = this.text(this.prop(o, 'name', path, false), `${path}.name`);
    if (name !== undefined) out.name = name;
    out.role = this.oneOf(this.prop(o, 'role', path, true), `${path}.role`, WORKFLOW_ROLES);
    const agencyCode = this.agencyCode(this.prop(o, 'agencyCode', path, false), `${path}.agencyCode`);
    if (agencyCode !== undefined) out.agencyCode = agencyCode;
    // A share out of range is reported, and still counts towards the sum (which is reported too if off).
    out.share = this.number(this.prop(o, 'share', path, true), `${path}.share`);
    if (out.share !== undefined && !(out.share > 0 && out.share <= 1)) this.add(`${path}.share`, 'definition.share');
    return out;
  }

  resultTemplate(v: unknown): ProcedureDefinition['resultTemplate'] | undefined {
    if (v === undefined) return undefined;
    const o = this.object(v, 'resultTemplate', ['title', 'body']);
    if (o === undefined) return undefined;
    const title = this.text(this.prop(o, 'title', 'resultTemplate', true), 'resultTemplate.title');
    const body = this.prop(o, 'body', 'resultTemplate', true);
    if (body !== undefined && typeof body !== 'string') this.add('resultTemplate.body', 'definition.notString');
    else if (typeof body === 'string' && body.trim() === '') this.add('resultTemplate.body', 'definition.emptyText');
    return { title: title ?? { vi: '' }, body: typeof body === 'string' ? body : '' };
  }
}

/**
 * Checks a procedure version's definition. Returns it normalised, or every
 * problem, each with its JSON path (`$` for the whole input).
 */
export function checkDefinition(input: unknown, ctx: CheckDefinitionContext): CheckDefinitionResult {
  const checker = new Checker(ctx);
  const definition = checker.procedure(input);
  if (checker.errors.length > 0 || definition === undefined) return { ok: false, errors: checker.errors };
  return { ok: true, definition: definition as ProcedureDefinition };
}
