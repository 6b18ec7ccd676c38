/**
 * The number printed on a result: the agency's yearly sequence, the year and
 * the agency ("0007/2026/KQ-H12.05"), after the "Số: …/…/…" of administrative
 * documents. The sequence restarts at 1 each year (local time).
 */
export function documentNumber(seq: number, year: number, agencyCode: string): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`bad sequence ${seq}`);
  return `${String(seq).padStart(4, '0')}/${year}/KQ-${agencyCode}`;
}

/** The year of the number series: the issuing date in Việt Nam (UTC+7, no daylight saving). */
export function seriesYear(instant: Date): number {
  return new Date(instant.getTime() + 7 * 3600 * 1000).getUTCFullYear();
}
