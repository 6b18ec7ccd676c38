import { describe, expect, it } from 'vitest';
import { SEED_PROCEDURES } from '../database/seed/procedures/catalogue.js';
import { checkDefinition } from '../procedures/forms/check-definition.js';
import { simpleProcedure } from '../../test/helpers/dossier-fixtures.js';

/** The exemption categories a procedure version defines are what the counter may grant (PaymentCounterService). */
describe('fee exemptions on the procedure version', () => {
  // The version's definition: the procedure body without its code.
  const { code: _code, ...definition } = simpleProcedure();
  const withFee = (fee: unknown) => checkDefinition({ ...definition, fee }, { knownProcedureCodes: new Set() });

  it('keeps each category with its label in both languages', () => {
    const r = withFee({
      amount: 8000,
      payWhen: 'ON_SUBMIT',
      exemptions: [{ code: 'HO_NGHEO', label: { vi: 'Người thuộc hộ nghèo', en: 'Member of a poor household' } }],
    });
    expect(r.ok && r.definition.fee.exemptions).toEqual([
      { code: 'HO_NGHEO', label: { vi: 'Người thuộc hộ nghèo', en: 'Member of a poor household' } },
    ]);
  });

  it('refuses a category without a code or a label', () => {
    const r = withFee({ amount: 8000, payWhen: 'ON_SUBMIT', exemptions: [{ label: 'Hộ nghèo' }, { code: 'X' }] });
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['fee.exemptions[0].code', 'fee.exemptions[1].label']);
  });

  it('gives the civil status charges of the seed catalogue the categories of Circular 85/2019 (poor households, disabilities)', () => {
    const civil = SEED_PROCEDURES.filter(
      (p) => p.definition.sector === 'Hộ tịch' && p.definition.fee.amount > 0 && p.definition.fee.exemptions,
    );
    expect(civil.length).toBeGreaterThan(0);
    for (const p of civil)
      expect(p.definition.fee.exemptions!.map((e) => e.code)).toEqual(expect.arrayContaining(['HO_NGHEO', 'KHUYET_TAT']));
  });
});
