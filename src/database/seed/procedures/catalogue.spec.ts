import hbs from 'hbs';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../common/roles.js';
import {
  FIELD_TYPES,
  PROFILE_FACTS,
  SERVICE_LEVELS,
  SUPPLEMENT_POLICIES,
  type Condition,
  type FieldDefinition,
  type LocalizedText,
  type ProcedureDefinition,
} from '../../../procedures/forms/definition.js';
import { checkDefinition } from '../../../procedures/forms/check-definition.js';
import { compileForm, type AgencyRef } from '../../../procedures/forms/validate-submission.js';
import { DEMO_AGENCIES } from '../demo-data.js';
import { SEED_PROCEDURES } from './catalogue.js';

const codes = SEED_PROCEDURES.map((p) => p.code);
const agencyLevel = new Map(DEMO_AGENCIES.map((a) => [a.code, a.level]));

/** Every localized text of a definition, with where it is, to check both languages at once. */
function texts(def: ProcedureDefinition): [string, LocalizedText | string | undefined][] {
  const out: [string, LocalizedText | string | undefined][] = [
    ['name', def.name],
    ['description', def.description],
    ['resultTemplate.title', def.resultTemplate.title],
  ];
  for (const p of def.form.pages ?? []) out.push([`pages.${p.key}`, p.title]);
  for (const f of def.form.fields) {
    out.push([`fields.${f.key}.label`, f.label]);
    if (f.hint) out.push([`fields.${f.key}.hint`, f.hint]);
    if (f.patternMessage) out.push([`fields.${f.key}.patternMessage`, f.patternMessage]);
    for (const o of f.options ?? []) out.push([`fields.${f.key}.options.${o.value}`, o.label]);
  }
  for (const c of def.components) {
    out.push([`components.${c.code}.name`, c.name]);
    if (c.hint) out.push([`components.${c.code}.hint`, c.hint]);
  }
  for (const s of def.workflow.steps) out.push([`steps.${s.key}`, s.name]);
  if (def.fee.name) out.push(['fee.name', def.fee.name]);
  for (const e of def.fee.exemptions ?? []) out.push([`fee.exemptions.${e.code}`, e.label]);
  return out;
}

/** The leaves of a condition. */
function leaves(c: Condition): Exclude<Condition, { all: Condition[] } | { any: Condition[] }>[] {
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  return [c];
}

/** The value paths a Handlebars template reads (`formData.x`, `this`…), from its parsed tree. */
function templatePaths(body: string): string[] {
  const paths: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const n = node as { type?: string; original?: string };
    if (n.type === 'PathExpression' && typeof n.original === 'string') paths.push(n.original);
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(hbs.handlebars.parse(body));
  return paths;
}

const BUILT_IN_HELPERS = new Set(['if', 'unless', 'each', 'with']);

const AGENCY_REFS: AgencyRef[] = DEMO_AGENCIES.map((a) => ({ code: a.code, level: a.level, parentCode: a.parentCode ?? null }));
const TODAY = '2026-03-02';

/** Values for the text fields that have a pattern. */
const PATTERNED: Record<string, string> = {
  deathTime: '14:30',
  plotNumber: '125',
  mapSheet: '12',
  bankAccount: '0123456789',
};

/**
 * A valid value for a field: `variant` 0 picks the first option of each
 * choice, 1 the last, so that both branches of most conditions are filled in.
 */
function sample(f: FieldDefinition, variant: 0 | 1): unknown {
  const pick = <T>(list: readonly T[]): T => (variant === 0 ? list[0] : list[list.length - 1]);
  switch (f.type) {
    case 'text': {
      if (f.pattern !== undefined) return PATTERNED[f.key] ?? (f.key.endsWith('Passport') ? 'B1234567' : undefined);
      const text = f.key === 'businessName' ? 'Hộ kinh doanh Bánh cuốn Bà Hoa' : 'Nguyễn Thị Hồng Nhung';
      return f.maxLength !== undefined ? text.slice(0, f.maxLength) : text;
    }
    case 'textarea':
      return 'Từ 09/2010 đến 06/2013: phường Hoà Bình, tỉnh Minh Hà.\nTừ 07/2013 đến nay: xã An Phú, tỉnh Minh Hà.';
    case 'number':
      return typeof f.min === 'number' ? f.min : 1;
    case 'checkbox':
      return f.options ? [pick(f.options).value] : true;
    case 'select':
    case 'radio':
      return pick(f.options ?? []).value;
    case 'date':
      return f.min === 'today' ? TODAY : '2000-01-15';
    case 'citizenId':
      return '001090000001';
    case 'taxCode':
      return '0101234567';
    case 'phone':
      return '0912345678';
    case 'email':
      return 'congdan@demo.vn';
    case 'address':
      return { provinceCode: 'H12', communeCode: 'H12.05', detail: 'Số 12, thôn Đông' };
  }
}

const agencyName = new Map(DEMO_AGENCIES.map((a) => [a.code, a.name.replace(/^UBND /, '')]));

/** What the result renderer is expected to give a template for an address: one line of text. */
function addressText(v: { provinceCode: string; communeCode: string; detail: string }): string {
  return `${v.detail}, ${agencyName.get(v.communeCode)}, ${agencyName.get(v.provinceCode)}`;
}

describe('seed procedure catalogue', () => {
  it('holds at least 12 procedures with unique codes', () => {
    expect(SEED_PROCEDURES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[12]\.\d{6}(\.000\.00\.00\.H\d{2})?$/);
  });

  it('holds the required set', () => {
    const byName = (fragment: string) => SEED_PROCEDURES.filter((p) => p.definition.name.vi.toLowerCase().includes(fragment.toLowerCase()));
    for (const fragment of [
      'Đăng ký khai sinh',
      'Đăng ký kết hôn',
      'Đăng ký khai tử',
      'Chứng thực bản sao từ bản chính',
      'Chứng thực chữ ký',
      'Đăng ký thành lập hộ kinh doanh',
      'giấy phép xây dựng mới đối với nhà ở riêng lẻ',
      'Xác nhận thông tin về cư trú',
      'Phiếu lý lịch tư pháp số 1',
      'trợ cấp xã hội hằng tháng',
      'Giấy xác nhận tình trạng hôn nhân',
      'trích lục hộ tịch',
      'nhận cha, mẹ, con',
    ]) {
      expect(byName(fragment), fragment).toHaveLength(1);
    }
    expect(codes).toContain('1.001193');
    const paged = SEED_PROCEDURES.filter((p) => (p.definition.form.pages?.length ?? 0) >= 2);
    expect(paged.length).toBeGreaterThanOrEqual(2);
    const lltp = byName('Phiếu lý lịch tư pháp')[0].definition;
    expect(lltp.level).toBe('DEPARTMENT');
    expect(lltp.agencyCodes).toEqual(['H12.01']);
  });

  describe.each(SEED_PROCEDURES.map((p) => [p.code, p.definition] as const))('%s', (code, def) => {
    const fields = new Map(def.form.fields.map((f) => [f.key, f]));

    it('has both Vietnamese and English texts', () => {
      for (const [where, text] of texts(def)) {
        expect(text, where).toBeTypeOf('object');
        const t = text as LocalizedText;
        expect(t.vi.trim(), `${where}.vi`).not.toBe('');
        expect(t.en?.trim(), `${where}.en`).toBeTruthy();
      }
    });

    it('is served by existing agencies of its level', () => {
      expect(def.agencyCodes.length).toBeGreaterThan(0);
      for (const a of def.agencyCodes) {
        expect(agencyLevel.has(a), a).toBe(true);
        expect(agencyLevel.get(a), a).toBe(def.level);
      }
    });

    it('has a sector, a legal basis and sane time and levels', () => {
      expect(def.sector.trim()).not.toBe('');
      expect(def.legalBasis?.length).toBeGreaterThan(0);
      expect(SERVICE_LEVELS).toContain(def.serviceLevel);
      expect(SUPPLEMENT_POLICIES).toContain(def.supplementPolicy);
      expect(def.supplementDeadlineDays).toBe(15);
      const t = def.processingTime;
      const hours = 'workingHours' in t ? t.workingHours : t.workingDays * 8;
      expect(hours).toBeGreaterThan(0);
      if (def.sameDayCutoff !== undefined) {
        expect(def.sameDayCutoff).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(hours).toBeLessThanOrEqual(8);
      }
    });

    it('has a whole, non-negative fee in VND with unique exemption codes', () => {
      expect(Number.isInteger(def.fee.amount)).toBe(true);
      expect(def.fee.amount).toBeGreaterThanOrEqual(0);
      expect(def.fee.currency).toBe('VND');
      expect(['ON_SUBMIT', 'BEFORE_RESULT']).toContain(def.fee.payWhen);
      const ex = (def.fee.exemptions ?? []).map((e) => e.code);
      expect(new Set(ex).size).toBe(ex.length);
      if (def.fee.amount === 0) expect(ex).toEqual([]);
    });

    it('has well-formed, unique fields', () => {
      expect(def.form.fields.length).toBeGreaterThan(0);
      expect(fields.size).toBe(def.form.fields.length);
      for (const f of def.form.fields) {
        expect(f.key, f.key).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
        expect(FIELD_TYPES, f.key).toContain(f.type);
        if (f.type === 'select' || f.type === 'radio') {
          expect(f.options?.length, f.key).toBeGreaterThanOrEqual(2);
        }
        if (f.options) {
          const values = f.options.map((o) => o.value);
          expect(new Set(values).size, f.key).toBe(values.length);
        }
        if (f.pattern !== undefined) {
          expect(() => new RegExp(f.pattern as string), f.key).not.toThrow();
          expect(f.patternMessage, f.key).toBeDefined();
        }
        if (f.minLength !== undefined && f.maxLength !== undefined) expect(f.minLength, f.key).toBeLessThanOrEqual(f.maxLength);
        if (typeof f.min === 'number' && typeof f.max === 'number') expect(f.min, f.key).toBeLessThanOrEqual(f.max);
        if (f.type === 'date') {
          for (const bound of [f.min, f.max]) if (bound !== undefined) expect(String(bound), f.key).toMatch(/^(today|\d{4}-\d{2}-\d{2})$/);
        }
      }
    });

    it('puts every field on a declared page, and every page has fields', () => {
      const pages = def.form.pages;
      if (!pages) {
        for (const f of def.form.fields) expect(f.page, f.key).toBeUndefined();
        return;
      }
      const keys = pages.map((p) => p.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const f of def.form.fields) expect(keys, f.key).toContain(f.page ?? keys[0]);
      for (const k of keys)
        expect(
          def.form.fields.some((f) => (f.page ?? keys[0]) === k),
          k,
        ).toBe(true);
    });

    it('only shows fields on conditions about other, existing fields and their real values', () => {
      for (const f of def.form.fields) {
        if (!f.showIf) continue;
        for (const leaf of leaves(f.showIf)) {
          const target = fields.get(leaf.field);
          expect(target, `${f.key} → ${leaf.field}`).toBeDefined();
          expect(leaf.field, f.key).not.toBe(f.key);
          if (!target) continue;
          const compared = 'equals' in leaf ? [leaf.equals] : 'in' in leaf ? leaf.in : [];
          if (target.options && target.type !== 'checkbox') {
            for (const v of compared)
              expect(
                target.options.map((o) => o.value),
                `${f.key} → ${leaf.field}`,
              ).toContain(v);
          }
          if (target.type === 'checkbox' && !target.options) {
            for (const v of compared) expect(typeof v, `${f.key} → ${leaf.field}`).toBe('boolean');
          }
        }
      }
    });

    it('has components with unique codes, sane limits and valid data sources', () => {
      const compCodes = def.components.map((c) => c.code);
      expect(new Set(compCodes).size).toBe(compCodes.length);
      for (const c of def.components) {
        expect(c.code, c.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
        if (c.maxBytes !== undefined) {
          expect(Number.isInteger(c.maxBytes), c.code).toBe(true);
          expect(c.maxBytes, c.code).toBeGreaterThan(0);
        }
        for (const type of c.accept ?? []) expect(type, c.code).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
        const by = c.satisfiedBy;
        if (by && 'profile' in by) expect(PROFILE_FACTS, c.code).toContain(by.profile);
        if (by && !('profile' in by)) expect(codes, c.code).toContain('resultOf' in by ? by.resultOf : by.result);
      }
    });

    it('has a workflow with unique steps, known roles and shares summing to 1', () => {
      const steps = def.workflow.steps;
      expect(steps.length).toBeGreaterThanOrEqual(2);
      expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
      for (const s of steps) {
        expect(ROLES, s.key).toContain(s.role);
        expect(s.share, s.key).toBeGreaterThan(0);
        if (s.agencyCode) expect(agencyLevel.has(s.agencyCode), s.key).toBe(true);
      }
      expect(steps[0].role).toBe('RECEPTIONIST');
      expect(steps[steps.length - 1].role).toBe('LEADER');
      const total = steps.reduce((sum, s) => sum + s.share, 0);
      expect(Math.abs(total - 1)).toBeLessThan(1e-9);
    });

    it('has a result template that only reads fields of its form, with built-in helpers', () => {
      const body = def.resultTemplate.body;
      expect(body.trim()).not.toBe('');
      expect(() => hbs.handlebars.precompile(body, { knownHelpersOnly: true })).not.toThrow();
      const read = templatePaths(body).filter((p) => !BUILT_IN_HELPERS.has(p));
      expect(read.length).toBeGreaterThan(0);
      for (const path of read) {
        const m = /^formData\.([A-Za-z][A-Za-z0-9_]*)$/.exec(path);
        expect(m, `${code}: ${path}`).not.toBeNull();
        expect(fields.has(m?.[1] ?? ''), `${code}: ${path}`).toBe(true);
      }
      // The same as a regular expression, as an author would read it.
      for (const [, key] of body.matchAll(/\{\{[#/]?(?:if |unless )?formData\.([A-Za-z0-9_]+)/g)) {
        expect(fields.has(key), `${code}: formData.${key}`).toBe(true);
      }
    });

    it('passes the definition checker', () => {
      const result = checkDefinition(def, { knownProcedureCodes: new Set(codes), knownAgencyCodes: new Set(agencyLevel.keys()) });
      expect(result.ok ? [] : result.errors).toEqual([]);
    });

    it.each([0, 1] as const)('accepts a filled-in form (variant %i) and renders its result from it', (variant) => {
      const formData = Object.fromEntries(def.form.fields.map((f) => [f.key, sample(f, variant)]));
      const result = compileForm(def.form).validate(formData, { agencies: AGENCY_REFS, today: TODAY });
      expect(result.ok ? [] : result.errors).toEqual([]);
      const data = Object.fromEntries(
        Object.entries(result.value).map(([k, v]) => [
          k,
          fields.get(k)?.type === 'address' ? addressText(v as Parameters<typeof addressText>[0]) : v,
        ]),
      );
      const out = hbs.handlebars.compile(def.resultTemplate.body, { knownHelpersOnly: true })({ formData: data });
      expect(out).not.toContain('[object Object]');
      expect(out).not.toContain('undefined');
      expect(out).not.toMatch(/\{\{|\}\}/);
    });
  });
});
