/** Numbers, rates and filter links of the dashboard pages. Pure. */
import type { Lang } from '../../i18n/i18n.js';
import type { StatsQuery } from '../../stats/stats-filter.service.js';

const FILTER_KEYS = ['from', 'to', 'agencyCode', 'procedureCode', 'sector', 'officerId'] as const;

/** The filters as a query string (empty ones left out), so that every link keeps them. */
export function filterQuery(q: StatsQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (q[k]) params.set(k, q[k]!);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

function locale(lang: Lang): string {
  return lang === 'vi' ? 'vi-VN' : 'en-GB';
}

export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/** A rate 0..1 as a percentage with one decimal; "—" when there is nothing to divide by. */
export function formatRate(r: number | null, lang: Lang): string {
  if (r === null) return '—';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r);
}

export function formatDecimal(n: number | null, lang: Lang, digits = 2): string {
  if (n === null) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(n);
}

/** A local date 'YYYY-MM-DD' for a date input, from an instant (UTC+7). */
export function dateInput(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The CSV and XLSX downloads of one table, with the page's filters. */
export function exportLinks(name: string, q: StatsQuery, extra: Record<string, string> = {}): { csv: string; xlsx: string } {
  const qs = filterQuery(q, extra);
  return { csv: `/dashboard/export/${name}.csv${qs}`, xlsx: `/dashboard/export/${name}.xlsx${qs}` };
}
