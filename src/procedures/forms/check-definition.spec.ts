import { describe, expect, it } from 'vitest';
import { checkDefinition, type CheckDefinitionContext } from './check-definition.js';
import { DEFAULT_ACCEPT, DEFAULT_MAX_BYTES, type ProcedureDefinition } from './definition.js';

const ctx: CheckDefinitionContext = {
  knownProcedureCodes: new Set(['1.001193', '2.000986.000.00.00.H12']),
  knownAgencyCodes: new Set(['H12', 'H12.01', 'H12.05', 'H12.06']),
};

type Json = Record<string, unknown>;

/** The procedure body of docs/API.md, without its `code` (which names the procedure, not the version). */
function example(): Json {
  return {
    name: 'Đăng ký khai sinh',
    sector: 'Hộ tịch',
    level: 'COMMUNE',
    agencyCodes: ['H12.05'],
    processingTime: { workingDays: 1 },
    serviceLevel: 'FULL',
    fee: { amount: 0, currency: 'VND', payWhen: 'ON_SUBMIT' },
    form: {
      fields: [
        { key: 'childName', type: 'text', label: { vi: 'Họ tên trẻ', en: "Child's name" }, required: true, maxLength: 100 },
        { key: 'hasFather', type: 'checkbox', label: { vi: 'Có thông tin cha', en: 'Father known' } },
        {
          key: 'fatherCitizenId',
          type: 'citizenId',
          label: { vi: 'Số định danh của cha', en: "Father's ID" },
          required: true,
          showIf: { field: 'hasFather', equals: true },
        },
      ],
    },
    components: [
      {
        code: 'GCS',
        name: { vi: 'Giấy chứng sinh', en: 'Birth certificate from hospital' },
        required: true,
        accept: ['application/pdf', 'image/jpeg', 'image/png'],
        maxBytes: 10485760,
      },
      {
        code: 'CCCD',
        name: { vi: 'Căn cước của người đi khai', en: "Declarant's ID card" },
        required: true,
        satisfiedBy: { profile: 'citizenId' },
      },
    ],
    workflow: {
      steps: [
        { key: 'reception', role: 'RECEPTIONIST', share: 0.1 },
        { key: 'processing', role: 'SPECIALIST', share: 0.6 },
        { key: 'approval', role: 'LEADER', share: 0.3 },
      ],
    },
    resultTemplate: { title: 'Giấy khai sinh', body: 'Handlebars text using {{formData.childName}} ...' },
  };
}

/** The example with `patch` applied at a dotted path (`form.fields`, `fee.amount`); `undefined` deletes. */
function withAt(path: string, value: unknown, base: Json = example()): Json {
  const parts = path.split('.');
  let target = base as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) target = target[p] as Record<string, unknown>;
  const last = parts[parts.length - 1];
  if (value === undefined) delete target[last];
  else target[last] = value;
  return base;
}

const withFields = (...fields: Json[]) => withAt('form.fields', fields);
const f = (key: string, type: string, extra: Json = {}): Json => ({ key, type, label: key, ...extra });
const opts = (...values: string[]) => values.map((value) => ({ value, label: value }));

function definitionOf(input: unknown, context = ctx): ProcedureDefinition {
  const r = checkDefinition(input, context);
  expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code])).toEqual([]);
  if (!r.ok) throw new Error('unreachable');
  return r.definition;
}

function errorsOf(input: unknown, context = ctx): [string, string][] {
  const r = checkDefinition(input, context);
  return r.ok ? [] : r.errors.map((e) => [e.path, e.code]);
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object') {
    for (const child of Object.values(v)) deepFreeze(child);
    Object.freeze(v);
  }
  return v;
}

describe('checkDefinition: a valid definition', () => {
  it('accepts the API example and normalises it', () => {
    const def = definitionOf(example());
    expect(def.name).toEqual({ vi: 'Đăng ký khai sinh' });
    expect(def.resultTemplate.title).toEqual({ vi: 'Giấy khai sinh' });
    expect(def.supplementPolicy).toBe('RESTART');
    expect(def.supplementDeadlineDays).toBe(15);
    expect(def.components[1]).toEqual({
      code: 'CCCD',
      name: { vi: 'Căn cước của người đi khai', en: "Declarant's ID card" },
      required: true,
      accept: DEFAULT_ACCEPT,
      maxBytes: DEFAULT_MAX_BYTES,
      satisfiedBy: { profile: 'citizenId' },
    });
    expect(def.form.fields[2]).toEqual({
      key: 'fatherCitizenId',
      type: 'citizenId',
      label: { vi: 'Số định danh của cha', en: "Father's ID" },
      required: true,
      showIf: { field: 'hasFather', equals: true },
    });
    expect(def.workflow.steps.map((s) => s.share)).toEqual([0.1, 0.6, 0.3]);
  });

  it('fills fee.currency with VND when it is left out', () => {
    expect(definitionOf(withAt('fee', { amount: 50000, payWhen: 'BEFORE_RESULT' })).fee).toEqual({
      amount: 50000,
      currency: 'VND',
      payWhen: 'BEFORE_RESULT',
    });
  });

  it('keeps what is given instead of the defaults', () => {
    const input = {
      ...example(),
      supplementPolicy: 'PAUSE',
      supplementDeadlineDays: 30,
      allowRepeatSupplement: true,
      sameDayCutoff: '15:30',
    };
    const def = definitionOf(input);
    expect([def.supplementPolicy, def.supplementDeadlineDays, def.allowRepeatSupplement, def.sameDayCutoff]).toEqual([
      'PAUSE',
      30,
      true,
      '15:30',
    ]);
  });

  it('takes null for an absent optional property', () => {
    const def = definitionOf({ ...example(), description: null, legalBasis: null });
    expect(def).not.toHaveProperty('description');
    expect(def).not.toHaveProperty('legalBasis');
  });

  it('turns every plain-string text into { vi }, trimmed, and drops a blank English', () => {
    const def = definitionOf(
      withFields(
        f('kind', 'select', {
          label: '  Loại hồ sơ ',
          hint: { vi: 'Chọn một', en: ' ' },
          options: [{ value: 'a', label: 'Một' }],
        }),
      ),
    );
    expect(def.form.fields[0]).toMatchObject({
      label: { vi: 'Loại hồ sơ' },
      hint: { vi: 'Chọn một' },
      options: [{ value: 'a', label: { vi: 'Một' } }],
    });
    expect(def.form.fields[0].hint).not.toHaveProperty('en');
  });

  it('does not modify its input, and returns a definition that shares nothing with it', () => {
    const input = deepFreeze(
      withFields(f('d', 'date'), f('s', 'select', { options: opts('a'), showIf: { field: 'd', in: ['25/12/2025'] } }), f('t', 'text')),
    );
    const def = definitionOf(input);
    expect(def.form.fields[1].showIf).toEqual({ field: 'd', in: ['2025-12-25'] });
    (def.form.fields[1].options as unknown[]).push('x');
    expect((input.form as { fields: { options?: unknown[] }[] }).fields[1].options).toHaveLength(1);
  });

  it('accepts legal bases, a description and fee exemptions', () => {
    const def = definitionOf({
      ...example(),
      legalBasis: ['Luật Hộ tịch 2014', 'Nghị định 118/2025/NĐ-CP'],
      description: { vi: 'Mô tả', en: 'Description' },
      fee: { amount: 8000, payWhen: 'ON_SUBMIT', name: 'Lệ phí hộ tịch', exemptions: [{ code: 'POOR', label: 'Hộ nghèo' }] },
    });
    expect(def.fee).toEqual({
      amount: 8000,
      currency: 'VND',
      payWhen: 'ON_SUBMIT',
      name: { vi: 'Lệ phí hộ tịch' },
      exemptions: [{ code: 'POOR', label: { vi: 'Hộ nghèo' } }],
    });
  });

  it('works without knownAgencyCodes (codes checked for their format only)', () => {
    expect(definitionOf(withAt('agencyCodes', ['H99.01']), { knownProcedureCodes: new Set() }).agencyCodes).toEqual(['H99.01']);
  });
});

describe('checkDefinition: structure', () => {
  it.each([
    ['null', null],
    ['an array', [example()]],
    ['a string', 'x'],
  ])('refuses %s at $', (_label, input) => {
    expect(errorsOf(input)).toEqual([['$', 'definition.notObject']]);
  });

  it.each([
    'name',
    'sector',
    'level',
    'agencyCodes',
    'processingTime',
    'serviceLevel',
    'fee',
    'form',
    'components',
    'workflow',
    'resultTemplate',
  ])('requires %s', (key) => {
    expect(errorsOf(withAt(key, undefined))).toEqual([[key, 'definition.required']]);
  });

  it.each([
    ['code', 'code'],
    ['form.fields.0.colour', 'form.fields[0].colour'],
    ['components.0.size', 'components[0].size'],
    ['workflow.steps.1.deadline', 'workflow.steps[1].deadline'],
    ['fee.vat', 'fee.vat'],
    ['processingTime.calendarDays', 'processingTime.calendarDays'],
    ['resultTemplate.footer', 'resultTemplate.footer'],
    ['form.fields.0.label.fr', 'form.fields[0].label.fr'],
    ['form.layout', 'form.layout'],
    ['workflow.parallel', 'workflow.parallel'],
  ])('refuses the unknown property %s', (where, path) => {
    expect(errorsOf(withAt(where, 'x'))).toEqual([[path, 'definition.unknownProperty']]);
  });

  it('names the unknown property in the message', () => {
    const r = checkDefinition({ ...example(), code: '1.001193' }, ctx);
    expect(r.ok ? undefined : r.errors[0]).toEqual({
      path: 'code',
      code: 'definition.unknownProperty',
      params: { property: 'code' },
      message: { vi: 'Thuộc tính “code” không được hỗ trợ.', en: 'The property “code” is not supported.' },
    });
  });

  it.each([
    ['name', 42, 'definition.text'],
    ['name', '  ', 'definition.emptyText'],
    ['name', { en: 'Birth' }, 'definition.required', 'name.vi'],
    ['name', { vi: '' }, 'definition.emptyText', 'name.vi'],
    ['name', { vi: 'A', en: 3 }, 'definition.notString', 'name.en'],
    ['sector', 7, 'definition.notString'],
    ['level', 'DISTRICT', 'definition.enum'],
    ['serviceLevel', 'HALF', 'definition.enum'],
    ['agencyCodes', 'H12.05', 'definition.notArray'],
    ['legalBasis', ['Luật', 3], 'definition.notString', 'legalBasis[1]'],
    ['description', [], 'definition.text'],
    ['allowRepeatSupplement', 'yes', 'definition.notBoolean'],
    ['supplementPolicy', 'STOP', 'definition.enum'],
    ['form', [], 'definition.notObject'],
    ['form.fields', {}, 'definition.notArray'],
    ['form.fields', [null], 'definition.notObject', 'form.fields[0]'],
    ['components', {}, 'definition.notArray'],
    ['workflow', [], 'definition.notObject'],
    ['resultTemplate.body', '', 'definition.emptyText'],
    ['resultTemplate.body', 5, 'definition.notString'],
  ])('refuses %s = %j (%s)', (where, value, code, path = where) => {
    expect(errorsOf(withAt(where, value))).toEqual([[path, code]]);
  });

  it('lists the allowed values of an enumeration', () => {
    const r = checkDefinition(withAt('level', 'DISTRICT'), ctx);
    expect(r.ok ? undefined : r.errors[0].params).toEqual({ allowed: 'PROVINCE, COMMUNE, DEPARTMENT' });
  });

  it('reports every problem at once', () => {
    const input = {
      ...example(),
      code: 'x',
      level: 'DISTRICT',
      agencyCodes: [],
      processingTime: { workingDays: 0 },
      fee: { amount: -5, payWhen: 'LATER' },
      form: {
        fields: [
          f('a', 'colour'),
          f('a', 'text', { showIf: { field: 'ghost', notEmpty: true } }),
          f('b', 'select'),
          f('c', 'text', { pattern: '[' }),
        ],
      },
      components: [
        { code: 'X', name: 'X', required: true, satisfiedBy: { result: '9.999' } },
        { code: 'X', name: 'X', required: 'yes' },
      ],
      workflow: { steps: [{ key: 'only', role: 'CITIZEN', share: 0.5 }] },
      supplementDeadlineDays: 0,
    };
    expect(errorsOf(input)).toEqual([
      ['code', 'definition.unknownProperty'],
      ['level', 'definition.enum'],
      ['agencyCodes', 'definition.emptyList'],
      ['processingTime.workingDays', 'definition.positiveNumber'],
      ['fee.amount', 'definition.feeAmount'],
      ['fee.payWhen', 'definition.enum'],
      ['form.fields[0].type', 'definition.fieldType'],
      ['form.fields[2].options', 'definition.optionsRequired'],
      ['form.fields[3].pattern', 'definition.pattern'],
      ['form.fields[1].key', 'definition.duplicateKey'],
      ['form.fields[1].showIf.field', 'definition.showIfMissing'],
      ['components[0].satisfiedBy.result', 'definition.unknownResult'],
      ['components[1].required', 'definition.notBoolean'],
      ['components[1].code', 'definition.duplicateComponent'],
      ['workflow.steps[0].role', 'definition.enum'],
      ['workflow.steps', 'definition.sharesSum'],
      ['supplementDeadlineDays', 'definition.positiveInteger'],
    ]);
  });

  it('gives every error a message in both languages, placeholders filled', () => {
    const r = checkDefinition({ ...example(), level: 'X', agencyCodes: ['H99'], form: { fields: [f('a', 'foo'), f('a', 'text')] } }, ctx);
    expect(r.ok).toBe(false);
    for (const e of r.ok ? [] : r.errors) {
      expect(e.message.vi.length).toBeGreaterThan(0);
      expect(e.message.en.length).toBeGreaterThan(0);
      expect(`${e.message.vi} ${e.message.en}`).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('checkDefinition: agencies, processing time, fee, supplements', () => {
  it('needs at least one agency, each known and of the agency code format, none repeated', () => {
    expect(errorsOf(withAt('agencyCodes', []))).toEqual([['agencyCodes', 'definition.emptyList']]);
    expect(errorsOf(withAt('agencyCodes', ['H12.05', 'H99.01']))).toEqual([['agencyCodes[1]', 'definition.unknownAgency']]);
    expect(errorsOf(withAt('agencyCodes', ['h12.05']))).toEqual([['agencyCodes[0]', 'definition.agencyCode']]);
    expect(errorsOf(withAt('agencyCodes', ['H12.05', 'H12.06', 'H12.05']))).toEqual([['agencyCodes[2]', 'definition.duplicateValue']]);
    expect(errorsOf(withAt('agencyCodes', [null]))).toEqual([['agencyCodes[0]', 'definition.notString']]);
  });

  it.each([[{ workingDays: 0.5 }], [{ workingDays: 15 }], [{ workingHours: 4 }], [{ workingHours: 0.25 }]])(
    'accepts the processing time %j',
    (t) => {
      expect(definitionOf(withAt('processingTime', t)).processingTime).toEqual(t);
    },
  );

  it.each([
    [{}, 'processingTime', 'definition.processingTime'],
    [{ workingDays: 1, workingHours: 8 }, 'processingTime', 'definition.processingTime'],
    [{ workingDays: 0 }, 'processingTime.workingDays', 'definition.positiveNumber'],
    [{ workingHours: -2 }, 'processingTime.workingHours', 'definition.positiveNumber'],
    [{ workingDays: '1' }, 'processingTime.workingDays', 'definition.notNumber'],
    [{ workingDays: Infinity }, 'processingTime.workingDays', 'definition.notNumber'],
  ])('refuses the processing time %j', (t, path, code) => {
    expect(errorsOf(withAt('processingTime', t))).toEqual([[path, code]]);
  });

  it.each([[0], [50000], [1_500_000]])('accepts the fee amount %j', (amount) => {
    expect(definitionOf(withAt('fee.amount', amount)).fee.amount).toBe(amount);
  });

  it.each([[-1], [1.5], ['50000'], [Number.MAX_SAFE_INTEGER + 2]])('refuses the fee amount %j: whole đồng, zero or more', (amount) => {
    expect(errorsOf(withAt('fee.amount', amount))).toEqual([['fee.amount', 'definition.feeAmount']]);
  });

  it('refuses another currency, a missing or unknown payWhen, and repeated exemption codes', () => {
    expect(errorsOf(withAt('fee.currency', 'USD'))).toEqual([['fee.currency', 'definition.enum']]);
    expect(errorsOf(withAt('fee.payWhen', undefined))).toEqual([['fee.payWhen', 'definition.required']]);
    expect(errorsOf(withAt('fee.payWhen', 'LATER'))).toEqual([['fee.payWhen', 'definition.enum']]);
    const exemptions = [
      { code: 'POOR', label: 'Hộ nghèo' },
      { code: 'POOR', label: 'Khác' },
    ];
    expect(errorsOf(withAt('fee.exemptions', exemptions))).toEqual([['fee.exemptions[1].code', 'definition.duplicateValue']]);
  });

  it.each([[0], [-3], [1.5], ['15']])('refuses supplementDeadlineDays %j: a whole number of days above zero', (days) => {
    const code = typeof days === 'string' ? 'definition.notNumber' : 'definition.positiveInteger';
    expect(errorsOf({ ...example(), supplementDeadlineDays: days })).toEqual([['supplementDeadlineDays', code]]);
  });

  it.each([['00:00'], ['09:30'], ['15:30'], ['23:59']])('accepts the same-day cutoff %j', (cutoff) => {
    expect(definitionOf({ ...example(), sameDayCutoff: cutoff }).sameDayCutoff).toBe(cutoff);
  });

  it.each([['24:00'], ['9:30'], ['15:60'], ['15h30'], [1530], ['15:30:00']])('refuses the same-day cutoff %j', (cutoff) => {
    expect(errorsOf({ ...example(), sameDayCutoff: cutoff })).toEqual([['sameDayCutoff', 'definition.cutoff']]);
  });

  it('allows a same-day cutoff only for procedures of at most one working day', () => {
    expect(definitionOf({ ...example(), processingTime: { workingHours: 4 }, sameDayCutoff: '10:00' }).sameDayCutoff).toBe('10:00');
    expect(definitionOf({ ...example(), processingTime: { workingDays: 0.5 }, sameDayCutoff: '10:00' }).sameDayCutoff).toBe('10:00');
    expect(errorsOf({ ...example(), processingTime: { workingDays: 2 }, sameDayCutoff: '15:30' })).toEqual([
      ['sameDayCutoff', 'definition.cutoffNotSameDay'],
    ]);
    expect(errorsOf({ ...example(), processingTime: { workingHours: 9 }, sameDayCutoff: '15:30' })).toEqual([
      ['sameDayCutoff', 'definition.cutoffNotSameDay'],
    ]);
  });
});

describe('checkDefinition: fields', () => {
  it.each([['colour'], ['Text'], ['file'], [3]])('refuses the unknown field type %j, naming it', (type) => {
    const r = checkDefinition(withFields(f('a', type as string)), ctx);
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code, e.params?.type])).toEqual([
      ['form.fields[0].type', 'definition.fieldType', String(type)],
    ]);
  });

  it.each(['text', 'textarea', 'number', 'date', 'checkbox', 'email', 'phone', 'citizenId', 'taxCode', 'address'])(
    'accepts a %s field',
    (type) => {
      expect(definitionOf(withFields(f('a', type))).form.fields[0].type).toBe(type);
    },
  );

  it('requires key, type and label', () => {
    expect(errorsOf(withFields({}))).toEqual([
      ['form.fields[0].key', 'definition.required'],
      ['form.fields[0].type', 'definition.required'],
      ['form.fields[0].label', 'definition.required'],
    ]);
  });

  it.each([['a'], ['fullName'], ['x_1'], ['Z9'], ['a'.repeat(64)]])('accepts the key %j', (key) => {
    expect(definitionOf(withFields(f(key, 'text'))).form.fields[0].key).toBe(key);
  });

  it.each([['1abc'], ['_a'], ['a-b'], ['a.b'], ['họTên'], ['a b'], [''], ['a'.repeat(65)], ['__proto__']])('refuses the key %j', (key) => {
    expect(errorsOf(withFields(f(key, 'text', { label: 'Nhãn' })))).toEqual([['form.fields[0].key', 'definition.fieldKey']]);
  });

  it('reports each repeat of a key at the repeat, naming the first', () => {
    const r = checkDefinition(withFields(f('a', 'text'), f('b', 'text'), f('a', 'number'), f('a', 'date')), ctx);
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code, e.params])).toEqual([
      ['form.fields[2].key', 'definition.duplicateKey', { key: 'a', first: 'form.fields[0]' }],
      ['form.fields[3].key', 'definition.duplicateKey', { key: 'a', first: 'form.fields[0]' }],
    ]);
  });

  it('treats keys that differ in case as different', () => {
    expect(definitionOf(withFields(f('a', 'text'), f('A', 'text'))).form.fields).toHaveLength(2);
  });

  it.each(['select', 'radio'])('a %s needs options with unique values', (type) => {
    expect(errorsOf(withFields(f('a', type)))).toEqual([['form.fields[0].options', 'definition.optionsRequired']]);
    expect(errorsOf(withFields(f('a', type, { options: [] })))).toEqual([['form.fields[0].options', 'definition.emptyList']]);
    expect(errorsOf(withFields(f('a', type, { options: opts('x', 'y', 'x') })))).toEqual([
      ['form.fields[0].options[2].value', 'definition.duplicateOption'],
    ]);
    expect(errorsOf(withFields(f('a', type, { options: [{ value: '', label: 'x' }] })))).toEqual([
      ['form.fields[0].options[0].value', 'definition.emptyText'],
    ]);
    expect(errorsOf(withFields(f('a', type, { options: [{ value: 'x' }] })))).toEqual([
      ['form.fields[0].options[0].label', 'definition.required'],
    ]);
  });

  it('normalises option values as submitted values are (trimmed, NFC), and finds repeats after that', () => {
    const nfd = 'Nữ'.normalize('NFD');
    expect(definitionOf(withFields(f('a', 'radio', { options: opts(' Nam ', nfd) }))).form.fields[0].options?.map((o) => o.value)).toEqual([
      'Nam',
      'Nữ',
    ]);
    expect(errorsOf(withFields(f('a', 'radio', { options: opts('Nữ', nfd) })))).toEqual([
      ['form.fields[0].options[1].value', 'definition.duplicateOption'],
    ]);
  });

  it('a checkbox may have options or not, but not an empty list', () => {
    expect(definitionOf(withFields(f('a', 'checkbox', { options: opts('x') }))).form.fields[0].options).toHaveLength(1);
    expect(errorsOf(withFields(f('a', 'checkbox', { options: [] })))).toEqual([['form.fields[0].options', 'definition.emptyList']]);
  });

  it.each([
    ['options', 'text', opts('a')],
    ['options', 'number', opts('a')],
    ['pattern', 'number', '\\d+'],
    ['pattern', 'email', '.+'],
    ['minLength', 'date', 1],
    ['maxLength', 'select', 1],
    ['maxLength', 'citizenId', 12],
    ['min', 'text', 1],
    ['max', 'address', 1],
    ['patternMessage', 'phone', 'x'],
  ])('refuses %s on a %s field: it does not apply', (prop, type, value) => {
    const extra: Json = { [prop]: value };
    if (type === 'select') extra.options = opts('a');
    expect(errorsOf(withFields(f('a', type, extra)))).toEqual([[`form.fields[0].${prop}`, 'definition.notApplicable']]);
  });

  it.each(['text', 'textarea', 'email', 'phone'])('accepts length bounds on a %s field', (type) => {
    expect(definitionOf(withFields(f('a', type, { minLength: 0, maxLength: 10 }))).form.fields[0]).toMatchObject({
      minLength: 0,
      maxLength: 10,
    });
  });

  it('refuses length bounds that are not whole numbers, a zero maxLength, and minLength above maxLength', () => {
    expect(errorsOf(withFields(f('a', 'text', { minLength: -1 })))).toEqual([
      ['form.fields[0].minLength', 'definition.nonNegativeInteger'],
    ]);
    expect(errorsOf(withFields(f('a', 'text', { minLength: 1.5 })))).toEqual([
      ['form.fields[0].minLength', 'definition.nonNegativeInteger'],
    ]);
    expect(errorsOf(withFields(f('a', 'text', { maxLength: 0 })))).toEqual([['form.fields[0].maxLength', 'definition.positiveInteger']]);
    expect(errorsOf(withFields(f('a', 'text', { maxLength: '10' })))).toEqual([['form.fields[0].maxLength', 'definition.notNumber']]);
    expect(errorsOf(withFields(f('a', 'text', { minLength: 6, maxLength: 5 })))).toEqual([
      ['form.fields[0].minLength', 'definition.minLengthAboveMaxLength'],
    ]);
    expect(definitionOf(withFields(f('a', 'text', { minLength: 5, maxLength: 5 }))).form.fields[0]).toMatchObject({
      minLength: 5,
      maxLength: 5,
    });
  });

  it('refuses a regular expression that does not compile, saying why', () => {
    const r = checkDefinition(withFields(f('a', 'text', { pattern: '[a-' })), ctx);
    expect(r.ok ? undefined : r.errors[0]).toMatchObject({
      path: 'form.fields[0].pattern',
      code: 'definition.pattern',
      params: { reason: expect.any(String) },
    });
    // Patterns are Unicode regular expressions: an escape that means nothing is an error there.
    expect(errorsOf(withFields(f('a', 'text', { pattern: '\\a' })))).toEqual([['form.fields[0].pattern', 'definition.pattern']]);
    expect(errorsOf(withFields(f('a', 'text', { pattern: 1 })))).toEqual([['form.fields[0].pattern', 'definition.notString']]);
    expect(definitionOf(withFields(f('a', 'text', { pattern: '\\p{L}+' }))).form.fields[0].pattern).toBe('\\p{L}+');
  });

  it('refuses a patternMessage without a pattern', () => {
    expect(errorsOf(withFields(f('a', 'text', { patternMessage: 'x' })))).toEqual([
      ['form.fields[0].patternMessage', 'definition.patternMessageWithoutPattern'],
    ]);
    expect(
      definitionOf(withFields(f('a', 'text', { pattern: '\\d+', patternMessage: 'Chỉ chữ số' }))).form.fields[0].patternMessage,
    ).toEqual({
      vi: 'Chỉ chữ số',
    });
  });

  it('number bounds: numbers, min not above max', () => {
    expect(definitionOf(withFields(f('n', 'number', { min: -1.5, max: -1.5 }))).form.fields[0]).toMatchObject({ min: -1.5, max: -1.5 });
    expect(errorsOf(withFields(f('n', 'number', { min: 5, max: 1 })))).toEqual([['form.fields[0].min', 'definition.minAboveMax']]);
    expect(errorsOf(withFields(f('n', 'number', { min: '1' })))).toEqual([['form.fields[0].min', 'definition.notNumber']]);
    expect(errorsOf(withFields(f('n', 'number', { max: 'today' })))).toEqual([['form.fields[0].max', 'definition.notNumber']]);
  });

  it('date bounds: ISO dates or today, min not after max', () => {
    expect(definitionOf(withFields(f('d', 'date', { min: '1900-01-01', max: 'today' }))).form.fields[0]).toMatchObject({
      min: '1900-01-01',
      max: 'today',
    });
    for (const bad of ['01/01/2026', '2026-02-30', '2026-1-1', 5, 'now']) {
      expect(errorsOf(withFields(f('d', 'date', { min: bad })))).toEqual([['form.fields[0].min', 'definition.dateBound']]);
    }
    expect(errorsOf(withFields(f('d', 'date', { min: '2026-12-31', max: '2026-01-01' })))).toEqual([
      ['form.fields[0].min', 'definition.minAboveMax'],
    ]);
  });

  it('required must be a boolean; hint is text', () => {
    expect(errorsOf(withFields(f('a', 'text', { required: 'yes' })))).toEqual([['form.fields[0].required', 'definition.notBoolean']]);
    expect(errorsOf(withFields(f('a', 'text', { hint: 3 })))).toEqual([['form.fields[0].hint', 'definition.text']]);
  });
});

describe('checkDefinition: pages', () => {
  const pages = [
    { key: 'applicant', title: 'Người nộp' },
    { key: 'child', title: { vi: 'Trẻ', en: 'Child' } },
  ];

  it('accepts fields on pages (a field without a page is on the first)', () => {
    const def = definitionOf(withAt('form', { pages, fields: [f('a', 'text'), f('b', 'text', { page: 'child' })] }));
    expect(def.form.pages).toEqual([
      { key: 'applicant', title: { vi: 'Người nộp' } },
      { key: 'child', title: { vi: 'Trẻ', en: 'Child' } },
    ]);
    expect(def.form.fields[1].page).toBe('child');
  });

  it('refuses a page that does not exist, also when the form has no pages', () => {
    expect(
      errorsOf(withAt('form', { pages, fields: [f('a', 'text'), f('b', 'text', { page: 'ghost' }), f('c', 'text', { page: 'child' })] })),
    ).toEqual([['form.fields[1].page', 'definition.unknownPage']]);
    expect(errorsOf(withFields(f('a', 'text', { page: 'p1' })))).toEqual([['form.fields[0].page', 'definition.unknownPage']]);
  });

  it('refuses repeated page keys, bad page keys, pages without fields, and an empty list of pages', () => {
    const dup = [...pages, { key: 'child', title: 'Lại' }];
    expect(errorsOf(withAt('form', { pages: dup, fields: [f('a', 'text'), f('b', 'text', { page: 'child' })] }))).toEqual([
      ['form.pages[2].key', 'definition.duplicatePage'],
    ]);
    expect(errorsOf(withAt('form', { pages: [{ key: 'trang 1', title: 'x' }], fields: [f('a', 'text')] }))).toEqual([
      ['form.pages[0].key', 'definition.key'],
    ]);
    expect(errorsOf(withAt('form', { pages, fields: [f('a', 'text')] }))).toEqual([['form.pages[1]', 'definition.emptyPage']]);
    expect(errorsOf(withAt('form', { pages, fields: [f('b', 'text', { page: 'child' })] }))).toEqual([
      ['form.pages[0]', 'definition.emptyPage'],
    ]);
    expect(errorsOf(withAt('form', { pages: [], fields: [f('a', 'text')] }))).toEqual([['form.pages', 'definition.emptyList']]);
    expect(errorsOf(withAt('form', { pages: [{ key: 'p' }], fields: [f('a', 'text')] }))).toEqual([
      ['form.pages[0].title', 'definition.required'],
    ]);
  });
});

describe('checkDefinition: conditions', () => {
  const kind = f('kind', 'select', { options: opts('person', 'company') });

  it('accepts each kind of condition', () => {
    const showIfs = [
      { field: 'kind', equals: 'company' },
      { field: 'kind', in: ['person', 'company'] },
      { field: 'kind', notEmpty: true },
      {
        all: [
          { field: 'kind', equals: 'company' },
          {
            any: [
              { field: 'n', equals: 2 },
              { field: 'n', notEmpty: true },
            ],
          },
        ],
      },
    ];
    const def = definitionOf(withFields(kind, f('n', 'number'), ...showIfs.map((showIf, i) => f(`x${i}`, 'text', { showIf }))));
    expect(def.form.fields.slice(2).map((x) => x.showIf)).toEqual(showIfs);
  });

  it('refuses a reference to a missing field, at the field of the condition, however deep', () => {
    expect(errorsOf(withFields(kind, f('x', 'text', { showIf: { field: 'knd', equals: 'company' } })))).toEqual([
      ['form.fields[1].showIf.field', 'definition.showIfMissing'],
    ]);
    const deep = {
      all: [
        { field: 'kind', notEmpty: true },
        {
          any: [
            { field: 'kind', notEmpty: true },
            { field: 'ghost', notEmpty: true },
          ],
        },
      ],
    };
    expect(errorsOf(withFields(kind, f('x', 'text', { showIf: deep })))).toEqual([
      ['form.fields[1].showIf.all[1].any[1].field', 'definition.showIfMissing'],
    ]);
  });

  it('a reference to a field whose key is malformed is a missing field too', () => {
    expect(errorsOf(withFields(f('1a', 'text'), f('x', 'text', { showIf: { field: '1a', notEmpty: true } })))).toEqual([
      ['form.fields[0].key', 'definition.fieldKey'],
      ['form.fields[1].showIf.field', 'definition.showIfMissing'],
    ]);
  });

  it('refuses a field that shows itself (a cycle of one)', () => {
    const r = checkDefinition(withFields(f('a', 'text', { showIf: { field: 'a', notEmpty: true } })), ctx);
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code, e.params])).toEqual([
      ['form.fields[0].showIf', 'definition.showIfCycle', { cycle: 'a → a' }],
    ]);
  });

  it('refuses a cycle a → b → a once, at the first field of the cycle in the form', () => {
    const fields = [
      f('z', 'text'),
      f('b', 'text', { showIf: { field: 'a', notEmpty: true } }),
      f('a', 'text', { showIf: { field: 'b', notEmpty: true } }),
    ];
    const r = checkDefinition(withFields(...fields), ctx);
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code, e.params])).toEqual([
      ['form.fields[1].showIf', 'definition.showIfCycle', { cycle: 'b → a → b' }],
    ]);
  });

  it('refuses a longer cycle, through all / any', () => {
    const fields = [
      f('a', 'text', {
        showIf: {
          all: [
            { field: 'z', notEmpty: true },
            { field: 'b', notEmpty: true },
          ],
        },
      }),
      f('b', 'text', { showIf: { field: 'c', notEmpty: true } }),
      f('c', 'text', { showIf: { any: [{ field: 'd', notEmpty: true }] } }),
      f('d', 'text', { showIf: { field: 'a', notEmpty: true } }),
      f('z', 'text'),
    ];
    const r = checkDefinition(withFields(...fields), ctx);
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code, e.params])).toEqual([
      ['form.fields[0].showIf', 'definition.showIfCycle', { cycle: 'a → b → c → d → a' }],
    ]);
  });

  it('reports two separate cycles', () => {
    const fields = [
      f('a', 'text', { showIf: { field: 'b', notEmpty: true } }),
      f('b', 'text', { showIf: { field: 'a', notEmpty: true } }),
      f('c', 'text', { showIf: { field: 'd', notEmpty: true } }),
      f('d', 'text', { showIf: { field: 'c', notEmpty: true } }),
    ];
    expect(errorsOf(withFields(...fields))).toEqual([
      ['form.fields[0].showIf', 'definition.showIfCycle'],
      ['form.fields[2].showIf', 'definition.showIfCycle'],
    ]);
  });

  it('accepts shared references that are no cycle (a diamond), and references to later fields', () => {
    const fields = [
      f('d', 'text', {
        showIf: {
          all: [
            { field: 'b', notEmpty: true },
            { field: 'c', notEmpty: true },
          ],
        },
      }),
      f('b', 'text', { showIf: { field: 'a', notEmpty: true } }),
      f('c', 'text', { showIf: { field: 'a', notEmpty: true } }),
      f('a', 'text'),
    ];
    expect(definitionOf(withFields(...fields)).form.fields).toHaveLength(4);
  });

  it.each([
    [{}, 'form.fields[1].showIf', 'definition.condition'],
    [{ field: 'kind' }, 'form.fields[1].showIf', 'definition.condition'],
    [{ field: 'kind', equals: 'person', in: ['person'] }, 'form.fields[1].showIf', 'definition.condition'],
    [{ all: [], any: [] }, 'form.fields[1].showIf', 'definition.condition'],
    [{ all: [] }, 'form.fields[1].showIf.all', 'definition.emptyList'],
    [{ any: 'kind' }, 'form.fields[1].showIf.any', 'definition.notArray'],
    [{ all: [{ field: 'kind', notEmpty: true }], field: 'kind' }, 'form.fields[1].showIf.field', 'definition.unknownProperty'],
    [{ field: 'kind', equals: 'person', not: true }, 'form.fields[1].showIf.not', 'definition.unknownProperty'],
    [{ field: 'kind', notEmpty: false }, 'form.fields[1].showIf.notEmpty', 'definition.enum'],
    [{ field: 'kind', in: [] }, 'form.fields[1].showIf.in', 'definition.emptyList'],
    [{ field: 'kind', in: 'person' }, 'form.fields[1].showIf.in', 'definition.notArray'],
    [{ equals: 'person' }, 'form.fields[1].showIf.field', 'definition.required'],
    [{ field: 3, equals: 'person' }, 'form.fields[1].showIf.field', 'definition.notString'],
    ['kind', 'form.fields[1].showIf', 'definition.notObject'],
    [{ all: ['kind'] }, 'form.fields[1].showIf.all[0]', 'definition.notObject'],
  ])('refuses the condition %j', (showIf, path, code) => {
    expect(errorsOf(withFields(kind, f('x', 'text', { showIf })))).toEqual([[path, code]]);
  });

  it.each([
    ['a select: a value not among the options', kind, 'other'],
    ['a select: a number', kind, 1],
    ['a radio: a value not among the options', f('kind', 'radio', { options: opts('a') }), 'b'],
    ['a single checkbox: not a boolean', f('kind', 'checkbox'), 'true'],
    ['a checkbox with options: not an option value', f('kind', 'checkbox', { options: opts('a') }), 'b'],
    ['a number: a string', f('kind', 'number'), '3'],
    ['a date: not a date', f('kind', 'date'), '2026-02-30'],
    ['a text: an empty string', f('kind', 'text'), ' '],
    ['a text: a boolean', f('kind', 'text'), true],
    ['a citizenId: not 12 digits', f('kind', 'citizenId'), '123'],
    ['a phone: not a phone number', f('kind', 'phone'), '12345'],
    ['a text: an object', f('kind', 'text'), { vi: 'x' }],
    ['a text: null', f('kind', 'text'), null],
  ])('refuses an equals value that does not suit the field (%s)', (_label, target, value) => {
    expect(errorsOf(withFields(target, f('x', 'text', { showIf: { field: 'kind', equals: value } })))).toEqual([
      ['form.fields[1].showIf.equals', 'definition.conditionValue'],
    ]);
  });

  it('names the value, the field and its type in the message', () => {
    const r = checkDefinition(withFields(kind, f('x', 'text', { showIf: { field: 'kind', equals: 'other' } })), ctx);
    expect(r.ok ? undefined : r.errors[0]).toMatchObject({
      params: { value: '“other”', field: 'kind', type: 'select' },
      message: { en: 'The value “other” does not suit the field “kind” (of type select).' },
    });
  });

  it('refuses each in value that does not suit the field, at its index', () => {
    expect(errorsOf(withFields(kind, f('x', 'text', { showIf: { field: 'kind', in: ['person', 'other', 'company', 4] } })))).toEqual([
      ['form.fields[1].showIf.in[1]', 'definition.conditionValue'],
      ['form.fields[1].showIf.in[3]', 'definition.conditionValue'],
    ]);
  });

  it('an address can only be tested with notEmpty', () => {
    const addr = f('addr', 'address');
    expect(definitionOf(withFields(addr, f('x', 'text', { showIf: { field: 'addr', notEmpty: true } }))).form.fields).toHaveLength(2);
    expect(errorsOf(withFields(addr, f('x', 'text', { showIf: { field: 'addr', equals: 'H12' } })))).toEqual([
      ['form.fields[1].showIf.equals', 'definition.conditionNotSupported'],
    ]);
    expect(errorsOf(withFields(addr, f('x', 'text', { showIf: { field: 'addr', in: ['H12'] } })))).toEqual([
      ['form.fields[1].showIf.in', 'definition.conditionNotSupported'],
    ]);
  });

  it('writes condition values as the field stores its values', () => {
    const fields = [
      f('d', 'date'),
      f('p', 'phone'),
      f('t', 'taxCode'),
      f('s', 'select', { options: opts('Nữ') }),
      f('x', 'text', {
        showIf: {
          any: [
            { field: 'd', equals: '25/12/2025' },
            { field: 'p', in: ['+84 912 345 678', '024.3825.1234'] },
            { field: 't', equals: '0101234567001' },
            { field: 's', equals: 'Nữ'.normalize('NFD') },
          ],
        },
      }),
    ];
    expect(definitionOf(withFields(...fields)).form.fields[4].showIf).toEqual({
      any: [
        { field: 'd', equals: '2025-12-25' },
        { field: 'p', in: ['0912345678', '02438251234'] },
        { field: 't', equals: '0101234567-001' },
        { field: 's', equals: 'Nữ' },
      ],
    });
  });
});

describe('checkDefinition: components', () => {
  const component = (extra: Json = {}): Json => ({ code: 'GCS', name: 'Giấy chứng sinh', required: true, ...extra });

  it('fills accept and maxBytes, keeps what is given', () => {
    const [a, b] = definitionOf(
      withAt('components', [component(), component({ code: 'ANH', accept: ['image/jpeg'], maxBytes: 2048, hint: 'Ảnh 4x6' })]),
    ).components;
    expect(a).toEqual({
      code: 'GCS',
      name: { vi: 'Giấy chứng sinh' },
      required: true,
      accept: DEFAULT_ACCEPT,
      maxBytes: DEFAULT_MAX_BYTES,
    });
    expect(b).toEqual({
      code: 'ANH',
      name: { vi: 'Giấy chứng sinh' },
      required: true,
      accept: ['image/jpeg'],
      maxBytes: 2048,
      hint: { vi: 'Ảnh 4x6' },
    });
  });

  it('accepts a procedure without components', () => {
    expect(definitionOf(withAt('components', [])).components).toEqual([]);
  });

  it('refuses repeated codes, at the repeat', () => {
    expect(errorsOf(withAt('components', [component(), component({ code: 'CCCD' }), component()]))).toEqual([
      ['components[2].code', 'definition.duplicateComponent'],
    ]);
  });

  it.each([['A.B'], ['GCS 1'], ['-GCS'], ['Giấy'], ['A'.repeat(41)]])('refuses the code %j', (code) => {
    expect(errorsOf(withAt('components', [component({ code })]))).toEqual([['components[0].code', 'definition.componentCode']]);
  });

  it('requires code, name and required', () => {
    expect(errorsOf(withAt('components', [{}]))).toEqual([
      ['components[0].code', 'definition.required'],
      ['components[0].name', 'definition.required'],
      ['components[0].required', 'definition.required'],
    ]);
  });

  it.each([
    [{ accept: [] }, 'components[0].accept', 'definition.emptyList'],
    [{ accept: 'application/pdf' }, 'components[0].accept', 'definition.notArray'],
    [{ accept: ['pdf'] }, 'components[0].accept[0]', 'definition.mimeType'],
    [{ accept: ['Application/PDF'] }, 'components[0].accept[0]', 'definition.mimeType'],
    [{ accept: ['text/plain'] }, 'components[0].accept[0]', 'definition.mimeTypeNotRecognisable'],
    [{ accept: ['application/pdf', 'application/pdf'] }, 'components[0].accept[1]', 'definition.duplicateValue'],
    [{ accept: [1] }, 'components[0].accept[0]', 'definition.notString'],
    [{ maxBytes: 0 }, 'components[0].maxBytes', 'definition.positiveInteger'],
    [{ maxBytes: 1.5 }, 'components[0].maxBytes', 'definition.positiveInteger'],
    [{ required: 'true' }, 'components[0].required', 'definition.notBoolean'],
    [{ satisfiedBy: {} }, 'components[0].satisfiedBy', 'definition.satisfiedBy'],
    [{ satisfiedBy: { profile: 'citizenId', result: '1.001193' } }, 'components[0].satisfiedBy', 'definition.satisfiedBy'],
    [{ satisfiedBy: { profile: 'email' } }, 'components[0].satisfiedBy.profile', 'definition.enum'],
    [{ satisfiedBy: { result: '9.999999' } }, 'components[0].satisfiedBy.result', 'definition.unknownResult'],
    [{ satisfiedBy: { result: 1 } }, 'components[0].satisfiedBy.result', 'definition.notString'],
    [{ satisfiedBy: { resultOf: '9.999999' } }, 'components[0].satisfiedBy.resultOf', 'definition.unknownResult'],
    [{ satisfiedBy: { resultOf: '1.001193', result: '1.001193' } }, 'components[0].satisfiedBy', 'definition.satisfiedBy'],
    [{ satisfiedBy: { profile: 'citizenId', resultOf: '1.001193' } }, 'components[0].satisfiedBy', 'definition.satisfiedBy'],
    [{ satisfiedBy: 'citizenId' }, 'components[0].satisfiedBy', 'definition.notObject'],
  ])('refuses %j', (extra, path, code) => {
    expect(errorsOf(withAt('components', [component(extra)]))).toEqual([[path, code]]);
  });

  it('accepts the types content sniffing recognises (Word, Excel, images)', () => {
    const accept = [
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'image/heic',
      'image/tiff',
      'application/zip',
    ];
    expect(definitionOf(withAt('components', [component({ accept })])).components[0].accept).toEqual(accept);
  });

  it('accepts a result of a known procedure (resultOf, or its former name result), and each profile fact', () => {
    const comps = [
      component({ code: 'A', satisfiedBy: { result: '2.000986.000.00.00.H12' } }),
      component({ code: 'R', satisfiedBy: { resultOf: '2.000986.000.00.00.H12' } }),
      component({ code: 'B', satisfiedBy: { profile: 'citizenId' } }),
      component({ code: 'C', satisfiedBy: { profile: 'fullName' } }),
      component({ code: 'D', satisfiedBy: { profile: 'residence' } }),
    ];
    expect(definitionOf(withAt('components', comps)).components.map((c) => c.satisfiedBy)).toEqual([
      { resultOf: '2.000986.000.00.00.H12' },
      { resultOf: '2.000986.000.00.00.H12' },
      { profile: 'citizenId' },
      { profile: 'fullName' },
      { profile: 'residence' },
    ]);
  });

  it('names the unknown procedure', () => {
    const r = checkDefinition(withAt('components', [component(), component({ code: 'KQ', satisfiedBy: { result: '1.000001' } })]), ctx);
    expect(r.ok ? undefined : r.errors[0]).toMatchObject({ path: 'components[1].satisfiedBy.result', params: { code: '1.000001' } });
  });
});

describe('checkDefinition: workflow', () => {
  const step = (key: string, share: unknown, extra: Json = {}): Json => ({ key, role: 'SPECIALIST', share, ...extra });

  it('accepts shares that sum to 1 within 1e-6 (thirds, tenths)', () => {
    expect(definitionOf(withAt('workflow.steps', [step('a', 1 / 3), step('b', 1 / 3), step('c', 1 / 3)])).workflow.steps).toHaveLength(3);
    expect(definitionOf(withAt('workflow.steps', [step('a', 0.1), step('b', 0.2), step('c', 0.7)])).workflow.steps).toHaveLength(3);
    expect(definitionOf(withAt('workflow.steps', [step('a', 0.5), step('b', 0.5 + 9e-7)])).workflow.steps).toHaveLength(2);
    expect(definitionOf(withAt('workflow.steps', [step('a', 1)])).workflow.steps).toHaveLength(1);
  });

  it.each([
    [[0.5, 0.4], 0.9],
    [[0.6, 0.5], 1.1],
    [[0.5, 0.5 + 2e-6], 1.000002],
  ])('refuses shares %j (sum %j), at workflow.steps', (shares, sum) => {
    const r = checkDefinition(
      withAt(
        'workflow.steps',
        shares.map((s, i) => step(`s${i}`, s)),
      ),
      ctx,
    );
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code, e.params])).toEqual([['workflow.steps', 'definition.sharesSum', { sum }]]);
  });

  it('says the sum as each language writes numbers', () => {
    const r = checkDefinition(withAt('workflow.steps', [step('a', 0.25), step('b', 0.5)]), ctx);
    expect(r.ok ? undefined : r.errors[0].message).toEqual({
      vi: 'Tổng tỷ lệ thời gian của các bước phải bằng 1 (hiện tại là 0,75).',
      en: 'The steps’ shares of the processing time must add up to 1 (they add up to 0.75).',
    });
  });

  it('refuses a share of 0 or above 1, and still checks the sum', () => {
    expect(errorsOf(withAt('workflow.steps', [step('a', 0), step('b', 1)]))).toEqual([['workflow.steps[0].share', 'definition.share']]);
    expect(errorsOf(withAt('workflow.steps', [step('a', 1.5)]))).toEqual([
      ['workflow.steps[0].share', 'definition.share'],
      ['workflow.steps', 'definition.sharesSum'],
    ]);
  });

  it('does not add up shares when one is missing or not a number (that is reported instead)', () => {
    expect(errorsOf(withAt('workflow.steps', [step('a', 0.5), { key: 'b', role: 'LEADER' }]))).toEqual([
      ['workflow.steps[1].share', 'definition.required'],
    ]);
    expect(errorsOf(withAt('workflow.steps', [step('a', 0.5), step('b', '0.5')]))).toEqual([
      ['workflow.steps[1].share', 'definition.notNumber'],
    ]);
  });

  it('needs at least one step', () => {
    expect(errorsOf(withAt('workflow.steps', []))).toEqual([['workflow.steps', 'definition.emptyList']]);
    expect(errorsOf(withAt('workflow', {}))).toEqual([['workflow.steps', 'definition.required']]);
  });

  it.each(['CITIZEN', 'ADMIN', 'MANAGER', 'CLERK'])('refuses the role %s at a step', (role) => {
    expect(errorsOf(withAt('workflow.steps', [step('a', 1, { role })]))).toEqual([['workflow.steps[0].role', 'definition.enum']]);
  });

  it('refuses repeated and malformed step keys', () => {
    expect(errorsOf(withAt('workflow.steps', [step('a', 0.5), step('a', 0.5)]))).toEqual([
      ['workflow.steps[1].key', 'definition.duplicateStep'],
    ]);
    expect(errorsOf(withAt('workflow.steps', [step('tiếp nhận', 1)]))).toEqual([['workflow.steps[0].key', 'definition.key']]);
  });

  it('checks the agency of an inter-agency step', () => {
    expect(
      definitionOf(withAt('workflow.steps', [step('a', 0.5), step('b', 0.5, { agencyCode: 'H12.01', name: 'Sở Tư pháp' })])).workflow
        .steps[1],
    ).toEqual({
      key: 'b',
      name: { vi: 'Sở Tư pháp' },
      role: 'SPECIALIST',
      agencyCode: 'H12.01',
      share: 0.5,
    });
    expect(errorsOf(withAt('workflow.steps', [step('a', 1, { agencyCode: 'H77' })]))).toEqual([
      ['workflow.steps[0].agencyCode', 'definition.unknownAgency'],
    ]);
    expect(errorsOf(withAt('workflow.steps', [step('a', 1, { agencyCode: 'sở tư pháp' })]))).toEqual([
      ['workflow.steps[0].agencyCode', 'definition.agencyCode'],
    ]);
  });
});
