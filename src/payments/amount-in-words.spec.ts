import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords } from './amount-in-words.js';

/** Reads the words back into the number: the property tests' independent judge. */
function parse(text: string): number {
  const digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
  let total = 0;
  let section = 0;
  let group = 0;
  let pending = 0;
  for (const w of text.toLowerCase().split(' ')) {
    if (digits.includes(w)) pending = digits.indexOf(w);
    else if (w === 'mốt') pending = 1;
    else if (w === 'lăm') pending = 5;
    else if (w === 'trăm') [group, pending] = [group + pending * 100, 0];
    else if (w === 'mươi') [group, pending] = [group + pending * 10, 0];
    else if (w === 'mười') group += 10;
    else if (w === 'linh') continue;
    else if (w === 'nghìn') [section, group, pending] = [section + (group + pending) * 1000, 0, 0];
    else if (w === 'triệu') [section, group, pending] = [section + (group + pending) * 1_000_000, 0, 0];
    else if (w === 'tỷ') [total, section, group, pending] = [(total + section + group + pending) * 1_000_000_000, 0, 0, 0];
    else throw new Error(`unexpected word ${w} in ${text}`);
  }
  return total + section + group + pending;
}

describe('numberInWords', () => {
  it.each([
    [0, 'Không'],
    [1, 'Một'],
    [5, 'Năm'],
    [10, 'Mười'],
    [11, 'Mười một'],
    [15, 'Mười lăm'],
    [20, 'Hai mươi'],
    [21, 'Hai mươi mốt'],
    [25, 'Hai mươi lăm'],
    [24, 'Hai mươi bốn'],
    [100, 'Một trăm'],
    [101, 'Một trăm linh một'],
    [104, 'Một trăm linh bốn'],
    [105, 'Một trăm linh năm'],
    [110, 'Một trăm mười'],
    [115, 'Một trăm mười lăm'],
    [121, 'Một trăm hai mươi mốt'],
    [1000, 'Một nghìn'],
    [1005, 'Một nghìn không trăm linh năm'],
    [2000, 'Hai nghìn'],
    [8000, 'Tám nghìn'],
    [15_000, 'Mười lăm nghìn'],
    [50_000, 'Năm mươi nghìn'],
    [200_000, 'Hai trăm nghìn'],
    [1_000_000, 'Một triệu'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn'],
    [1_500_000, 'Một triệu năm trăm nghìn'],
    [2_000_021, 'Hai triệu không trăm hai mươi mốt'],
    [1_000_000_000, 'Một tỷ'],
    [1_000_000_005, 'Một tỷ không trăm linh năm'],
    [1_000_000_000_000, 'Một nghìn tỷ'],
    [
      9_007_199_254_740_991,
      'Chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ hai trăm năm mươi bốn triệu bảy trăm bốn mươi nghìn chín trăm chín mươi mốt',
    ],
  ])('%d → %s', (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it('refuses what is not a whole number of đồng', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) expect(() => numberInWords(bad)).toThrow(RangeError);
  });

  it('reads every number below 100 000 back to itself, in well-formed words', () => {
    for (let n = 0; n <= 100_000; n++) {
      const words = numberInWords(n);
      expect(parse(words)).toBe(n);
      expect(words).not.toMatch(/mươi một|mười mốt|trăm lăm|linh lăm|linh mười|  |^ | $/i);
    }
  });

  it('reads any amount back to itself (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        const words = numberInWords(n);
        expect(parse(words)).toBe(n);
        expect(words).not.toMatch(/mươi một|mười mốt|linh lăm|  /i);
        expect(words.charAt(0)).toBe(words.charAt(0).toUpperCase());
      }),
      { numRuns: 5000 },
    );
  });
});

describe('amountInWords', () => {
  it('ends with đồng', () => {
    expect(amountInWords(50_000)).toBe('Năm mươi nghìn đồng');
    expect(amountInWords(1_005_000)).toBe('Một triệu không trăm linh năm nghìn đồng');
  });
});
