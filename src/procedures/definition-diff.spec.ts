import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffDefinitions } from './definition-diff.js';

describe('diffDefinitions', () => {
  it('finds nothing between equal documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(diffDefinitions(v, JSON.parse(JSON.stringify(v)))).toEqual([]);
      }),
    );
  });

  it('names changed, added and removed leaves by path', () => {
    const a = { name: { vi: 'A' }, fee: { amount: 0 }, legalBasis: ['x'] };
    const b = { name: { vi: 'B', en: 'B' }, fee: { amount: 0 } };
    expect(diffDefinitions(a, b)).toEqual([
      { path: 'name.vi', change: 'changed', before: 'A', after: 'B' },
      { path: 'name.en', change: 'added', after: 'B' },
      { path: 'legalBasis', change: 'removed', before: ['x'] },
    ]);
  });

  it('matches fields by key, so an insertion is one addition', () => {
    const f = (key: string) => ({ key, type: 'text', label: { vi: key } });
    const changes = diffDefinitions({ form: { fields: [f('a'), f('c')] } }, { form: { fields: [f('a'), f('b'), f('c')] } });
    expect(changes).toEqual([{ path: 'form.fields[key=b]', change: 'added', after: f('b') }]);
  });

  it('compares plain arrays by position', () => {
    expect(diffDefinitions({ x: [1, 2] }, { x: [1, 3, 4] })).toEqual([
      { path: 'x[1]', change: 'changed', before: 2, after: 3 },
      { path: 'x[2]', change: 'added', after: 4 },
    ]);
  });
});
