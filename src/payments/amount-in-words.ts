/**
 * Amounts read out in Vietnamese, as an e-receipt prints them ("Năm mươi
 * nghìn đồng"). Pure. Rules of the written language: "mười" for 10–19 and
 * "mươi" from 20; "mốt" for a final 1 after "mươi"; "lăm" for a final 5 after
 * a ten; "linh" for an empty tens place; "không trăm" for an empty hundreds
 * place inside a number; groups of zeros are not read; "tỷ" repeats for
 * thousands of billions ("một nghìn tỷ").
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const BILLION = 1_000_000_000;

/** The words of a whole number ≥ 0 up to Number.MAX_SAFE_INTEGER, first letter capitalised: 21 → "Hai mươi mốt". */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole number of đồng: ${n}`);
  const text = n === 0 ? DIGITS[0] : read(n).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** 50 000 → "Năm mươi nghìn đồng". */
export function amountInWords(amount: number): string {
  return `${numberInWords(amount)} đồng`;
}

function read(n: number): string[] {
  if (n < BILLION) return belowBillion(n, true);
  const rest = n % BILLION;
  return [...read(Math.floor(n / BILLION)), 'tỷ', ...(rest > 0 ? belowBillion(rest, false) : [])];
}

/** `leading`: these are the number's first digits (no "không trăm" before them). */
function belowBillion(n: number, leading: boolean): string[] {
  const groups: [number, string | null][] = [
    [Math.floor(n / 1_000_000), 'triệu'],
    [Math.floor(n / 1000) % 1000, 'nghìn'],
    [n % 1000, null],
  ];
  const words: string[] = [];
  let first = leading;
  for (const [value, scale] of groups) {
    if (value === 0) continue;
    words.push(...triple(value, !first));
    if (scale) words.push(scale);
    first = false;
  }
  return words;
}

/** 1–999; `full`: read the hundreds even when 0 ("không trăm linh năm"). */
function triple(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  const withHundreds = hundreds > 0 || full;
  if (withHundreds) words.push(DIGITS[hundreds], 'trăm');
  if (tens === 0) {
    if (units > 0) words.push(...(withHundreds ? ['linh'] : []), DIGITS[units]);
  } else if (tens === 1) {
    words.push('mười');
    if (units > 0) words.push(units === 5 ? 'lăm' : DIGITS[units]);
  } else {
    words.push(DIGITS[tens], 'mươi');
    if (units > 0) words.push(units === 1 ? 'mốt' : units === 5 ? 'lăm' : DIGITS[units]);
  }
  return words;
}
