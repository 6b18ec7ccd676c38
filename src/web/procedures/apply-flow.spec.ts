import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../procedures/forms/definition.js';
import { compileForm } from '../../procedures/forms/validate-submission.js';
import { keepVisible, readAnswers } from './answers-carrier.js';
import { afterPost, formPages, pageIndex, review, type Flow } from './apply-flow.js';

const form: FormDefinition = {
  pages: [
    { key: 'one', title: { vi: 'Một' } },
    { key: 'two', title: { vi: 'Hai' } },
    { key: 'three', title: { vi: 'Ba' } },
  ],
  fields: [
    { key: 'name', type: 'text', label: { vi: 'Tên' }, required: true, page: 'one' },
    { key: 'married', type: 'checkbox', label: { vi: 'Đã kết hôn' }, page: 'one' },
    { key: 'spouse', type: 'text', label: { vi: 'Vợ/chồng' }, required: true, page: 'two', showIf: { field: 'married', equals: true } },
    {
      key: 'langs',
      type: 'checkbox',
      label: { vi: 'Ngôn ngữ' },
      options: [
        { value: 'vi', label: { vi: 'Việt' } },
        { value: 'en', label: { vi: 'Anh' } },
      ],
      page: 'three',
    },
    { key: 'home', type: 'address', label: { vi: 'Nơi ở' }, page: 'three' },
  ],
};
const compiled = compileForm(form);
const flow: Flow = { compiled, pages: formPages(form, { vi: 'Thủ tục' }), ctx: { agencies: [], today: '2026-11-21' } };

describe('formPages', () => {
  it('puts each field on its page', () => {
    expect(flow.pages.map((p) => [p.index, p.key, p.keys])).toEqual([
      [1, 'one', ['name', 'married']],
      [2, 'two', ['spouse']],
      [3, 'three', ['langs', 'home']],
    ]);
  });

  it('makes a form without pages one page named after the procedure', () => {
    const pages = formPages({ fields: form.fields.map(({ page: _p, ...f }) => f) }, { vi: 'Thủ tục' });
    expect(pages).toEqual([{ index: 1, key: 'main', title: { vi: 'Thủ tục' }, keys: ['name', 'married', 'spouse', 'langs', 'home'] }]);
  });

  it('reads ?page=N, falling back to the first page', () => {
    expect(pageIndex('2', flow.pages)).toBe(2);
    for (const bad of [undefined, '0', '4', 'x', '1.5']) expect(pageIndex(bad, flow.pages)).toBe(1);
  });
});

describe('afterPost', () => {
  it('keeps a page with errors on screen (422), judging only that page', () => {
    const step = afterPost(flow, {}, 1, 'next', false);
    expect(step).toMatchObject({ kind: 'page', index: 1, status: 422 });
    expect(step.kind === 'page' && step.errors.map((e) => e.path)).toEqual(['formData.name']);
  });

  it('skips a page whose every field is hidden', () => {
    expect(afterPost(flow, { name: 'An' }, 1, 'next', false)).toMatchObject({ kind: 'page', index: 3, status: 200 });
    expect(afterPost(flow, { name: 'An', married: 'true' }, 1, 'next', false)).toMatchObject({ kind: 'page', index: 2 });
    expect(afterPost(flow, { name: 'An' }, 3, 'back', false)).toMatchObject({ kind: 'page', index: 1 });
  });

  it('re-renders the same page for "update" and "change", without judging it', () => {
    expect(afterPost(flow, {}, 2, 'update', false)).toEqual({ kind: 'page', index: 2, errors: [], status: 200 });
    expect(afterPost(flow, {}, 1, 'change', true)).toEqual({ kind: 'page', index: 1, errors: [], status: 200 });
  });

  it('goes to the review after the last page, or straight back to it when the person came from it', () => {
    expect(afterPost(flow, { name: 'An' }, 3, 'next', false)).toEqual({ kind: 'review', value: { name: 'An', married: false, langs: [] } });
    expect(afterPost(flow, { name: 'An' }, 1, 'next', true)).toMatchObject({ kind: 'review' });
  });

  it('sends the review to the first page with an error', () => {
    const step = review(flow, { name: 'An', married: 'true' });
    expect(step).toMatchObject({ kind: 'page', index: 2, status: 422 });
  });
});

describe('the answers of a page post', () => {
  it('reads every field from a form post, whatever its page', () => {
    const body = {
      _csrf: 'x',
      name: 'An',
      married: 'true',
      langs: ['vi', 'en'],
      'home.provinceCode': 'H12',
      'home.communeCode': '',
      'home.detail': 'Số 1',
      stray: 'ignored',
    };
    expect(readAnswers(form, body)).toEqual({
      name: 'An',
      married: 'true',
      langs: ['vi', 'en'],
      home: { provinceCode: 'H12', communeCode: '', detail: 'Số 1' },
    });
    expect(readAnswers(form, { langs: 'en', name: ['A', 'B'] })).toEqual({ langs: ['en'], name: 'A' });
  });

  it('drops the answers of hidden fields', () => {
    expect(keepVisible(compiled, { name: 'An', spouse: 'Bình' })).toEqual({ name: 'An' });
    expect(keepVisible(compiled, { name: 'An', married: 'true', spouse: 'Bình' })).toEqual({ name: 'An', married: 'true', spouse: 'Bình' });
  });
});
