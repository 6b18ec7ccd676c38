/**
 * A statistics table as data (headers and rows of plain values): one shape
 * for the pages, the CSV and the XLSX exports. Pure.
 */
import type { Lang } from '../../i18n/i18n.js';
import { t } from '../../i18n/i18n.js';
import type { Summary } from '../figures.js';

export type Cell = string | number | null;

export interface Table {
  title: string;
  columns: { key: string; header: string; kind: 'text' | 'count' | 'rate' | 'number' }[];
  rows: Cell[][];
}

/** The summary columns of every breakdown, in the order of the dashboard's cards. */
export const SUMMARY_COLUMNS = [
  ['received', 'count'],
  ['online', 'count'],
  ['counter', 'count'],
  ['onlineRate', 'rate'],
  ['resolved', 'count'],
  ['early', 'count'],
  ['onTime', 'count'],
  ['late', 'count'],
  ['onTimeRate', 'rate'],
  ['inProgress', 'count'],
  ['overdue', 'count'],
  ['onlinePaymentRate', 'rate'],
  ['digitisedRate', 'rate'],
  ['reuseRate', 'rate'],
  ['ratings', 'count'],
  ['averageScore', 'number'],
  ['satisfiedRate', 'rate'],
  ['avgProcessingDays', 'number'],
] as const;

export function summaryCells(s: Summary): Cell[] {
  const values: Record<(typeof SUMMARY_COLUMNS)[number][0], Cell> = {
    received: s.received.total,
    online: s.received.online,
    counter: s.received.counter,
    onlineRate: s.onlineRate,
    resolved: s.resolved.total,
    early: s.resolved.early,
    onTime: s.resolved.onTime,
    late: s.resolved.late,
    onTimeRate: s.onTimeRate,
    inProgress: s.inProgress,
    overdue: s.overdue,
    onlinePaymentRate: s.onlinePaymentRate,
    digitisedRate: s.digitisedRate,
    reuseRate: s.reuseRate,
    ratings: s.satisfaction.count,
    averageScore: s.satisfaction.average,
    satisfiedRate: s.satisfaction.satisfiedRate,
    avgProcessingDays: s.avgProcessingDays,
  };
  return SUMMARY_COLUMNS.map(([k]) => values[k]);
}

/** A breakdown (by agency, procedure, sector, officer) as a table: key, name, then the summary. */
export function breakdownTable(lang: Lang, title: string, items: readonly (Summary & { key: string; name: string })[]): Table {
  return {
    title,
    columns: [
      { key: 'key', header: t(lang, 'stats.col.key'), kind: 'text' },
      { key: 'name', header: t(lang, 'stats.col.name'), kind: 'text' },
      ...SUMMARY_COLUMNS.map(([key, kind]) => ({ key, header: t(lang, `stats.col.${key}`), kind })),
    ],
    rows: items.map((i) => [i.key, i.name, ...summaryCells(i)]),
  };
}

/** Rates as fractions (0..1) in the data; shown and exported rounded to 4 decimals. */
export function plain(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(Math.round(cell * 10_000) / 10_000);
  return cell;
}
