/**
 * The e-receipt's symbols and numbering (Decree 123/2020/NĐ-CP as amended by
 * Decree 70/2025/NĐ-CP; Circular 78/2021/TT-BTC): a form symbol, a series
 * symbol carrying the year, and a number that restarts at 1 every 1 January
 * in each collecting agency's series. Pure.
 */

/** Form symbol of the electronic receipt of fees and charges. */
export const RECEIPT_FORM_SYMBOL = '01BLP0-001';

/** Vietnam keeps UTC+7 all year round. */
const LOCAL_OFFSET_MS = 7 * 3_600_000;

/** The calendar year in Vietnam at `instant`: a payment at 23:30 on 31 December UTC is already next year there. */
export function localYear(instant: Date): number {
  return new Date(instant.getTime() + LOCAL_OFFSET_MS).getUTCFullYear();
}

/** "BL-26E": receipt (BL), the year's last two digits, electronic (E). */
export function receiptSeries(year: number): string {
  return `BL-${String(year % 100).padStart(2, '0')}E`;
}

/** The number as printed: seven digits, "0000042". */
export function formatReceiptNo(no: number): string {
  return String(no).padStart(7, '0');
}
