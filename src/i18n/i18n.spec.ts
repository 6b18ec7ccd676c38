import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANG, isMessageKey, langOf, parseLang, t } from './i18n.js';
import { en, vi, type MessageKey } from './messages.js';

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].toSorted();
const keys = Object.keys(vi) as MessageKey[];

describe('message catalogues', () => {
  it('have the same keys in vi and en', () => {
    expect(Object.keys(en).toSorted()).toEqual(Object.keys(vi).toSorted());
  });

  it.each([
    ['vi', vi],
    ['en', en],
  ] as const)('%s has no empty or blank message', (_lang, catalogue) => {
    const blank = Object.entries(catalogue).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(blank).toEqual([]);
  });

  it('uses the same placeholders in both languages, key by key', () => {
    const mismatched = keys.filter((key) => placeholders(vi[key]).join() !== placeholders(en[key]).join());
    expect(mismatched).toEqual([]);
  });

  it('has placeholders where the pages fill them', () => {
    expect(placeholders(vi['home.signedInAs'])).toEqual(['name']);
    expect(placeholders(vi['list.total'])).toEqual(['total']);
  });
});

describe('isMessageKey', () => {
  it('knows the catalogue keys', () => {
    expect(isMessageKey('error.404')).toBe(true);
    expect(isMessageKey('error.999')).toBe(false);
  });

  it('does not take the properties every object has for keys', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) expect(isMessageKey(name)).toBe(false);
  });
});

describe('t', () => {
  it('translates a key in each language', () => {
    expect(t('vi', 'nav.login')).toBe('Đăng nhập');
    expect(t('en', 'nav.login')).toBe('Sign in');
  });

  it('fills the placeholders', () => {
    expect(t('en', 'home.signedInAs', { name: 'Nguyễn Văn An' })).toBe('You are signed in as Nguyễn Văn An.');
    expect(t('vi', 'list.total', { total: 42 })).toBe('Tổng số: 42');
    expect(t('en', 'list.total', { total: 0 })).toBe('Total: 0');
  });

  it('leaves a placeholder with no value as it is', () => {
    expect(t('en', 'home.signedInAs')).toBe('You are signed in as {name}.');
    expect(t('en', 'home.signedInAs', { other: 'x' })).toBe('You are signed in as {name}.');
  });

  it('does not fill a placeholder twice from a value that looks like one', () => {
    expect(t('en', 'home.signedInAs', { name: '{name}' })).toBe('You are signed in as {name}.');
  });

  it('returns an unknown key unchanged', () => {
    expect(t('vi', 'no.such.key')).toBe('no.such.key');
    expect(t('en', 'Hello {name}', { name: 'An' })).toBe('Hello {name}');
  });

  it('does not treat properties every object has as keys or values', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(t('en', name)).toBe(name);
      expect(t('vi', `{${name}}`)).toBe(`{${name}}`);
    }
  });

  it('property: any key that is not in the catalogue comes back unchanged', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(fc.string(), fc.constantFrom('toString', '__proto__', 'constructor', '{valueOf}', 'x {name} y'))
          .filter((k) => !keys.includes(k as MessageKey)),
        fc.constantFrom('vi' as const, 'en' as const),
        fc.dictionary(fc.string(), fc.string()),
        (key, lang, params) => {
          expect(t(lang, key, params)).toBe(key);
        },
      ),
    );
  });

  it('property: every message fills every one of its placeholders in both languages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.constantFrom('vi' as const, 'en' as const),
        fc.stringMatching(/^[A-Za-z0-9 ]{1,10}$/),
        (key, lang, value) => {
          const params = Object.fromEntries(placeholders(vi[key]).map((p) => [p, `<${value}>`]));
          const text = t(lang, key, params);
          expect(text).not.toMatch(/\{\w+\}/);
          if (Object.keys(params).length > 0) expect(text).toContain(`<${value}>`);
        },
      ),
    );
  });
});

describe('parseLang', () => {
  it('accepts only the supported languages', () => {
    expect(parseLang('vi')).toBe('vi');
    expect(parseLang('en')).toBe('en');
    for (const v of ['fr', 'EN', '', undefined, null, 1, ['en']]) expect(parseLang(v)).toBeUndefined();
  });
});

describe('langOf', () => {
  const req = (cookie?: string, acceptLanguage?: string | string[]) => ({
    cookies: (cookie === undefined ? {} : { lang: cookie }) as Record<string, string>,
    headers: { 'accept-language': acceptLanguage },
  });

  it('defaults to Vietnamese', () => {
    expect(DEFAULT_LANG).toBe('vi');
    expect(langOf(req())).toBe('vi');
    expect(langOf({ headers: {} })).toBe('vi');
  });

  it('prefers the lang cookie over Accept-Language', () => {
    expect(langOf(req('en', 'vi'))).toBe('en');
    expect(langOf(req('vi', 'en-US,en;q=0.9'))).toBe('vi');
  });

  it('ignores a cookie with an unsupported language', () => {
    expect(langOf(req('fr', 'en'))).toBe('en');
    expect(langOf(req('fr'))).toBe('vi');
  });

  it('reads Accept-Language', () => {
    expect(langOf(req(undefined, 'en-US,en;q=0.9'))).toBe('en');
    expect(langOf(req(undefined, 'EN-gb'))).toBe('en');
    expect(langOf(req(undefined, 'vi-VN, en;q=0.8'))).toBe('vi');
    expect(langOf(req(undefined, ['en-US', 'vi;q=0.5']))).toBe('en');
  });

  it('picks the first supported language the browser asks for, by weight', () => {
    expect(langOf(req(undefined, 'fr-FR, en;q=0.8'))).toBe('en');
    expect(langOf(req(undefined, 'vi;q=0.1, en;q=0.9'))).toBe('en');
    expect(langOf(req(undefined, 'en;q=0, fr'))).toBe('vi');
  });

  it('falls back to Vietnamese for unsupported or malformed headers', () => {
    for (const header of ['', 'fr', '*', 'english', ',,,', 'en;q=abc', ';;', 'zh-Hant-TW, de;q=0.5']) {
      expect(langOf(req(undefined, header))).toBe('vi');
    }
  });

  it('property: always answers a supported language, and the cookie wins when valid', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), fc.option(fc.string(), { nil: undefined }), (cookie, header) => {
        const lang = langOf(req(cookie, header));
        expect(['vi', 'en']).toContain(lang);
        if (cookie === 'vi' || cookie === 'en') expect(lang).toBe(cookie);
      }),
    );
  });
});
