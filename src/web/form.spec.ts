import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Problem } from '../common/problem.js';
import { t } from '../i18n/i18n.js';
import { emptyForm, formWithErrors } from './form.js';
import { safeNext } from './page-context.js';

const FIELDS = ['citizenId', 'fullName', 'email', 'phone', 'password'];

describe('emptyForm', () => {
  it('starts with the given values and no errors', () => {
    expect(emptyForm({ email: 'a@b.vn' })).toEqual({ values: { email: 'a@b.vn' }, errors: {}, errorList: [] });
    expect(emptyForm()).toEqual({ values: {}, errors: {}, errorList: [] });
  });
});

describe('formWithErrors', () => {
  it('never echoes the password or the CSRF token back', () => {
    const form = formWithErrors(
      Problem.validation([{ path: 'email', code: 'validation.isEmail' }]),
      'en',
      { email: 'x', fullName: 'An', password: 'hunter2hunter2', _csrf: 'token' },
      FIELDS,
    );
    expect(form.values).toEqual({ email: 'x', fullName: 'An' });
    expect(JSON.stringify(form)).not.toContain('hunter2');
    expect(JSON.stringify(form)).not.toContain('token');
  });

  it('does not change the values it was given', () => {
    const values = { email: 'x', password: 'secret-secret', _csrf: 'token' };
    formWithErrors(Problem.validation([]), 'en', values, FIELDS);
    expect(values).toEqual({ email: 'x', password: 'secret-secret', _csrf: 'token' });
  });

  it('puts each message beside its field, translated, and lists them in field order', () => {
    const form = formWithErrors(
      Problem.validation([
        { path: 'password', code: 'validation.password' },
        { path: 'email', code: 'validation.isEmail' },
        { path: 'citizenId', code: 'validation.citizenId' },
      ]),
      'en',
      {},
      FIELDS,
    );
    expect(form.errors).toEqual({
      password: t('en', 'validation.password'),
      email: t('en', 'validation.isEmail'),
      citizenId: t('en', 'validation.citizenId'),
    });
    expect(form.errorList).toEqual([
      { href: '#citizenId', message: t('en', 'validation.citizenId') },
      { href: '#email', message: t('en', 'validation.isEmail') },
      { href: '#password', message: t('en', 'validation.password') },
    ]);
  });

  it('keeps the first message of a field, and names a nested path by its first part', () => {
    const form = formWithErrors(
      Problem.validation([
        { path: 'email.domain', code: 'validation.isEmail' },
        { path: 'email', code: 'validation.isNotEmpty' },
      ]),
      'vi',
      {},
      FIELDS,
    );
    expect(form.errors).toEqual({ email: t('vi', 'validation.isEmail') });
  });

  it('lists errors of unknown fields last, linking to the main content', () => {
    const form = formWithErrors(
      Problem.validation([
        { path: 'nickname', code: 'validation.whitelistValidation' },
        { path: 'phone', code: 'validation.phone' },
      ]),
      'en',
      {},
      FIELDS,
    );
    expect(form.errorList).toEqual([
      { href: '#phone', message: t('en', 'validation.phone') },
      { href: '#main-content', message: t('en', 'validation.whitelistValidation') },
    ]);
  });

  it('shows a conflict beside its field', () => {
    const form = formWithErrors(Problem.conflict('conflict.email', 'email'), 'en', { email: 'an@example.vn' }, FIELDS);
    expect(form.errors).toEqual({ email: t('en', 'conflict.email') });
    expect(form.values).toEqual({ email: 'an@example.vn' });
  });

  it('shows a problem without field errors as a message for the whole form', () => {
    const form = formWithErrors(new Problem(409, 'error.409', [], {}), 'vi', {}, FIELDS);
    expect(form.errors).toEqual({ form: t('vi', 'error.409') });
    expect(form.errorList).toEqual([{ href: '#main-content', message: t('vi', 'error.409') }]);
  });

  it('fills the placeholders of a message', () => {
    const form = formWithErrors(
      Problem.validation([{ path: 'fullName', code: 'home.signedInAs', params: { name: 'An' } }]),
      'en',
      {},
      FIELDS,
    );
    expect(form.errors.fullName).toBe('You are signed in as An.');
  });

  it.each([
    ['a 401 Problem', Problem.unauthenticated()],
    ['a 403 Problem', Problem.forbidden()],
    ['a 404 Problem', Problem.notFound()],
    ['a 429 Problem', Problem.tooManyRequests()],
    ['a 400 Problem', Problem.badRequest()],
    ['a plain Error', new Error('boom')],
    ['a string', 'boom'],
    ['undefined', undefined],
  ])('rethrows %s', (_label, err) => {
    let thrown: unknown = 'nothing';
    try {
      formWithErrors(err, 'en', {}, FIELDS);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBe(err);
  });

  it('property: the summary follows the field order, the password is never echoed', () => {
    const field = fc.constantFrom(...FIELDS, 'other', 'form');
    const error = fc.record({ path: field, code: fc.constantFrom('validation.isNotEmpty', 'validation.invalid', 'validation.maxLength') });
    fc.assert(
      fc.property(
        fc.array(error, { minLength: 1, maxLength: 10 }),
        fc.dictionary(fc.constantFrom(...FIELDS, '_csrf', 'other'), fc.string()),
        fc.constantFrom('vi' as const, 'en' as const),
        (errors, values, lang) => {
          const form = formWithErrors(Problem.validation(errors), lang, values, FIELDS);
          expect(Object.keys(form.values)).not.toContain('password');
          expect(Object.keys(form.values)).not.toContain('_csrf');
          expect(Object.keys(form.errors).toSorted()).toEqual([...new Set(errors.map((e) => e.path))].toSorted());
          expect(form.errorList).toHaveLength(Object.keys(form.errors).length);
          const ranks = form.errorList.map(({ href }) => {
            const i = FIELDS.indexOf(href.slice(1));
            return i === -1 ? FIELDS.length : i;
          });
          expect(ranks).toEqual(ranks.toSorted((a, b) => a - b));
        },
      ),
    );
  });
});

describe('safeNext', () => {
  it.each(['/account?x=1', '/', '/admin/users?page=2#list', '/a/b\\c', '/tra-cuu?q=Nguy%E1%BB%85n'])(
    'accepts the same-site path %s',
    (next) => {
      expect(safeNext(next)).toBe(next);
    },
  );

  it.each([
    '//evil.example',
    '/\\evil',
    '/\\/evil.example',
    'https://evil.example',
    'http:evil.example',
    'javascript:alert(1)',
    'evil.example',
    ' /account',
    '',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n\\evil.example',
    '/account\u0000',
  ])('refuses %j', (next) => {
    expect(safeNext(next)).toBe('/');
    expect(safeNext(next, '/account')).toBe('/account');
  });

  it('refuses anything that is not a string', () => {
    for (const next of [undefined, null, 42, ['/account'], { toString: () => '/account' }]) expect(safeNext(next, '')).toBe('');
  });

  it('property: what it accepts is a path on this site once a browser has parsed it', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('/', '\\', '\t', '\n', '\r', ' ', 'e', '.', ':', '?', '#', '@') })),
        (next) => {
          const result = safeNext(next, '/fallback');
          if (result === '/fallback') return;
          expect(result).toBe(next);
          expect(new URL(next, 'https://dichvucong.example.gov.vn/here').origin).toBe('https://dichvucong.example.gov.vn');
        },
      ),
    );
  });
});
