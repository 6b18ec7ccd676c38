import { describe, expect, it } from 'vitest';
import type { FieldDefinition, FormDefinition } from './definition.js';
import { renderForm, type FieldView, type Places, type RenderFormOptions } from './render-form.js';
import { compileForm } from './validate-submission.js';

const places: Places = {
  provinces: [
    { code: 'H12', name: 'Tỉnh Một' },
    { code: 'H13', name: 'Tỉnh Hai' },
  ],
  communes: [
    { code: 'H12.05', name: 'Xã A', parentCode: 'H12' },
    { code: 'H13.01', name: 'Xã B', parentCode: 'H13' },
  ],
};

const L = (vi: string, en?: string) => ({ vi, ...(en && { en }) });

/** One field of every type, two conditional ones (a chain), on two pages. */
const form: FormDefinition = {
  pages: [
    { key: 'a', title: L('Trang một') },
    { key: 'b', title: L('Trang hai') },
  ],
  fields: [
    { key: 'name', type: 'text', label: L('Họ tên', 'Name'), hint: L('Như trên giấy tờ', 'As on your papers'), required: true, page: 'a' },
    { key: 'note', type: 'textarea', label: L('Ghi chú'), page: 'a' },
    { key: 'children', type: 'number', label: L('Số con'), min: 0, max: 20, page: 'a' },
    { key: 'born', type: 'date', label: L('Ngày sinh'), min: '1900-01-01', max: 'today', page: 'a' },
    {
      key: 'kind',
      type: 'select',
      label: L('Loại'),
      options: [
        { value: 'x', label: L('Ích', 'Ex') },
        { value: 'y', label: L('Y') },
      ],
      page: 'a',
    },
    {
      key: 'sex',
      type: 'radio',
      label: L('Giới tính'),
      required: true,
      options: [
        { value: 'M', label: L('Nam') },
        { value: 'F', label: L('Nữ') },
      ],
      page: 'a',
    },
    { key: 'agree', type: 'checkbox', label: L('Đồng ý'), page: 'a' },
    {
      key: 'langs',
      type: 'checkbox',
      label: L('Ngôn ngữ'),
      options: [
        { value: 'vi', label: L('Việt') },
        { value: 'en', label: L('Anh') },
      ],
      page: 'a',
    },
    { key: 'email', type: 'email', label: L('Thư'), page: 'b' },
    { key: 'phone', type: 'phone', label: L('Điện thoại'), page: 'b' },
    { key: 'cid', type: 'citizenId', label: L('Số định danh'), required: true, showIf: { field: 'agree', equals: true }, page: 'b' },
    { key: 'tax', type: 'taxCode', label: L('Mã số thuế'), showIf: { field: 'cid', notEmpty: true }, page: 'b' },
    { key: 'since', type: 'date', label: L('Từ ngày'), showIf: { field: 'born', equals: '01/02/2000' }, page: 'b' },
    { key: 'home', type: 'address', label: L('Nơi ở'), required: true, page: 'b' },
  ] satisfies FieldDefinition[],
};
const compiled = compileForm(form);

function render(o: Partial<RenderFormOptions> = {}) {
  return renderForm({ compiled, values: {}, lang: 'vi', places, ...o });
}
const field = (fields: FieldView[], key: string) => fields.find((f) => f.key === key)!;

describe('renderForm', () => {
  it('renders every field in form order, each with a label, an id and a name', () => {
    const { fields } = render();
    expect(fields.map((f) => [f.key, f.kind])).toEqual([
      ['name', 'input'],
      ['note', 'textarea'],
      ['children', 'input'],
      ['born', 'input'],
      ['kind', 'select'],
      ['sex', 'choices'],
      ['agree', 'checkbox'],
      ['langs', 'choices'],
      ['email', 'input'],
      ['phone', 'input'],
      ['cid', 'input'],
      ['tax', 'input'],
      ['since', 'input'],
      ['home', 'address'],
    ]);
    for (const f of fields) {
      expect(f.label).not.toBe('');
      expect(f.id).toBe(`f-${f.key}`);
      expect(f.name).toBe(f.key);
    }
  });

  it('renders one page: only the keys asked for', () => {
    expect(render({ keys: ['email', 'home'] }).fields.map((f) => f.key)).toEqual(['email', 'home']);
  });

  it('chooses the input, keyboard and autofill that suit each type', () => {
    const { fields } = render({ today: '2026-11-21' });
    const attrs = (key: string) => {
      const f = field(fields, key);
      return { type: f.inputType, inputmode: f.inputmode, autocomplete: f.autocomplete };
    };
    expect(attrs('name')).toEqual({ type: 'text', inputmode: undefined, autocomplete: undefined });
    expect(attrs('email')).toEqual({ type: 'email', inputmode: undefined, autocomplete: 'email' });
    expect(attrs('phone')).toEqual({ type: 'tel', inputmode: undefined, autocomplete: 'tel' });
    expect(attrs('cid')).toEqual({ type: 'text', inputmode: 'numeric', autocomplete: 'off' });
    expect(attrs('tax')).toEqual({ type: 'text', inputmode: 'numeric', autocomplete: 'off' });
    expect(attrs('born')).toMatchObject({ type: 'date' });
    expect(field(fields, 'born')).toMatchObject({ min: '1900-01-01', max: '2026-11-21' });
    expect(field(fields, 'children')).toMatchObject({ inputType: 'number', min: '0', max: '20', step: 'any' });
    expect(field(fields, 'email').spellcheck).toBe(false);
  });

  it('marks required fields and links hints with aria-describedby', () => {
    const { fields } = render();
    expect(field(fields, 'name')).toMatchObject({
      required: true,
      hint: 'Như trên giấy tờ',
      hintId: 'f-name-hint',
      describedBy: 'f-name-hint',
    });
    expect(field(fields, 'note')).toMatchObject({ required: false, hint: null, describedBy: null });
  });

  it('speaks English when asked, falling back to Vietnamese', () => {
    const { fields } = render({ lang: 'en' });
    expect(field(fields, 'name')).toMatchObject({ label: 'Name', hint: 'As on your papers' });
    expect(field(fields, 'note').label).toBe('Ghi chú');
    expect(field(fields, 'kind').options!.map((o) => o.label)).toEqual(['Ex', 'Y']);
  });

  it('gives options ids, and radio or checkbox inputs in a group', () => {
    const { fields } = render();
    expect(field(fields, 'sex')).toMatchObject({
      choiceType: 'radio',
      options: [
        { id: 'f-sex-1', value: 'M', label: 'Nam', checked: false },
        { id: 'f-sex-2', value: 'F', label: 'Nữ', checked: false },
      ],
    });
    expect(field(fields, 'langs').choiceType).toBe('checkbox');
    expect(field(fields, 'agree')).toMatchObject({ kind: 'checkbox', checked: false });
  });

  it('keeps the values given', () => {
    const values = {
      name: 'Nguyễn An',
      note: 'dòng 1\ndòng 2',
      children: '2',
      kind: 'y',
      sex: 'F',
      agree: 'true',
      langs: ['vi', 'en'],
      home: { provinceCode: 'H13', communeCode: 'H13.01', detail: 'Số 5' },
    };
    const { fields } = render({ values });
    expect(field(fields, 'name').value).toBe('Nguyễn An');
    expect(field(fields, 'note').value).toBe('dòng 1\ndòng 2');
    expect(field(fields, 'children').value).toBe('2');
    expect(
      field(fields, 'kind')
        .options!.filter((o) => o.checked)
        .map((o) => o.value),
    ).toEqual(['y']);
    expect(
      field(fields, 'sex')
        .options!.filter((o) => o.checked)
        .map((o) => o.value),
    ).toEqual(['F']);
    expect(field(fields, 'agree').checked).toBe(true);
    expect(field(fields, 'langs').options!.every((o) => o.checked)).toBe(true);
    const home = field(fields, 'home').address!;
    expect(home.province.options.find((o) => o.checked)?.value).toBe('H13');
    expect(home.commune.groups.flatMap((g) => g.options).find((o) => o.checked)?.value).toBe('H13.01');
    expect(home.detail.value).toBe('Số 5');
  });

  it('gives an address a province select, communes grouped by province, and a detail input, each with its own name', () => {
    const home = field(render().fields, 'home').address!;
    expect(home.province).toMatchObject({ id: 'f-home-province', name: 'home.provinceCode' });
    expect(home.commune).toMatchObject({ id: 'f-home-commune', name: 'home.communeCode' });
    expect(home.detail).toMatchObject({ id: 'f-home-detail', name: 'home.detail' });
    expect(home.province.options.map((o) => o.value)).toEqual(['H12', 'H13']);
    expect(home.commune.groups.map((g) => [g.label, g.parentCode, g.options.map((o) => o.value)])).toEqual([
      ['Tỉnh Một', 'H12', ['H12.05']],
      ['Tỉnh Hai', 'H13', ['H13.01']],
    ]);
  });

  describe('conditions', () => {
    it('marks conditional fields with their condition and hides them while it is false', () => {
      const r = render();
      expect(r.hasConditions).toBe(true);
      expect(field(r.fields, 'cid')).toMatchObject({ showIf: '{"field":"agree","equals":true}', hidden: true });
      expect(field(r.fields, 'name')).toMatchObject({ showIf: null, hidden: false });
      expect(render({ keys: ['name', 'note'] }).hasConditions).toBe(false);
    });

    it('shows a field once its condition holds, and follows chains', () => {
      const ticked = render({ values: { agree: 'true' } }).fields;
      expect(field(ticked, 'cid').hidden).toBe(false);
      expect(field(ticked, 'tax').hidden).toBe(true);
      const chained = render({ values: { agree: 'true', cid: '001090000001' } }).fields;
      expect(field(chained, 'tax').hidden).toBe(false);
      // A hidden field has no value for the conditions of others, whatever was posted for it.
      const broken = render({ values: { cid: '001090000001' } }).fields;
      expect(field(broken, 'tax').hidden).toBe(true);
    });

    it('writes compared values as the validator compares them', () => {
      const { fields } = render({ values: { born: '2000-02-01' } });
      expect(JSON.parse(field(fields, 'since').showIf!)).toEqual({ field: 'born', equals: '2000-02-01' });
      expect(field(fields, 'since').hidden).toBe(false);
    });
  });

  describe('errors', () => {
    const msg = (vi: string) => ({ vi, en: `${vi} (en)` });

    it('shows each error beside its field, marks the control invalid and links hint and error', () => {
      const { fields } = render({ errors: [{ path: 'formData.name', message: msg('Bắt buộc') }] });
      expect(field(fields, 'name')).toMatchObject({
        error: 'Bắt buộc',
        errorId: 'f-name-error',
        describedBy: 'f-name-hint f-name-error',
      });
      expect(field(fields, 'note').error).toBeNull();
    });

    it('lists the errors for the summary in form order, each named by its label and linked to its control', () => {
      const { errorList } = render({
        lang: 'en',
        errors: [
          { path: 'formData.home.communeCode', message: msg('Sai xã') },
          { path: 'formData.sex', message: msg('Chọn') },
          { path: 'formData.name', message: msg('Bắt buộc') },
          { path: 'formData.name', message: msg('Thứ hai') },
          { path: 'formData.nothere', message: msg('?') },
        ],
      });
      expect(errorList).toEqual([
        { href: '#f-name', message: 'Name: Bắt buộc (en)' },
        { href: '#f-sex-1', message: 'Giới tính: Chọn (en)' },
        { href: '#f-home-commune', message: 'Nơi ở: Sai xã (en)' },
      ]);
    });

    it('puts the errors of an address beside the part they are about', () => {
      const home = field(render({ errors: [{ path: 'formData.home.detail', message: msg('Quá dài') }] }).fields, 'home');
      expect(home.error).toBeNull();
      expect(home.address!.detail).toMatchObject({ error: 'Quá dài', errorId: 'f-home-detail-error', describedBy: 'f-home-detail-error' });
      expect(home.address!.province.error).toBeNull();
    });

    it('links a whole-address error to the province select', () => {
      const { errorList } = render({ errors: [{ path: 'formData.home', message: msg('Không hợp lệ') }] });
      expect(errorList).toEqual([{ href: '#f-home-province', message: 'Nơi ở: Không hợp lệ' }]);
    });
  });

  it('prefixes every id, so two renderings can share a page', () => {
    const r = render({ idPrefix: 'preview-', errors: [{ path: 'formData.sex', message: { vi: 'x' } }] });
    expect(field(r.fields, 'sex').options![0].id).toBe('preview-sex-1');
    expect(field(r.fields, 'home').address!.province.id).toBe('preview-home-province');
    expect(r.errorList[0].href).toBe('#preview-sex-1');
  });
});
