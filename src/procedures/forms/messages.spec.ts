import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORM_MESSAGES, formError, formMessage, isFormMessageCode, type FormMessageCode } from './messages.js';

const codes = Object.keys(FORM_MESSAGES) as FormMessageCode[];
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('the message catalogue', () => {
  it('has a non-blank Vietnamese and English text for every code, and they differ', () => {
    const bad = codes.filter((c) => {
      const { vi, en }: { vi: string; en: string } = FORM_MESSAGES[c];
      return vi.trim() === '' || en.trim() === '' || vi === en;
    });
    expect(bad).toEqual([]);
  });

  it('writes Vietnamese with its diacritics (not stripped ASCII)', () => {
    expect(codes.filter((c) => !/[^\x00-\x7f]/.test(FORM_MESSAGES[c].vi))).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    expect(codes.filter((c) => placeholders(FORM_MESSAGES[c].vi).join() !== placeholders(FORM_MESSAGES[c].en).join())).toEqual([]);
  });

  it('ends every message with a full stop (or a colon before a reason)', () => {
    expect(
      codes.filter((c) => !/[.:] ?(\{reason\})?$/.test(FORM_MESSAGES[c].vi) || !/[.:] ?(\{reason\})?$/.test(FORM_MESSAGES[c].en)),
    ).toEqual([]);
  });

  it('has codes named after their module (form., definition., component.)', () => {
    expect(codes.filter((c) => !/^(form|definition|component)\.[a-zA-Z]+$/.test(c))).toEqual([]);
  });

  it('has no message that the modules never use', () => {
    const sources = ['check-definition.ts', 'validate-submission.ts', 'components.ts']
      .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
      .join('\n');
    expect(codes.filter((c) => !sources.includes(`'${c}'`))).toEqual([]);
  });
});

describe('formMessage', () => {
  it('returns both languages', () => {
    expect(formMessage('form.required')).toEqual({ vi: 'Vui lòng nhập thông tin này.', en: 'Please fill in this field.' });
  });

  it('fills placeholders, writing numbers as each language does', () => {
    expect(formMessage('form.maxLength', { max: 1000 })).toEqual({
      vi: 'Vui lòng nhập không quá 1.000 ký tự.',
      en: 'Please enter no more than 1,000 characters.',
    });
    expect(formMessage('form.min', { min: 2.5 })).toEqual({
      vi: 'Giá trị phải lớn hơn hoặc bằng 2,5.',
      en: 'The value must be 2.5 or more.',
    });
    expect(formMessage('definition.unknownAgency', { code: 'H12.05' }).vi).toBe('Không có cơ quan mã “H12.05”.');
  });

  it('leaves a placeholder without a value as it is, and ignores extra or inherited names', () => {
    expect(formMessage('form.maxLength').en).toBe('Please enter no more than {max} characters.');
    expect(formMessage('form.maxLength', { other: 1 }).en).toBe('Please enter no more than {max} characters.');
    expect(formMessage('definition.unknownAgency', Object.create({ code: 'inherited' }) as Record<string, string>).en).toBe(
      'There is no agency with the code “{code}”.',
    );
  });

  it('does not read `$` patterns of a value as replacement patterns', () => {
    expect(formMessage('definition.unknownAgency', { code: "$&$'$`" }).en).toBe("There is no agency with the code “$&$'$`”.");
  });
});

describe('formError', () => {
  it('has params only when given', () => {
    expect(formError('formData.a', 'form.required')).toEqual({
      path: 'formData.a',
      code: 'form.required',
      message: formMessage('form.required'),
    });
    expect(formError('formData.a', 'form.min', { min: 1 })).toEqual({
      path: 'formData.a',
      code: 'form.min',
      params: { min: 1 },
      message: formMessage('form.min', { min: 1 }),
    });
  });

  it('takes an own message instead of the catalogue’s', () => {
    expect(formError('formData.a', 'form.pattern', undefined, { vi: 'Sai.', en: 'Wrong.' }).message).toEqual({ vi: 'Sai.', en: 'Wrong.' });
  });
});

describe('isFormMessageCode', () => {
  it('knows the codes, and not the properties every object has', () => {
    expect(isFormMessageCode('form.required')).toBe(true);
    expect(isFormMessageCode('form.nope')).toBe(false);
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) expect(isFormMessageCode(name)).toBe(false);
  });
});
