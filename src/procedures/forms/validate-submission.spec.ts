import { describe, expect, it } from 'vitest';
import { BENCH_CONTEXT, FIFTY_FIELD_FORM, FIFTY_FIELD_SUBMISSION } from '../../../bench/fifty-field-form.js';
import type { Condition, FieldDefinition, FieldType } from './definition.js';
import {
  canonicalDate,
  canonicalEmail,
  canonicalPhone,
  canonicalTaxCode,
  compileForm,
  conditionValue,
  displayDate,
  normalizeNumber,
  normalizeString,
  INVALID,
  type AgencyRef,
  type SubmissionContext,
  type SubmissionResult,
} from './validate-submission.js';

const agencies: AgencyRef[] = [
  { code: 'H12', level: 'PROVINCE', parentCode: null },
  { code: 'H12.05', level: 'COMMUNE', parentCode: 'H12' },
  { code: 'H12.06', level: 'COMMUNE', parentCode: 'H12' },
  { code: 'H12.01', level: 'DEPARTMENT', parentCode: 'H12' },
  { code: 'H13', level: 'PROVINCE', parentCode: null },
  { code: 'H13.01', level: 'COMMUNE', parentCode: 'H13' },
];
const ctx: SubmissionContext = { agencies, today: '2026-03-10' };

function field(key: string, type: FieldType, extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return { key, type, label: { vi: key }, ...extra };
}

const opts = (...values: string[]) => values.map((value) => ({ value, label: { vi: value } }));

function run(fields: FieldDefinition[], data: unknown, context: SubmissionContext = ctx): SubmissionResult {
  return compileForm({ fields }).validate(data, context);
}

/** `[path, code]` of every error (none when the data passes). */
function errors(fields: FieldDefinition[], data: unknown): [string, string][] {
  const r = run(fields, data);
  return r.ok ? [] : r.errors.map((e) => [e.path, e.code]);
}

/** The value of a submission that must pass. */
function valueOf(fields: FieldDefinition[], data: unknown): Record<string, unknown> {
  const r = run(fields, data);
  expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual([]);
  return r.value;
}

/** The stored value of a single field `x` for `raw`, or its error code. */
function one(def: FieldDefinition, raw: unknown): { value: unknown } | { error: string } {
  const r = run([def], raw === undefined ? {} : { [def.key]: raw });
  if (r.ok) return { value: r.value[def.key] };
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0].path.startsWith(`formData.${def.key}`)).toBe(true);
  return { error: r.errors[0].code };
}

describe('validate: the data as a whole', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an array', [{ a: 'x' }]],
    ['a string', 'a=x'],
    ['a number', 7],
  ])('refuses %s as form data', (_label, data) => {
    const r = run([field('a', 'text', { required: true })], data);
    expect(r).toEqual({ ok: false, errors: [expect.objectContaining({ path: 'formData', code: 'form.notObject' })], value: {} });
  });

  it('accepts an empty form with no data', () => {
    expect(run([], {})).toEqual({ ok: true, value: {} });
  });

  it('refuses every value the form does not have, after the field errors', () => {
    expect(errors([field('a', 'text', { required: true })], { zz: 1, yy: '' })).toEqual([
      ['formData.a', 'form.required'],
      ['formData.zz', 'form.unknownField'],
      ['formData.yy', 'form.unknownField'],
    ]);
  });

  it('does not read inherited properties as values (a field named like an Object method)', () => {
    const fields = [field('constructor', 'text', { required: true }), field('toString', 'text')];
    expect(errors(fields, {})).toEqual([['formData.constructor', 'form.required']]);
    expect(valueOf(fields, { constructor: 'x', toString: 'y' })).toEqual({ constructor: 'x', toString: 'y' });
    expect(errors([], { hasOwnProperty: 'x' })).toEqual([['formData.hasOwnProperty', 'form.unknownField']]);
  });

  it('accepts data without a prototype', () => {
    const data = Object.assign(Object.create(null) as Record<string, unknown>, { a: 'x' });
    expect(valueOf([field('a', 'text')], data)).toEqual({ a: 'x' });
  });

  it('reports every error at once, in the order of the form whatever the order of evaluation', () => {
    const fields = [
      field('late', 'text', { required: true, showIf: { field: 'gate', notEmpty: true } }),
      field('n', 'number'),
      field('gate', 'text'),
      field('id', 'citizenId', { required: true }),
    ];
    expect(errors(fields, { gate: 'x', n: 'abc' })).toEqual([
      ['formData.late', 'form.required'],
      ['formData.n', 'form.number'],
      ['formData.id', 'form.required'],
    ]);
  });

  it('keeps the valid values in `value` when other fields fail, and leaves the failing ones out', () => {
    const r = run([field('a', 'text'), field('n', 'number'), field('id', 'citizenId')], { a: ' x ', n: 'abc', id: '001090000123' });
    expect(r.ok).toBe(false);
    expect(r.value).toEqual({ a: 'x', id: '001090000123' });
  });

  it('gives each error its message in both languages', () => {
    const r = run([field('a', 'text', { required: true })], {});
    expect(r.ok ? undefined : r.errors[0]).toEqual({
      path: 'formData.a',
      code: 'form.required',
      message: { vi: 'Vui lòng nhập thông tin này.', en: 'Please fill in this field.' },
    });
  });

  it('stores the values in the order of the form', () => {
    const fields = [field('b', 'text'), field('a', 'text', { showIf: { field: 'c', notEmpty: true } }), field('c', 'text')];
    expect(Object.keys(valueOf(fields, { c: '1', a: '2', b: '3' }))).toEqual(['b', 'a', 'c']);
  });
});

describe('text', () => {
  const text = field('x', 'text');

  it('trims and puts the value in Unicode NFC', () => {
    const decomposed = 'Nguyễn Thị Hà'.normalize('NFD');
    expect(decomposed).not.toBe('Nguyễn Thị Hà');
    expect(one(text, `  ${decomposed}\t`)).toEqual({ value: 'Nguyễn Thị Hà' });
  });

  it.each([[''], ['   '], ['\n\t'], [null]])('takes %j for no value', (raw) => {
    expect(one(text, raw)).toEqual({ value: undefined });
    expect(one({ ...text, required: true }, raw)).toEqual({ error: 'form.required' });
  });

  it.each([[42], [true], [['a']], [{ a: 1 }]])('refuses %j: not text', (raw) => {
    expect(one(text, raw)).toEqual({ error: 'form.notText' });
  });

  it('checks minLength and maxLength on the trimmed NFC value, bounds included', () => {
    const def = field('x', 'text', { minLength: 3, maxLength: 5 });
    expect(one(def, '  abc  ')).toEqual({ value: 'abc' });
    expect(one(def, 'abcde')).toEqual({ value: 'abcde' });
    expect(one(def, 'ab')).toEqual({ error: 'form.minLength' });
    expect(one(def, 'abcdef')).toEqual({ error: 'form.maxLength' });
    // Five letters when composed, more code units when decomposed.
    expect(one(def, 'Đường'.normalize('NFD'))).toEqual({ value: 'Đường' });
  });

  it('puts the bound in the message, written as each language writes numbers', () => {
    const r = run([field('x', 'text', { maxLength: 1500 })], { x: 'a'.repeat(1501) });
    expect(r.ok ? undefined : r.errors[0]).toMatchObject({
      params: { max: 1500 },
      message: { vi: 'Vui lòng nhập không quá 1.500 ký tự.', en: 'Please enter no more than 1,500 characters.' },
    });
  });

  it('caps a text without maxLength at 1000 characters', () => {
    expect(one(text, 'a'.repeat(1000))).toEqual({ value: 'a'.repeat(1000) });
    expect(one(text, 'a'.repeat(1001))).toEqual({ error: 'form.maxLength' });
  });

  it('matches a pattern against the whole value', () => {
    const def = field('x', 'text', { pattern: '[0-9]+' });
    expect(one(def, '123')).toEqual({ value: '123' });
    expect(one(def, 'a123')).toEqual({ error: 'form.pattern' });
    expect(one(def, '123a')).toEqual({ error: 'form.pattern' });
    const alt = field('x', 'text', { pattern: 'ab|cd' });
    expect(one(alt, 'ab')).toEqual({ value: 'ab' });
    expect(one(alt, 'abcd')).toEqual({ error: 'form.pattern' });
  });

  it('keeps working with a pattern that carries its own anchors', () => {
    const def = field('x', 'text', { pattern: '^[A-Za-z0-9]{5,20}$' });
    expect(one(def, 'B1234567')).toEqual({ value: 'B1234567' });
    expect(one(def, 'B12')).toEqual({ error: 'form.pattern' });
  });

  it('reads patterns as Unicode (\\p{L} matches Vietnamese letters)', () => {
    const def = field('x', 'text', { pattern: '\\p{L}+( \\p{L}+)*' });
    expect(one(def, 'Lê Thị Ánh')).toEqual({ value: 'Lê Thị Ánh' });
    expect(one(def, 'Lê 3')).toEqual({ error: 'form.pattern' });
  });

  it("says the administrator's patternMessage, English falling back to Vietnamese", () => {
    const withEn = run([field('x', 'text', { pattern: '\\d+', patternMessage: { vi: 'Chỉ nhập chữ số.', en: 'Digits only.' } })], {
      x: 'a',
    });
    expect(withEn.ok ? undefined : withEn.errors[0]).toEqual({
      path: 'formData.x',
      code: 'form.pattern',
      message: { vi: 'Chỉ nhập chữ số.', en: 'Digits only.' },
    });
    const viOnly = run([field('x', 'text', { pattern: '\\d+', patternMessage: { vi: 'Chỉ nhập chữ số.' } })], { x: 'a' });
    expect(viOnly.ok ? undefined : viOnly.errors[0].message).toEqual({ vi: 'Chỉ nhập chữ số.', en: 'Chỉ nhập chữ số.' });
    const none = run([field('x', 'text', { pattern: '\\d+' })], { x: 'a' });
    expect(none.ok ? undefined : none.errors[0].message.en).toBe('This value is not in the required format.');
  });

  it('tells the length before the pattern', () => {
    expect(one(field('x', 'text', { pattern: '[0-9]+', maxLength: 2 }), 'abc')).toEqual({ error: 'form.maxLength' });
  });
});

describe('textarea', () => {
  it('turns CRLF and CR line breaks into LF before counting', () => {
    const def = field('x', 'textarea', { maxLength: 5 });
    expect(one(def, 'ab\r\ncd')).toEqual({ value: 'ab\ncd' });
    expect(one(def, 'ab\rcd')).toEqual({ value: 'ab\ncd' });
    expect(one(def, 'ab\r\ncd\r\n')).toEqual({ value: 'ab\ncd' });
    expect(one(def, 'ab\r\nc\r\nd')).toEqual({ error: 'form.maxLength' });
  });

  it('caps a textarea without maxLength at 10000 characters', () => {
    const def = field('x', 'textarea');
    expect(one(def, 'a'.repeat(10000))).toEqual({ value: 'a'.repeat(10000) });
    expect(one(def, 'a'.repeat(10001))).toEqual({ error: 'form.maxLength' });
  });

  it('supports minLength and a pattern', () => {
    expect(one(field('x', 'textarea', { minLength: 10 }), 'short')).toEqual({ error: 'form.minLength' });
    expect(one(field('x', 'textarea', { pattern: '[^<>]*' }), '<b>')).toEqual({ error: 'form.pattern' });
  });
});

describe('number', () => {
  const num = field('x', 'number');

  it.each([
    [12, 12],
    [-3.5, -3.5],
    [0, 0],
    ['12', 12],
    [' 7 ', 7],
    ['-3.25', -3.25],
    ['+4', 4],
    ['007', 7],
  ])('accepts %j as %j', (raw, value) => {
    expect(one(num, raw)).toEqual({ value });
  });

  it.each([['abc'], ['1e3'], ['0x10'], ['1,5'], ['1.'], ['.5'], ['1 000'], ['Infinity'], [Infinity], [NaN], [true], [[1]], [{}]])(
    'refuses %j',
    (raw) => {
      expect(one(num, raw)).toEqual({ error: 'form.number' });
    },
  );

  it('takes an empty string for no value', () => {
    expect(one(num, '  ')).toEqual({ value: undefined });
    expect(one({ ...num, required: true }, '')).toEqual({ error: 'form.required' });
  });

  it('checks min and max, bounds included', () => {
    const def = field('x', 'number', { min: 1, max: 10 });
    expect(one(def, '1')).toEqual({ value: 1 });
    expect(one(def, 10)).toEqual({ value: 10 });
    expect(one(def, 0.5)).toEqual({ error: 'form.min' });
    expect(one(def, '10.01')).toEqual({ error: 'form.max' });
  });

  it('writes the bound of the message as each language writes numbers', () => {
    const r = run([field('x', 'number', { min: 0.5 })], { x: 0 });
    expect(r.ok ? undefined : r.errors[0].message).toEqual({
      vi: 'Giá trị phải lớn hơn hoặc bằng 0,5.',
      en: 'The value must be 0.5 or more.',
    });
  });

  it('stores 0 (a number that is no value in JavaScript truthiness)', () => {
    expect(valueOf([field('x', 'number', { required: true })], { x: '0' })).toEqual({ x: 0 });
  });
});

describe('date', () => {
  const date = field('x', 'date');

  it.each([
    ['2026-03-10', '2026-03-10'],
    ['10/03/2026', '2026-03-10'],
    ['1/3/2026', '2026-03-01'],
    [' 29/02/2024 ', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['31/12/1999', '1999-12-31'],
  ])('accepts %j as %j', (raw, value) => {
    expect(one(date, raw)).toEqual({ value });
  });

  it.each([
    ['2024-02-30'],
    ['2023-02-29'],
    ['1900-02-29'],
    ['31/04/2025'],
    ['00/01/2025'],
    ['13/13/2024'],
    ['2024-1-5'],
    ['2024/01/05'],
    ['05-01-2024'],
    ['0000-01-01'],
    ['2024-00-10'],
    ['2024-01-32'],
    ['１０/03/2026'],
    ['tomorrow'],
    [20260310],
    [true],
  ])('refuses %j', (raw) => {
    expect(one(date, raw)).toEqual({ error: 'form.date' });
  });

  it('checks ISO bounds, bounds included, and shows them as DD/MM/YYYY', () => {
    const def = field('x', 'date', { min: '2026-01-01', max: '2026-12-31' });
    expect(one(def, '01/01/2026')).toEqual({ value: '2026-01-01' });
    expect(one(def, '2026-12-31')).toEqual({ value: '2026-12-31' });
    const early = run([def], { x: '31/12/2025' });
    expect(early.ok ? undefined : early.errors[0]).toMatchObject({ code: 'form.dateMin', params: { min: '01/01/2026' } });
    const late = run([def], { x: '2027-01-01' });
    expect(late.ok ? undefined : late.errors[0]).toMatchObject({ code: 'form.dateMax', params: { max: '31/12/2026' } });
  });

  it('reads `today` from the context', () => {
    const past = field('x', 'date', { max: 'today' });
    expect(one(past, '10/03/2026')).toEqual({ value: '2026-03-10' });
    const r = run([past], { x: '11/03/2026' });
    expect(r.ok ? undefined : r.errors[0]).toMatchObject({
      code: 'form.dateNotFuture',
      params: { max: '10/03/2026' },
      message: { vi: 'Ngày không được sau ngày hôm nay (10/03/2026).' },
    });
    const future = field('x', 'date', { min: 'today' });
    expect(one(future, '2026-03-10')).toEqual({ value: '2026-03-10' });
    expect(one(future, '2026-03-09')).toEqual({ error: 'form.dateNotPast' });
    expect(run([future], { x: '2026-03-09' }, { ...ctx, today: '2026-03-01' }).ok).toBe(true);
  });
});

describe.each(['select', 'radio'] as const)('%s', (type) => {
  const def = field('x', type, { options: opts('a', 'b', 'Nữ') });

  it('accepts an option value, trimmed and NFC', () => {
    expect(one(def, ' b ')).toEqual({ value: 'b' });
    expect(one(def, 'Nữ'.normalize('NFD'))).toEqual({ value: 'Nữ' });
  });

  it.each([['c'], ['A'], [1], [['a']], [true]])('refuses %j: not one of the options', (raw) => {
    expect(one(def, raw)).toEqual({ error: 'form.option' });
  });

  it('asks to choose when required and empty', () => {
    expect(one({ ...def, required: true }, '')).toEqual({ error: 'form.requiredChoice' });
    expect(one({ ...def, required: true }, undefined)).toEqual({ error: 'form.requiredChoice' });
  });
});

describe('checkbox (single)', () => {
  const box = field('x', 'checkbox');

  it.each([
    [true, true],
    ['on', true],
    ['true', true],
    [false, false],
    ['false', false],
    ['', false],
    [null, false],
    [undefined, false],
  ])('takes %j as %j', (raw, value) => {
    expect(one(box, raw)).toEqual({ value });
  });

  it.each([['yes'], ['1'], [1], [0], [['on']], [{}]])('refuses %j', (raw) => {
    expect(one(box, raw)).toEqual({ error: 'form.checkbox' });
  });

  it('stores false for an unticked box that is shown', () => {
    expect(valueOf([box], {})).toEqual({ x: false });
  });

  it('when required, must be ticked', () => {
    const required = { ...box, required: true };
    expect(one(required, 'on')).toEqual({ value: true });
    expect(one(required, undefined)).toEqual({ error: 'form.mustTick' });
    expect(one(required, 'false')).toEqual({ error: 'form.mustTick' });
  });
});

describe('checkbox with options', () => {
  const def = field('x', 'checkbox', { options: opts('a', 'b', 'c') });

  it('takes one string or a list of strings, stored in the order of the options without repeats', () => {
    expect(one(def, 'b')).toEqual({ value: ['b'] });
    expect(one(def, ['c', ' a ', 'c', ''])).toEqual({ value: ['a', 'c'] });
    expect(one(def, ['a'])).toEqual({ value: ['a'] });
  });

  it.each([[undefined], [null], [''], [[]], [['', ' ']]])('takes %j for nothing chosen: []', (raw) => {
    expect(one(def, raw)).toEqual({ value: [] });
  });

  it('skips null items like empty strings', () => {
    expect(one(def, ['a', null, ''])).toEqual({ value: ['a'] });
  });

  it.each([['z'], [['a', 'z']], [[1]], [['a', 7]], [true], [{ a: true }]])('refuses %j', (raw) => {
    expect(one(def, raw)).toEqual({ error: 'form.option' });
  });

  it('when required, needs at least one', () => {
    expect(one({ ...def, required: true }, [])).toEqual({ error: 'form.requiredAny' });
    expect(one({ ...def, required: true }, ['a'])).toEqual({ value: ['a'] });
  });
});

describe('email', () => {
  const def = field('x', 'email');

  it.each([
    ['an.nguyen@example.vn', 'an.nguyen@example.vn'],
    [' An.Nguyen@Example.VN ', 'An.Nguyen@example.vn'],
    ['a+tag@sub.domain.gov.vn', 'a+tag@sub.domain.gov.vn'],
  ])('accepts %j as %j (the domain in lower case)', (raw, value) => {
    expect(one(def, raw)).toEqual({ value });
  });

  it.each([['a@b'], ['a@'], ['@b.vn'], ['a b@c.vn'], ['a@b..vn'], ['a@-b.vn'], ['an@nguyễn.vn'], ['a@b.vn.'], [42]])(
    'refuses %j',
    (raw) => {
      expect(one(def, raw)).toEqual({ error: 'form.email' });
    },
  );

  it('refuses an address over 254 characters', () => {
    const long = `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(10)}.vn`;
    expect(long.length).toBeGreaterThan(254);
    expect(one(def, long)).toEqual({ error: 'form.email' });
  });

  it('supports minLength and maxLength', () => {
    expect(one(field('x', 'email', { maxLength: 10 }), 'abcdef@gh.vn')).toEqual({ error: 'form.maxLength' });
    expect(one(field('x', 'email', { minLength: 20 }), 'a@b.vn')).toEqual({ error: 'form.minLength' });
  });
});

describe('phone', () => {
  const def = field('x', 'phone');

  it.each([
    ['0912345678', '0912345678'],
    ['0312345678', '0312345678'],
    ['0512345678', '0512345678'],
    ['0712345678', '0712345678'],
    ['0812345678', '0812345678'],
    ['+84912345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['091.234.5678', '0912345678'],
    ['091-234-5678', '0912345678'],
    ['02438251234', '02438251234'],
    ['(024) 3825 1234', '02438251234'],
    ['+84 24 3825 1234', '02438251234'],
    ['0203 3825 123', '02033825123'],
  ])('accepts %j as %j', (raw, value) => {
    expect(one(def, raw)).toEqual({ value });
  });

  it.each([
    ['0112345678'],
    ['0412345678'],
    ['0612345678'],
    ['091234567'],
    ['09123456789'],
    ['0243825123'],
    ['024382512345'],
    ['84912345678'],
    ['+85912345678'],
    ['+840912345678'],
    ['0912a45678'],
    [912345678],
  ])('refuses %j', (raw) => {
    expect(one(def, raw)).toEqual({ error: 'form.phone' });
  });
});

describe('citizenId', () => {
  const def = field('x', 'citizenId');

  it('accepts exactly 12 digits, trimmed', () => {
    expect(one(def, ' 001090000123 ')).toEqual({ value: '001090000123' });
  });

  it.each([['00109000012'], ['0010900001234'], ['00109000012a'], ['001 090 000 123'], ['００１０９００００１２３'], [1090000123]])(
    'refuses %j',
    (raw) => {
      expect(one(def, raw)).toEqual({ error: 'form.citizenId' });
    },
  );
});

describe('taxCode', () => {
  const def = field('x', 'taxCode');

  it.each([
    ['0101234567', '0101234567'],
    ['0101234567-001', '0101234567-001'],
    ['0101234567001', '0101234567-001'],
    [' 0101234567-001 ', '0101234567-001'],
  ])('accepts %j, stored as %j (13 digits with the dash, as on official documents)', (raw, value) => {
    expect(one(def, raw)).toEqual({ value });
  });

  it.each([
    ['010123456'],
    ['01012345678'],
    ['010123456789'],
    ['0101234567-01'],
    ['0101234567-0011'],
    ['0101234567 001'],
    ['010123456A'],
    [101234567],
  ])('refuses %j', (raw) => {
    expect(one(def, raw)).toEqual({ error: 'form.taxCode' });
  });
});

describe('address', () => {
  const def = field('x', 'address');
  const good = { provinceCode: 'H12', communeCode: 'H12.05', detail: 'Số 12, đường Lê Lợi' };

  it('accepts a commune of the chosen province, parts trimmed', () => {
    expect(one(def, { provinceCode: ' H12 ', communeCode: 'H12.05 ', detail: '  Số 12, đường Lê Lợi ' })).toEqual({ value: good });
  });

  it('puts the detail in NFC', () => {
    expect(one(def, { ...good, detail: good.detail.normalize('NFD') })).toEqual({ value: good });
  });

  it.each([
    ['an unknown code', 'H99'],
    ['a commune', 'H12.05'],
    ['a department', 'H12.01'],
  ])('refuses %s as the province, at provinceCode', (_label, provinceCode) => {
    expect(errors([def], { x: { ...good, provinceCode } })).toEqual([['formData.x.provinceCode', 'form.province']]);
  });

  it.each([
    ['an unknown code', 'H12.99'],
    ['a commune of another province', 'H13.01'],
    ['a department of the province', 'H12.01'],
    ['the province itself', 'H12'],
  ])('refuses %s as the commune, at communeCode', (_label, communeCode) => {
    expect(errors([def], { x: { ...good, communeCode } })).toEqual([['formData.x.communeCode', 'form.commune']]);
  });

  it('limits the detail to 200 characters', () => {
    expect(one(def, { ...good, detail: 'a'.repeat(200) })).toEqual({ value: { ...good, detail: 'a'.repeat(200) } });
    expect(errors([def], { x: { ...good, detail: 'a'.repeat(201) } })).toEqual([['formData.x.detail', 'form.maxLength']]);
  });

  it('reports a wrong province and a long detail together', () => {
    expect(errors([def], { x: { provinceCode: 'H99', communeCode: 'H12.05', detail: 'a'.repeat(201) } })).toEqual([
      ['formData.x.provinceCode', 'form.province'],
      ['formData.x.detail', 'form.maxLength'],
    ]);
  });

  it('asks for each missing part of a partly filled address, even when the field is optional', () => {
    expect(errors([def], { x: { provinceCode: 'H12', communeCode: '', detail: ' ' } })).toEqual([
      ['formData.x.communeCode', 'form.requiredChoice'],
      ['formData.x.detail', 'form.required'],
    ]);
    expect(errors([def], { x: { detail: 'Số 1' } })).toEqual([
      ['formData.x.provinceCode', 'form.requiredChoice'],
      ['formData.x.communeCode', 'form.requiredChoice'],
    ]);
  });

  it.each([[{}], [{ provinceCode: '', communeCode: '', detail: '' }], [null], ['']])('takes %j for no address', (raw) => {
    expect(one(def, raw)).toEqual({ value: undefined });
    expect(errors([{ ...def, required: true }], { x: raw })).toEqual([['formData.x', 'form.required']]);
  });

  it.each([['H12, H12.05, Số 1'], [42], [[good]]])('refuses %j: not an address', (raw) => {
    expect(errors([def], { x: raw })).toEqual([['formData.x', 'form.address']]);
  });

  it('refuses unknown parts and parts that are not text, at their paths', () => {
    expect(errors([def], { x: { ...good, ward: 'x' } })).toEqual([['formData.x.ward', 'form.unknownField']]);
    expect(errors([def], { x: { ...good, provinceCode: 12 } })).toEqual([['formData.x.provinceCode', 'form.notText']]);
  });

  it('works with a new agencies array each call (indexed again) as with the same one (cached)', () => {
    const fresh = { agencies: agencies.map((a) => ({ ...a })), today: ctx.today };
    expect(run([def], { x: good }, fresh).ok).toBe(true);
    expect(run([def], { x: { ...good, communeCode: 'H13.01' } }, { agencies: [...agencies], today: ctx.today }).ok).toBe(false);
    expect(run([def], { x: good }, { agencies: [], today: ctx.today }).ok).toBe(false);
  });
});

describe('conditions (showIf)', () => {
  const kind = field('kind', 'select', { options: opts('person', 'company', 'other') });

  it('equals: shows the field only when the value matches; hidden, it is neither required nor kept', () => {
    const fields = [kind, field('company', 'text', { required: true, showIf: { field: 'kind', equals: 'company' } })];
    expect(errors(fields, { kind: 'company' })).toEqual([['formData.company', 'form.required']]);
    expect(valueOf(fields, { kind: 'company', company: 'An Phú' })).toEqual({ kind: 'company', company: 'An Phú' });
    expect(valueOf(fields, { kind: 'person', company: 'An Phú' })).toEqual({ kind: 'person' });
    expect(valueOf(fields, {})).toEqual({});
  });

  it('a hidden field with an invalid value is no error', () => {
    const fields = [kind, field('id', 'citizenId', { showIf: { field: 'kind', equals: 'person' } })];
    expect(valueOf(fields, { kind: 'company', id: 'not an id' })).toEqual({ kind: 'company' });
    expect(errors(fields, { kind: 'person', id: 'not an id' })).toEqual([['formData.id', 'form.citizenId']]);
  });

  it('in: shows the field when the value is one of the list', () => {
    const fields = [kind, field('note', 'text', { required: true, showIf: { field: 'kind', in: ['company', 'other'] } })];
    expect(errors(fields, { kind: 'other' })).toEqual([['formData.note', 'form.required']]);
    expect(errors(fields, { kind: 'company' })).toEqual([['formData.note', 'form.required']]);
    expect(errors(fields, { kind: 'person' })).toEqual([]);
    expect(errors(fields, {})).toEqual([]);
  });

  it('notEmpty: shows the field when the other has any value', () => {
    const fields = [field('a', 'text'), field('b', 'text', { required: true, showIf: { field: 'a', notEmpty: true } })];
    expect(errors(fields, { a: 'x' })).toEqual([['formData.b', 'form.required']]);
    expect(errors(fields, { a: '   ' })).toEqual([]);
    expect(errors(fields, {})).toEqual([]);
  });

  it('notEmpty on a single checkbox: when it is ticked', () => {
    const fields = [field('box', 'checkbox'), field('b', 'text', { required: true, showIf: { field: 'box', notEmpty: true } })];
    expect(errors(fields, { box: 'on' })).toEqual([['formData.b', 'form.required']]);
    expect(errors(fields, { box: 'false' })).toEqual([]);
  });

  it('notEmpty on a checkbox with options: when something is chosen', () => {
    const fields = [
      field('m', 'checkbox', { options: opts('a', 'b') }),
      field('b', 'text', { required: true, showIf: { field: 'm', notEmpty: true } }),
    ];
    expect(errors(fields, { m: ['b'] })).toEqual([['formData.b', 'form.required']]);
    expect(errors(fields, { m: [] })).toEqual([]);
  });

  it('notEmpty on an address: when any part is given', () => {
    const fields = [field('addr', 'address'), field('b', 'text', { required: true, showIf: { field: 'addr', notEmpty: true } })];
    expect(errors(fields, { addr: { provinceCode: 'H12' } }).map(([p]) => p)).toEqual([
      'formData.addr.communeCode',
      'formData.addr.detail',
      'formData.b',
    ]);
    expect(errors(fields, { addr: {} })).toEqual([]);
  });

  it('equals on a single checkbox: true when ticked, false when shown and unticked', () => {
    const fields = [
      field('box', 'checkbox'),
      field('yes', 'text', { required: true, showIf: { field: 'box', equals: true } }),
      field('no', 'text', { required: true, showIf: { field: 'box', equals: false } }),
    ];
    expect(errors(fields, { box: 'on' })).toEqual([['formData.yes', 'form.required']]);
    expect(errors(fields, {})).toEqual([['formData.no', 'form.required']]);
  });

  it('equals / in on a checkbox with options: when that option (one of those) is among the chosen', () => {
    const m = field('m', 'checkbox', { options: opts('a', 'b', 'c') });
    const fields = [m, field('x', 'text', { required: true, showIf: { field: 'm', equals: 'b' } })];
    expect(errors(fields, { m: ['a', 'b'] })).toEqual([['formData.x', 'form.required']]);
    expect(errors(fields, { m: ['a', 'c'] })).toEqual([]);
    const fieldsIn = [m, field('x', 'text', { required: true, showIf: { field: 'm', in: ['b', 'c'] } })];
    expect(errors(fieldsIn, { m: 'c' })).toEqual([['formData.x', 'form.required']]);
    expect(errors(fieldsIn, { m: 'a' })).toEqual([]);
  });

  it('equals on a number compares numbers (a posted string included)', () => {
    const fields = [field('n', 'number'), field('x', 'text', { required: true, showIf: { field: 'n', equals: 2 } })];
    expect(errors(fields, { n: '2' })).toEqual([['formData.x', 'form.required']]);
    expect(errors(fields, { n: 2.0 })).toEqual([['formData.x', 'form.required']]);
    expect(errors(fields, { n: '3' })).toEqual([]);
  });

  it('equals on a date or a phone compares the stored forms (condition values normalised at compile time)', () => {
    const fields = [
      field('d', 'date'),
      field('p', 'phone'),
      field('x', 'text', { required: true, showIf: { field: 'd', equals: '25/12/2025' } }),
      field('y', 'text', { required: true, showIf: { field: 'p', in: ['+84 912 345 678'] } }),
    ];
    expect(errors(fields, { d: '2025-12-25', p: '0912.345.678' })).toEqual([
      ['formData.x', 'form.required'],
      ['formData.y', 'form.required'],
    ]);
  });

  it('all: every part must hold', () => {
    const showIf: Condition = {
      all: [
        { field: 'kind', equals: 'company' },
        { field: 'n', notEmpty: true },
      ],
    };
    const fields = [kind, field('n', 'number'), field('x', 'text', { required: true, showIf })];
    expect(errors(fields, { kind: 'company', n: 1 })).toEqual([['formData.x', 'form.required']]);
    expect(errors(fields, { kind: 'company' })).toEqual([]);
    expect(errors(fields, { n: 1 })).toEqual([]);
  });

  it('any: one part is enough', () => {
    const showIf: Condition = {
      any: [
        { field: 'kind', equals: 'company' },
        { field: 'n', notEmpty: true },
      ],
    };
    const fields = [kind, field('n', 'number'), field('x', 'text', { required: true, showIf })];
    expect(errors(fields, { kind: 'company' })).toEqual([['formData.x', 'form.required']]);
    expect(errors(fields, { n: 0 })).toEqual([['formData.x', 'form.required']]);
    expect(errors(fields, { kind: 'person' })).toEqual([]);
  });

  it('nested all / any', () => {
    const showIf: Condition = {
      any: [
        {
          all: [
            { field: 'kind', equals: 'company' },
            { field: 'n', equals: 1 },
          ],
        },
        { all: [{ field: 'kind', equals: 'other' }] },
      ],
    };
    const fields = [kind, field('n', 'number'), field('x', 'text', { required: true, showIf })];
    expect(errors(fields, { kind: 'company', n: 1 })).toHaveLength(1);
    expect(errors(fields, { kind: 'other' })).toHaveLength(1);
    expect(errors(fields, { kind: 'company', n: 2 })).toEqual([]);
  });

  it('chains: a field shown only when a shown field has a value is hidden when that field is hidden, whatever its posted value', () => {
    const fields = [
      field('c', 'text', { required: true, showIf: { field: 'b', notEmpty: true } }),
      field('b', 'text', { showIf: { field: 'a', equals: true } }),
      field('a', 'checkbox'),
    ];
    expect(errors(fields, { a: 'on', b: 'x' })).toEqual([['formData.c', 'form.required']]);
    expect(valueOf(fields, { a: 'on', b: 'x', c: 'y' })).toEqual({ c: 'y', b: 'x', a: true });
    // b is posted but hidden (a unticked): b counts as no value, so c is hidden too.
    expect(valueOf(fields, { b: 'x', c: 'y' })).toEqual({ a: false });
    const form = compileForm({ fields });
    expect(form.order).toEqual(['a', 'b', 'c']);
    expect(form.visibleKeys({ a: 'on', b: 'x' })).toEqual(['c', 'b', 'a']);
    expect(form.visibleKeys({ b: 'x' })).toEqual(['a']);
  });

  it('a hidden single checkbox has no value (not false) for the conditions of others', () => {
    const fields = [
      field('show', 'checkbox'),
      field('box', 'checkbox', { showIf: { field: 'show', equals: true } }),
      field('x', 'text', { required: true, showIf: { field: 'box', equals: false } }),
    ];
    expect(errors(fields, {})).toEqual([]);
    expect(errors(fields, { show: 'on' })).toEqual([['formData.x', 'form.required']]);
  });

  it('an invalid value counts as given for notEmpty, and matches no equals / in', () => {
    const fields = [
      field('n', 'number'),
      field('given', 'text', { required: true, showIf: { field: 'n', notEmpty: true } }),
      field('two', 'text', { required: true, showIf: { field: 'n', equals: 2 } }),
      field('list', 'text', { required: true, showIf: { field: 'n', in: [2, 3] } }),
    ];
    expect(errors(fields, { n: 'two' })).toEqual([
      ['formData.n', 'form.number'],
      ['formData.given', 'form.required'],
    ]);
    expect(compileForm({ fields }).visibleKeys({ n: 'two' })).toEqual(['n', 'given']);
  });

  it('a value outside its bounds still counts for conditions (they compare the normalised value)', () => {
    const fields = [field('n', 'number', { max: 5 }), field('x', 'text', { required: true, showIf: { field: 'n', equals: 9 } })];
    expect(errors(fields, { n: 9 })).toEqual([
      ['formData.n', 'form.max'],
      ['formData.x', 'form.required'],
    ]);
  });
});

describe('visibleKeys', () => {
  const fields = [
    field('kind', 'radio', { options: opts('a', 'b') }),
    field('x', 'text', { showIf: { field: 'kind', equals: 'a' } }),
    field('y', 'text', { showIf: { field: 'kind', equals: 'b' } }),
    field('z', 'text'),
  ];
  const form = compileForm({ fields });

  it('lists the fields shown for the values, in the order of the form', () => {
    expect(form.visibleKeys({ kind: 'a' })).toEqual(['kind', 'x', 'z']);
    expect(form.visibleKeys({ kind: ' b ' })).toEqual(['kind', 'y', 'z']);
    expect(form.visibleKeys({})).toEqual(['kind', 'z']);
  });

  it('takes anything that is not an object for no values', () => {
    expect(form.visibleKeys(null)).toEqual(['kind', 'z']);
    expect(form.visibleKeys(['a'])).toEqual(['kind', 'z']);
  });

  it('agrees with what validate keeps', () => {
    const r = form.validate({ kind: 'a', x: '1', y: '2', z: '3' }, ctx);
    expect(Object.keys(r.value)).toEqual(form.visibleKeys({ kind: 'a', x: '1', y: '2', z: '3' }));
  });
});

describe('compileForm', () => {
  it('orders evaluation so that each field comes after the fields its condition reads, keeping the form order otherwise', () => {
    const fields = [
      field('d', 'text', {
        showIf: {
          all: [
            { field: 'c', notEmpty: true },
            { field: 'a', notEmpty: true },
          ],
        },
      }),
      field('a', 'text'),
      field('c', 'text', { showIf: { field: 'b', notEmpty: true } }),
      field('b', 'text'),
    ];
    expect(compileForm({ fields }).order).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each([
    ['a duplicate key', [field('a', 'text'), field('a', 'number')], /duplicate field key a/],
    ['a bad key', [field('1a', 'text')], /bad field key/],
    ['a prototype key', [field('__proto__', 'text')], /bad field key/],
    ['an unknown type', [field('a', 'color' as FieldType)], /unknown field type/],
    ['a missing reference', [field('a', 'text', { showIf: { field: 'b', notEmpty: true } })], /missing field b/],
    [
      'a cycle',
      [field('a', 'text', { showIf: { field: 'b', notEmpty: true } }), field('b', 'text', { showIf: { field: 'a', notEmpty: true } })],
      /cycle/,
    ],
    ['a self-reference', [field('a', 'text', { showIf: { field: 'a', notEmpty: true } })], /cycle/],
    [
      'a condition value that suits no value of the field',
      [field('s', 'select', { options: opts('a') }), field('b', 'text', { showIf: { field: 's', equals: 'z' } })],
      /does not suit/,
    ],
    ['a bad date bound', [field('d', 'date', { min: '01/01/2025' })], /bad date bound/],
  ])('throws on %s (a form that did not pass checkDefinition)', (_label, fields, message) => {
    expect(() => compileForm({ fields })).toThrow(message);
  });

  it('keeps the definition it was compiled from', () => {
    const form = { fields: [field('a', 'text')] };
    expect(compileForm(form).definition).toBe(form);
  });
});

describe('normalisers', () => {
  it('normalizeString', () => {
    expect(normalizeString('  a  ')).toBe('a');
    expect(normalizeString('')).toBeUndefined();
    expect(normalizeString(null)).toBeUndefined();
    expect(normalizeString(1)).toBe(INVALID);
  });

  it('normalizeNumber', () => {
    expect(normalizeNumber('1.5')).toBe(1.5);
    expect(normalizeNumber('')).toBeUndefined();
    expect(normalizeNumber('1e9')).toBe(INVALID);
  });

  it('canonicalDate and displayDate', () => {
    expect(canonicalDate('5/1/2026')).toBe('2026-01-05');
    expect(canonicalDate('2026-02-29')).toBeUndefined();
    expect(displayDate('2026-01-05')).toBe('05/01/2026');
  });

  it('canonicalPhone, canonicalEmail, canonicalTaxCode', () => {
    expect(canonicalPhone('+84 (24) 3825-1234')).toBe('02438251234');
    expect(canonicalEmail('A@B.VN')).toBe('A@b.vn');
    expect(canonicalTaxCode('0101234567001')).toBe('0101234567-001');
  });

  it('conditionValue: the value as the field stores it, or undefined when it cannot match', () => {
    expect(conditionValue(field('d', 'date'), '25/12/2025')).toBe('2025-12-25');
    expect(conditionValue(field('n', 'number'), 3)).toBe(3);
    expect(conditionValue(field('n', 'number'), '3')).toBeUndefined();
    expect(conditionValue(field('c', 'checkbox'), true)).toBe(true);
    expect(conditionValue(field('c', 'checkbox'), 'on')).toBeUndefined();
    expect(conditionValue(field('m', 'checkbox', { options: opts('a') }), 'a')).toBe('a');
    expect(conditionValue(field('m', 'checkbox', { options: opts('a') }), 'b')).toBeUndefined();
    expect(conditionValue(field('s', 'select', { options: opts('a') }), 'b')).toBeUndefined();
    expect(conditionValue(field('t', 'text'), '  x ')).toBe('x');
    expect(conditionValue(field('t', 'text'), '')).toBeUndefined();
    expect(conditionValue(field('t', 'text'), 1)).toBeUndefined();
    expect(conditionValue(field('i', 'citizenId'), '123')).toBeUndefined();
    expect(conditionValue(field('a', 'address'), 'H12')).toBeUndefined();
  });
});

describe('the benchmark form (bench/fifty-field-form.ts)', () => {
  it('has 50 fields of every type, and the submission passes, so the benchmark measures the success path', () => {
    expect(FIFTY_FIELD_FORM.fields).toHaveLength(50);
    expect(new Set(FIFTY_FIELD_FORM.fields.map((f) => f.type)).size).toBe(12);
    const form = compileForm(FIFTY_FIELD_FORM);
    const r = form.validate(FIFTY_FIELD_SUBMISSION, BENCH_CONTEXT);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual([]);
    // Shown: all but floors (not a house) and exemptReason (not exempt); kept: those with a value (notes is empty).
    const shown = form.visibleKeys(FIFTY_FIELD_SUBMISSION);
    expect(shown).toHaveLength(48);
    expect(shown).not.toContain('floors');
    expect(Object.keys(r.value)).toEqual(shown.filter((k) => k !== 'notes'));
    expect(r.value).toMatchObject({
      applicantBirthDate: '1985-03-15',
      applicantPhone: '0912345678',
      applicantEmail: 'thuha.nguyen@example.vn',
      orgTaxCode: '0101234567-001',
      orgPhone: '02438251234',
      landArea: 120.5,
      currentUse: 'Căn hộ để ở.\nChưa cải tạo.',
      hasCoOwners: true,
      documentsHeld: ['landCert', 'survey'],
      feeExempt: false,
      declaration: true,
    });
    expect(r.value).not.toHaveProperty('exemptReason');
    expect(r.value).not.toHaveProperty('floors');
  });

  it('accepts the 50-field benchmark submission (its speed is measured in bench/, not here)', () => {
    expect(compileForm(FIFTY_FIELD_FORM).validate(FIFTY_FIELD_SUBMISSION, BENCH_CONTEXT).ok).toBe(true);
  });
});
