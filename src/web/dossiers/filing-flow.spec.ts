import { describe, expect, it } from 'vitest';
import type { ComponentDefinition, FormDefinition } from '../../procedures/forms/definition.js';
import { compileForm } from '../../procedures/forms/validate-submission.js';
import { afterPost, formPages, type Flow } from '../procedures/apply-flow.js';
import { afterPageLocation, dossierPaths, filingSteps, mergePage, pageErrors, problemLinks } from './filing-flow.js';

const ID = '0b8c1a52-4a7e-4c34-9d5e-1f2a3b4c5d6e';
const BASE = `/dossiers/${ID}`;

const form: FormDefinition = {
  pages: [
    { key: 'child', title: { vi: 'Thông tin trẻ', en: 'The child' } },
    { key: 'declarant', title: { vi: 'Người đi khai', en: 'The declarant' } },
  ],
  fields: [
    { key: 'childName', type: 'text', page: 'child', label: { vi: 'Họ tên trẻ' }, required: true },
    { key: 'hasFather', type: 'checkbox', page: 'child', label: { vi: 'Có thông tin cha' } },
    {
      key: 'fatherCitizenId',
      type: 'citizenId',
      page: 'child',
      label: { vi: 'Số định danh của cha' },
      required: true,
      showIf: { field: 'hasFather', equals: true },
    },
    {
      key: 'gender',
      type: 'radio',
      page: 'child',
      label: { vi: 'Giới tính' },
      options: [
        { value: 'M', label: { vi: 'Nam' } },
        { value: 'F', label: { vi: 'Nữ' } },
      ],
    },
    { key: 'residence', type: 'address', page: 'declarant', label: { vi: 'Nơi cư trú' }, required: true },
  ],
};
const components: ComponentDefinition[] = [
  { code: 'GCS', name: { vi: 'Giấy chứng sinh', en: 'Birth certificate' }, required: true },
  { code: 'CCCD', name: { vi: 'Căn cước' }, required: true, satisfiedBy: { profile: 'citizenId' } },
];
const flow: Flow = {
  compiled: compileForm(form),
  pages: formPages(form, { vi: 'Khai sinh' }),
  ctx: {
    agencies: [
      { code: 'H12', level: 'PROVINCE', parentCode: null },
      { code: 'H12.05', level: 'COMMUNE', parentCode: 'H12' },
    ],
    today: '2026-02-16',
  },
};

describe('saving a page into the draft', () => {
  it("replaces this page's answers, keeps the others, and drops what is now hidden", () => {
    const saved = {
      childName: 'Cũ',
      hasFather: 'true',
      fatherCitizenId: '001080000123',
      residence: { provinceCode: 'H12', communeCode: 'H12.05', detail: 'Số 1' },
    };
    // The box unticked: a browser posts nothing for it, so the father's ID (now hidden) goes too.
    expect(mergePage(flow, form, saved, { _csrf: 'x', childName: 'Mới', fatherCitizenId: '001080000123', residence: 'stray' }, 1)).toEqual({
      childName: 'Mới',
      residence: { provinceCode: 'H12', communeCode: 'H12.05', detail: 'Số 1' },
    });
    // Fields of other pages in the post are not this page's business.
    expect(mergePage(flow, form, { childName: 'An' }, { 'residence.provinceCode': 'H12', childName: 'Khác' }, 2)).toEqual({
      childName: 'An',
      residence: { provinceCode: 'H12', communeCode: '', detail: '' },
    });
  });

  it('shows the errors of one page when the person comes to fix them', () => {
    expect(pageErrors(flow, {}, 1).map((e) => e.path)).toEqual(['formData.childName']);
    expect(pageErrors(flow, {}, 2).map((e) => e.path)).toEqual(['formData.residence']);
    expect(pageErrors(flow, { childName: 'An' }, 1)).toEqual([]);
  });
});

describe('where a page leads', () => {
  const done = { childName: 'An', residence: { provinceCode: 'H12', communeCode: 'H12.05', detail: 'Số 1' } };

  it('goes page by page, then to the documents of a draft, or back to the summary it came from', () => {
    expect(afterPageLocation(ID, 'draft', afterPost(flow, done, 1, 'next', false), false)).toBe(`${BASE}/edit?page=2`);
    expect(afterPageLocation(ID, 'draft', afterPost(flow, done, 2, 'next', false), false)).toBe(`${BASE}/files`);
    expect(afterPageLocation(ID, 'draft', afterPost(flow, done, 1, 'next', true), true)).toBe(`${BASE}/review`);
    expect(afterPageLocation(ID, 'draft', afterPost(flow, done, 2, 'back', false), false)).toBe(`${BASE}/edit?page=1`);
    expect(afterPageLocation(ID, 'draft', afterPost(flow, done, 1, 'update', true), true)).toBe(`${BASE}/edit?page=1&review=1`);
  });

  it('returns to the supplement page when the form is changed to answer a supplement request', () => {
    expect(afterPageLocation(ID, 'supplement', afterPost(flow, done, 2, 'next', false), false)).toBe(`${BASE}/supplement`);
    expect(afterPageLocation(ID, 'supplement', afterPost(flow, done, 1, 'next', true), true)).toBe(`${BASE}/supplement`);
  });
});

describe('the step indicator', () => {
  it('has the form pages, the documents and the review for a draft', () => {
    const steps = filingSteps(flow.pages, 'draft', 'files', 'vi');
    expect(steps.segments.map((s) => s.label)).toEqual(['Thông tin trẻ', 'Người đi khai', 'Giấy tờ kèm theo', 'Kiểm tra thông tin']);
    expect(steps).toMatchObject({ total: 4, number: 3 });
    expect(steps.segments.map((s) => [s.complete, s.current])).toEqual([
      [true, false],
      [true, false],
      [false, true],
      [false, false],
    ]);
  });

  it('ends on the supplement page when answering a supplement request', () => {
    const steps = filingSteps(flow.pages, 'supplement', 1, 'en');
    expect(steps.segments.map((s) => s.label)).toEqual(['The child', 'The declarant', 'Provide a supplement']);
    expect(steps.number).toBe(1);
  });
});

describe('why a submission was refused', () => {
  const context = { id: ID, mode: 'draft' as const, pages: flow.pages, fields: form.fields, components };

  it('links each problem to the page and the control where it is fixed, naming the field or document', () => {
    const links = problemLinks(
      [
        { path: 'formData.childName', code: 'x', message: { vi: 'Vui lòng nhập thông tin này.' } },
        { path: 'formData.gender', code: 'x', message: { vi: 'Chọn một giá trị.' } },
        { path: 'formData.residence.communeCode', code: 'x', message: { vi: 'Chọn xã.' } },
        { path: 'components.GCS', code: 'x', message: { vi: 'Thiếu giấy tờ bắt buộc.', en: 'A required document is missing.' } },
      ],
      context,
      'vi',
    );
    expect(links).toEqual([
      { href: `${BASE}/edit?page=1&review=1&check=1#f-childName`, message: 'Họ tên trẻ: Vui lòng nhập thông tin này.' },
      { href: `${BASE}/edit?page=1&review=1&check=1#f-gender-1`, message: 'Giới tính: Chọn một giá trị.' },
      { href: `${BASE}/edit?page=2&review=1&check=1#f-residence-commune`, message: 'Nơi cư trú: Chọn xã.' },
      { href: `${BASE}/files#file-GCS`, message: 'Giấy chứng sinh: Thiếu giấy tờ bắt buộc.' },
    ]);
  });

  it('sends document problems of a supplement to the supplement page, and other controls to themselves', () => {
    const links = problemLinks(
      [
        { path: 'components.GCS', code: 'x', message: { vi: 'Thiếu.', en: 'Missing.' } },
        { path: 'comment', code: 'validation.maxLength' },
        { path: 'formData.nope', code: 'x', message: { vi: 'Không có trường này.' } },
      ],
      { ...context, mode: 'supplement', others: { comment: 'Note' } },
      'en',
    );
    expect(links).toEqual([
      { href: `${BASE}/supplement#file-GCS`, message: 'Birth certificate: Missing.' },
      { href: '#comment', message: 'Note: Too long.' },
      { href: dossierPaths(ID).edit(1), message: 'Không có trường này.' },
    ]);
  });
});
