import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentNumber, seriesYear } from './document-number.js';
import { maskHolderName } from './holder-name.js';
import { candidatesFor, chosenResult, planReuse, resultProcedureOf, type WalletEntry } from './reuse-plan.js';
import { renderResultBody, unescapeHtml } from './result-template.js';
import { placeOf, toResultView, verifyUrl } from './result-view.js';
import { compareFile, toVerification } from './verification.js';
import { issuedResult } from '../../test/helpers/result-fixtures.js';

describe('maskHolderName', () => {
  it.each([
    ['Nguyễn Văn An', 'Nguyễn V*** A*'],
    ['Trần Thị Ánh Dương', 'Trần T*** Á*** D*'],
    ['Lê Bình', 'Lê B*'],
    ['Đỗ Ưng', 'Đỗ Ư*'],
    ['  Phạm   văn   ba ', 'Phạm V*** B*'],
    ['An', 'A***'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (name, masked) => {
    expect(maskHolderName(name)).toBe(masked);
  });

  it('keeps a decomposed (NFD) name as the composed letters', () => {
    expect(maskHolderName('Nguyễn Văn Ánh'.normalize('NFD'))).toBe('Nguyễn V*** Á*');
  });

  it('keeps an initial whose capital would be two letters as written', () => {
    expect(maskHolderName('Nguyễn ßa')).toBe('Nguyễn ß*');
    expect(maskHolderName('Trần ŉa Bích')).toBe('Trần ŉ*** B*');
  });

  it('never shows more than the family name and one letter of each other name, whatever the name', () => {
    // The range À-ỹ also holds a few spaces (U+1680 OGHAM SPACE MARK…): a name's words have none.
    const word = fc.stringMatching(/^[A-Za-zÀ-ỹĐđ]{1,12}$/).filter((w) => !/\s/u.test(w));
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 6 }), (words) => {
        const masked = maskHolderName(words.join(' ')).split(' ');
        expect(masked).toHaveLength(words.length);
        expect(masked[0]).toBe(words[0].normalize('NFC'));
        for (const part of masked.slice(1)) expect(part).toMatch(/^\S\*{1,3}$/u);
        // The stars do not tell the length of the names.
        expect(masked.at(-1)!.endsWith('*') && !masked.at(-1)!.endsWith('**')).toBe(true);
      }),
    );
  });
});

describe('documentNumber', () => {
  it('pads the sequence, then the year and the agency', () => {
    expect(documentNumber(7, 2026, 'H12.05')).toBe('0007/2026/KQ-H12.05');
    expect(documentNumber(12345, 2027, 'H12')).toBe('12345/2027/KQ-H12');
  });

  it('refuses a sequence that is not a positive whole number', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => documentNumber(bad, 2026, 'X')).toThrow(RangeError);
  });

  it('is different for different sequences of the same series', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (a, b) => {
        fc.pre(a !== b);
        expect(documentNumber(a, 2026, 'H12.05')).not.toBe(documentNumber(b, 2026, 'H12.05'));
      }),
    );
  });

  it('takes the year in Việt Nam time', () => {
    expect(seriesYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
    expect(seriesYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
  });
});

describe('renderResultBody', () => {
  const data = {
    formData: { childName: 'Lê <b>Na</b> & "Bé"', count: 3 },
    applicant: { fullName: 'Nguyễn Văn An', citizenId: '001090000001' },
    dossier: { code: 'H12.05-261121-0001' },
    documentNo: '0001/2026/KQ-H12.05',
    agency: { name: 'UBND xã An Phú' },
  };

  it('fills the template and gives the characters themselves back for the PDF', () => {
    expect(
      renderResultBody('Họ tên: {{formData.childName}}\nSố: {{documentNo}}\n\nCấp cho {{applicant.fullName}} ({{formData.count}})', data),
    ).toEqual(['Họ tên: Lê <b>Na</b> & "Bé"', 'Số: 0001/2026/KQ-H12.05', '', 'Cấp cho Nguyễn Văn An (3)']);
  });

  it('leaves missing fields empty, and answers null for a broken template', () => {
    expect(renderResultBody('A{{formData.nothing}}B', data)).toEqual(['AB']);
    expect(renderResultBody('{{#if}}', data)).toBeNull();
    expect(renderResultBody('{{formData.childName', data)).toBeNull();
  });

  it('does not reach prototypes', () => {
    expect(renderResultBody('{{formData.constructor.name}}|{{formData.__proto__}}', data)).toEqual(['|']);
  });

  it('undoes exactly the escaping Handlebars does, for any text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(renderResultBody('{{formData.x}}', { ...data, formData: { x: s } })).toEqual(s.split(/\r?\n/).map((l) => l.trimEnd()));
      }),
    );
    expect(unescapeHtml('&amp;amp; &lt;&gt;&quot;&#x27;&#x60;&#x3D;')).toBe('&amp; <>"\'`=');
  });
});

describe('the result view', () => {
  it('finds the locality in the agency name or its parent', () => {
    expect(placeOf('UBND xã An Phú', 'UBND tỉnh Minh Hà')).toBe('An Phú');
    expect(placeOf('UBND phường Hoà Bình', null)).toBe('Hoà Bình');
    expect(placeOf('Sở Tư pháp tỉnh Minh Hà', 'UBND tỉnh Minh Hà')).toBe('Minh Hà');
    expect(placeOf('Agency H12.05', 'Agency H12')).toBeNull();
  });

  it('prints the title in capitals and the verification address of the token', () => {
    const view = toResultView({
      title: 'Giấy khai sinh',
      agency: { name: 'UBND xã An Phú', parentName: 'UBND tỉnh Minh Hà' },
      documentNo: '0001/2026/KQ-H12.05',
      dossierCode: null,
      issuedAt: new Date('2026-11-21T03:00:00Z'),
      bodyLines: [],
      signerName: 'Trần Lãnh Đạo',
      publicUrl: 'https://dvc.example.vn',
      verifyToken: 'abc_-1',
    });
    expect(view).toMatchObject({
      title: 'GIẤY KHAI SINH',
      placeAndDate: 'An Phú, ngày 21 tháng 11 năm 2026',
      verifyUrl: 'https://dvc.example.vn/verify/abc_-1',
      signer: { name: 'Trần Lãnh Đạo' },
    });
    expect(verifyUrl('https://x.vn', 'a b')).toBe('https://x.vn/verify/a%20b');
  });
});

describe('reuse', () => {
  const at = (d: string) => new Date(`2026-${d}T00:00:00Z`);
  const wallet: WalletEntry[] = [
    { id: 'r1', procedureCode: 'KS', issuedAt: at('01-01'), status: 'ISSUED' },
    { id: 'r2', procedureCode: 'KS', issuedAt: at('03-01'), status: 'ISSUED' },
    { id: 'r3', procedureCode: 'KS', issuedAt: at('05-01'), status: 'REVOKED' },
    { id: 'r4', procedureCode: 'KH', issuedAt: at('06-01'), status: 'ISSUED' },
  ];

  it('reads resultOf, and result in versions published before the rename', () => {
    expect(resultProcedureOf({ satisfiedBy: { resultOf: 'A' } })).toBe('A');
    expect(resultProcedureOf({ satisfiedBy: { result: 'B' } })).toBe('B');
    expect(resultProcedureOf({ satisfiedBy: { profile: 'citizenId' } })).toBeNull();
    expect(resultProcedureOf({})).toBeNull();
  });

  it('offers the results in force of the procedure, newest first, and keeps a pick only while it is one of them', () => {
    expect(candidatesFor('KS', wallet).map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(chosenResult('KS', wallet, undefined)?.id).toBe('r2');
    expect(chosenResult('KS', wallet, 'r1')?.id).toBe('r1');
    expect(chosenResult('KS', wallet, 'r3')?.id).toBe('r2');
    expect(chosenResult('KS', wallet, 'r4')?.id).toBe('r2');
    expect(chosenResult('XX', wallet, 'r1')).toBeNull();
  });

  it('plans one record per component that data stood in for, never for an upload', () => {
    const components = [
      { code: 'A', satisfiedBy: { resultOf: 'KS' } },
      { code: 'B', satisfiedBy: { profile: 'citizenId' as const } },
      { code: 'C', satisfiedBy: { profile: 'residence' as const } },
      { code: 'D', satisfiedBy: { result: 'KH' } },
      { code: 'E' },
      { code: 'F', satisfiedBy: { resultOf: 'NONE' } },
      { code: 'G', satisfiedBy: { resultOf: 'KS' } },
    ];
    expect(
      planReuse({ components, uploaded: new Set(['G']), profileFacts: new Set(['citizenId']), choices: new Map([['A', 'r1']]), wallet }),
    ).toEqual([
      { componentCode: 'A', source: 'RESULT', resultId: 'r1' },
      { componentCode: 'B', source: 'PROFILE', resultId: null },
      { componentCode: 'D', source: 'RESULT', resultId: 'r4' },
    ]);
  });
});

describe('verification', () => {
  const record = issuedResult({ id: 'id', dossierId: 'd', verifyToken: 't', verifyUrl: 'https://x/verify/t' });

  it('shows the masked name and no personal data beyond it', () => {
    const v = toVerification(record);
    expect(v).toMatchObject({
      valid: true,
      revoked: false,
      superseded: false,
      holderName: 'Nguyễn V*** A*',
      issuedAt: '2026-11-21T03:00:00.000Z',
    });
    expect(JSON.stringify(v)).not.toMatch(/Văn An|storage|sha256|holderId|dossierCode/);
  });

  it('is not valid once revoked or superseded', () => {
    expect(toVerification({ ...record, status: 'REVOKED', statusReason: 'x' })).toMatchObject({ valid: false, revoked: true, reason: 'x' });
    expect(toVerification({ ...record, status: 'SUPERSEDED' })).toMatchObject({ valid: false, superseded: true });
  });

  it.each([
    [true, { signed: true, intact: true, coversWholeFile: true }, 'EXACT'],
    [false, { signed: true, intact: true, coversWholeFile: true }, 'SIGNED_INTACT'],
    [false, { signed: true, intact: true, coversWholeFile: false }, 'ALTERED'],
    [false, { signed: true, intact: false, coversWholeFile: true }, 'ALTERED'],
    [false, { signed: false, intact: false, coversWholeFile: false }, 'UNSIGNED'],
  ] as const)('a file (same hash: %s, %j) is %s', (same, signature, verdict) => {
    expect(compareFile('a'.repeat(64), same ? 'a'.repeat(64) : 'b'.repeat(64), { ...signature, signer: null }).verdict).toBe(verdict);
  });
});
