/**
 * Property-based tests of the form modules together, on random forms:
 * (a) a valid submission passes and keeps exactly the shown fields that have a value;
 * (b) one shown value made invalid gives errors at exactly that field's path;
 * (c) checkDefinition accepts every generated definition, and finds a random corruption at its path.
 *
 * Forms are generated with conditions that read only earlier fields (so they are
 * acyclic), then shuffled, so that the order of the form is not the order of
 * evaluation. Values are generated with their stored form, and visibility is
 * computed by a reference evaluator written here, independently of the module.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDefinition, WORKFLOW_ROLES } from './check-definition.js';
import type { Condition, FieldDefinition, FieldType, Scalar } from './definition.js';
import { compileForm, type AgencyRef, type SubmissionContext } from './validate-submission.js';

const TODAY = '2026-03-10';
const agencies: AgencyRef[] = [
  { code: 'H12', level: 'PROVINCE', parentCode: null },
  ...[1, 2, 3, 4, 5].map((i) => ({ code: `H12.0${i}`, level: 'COMMUNE' as const, parentCode: 'H12' })),
  { code: 'H12.90', level: 'DEPARTMENT', parentCode: 'H12' },
  { code: 'H13', level: 'PROVINCE', parentCode: null },
  { code: 'H13.01', level: 'COMMUNE', parentCode: 'H13' },
];
const ctx: SubmissionContext = { agencies, today: TODAY };
const PLACES: [string, string][] = [
  ['H12', 'H12.01'],
  ['H12', 'H12.05'],
  ['H13', 'H13.01'],
];

// ── Generators ─────────────────────────────────────────────────────────────

type Kind = Exclude<FieldType, 'checkbox'> | 'checkbox' | 'checkboxMulti';
const KINDS: Kind[] = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  'checkboxMulti',
  'email',
  'phone',
  'citizenId',
  'taxCode',
  'address',
];

/** Vietnamese and ASCII letters, precomposed (NFC), and digits: no whitespace, no combining marks. */
const LETTERS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐƯƠ0123456789'];
const letter = fc.constantFrom(...LETTERS);

const PATTERNS: { pattern: string; gen: fc.Arbitrary<string> }[] = [
  { pattern: '[0-9]+', gen: fc.stringMatching(/^[0-9]{1,8}$/) },
  { pattern: '[A-Z]{2}[0-9]{4}', gen: fc.stringMatching(/^[A-Z]{2}[0-9]{4}$/) },
  {
    pattern: '\\p{L}+( \\p{L}+)*',
    gen: fc
      .array(fc.string({ unit: fc.constantFrom(...'aăâđêôơưáệỹ'), minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 })
      .map((w) => w.join(' ')),
  },
];

const TEXT_POOL = ['an', 'bình', 'chi'];
const DATE_POOL = ['2000-01-01', '2020-02-29', TODAY];
const EMAIL_POOL = ['an@example.vn', 'binh@gov.vn'];
const PHONE_POOL = ['0912345678', '02438251234'];
const ID_POOL = ['001090000123', '079200001234'];
const TAX_POOL = ['0101234567', '0101234567-001'];

const EMAIL_ARB = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,10}$/), fc.stringMatching(/^[a-z0-9]{1,10}\.(vn|com|gov\.vn)$/))
  .map(([l, d]) => `${l}@${d}`);
const PHONE_ARB = fc.stringMatching(/^0(?:[35789]\d{8}|2\d{9})$/);
const ID_ARB = fc.stringMatching(/^\d{12}$/);
const TAX_ARB = fc.oneof(fc.stringMatching(/^\d{10}$/), fc.stringMatching(/^\d{10}-\d{3}$/));
const DETAIL_ARB = fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạ0123456789'), minLength: 1, maxLength: 40 });

const isoDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const keyArb = fc.oneof(
  { weight: 9, arbitrary: fc.stringMatching(/^[a-y][A-Za-z0-9_]{0,8}$/) },
  { weight: 1, arbitrary: fc.constantFrom('constructor', 'toString', 'valueOf', 'hasOwnProperty') },
);

interface LeafT {
  leaf: { kind: 'equals' | 'in' | 'notEmpty'; ref: number; picks: number[] };
}
type CondT = LeafT | { all: CondT[] } | { any: CondT[] };

const leafT: fc.Arbitrary<CondT> = fc
  .record({
    kind: fc.constantFrom('equals' as const, 'in' as const, 'notEmpty' as const),
    ref: fc.nat(),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  })
  .map((leaf) => ({ leaf }));
const group = (arb: fc.Arbitrary<CondT>) =>
  fc.oneof(
    fc.array(arb, { minLength: 1, maxLength: 3 }).map((all): CondT => ({ all })),
    fc.array(arb, { minLength: 1, maxLength: 3 }).map((any): CondT => ({ any })),
  );
const condT: fc.Arbitrary<CondT> = fc.oneof(
  { weight: 4, arbitrary: leafT },
  { weight: 1, arbitrary: group(fc.oneof(leafT, group(leafT))) },
);

const optionValue = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'Nam', 'Nữ', 'Việt Nam', 'Khác', 'x_1'),
  fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/),
);
const dateBound = fc.oneof(fc.constant('today'), isoDate('1950-01-01', '2100-12-31'));
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const specArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  required: fc.boolean(),
  labelEn: fc.boolean(),
  minLength: opt(fc.integer({ min: 0, max: 4 })),
  lengthSpan: opt(fc.integer({ min: 0, max: 20 })),
  pattern: opt(fc.integer({ min: 0, max: PATTERNS.length - 1 })),
  numMin: opt(fc.integer({ min: -50, max: 50 })),
  numMax: opt(fc.integer({ min: -50, max: 50 })),
  dateMin: opt(dateBound),
  dateMax: opt(dateBound),
  options: fc.uniqueArray(optionValue, { minLength: 1, maxLength: 5 }),
  cond: fc.option(condT, { nil: undefined, freq: 2 }),
});
type Spec = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

/** A value as posted, and as stored (`undefined`: no value; a checkbox always has one). */
interface Sample {
  present: boolean;
  raw?: unknown;
  canonical: unknown;
}

interface GenField {
  def: FieldDefinition;
  /** Canonical values conditions on this field may compare with (none: only notEmpty). */
  pool: Scalar[];
}

const resolveDate = (b: string | undefined) => (b === 'today' ? TODAY : b);

function buildDef(spec: Spec, key: string): FieldDefinition {
  const type: FieldType = spec.kind === 'checkboxMulti' ? 'checkbox' : spec.kind;
  const def: FieldDefinition = { key, type, label: spec.labelEn ? { vi: `Nhãn ${key}`, en: `Label ${key}` } : { vi: `Nhãn ${key}` } };
  if (spec.required) def.required = true;
  switch (spec.kind) {
    case 'text':
    case 'textarea':
      if (spec.pattern !== undefined) def.pattern = PATTERNS[spec.pattern].pattern;
      else {
        if (spec.minLength !== undefined) def.minLength = spec.minLength;
        if (spec.lengthSpan !== undefined) def.maxLength = Math.max(1, (spec.minLength ?? 0) + spec.lengthSpan);
      }
      break;
    case 'number': {
      const [lo, hi] = [spec.numMin, spec.numMax];
      if (lo !== undefined && hi !== undefined) [def.min, def.max] = [Math.min(lo, hi), Math.max(lo, hi)];
      else if (lo !== undefined) def.min = lo;
      else if (hi !== undefined) def.max = hi;
      break;
    }
    case 'date': {
      let [lo, hi] = [spec.dateMin, spec.dateMax];
      if (lo !== undefined && hi !== undefined && lo !== 'today' && hi !== 'today' && lo > hi) [lo, hi] = [hi, lo];
      // A bound against today that leaves no possible date would make a required field unfillable: drop it.
      if (lo !== undefined && hi !== undefined && resolveDate(lo)! > resolveDate(hi)!) hi = undefined;
      if (lo !== undefined) def.min = lo;
      if (hi !== undefined) def.max = hi;
      break;
    }
    case 'select':
    case 'radio':
    case 'checkboxMulti':
      def.options = spec.options.map((value) => ({ value, label: { vi: `Lựa chọn ${value}` } }));
      break;
  }
  return def;
}

function poolOf(def: FieldDefinition): Scalar[] {
  switch (def.type) {
    case 'text':
    case 'textarea':
      return TEXT_POOL;
    case 'number': {
      const lo = typeof def.min === 'number' ? def.min : -50;
      const hi = typeof def.max === 'number' ? def.max : 50;
      return [...new Set([lo, Math.round((lo + hi) / 2), hi])];
    }
    case 'date':
      return DATE_POOL;
    case 'select':
    case 'radio':
      return def.options!.map((o) => o.value);
    case 'checkbox':
      return def.options ? def.options.map((o) => o.value) : [true, false];
    case 'email':
      return EMAIL_POOL;
    case 'phone':
      return PHONE_POOL;
    case 'citizenId':
      return ID_POOL;
    case 'taxCode':
      return TAX_POOL;
    case 'address':
      return [];
  }
}

const fitsText = (def: FieldDefinition, s: string) =>
  s.length >= Math.max(1, def.minLength ?? 0) &&
  s.length <= (def.maxLength ?? 1000) &&
  (def.pattern === undefined || new RegExp(`^(?:${def.pattern})$`, 'u').test(s));

/** Pool values where they are valid values of the field, mixed with random ones: conditions then hold often enough. */
function withPool<T>(pool: T[], random: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return pool.length === 0 ? random : fc.oneof(fc.constantFrom(...pool), random);
}

const sample = (canonical: unknown, raws: unknown[]) => fc.constantFrom(...raws).map((raw): Sample => ({ present: true, raw, canonical }));

function filledArb(def: FieldDefinition): fc.Arbitrary<Sample> {
  switch (def.type) {
    case 'text':
    case 'textarea': {
      const random =
        def.pattern !== undefined
          ? PATTERNS.find((p) => p.pattern === def.pattern)!.gen
          : fc.string({ unit: letter, minLength: Math.max(1, def.minLength ?? 0), maxLength: Math.min(def.maxLength ?? 12, 40) });
      return withPool(
        TEXT_POOL.filter((s) => fitsText(def, s)),
        random,
      ).chain((c) => sample(c, [c, `  ${c} `, c.normalize('NFD'), `\t${c}\n`]));
    }
    case 'number': {
      const lo = typeof def.min === 'number' ? def.min : -50;
      const hi = typeof def.max === 'number' ? def.max : 50;
      const integers = withPool(poolOf(def) as number[], fc.integer({ min: lo, max: hi }));
      const values =
        hi > lo
          ? fc.oneof(
              integers,
              fc.integer({ min: lo, max: hi - 1 }).map((n) => n + 0.5),
            )
          : integers;
      return values.filter((n) => n >= lo && n <= hi).chain((n) => sample(n, [n, String(n), ` ${n} `]));
    }
    case 'date': {
      const lo = resolveDate(def.min as string | undefined) ?? '1950-01-01';
      const hi = resolveDate(def.max as string | undefined) ?? '2100-12-31';
      return withPool(
        DATE_POOL.filter((d) => d >= lo && d <= hi),
        isoDate(lo, hi),
      ).chain((iso) => {
        const [y, m, d] = iso.split('-');
        return sample(iso, [iso, `${d}/${m}/${y}`, `${+d}/${+m}/${y}`, ` ${iso} `]);
      });
    }
    case 'select':
    case 'radio':
      return fc.constantFrom(...def.options!.map((o) => o.value)).chain((v) => sample(v, [v, ` ${v} `, v.normalize('NFD')]));
    case 'checkbox': {
      if (def.options === undefined) {
        const ticked = sample(true, [true, 'on', 'true']);
        return def.required ? ticked : fc.oneof(ticked, sample(false, [false, 'false']));
      }
      const values = def.options.map((o) => o.value);
      return fc
        .record({ chosen: fc.subarray(values, { minLength: def.required ? 1 : 0 }), reversed: fc.boolean(), repeat: fc.boolean() })
        .map(({ chosen, reversed, repeat }): Sample => {
          let raw: unknown = reversed ? [...chosen].reverse() : [...chosen];
          if (repeat && chosen.length > 0) raw = [...(raw as string[]), chosen[0], ''];
          else if (chosen.length === 1 && reversed) raw = chosen[0];
          return { present: true, raw, canonical: chosen };
        });
    }
    case 'email':
      return withPool(EMAIL_POOL, EMAIL_ARB).chain((c) => {
        const [l, d] = c.split('@');
        return sample(c, [c, ` ${c} `, `${l}@${d.toUpperCase()}`]);
      });
    case 'phone':
      return withPool(PHONE_POOL, PHONE_ARB).chain((c) =>
        sample(c, [
          c,
          `+84${c.slice(1)}`,
          `+84 ${c.slice(1, 4)} ${c.slice(4, 7)} ${c.slice(7)}`,
          `${c.slice(0, 4)}.${c.slice(4, 7)}.${c.slice(7)}`,
          `${c.slice(0, 4)}-${c.slice(4)}`,
        ]),
      );
    case 'citizenId':
      return withPool(ID_POOL, ID_ARB).chain((c) => sample(c, [c, ` ${c} `]));
    case 'taxCode':
      return withPool(TAX_POOL, TAX_ARB).chain((c) => sample(c, c.length === 10 ? [c, ` ${c}`] : [c, c.replace('-', '')]));
    case 'address': {
      const address = ([[p, c], detail]: [[string, string], string]): Sample => ({
        present: true,
        raw: { provinceCode: ` ${p}`, communeCode: c, detail: ` Số 1 ${detail} ` },
        canonical: { provinceCode: p, communeCode: c, detail: `Số 1 ${detail}` },
      });
      return fc.tuple(fc.constantFrom(...PLACES), DETAIL_ARB).map(address);
    }
  }
}

function emptyArb(def: FieldDefinition): fc.Arbitrary<Sample> {
  if (def.type === 'checkbox' && def.options === undefined) {
    return fc.constantFrom<Sample>(
      { present: false, canonical: false },
      { present: true, raw: '', canonical: false },
      { present: true, raw: null, canonical: false },
    );
  }
  if (def.type === 'checkbox') {
    return fc.constantFrom<Sample>(
      { present: false, canonical: [] },
      { present: true, raw: [], canonical: [] },
      { present: true, raw: '', canonical: [] },
    );
  }
  const blank = def.type === 'address' ? [{}, { provinceCode: '', communeCode: ' ', detail: '' }, null] : ['', '   ', null];
  return fc.oneof(
    fc.constant<Sample>({ present: false, canonical: undefined }),
    fc.constantFrom(...blank).map((raw): Sample => ({ present: true, raw, canonical: undefined })),
  );
}

function validArb(def: FieldDefinition): fc.Arbitrary<Sample> {
  return def.required ? filledArb(def) : fc.oneof(filledArb(def), emptyArb(def));
}

/** A posted value that fails this field's checks with an error at `formData.<key>` itself. */
function invalidArb(def: FieldDefinition): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'text':
    case 'textarea': {
      const bad: unknown[] = [42, ['x']];
      if (def.maxLength !== undefined) bad.push('z'.repeat(def.maxLength + 1));
      if (def.pattern !== undefined) bad.push('!!');
      return fc.constantFrom(...bad);
    }
    case 'number': {
      const bad: unknown[] = ['abc', '1,5', true];
      if (typeof def.min === 'number') bad.push(def.min - 1);
      if (typeof def.max === 'number') bad.push(String(def.max + 1));
      return fc.constantFrom(...bad);
    }
    case 'date':
      return fc.constantFrom('2023-02-29', '31/04/2025', 'hôm qua', 20250101);
    case 'select':
    case 'radio':
      return fc.constantFrom('zz-not-an-option', 7);
    case 'checkbox':
      return def.options === undefined ? fc.constantFrom('maybe', 1) : fc.constantFrom(['zz-not-an-option'], 'zz-not-an-option', [7]);
    case 'email':
      return fc.constantFrom('not-an-email', 'a@b', 'a b@c.vn');
    case 'phone':
      return fc.constantFrom('12345', '0123456789', '+1 212 555 0100');
    case 'citizenId':
      return fc.constantFrom('12345', '00109000012x', '0010900001234');
    case 'taxCode':
      return fc.constantFrom('12-34', '010123456', '0101234567-1');
    case 'address':
      return fc.constantFrom('H12', 42, [{ provinceCode: 'H12' }]);
  }
}

/** Canonical condition values for a field referenced by a condition of field `i`. */
function resolveCondition(t: CondT, i: number, gens: GenField[]): Condition {
  if ('all' in t) return { all: t.all.map((c) => resolveCondition(c, i, gens)) };
  if ('any' in t) return { any: t.any.map((c) => resolveCondition(c, i, gens)) };
  const ref = gens[t.leaf.ref % i];
  const pool = ref.pool;
  if (t.leaf.kind === 'notEmpty' || pool.length === 0) return { field: ref.def.key, notEmpty: true };
  const pick = (n: number) => pool[n % pool.length];
  if (t.leaf.kind === 'equals') return { field: ref.def.key, equals: pick(t.leaf.picks[0]) };
  return { field: ref.def.key, in: [...new Set(t.leaf.picks.map(pick))] };
}

interface GenForm {
  /** In generation order: conditions read only earlier fields. */
  gens: GenField[];
  /** The form's order: a permutation of the generation order. */
  order: number[];
  fields: FieldDefinition[];
}

const formArb: fc.Arbitrary<GenForm> = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc
    .tuple(
      fc.array(specArb, { minLength: n, maxLength: n }),
      fc.uniqueArray(keyArb, { minLength: n, maxLength: n }),
      fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    )
    .map(([specs, keys, order]) => {
      const gens: GenField[] = [];
      specs.forEach((spec, i) => {
        const def = buildDef(spec, keys[i]);
        if (spec.cond !== undefined && i > 0) def.showIf = resolveCondition(spec.cond, i, gens);
        gens.push({ def, pool: poolOf(def) });
      });
      return { gens, order, fields: order.map((i) => gens[i].def) };
    }),
);

interface GenSubmission extends GenForm {
  samples: Sample[];
  data: Record<string, unknown>;
}

const submissionArb: fc.Arbitrary<GenSubmission> = formArb.chain((form) =>
  fc.tuple(...form.gens.map((g) => validArb(g.def))).map((samples) => {
    const data: Record<string, unknown> = {};
    // Posted in the form's order, as a browser does; hidden fields' values are posted too.
    for (const i of form.order) if (samples[i].present) data[form.gens[i].def.key] = samples[i].raw;
    return { ...form, samples, data };
  }),
);

// ── The reference evaluator ────────────────────────────────────────────────

function holds(cond: Condition, seen: Map<string, unknown>, byKey: Map<string, FieldDefinition>): boolean {
  if ('all' in cond) return cond.all.every((c) => holds(c, seen, byKey));
  if ('any' in cond) return cond.any.some((c) => holds(c, seen, byKey));
  const v = seen.get(cond.field);
  const ref = byKey.get(cond.field)!;
  const multi = ref.type === 'checkbox' && ref.options !== undefined;
  const single = ref.type === 'checkbox' && ref.options === undefined;
  if ('notEmpty' in cond) return single ? v === true : multi ? Array.isArray(v) && v.length > 0 : v !== undefined;
  const wanted: unknown[] = 'equals' in cond ? [cond.equals] : cond.in;
  return multi ? Array.isArray(v) && v.some((x) => wanted.includes(x)) : v !== undefined && wanted.includes(v);
}

/** What a correct validator shows and keeps: keys in the form's order, and the stored values. */
function reference(s: GenSubmission): { shown: string[]; value: Record<string, unknown> } {
  const byKey = new Map(s.gens.map((g) => [g.def.key, g.def]));
  const seen = new Map<string, unknown>();
  const shown = new Set<string>();
  s.gens.forEach((g, i) => {
    if (g.def.showIf !== undefined && !holds(g.def.showIf, seen, byKey)) return;
    shown.add(g.def.key);
    if (s.samples[i].canonical !== undefined) seen.set(g.def.key, s.samples[i].canonical);
  });
  const value: Record<string, unknown> = {};
  for (const i of s.order) {
    const key = s.gens[i].def.key;
    if (seen.has(key)) value[key] = seen.get(key);
  }
  return { shown: s.order.map((i) => s.gens[i].def.key).filter((k) => shown.has(k)), value };
}

const RUNS = { numRuns: 300 };

describe('properties of validate (random forms and submissions)', () => {
  it('(a) a valid submission passes and keeps exactly the shown fields that have a value, stored normalised', () => {
    fc.assert(
      fc.property(submissionArb, (s) => {
        const form = compileForm({ fields: s.fields });
        const r = form.validate(s.data, ctx);
        const expected = reference(s);
        expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code])).toEqual([]);
        expect(Object.keys(r.value)).toEqual(Object.keys(expected.value));
        expect(r.value).toEqual(expected.value);
        expect(form.visibleKeys(s.data)).toEqual(expected.shown);
      }),
      RUNS,
    );
  });

  it('(a′) the generator does exercise conditions both ways and hidden fields', () => {
    // Guards the property above against a generator that would never hide anything.
    let hidden = 0;
    let conditionalShown = 0;
    fc.assert(
      fc.property(submissionArb, (s) => {
        const { shown } = reference(s);
        for (const g of s.gens) {
          if (g.def.showIf === undefined) continue;
          if (shown.includes(g.def.key)) conditionalShown++;
          else hidden++;
        }
      }),
      RUNS,
    );
    expect(hidden).toBeGreaterThan(50);
    expect(conditionalShown).toBeGreaterThan(50);
  });

  it('(b) one shown value made invalid gives errors at exactly that path, and nothing else changes but what it hides', () => {
    const mutated = submissionArb.chain((s) => {
      const { shown } = reference(s);
      const candidates = s.gens
        .map((g, i) => i)
        .filter((i) => {
          const c = s.samples[i].canonical;
          return shown.includes(s.gens[i].def.key) && c !== undefined && !(Array.isArray(c) && c.length === 0);
        });
      if (candidates.length === 0) return fc.constant(undefined);
      return fc.constantFrom(...candidates).chain((i) => invalidArb(s.gens[i].def).map((raw) => ({ s, i, raw })));
    });
    fc.assert(
      fc.property(mutated, (m) => {
        fc.pre(m !== undefined);
        const { s, i, raw } = m!;
        const key = s.gens[i].def.key;
        const r = compileForm({ fields: s.fields }).validate({ ...s.data, [key]: raw }, ctx);
        expect(r.ok).toBe(false);
        const paths = r.ok ? [] : r.errors.map((e) => e.path);
        expect(paths.length).toBeGreaterThan(0);
        expect(new Set(paths)).toEqual(new Set([`formData.${key}`]));
        expect(Object.hasOwn(r.value, key)).toBe(false);
      }),
      RUNS,
    );
  });
});

// ── (c) checkDefinition on generated procedure definitions ─────────────────

const stepsArb = fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 5 }).chain((weights) =>
  fc.tuple(...weights.map(() => fc.constantFrom(...WORKFLOW_ROLES))).map((roles) => {
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.map((w, k) => ({ key: `step${k}`, role: roles[k], share: w / total }));
  }),
);

const procedureArb = fc.record({
  form: formArb,
  steps: stepsArb,
  processingTime: fc.oneof(
    fc.integer({ min: 1, max: 60 }).map((d) => ({ workingDays: d / 2 })),
    fc.integer({ min: 1, max: 80 }).map((h) => ({ workingHours: h })),
  ),
  amount: fc.integer({ min: 0, max: 5_000_000 }),
  payWhen: fc.constantFrom('ON_SUBMIT', 'BEFORE_RESULT'),
});

function procedure(p: typeof procedureArb extends fc.Arbitrary<infer T> ? T : never) {
  return {
    name: { vi: 'Thủ tục thử', en: 'Test procedure' },
    sector: 'Thử nghiệm',
    level: 'COMMUNE',
    agencyCodes: ['H12.01'],
    processingTime: p.processingTime,
    serviceLevel: 'PARTIAL',
    fee: { amount: p.amount, currency: 'VND', payWhen: p.payWhen },
    form: { fields: p.form.fields },
    components: [{ code: 'GCS', name: { vi: 'Giấy tờ' }, required: true, accept: ['application/pdf'], maxBytes: 1024 }],
    workflow: { steps: p.steps },
    resultTemplate: { title: { vi: 'Kết quả' }, body: 'Kết quả cho {{formData}}' },
    supplementPolicy: 'RESTART',
    supplementDeadlineDays: 15,
  };
}

const checkCtx = { knownProcedureCodes: new Set<string>(), knownAgencyCodes: new Set(['H12', 'H12.01']) };

type Corruption = 'duplicateKey' | 'danglingShowIf' | 'selfCycle' | 'shares';

describe('properties of checkDefinition (random definitions)', () => {
  it('(c) accepts every generated definition, unchanged', () => {
    fc.assert(
      fc.property(procedureArb, (p) => {
        const input = procedure(p);
        const r = checkDefinition(input, checkCtx);
        expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code])).toEqual([]);
        expect(r.ok && r.definition).toEqual(input);
        // and what it accepts compiles.
        expect(() => compileForm(input.form)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('(c) after a random corruption, reports an error at the corrupted path', () => {
    const corrupted = fc.tuple(
      procedureArb,
      fc.constantFrom<Corruption>('duplicateKey', 'danglingShowIf', 'selfCycle', 'shares'),
      fc.nat(),
      fc.nat(),
    );
    fc.assert(
      fc.property(corrupted, ([p, kind, x, y]) => {
        const input = structuredClone(procedure(p));
        const fields = input.form.fields;
        const n = fields.length;
        let expected: { path: string; code: string };
        if (kind === 'duplicateKey' && n >= 2) {
          const a = x % (n - 1);
          const b = a + 1 + (y % (n - 1 - a));
          fields[b].key = fields[a].key;
          expected = { path: `form.fields[${b}].key`, code: 'definition.duplicateKey' };
        } else if (kind === 'selfCycle') {
          const a = x % n;
          fields[a].showIf = { field: fields[a].key, notEmpty: true };
          expected = { path: `form.fields[${a}].showIf`, code: 'definition.showIfCycle' };
        } else if (kind === 'shares') {
          const k = x % input.workflow.steps.length;
          input.workflow.steps[k].share += 0.1;
          expected = { path: 'workflow.steps', code: 'definition.sharesSum' };
        } else {
          const a = x % n;
          fields[a].showIf = y % 2 ? { field: 'zzMissing', notEmpty: true } : { all: [{ field: 'zzMissing', equals: 'a' }] };
          expected = {
            path: y % 2 ? `form.fields[${a}].showIf.field` : `form.fields[${a}].showIf.all[0].field`,
            code: 'definition.showIfMissing',
          };
        }
        const r = checkDefinition(input, checkCtx);
        expect(r.ok).toBe(false);
        expect(r.ok ? [] : r.errors.map((e) => ({ path: e.path, code: e.code }))).toContainEqual(expected);
      }),
      RUNS,
    );
  });
});
