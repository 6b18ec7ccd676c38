/**
 * The dashboard's view model: summary cards, charts with a table beside
 * each, breakdown tables; every number a link to the dossiers behind it.
 * Pure: the controller loads, this shapes.
 */
import { Problem } from '../../common/problem.js';
import { t, type Lang } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { FigureKey, Summary } from '../../stats/figures.js';
import type { StatsFilter, TrendInterval } from '../../stats/stats-sql.js';
import type { StatsQuery } from '../../stats/stats-filter.service.js';
import type { BreakdownItem } from '../../stats/stats.service.js';
import { formWithErrors, type FormState } from '../form.js';
import { formatDate } from '../procedures/format.js';
import { dateInput, filterQuery, formatCount, formatDecimal, formatRate } from './dashboard-format.js';

export interface Option {
  value: string;
  label: string;
  selected: boolean;
}

export interface FilterChoices {
  agencies: { code: string; name: string }[];
  procedures: { code: string; name: string }[];
  sectors: string[];
  officers: { id: string; name: string }[];
}

function options(list: { value: string; label: string }[], current: string | undefined): Option[] {
  return list.map((o) => ({ ...o, selected: o.value === current }));
}

export function filterView(q: StatsQuery, f: StatsFilter, choices: FilterChoices, lang: Lang) {
  // The period's last day for the "to" field: `to` is exclusive.
  return filterForm(q, { from: dateInput(f.from), to: dateInput(new Date(f.to.getTime() - 1)) }, choices, lang);
}

/** The filter form with the period as given: resolved dates, or what was typed when it was wrong. */
export function filterForm(q: StatsQuery, period: { from: string; to: string }, choices: FilterChoices, lang: Lang) {
  const { from, to } = period;
  return {
    from,
    to,
    /** The period as people read it (dd/mm/yyyy); `from` and `to` stay for the date fields and `<time datetime>`. */
    fromText: formatDate(from),
    toText: formatDate(to),
    agencies: options(
      choices.agencies.map((a) => ({ value: a.code, label: `${a.code} — ${a.name}` })),
      q.agencyCode,
    ),
    procedures: options(
      choices.procedures.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` })),
      q.procedureCode,
    ),
    sectors: options(
      choices.sectors.map((s) => ({ value: s, label: s })),
      q.sector,
    ),
    officers: options(
      choices.officers.map((o) => ({ value: o.id, label: o.name })),
      q.officerId,
    ),
    all: t(lang, 'dashboard.filter.all'),
  };
}

const FILTER_FIELDS = ['from', 'to', 'agencyCode', 'procedureCode', 'sector', 'officerId'];
const FILTER_LABELS = { from: 'dashboard.filter.from', to: 'dashboard.filter.to', officerId: 'dashboard.filter.officer' } as const;
/** The API's messages name its formats (ISO 8601); a page's date field needs none of that. */
const PAGE_MESSAGES: Partial<Record<string, MessageKey>> = {
  'stats.period.from': 'dashboard.filter.badFrom',
  'stats.period.to': 'dashboard.filter.badTo',
};

/**
 * Wrong filters (a period that ends before it starts, a date that is no
 * date) as a form's errors, each beside its field; `formAt` is where the
 * summary's links lead when the page has no form of its own. Anything but
 * a 422 is rethrown.
 */
export function filterErrors(err: unknown, q: StatsQuery, lang: Lang, formAt = ''): FormState {
  if (!(err instanceof Problem) || err.status !== 422) throw err;
  const errors = err.errors.map((e) => ({ ...e, code: PAGE_MESSAGES[e.code] ?? e.code }));
  const form = formWithErrors(Problem.validation(errors), lang, { ...q }, FILTER_FIELDS, FILTER_LABELS);
  return { ...form, errorList: form.errorList.map((e) => ({ ...e, href: `${formAt}${e.href}` })) };
}

/**
 * The `to` of a filter form: a date field means "up to and including that
 * day", so the exclusive bound is the next local midnight.
 */
export function queryFromForm(raw: StatsQuery): StatsQuery {
  if (!raw.to || !/^\d{4}-\d{2}-\d{2}$/.test(raw.to)) return raw;
  const next = new Date(Date.parse(`${raw.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { ...raw, to: Number.isNaN(Date.parse(`${raw.to}T00:00:00Z`)) ? raw.to : next };
}

interface ChartSpec {
  type: 'doughnut' | 'bar' | 'line';
  labels: string[];
  datasets: { label: string; data: number[] }[];
}

/**
 * A chart's `data-chart` attribute, or null when it would draw nothing (no
 * labels, or every number zero): the page then says so instead of showing an empty canvas.
 */
export function chartData(spec: ChartSpec): string | null {
  return spec.datasets.some((d) => d.data.some((n) => n !== 0)) ? JSON.stringify(spec) : null;
}

interface Link {
  label: string;
  value: string;
  href: string;
}

function drill(q: StatsQuery, figure: FigureKey, extra: Record<string, string> = {}): string {
  return `/dashboard/dossiers${filterQuery(q, { ...extra, figure })}`;
}

export function cardsView(s: Summary, q: StatsQuery, lang: Lang): (Link & { detail: string })[] {
  const c = (figure: FigureKey, label: string, value: string, detail = '') => ({ label, value, detail, href: drill(q, figure) });
  return [
    c(
      'received',
      t(lang, 'stats.col.received'),
      formatCount(s.received.total, lang),
      `${t(lang, 'stats.col.onlineRate')}: ${formatRate(s.onlineRate, lang)}`,
    ),
    c(
      'resolved',
      t(lang, 'stats.col.resolved'),
      formatCount(s.resolved.total, lang),
      `${t(lang, 'stats.col.onTimeRate')}: ${formatRate(s.onTimeRate, lang)}`,
    ),
    c('late', t(lang, 'stats.col.late'), formatCount(s.resolved.late, lang)),
    c('inProgress', t(lang, 'stats.col.inProgress'), formatCount(s.inProgress, lang)),
    c('overdue', t(lang, 'stats.col.overdue'), formatCount(s.overdue, lang)),
    c('paidOnline', t(lang, 'stats.col.onlinePaymentRate'), formatRate(s.onlinePaymentRate, lang)),
    c('digitised', t(lang, 'stats.col.digitisedRate'), formatRate(s.digitisedRate, lang)),
    c('reused', t(lang, 'stats.col.reuseRate'), formatRate(s.reuseRate, lang)),
    c(
      'ratings',
      t(lang, 'stats.col.averageScore'),
      formatDecimal(s.satisfaction.average, lang),
      `${formatCount(s.satisfaction.count, lang)} ${t(lang, 'dashboard.ratingsWord')} · ${t(lang, 'stats.col.satisfiedRate')}: ${formatRate(s.satisfaction.satisfiedRate, lang)}`,
    ),
    c('resolved', t(lang, 'stats.col.avgProcessingDays'), formatDecimal(s.avgProcessingDays, lang)),
  ];
}

/** The outcome chart (early / on time / late) and its table. */
export function outcomeChart(s: Summary, q: StatsQuery, lang: Lang) {
  const rows = (
    [
      ['early', s.resolved.early],
      ['onTime', s.resolved.onTime],
      ['late', s.resolved.late],
    ] as const
  ).map(([figure, n]) => ({ label: t(lang, `stats.col.${figure}`), value: formatCount(n, lang), href: drill(q, figure), n }));
  return {
    rows,
    chart: chartData({
      type: 'doughnut',
      labels: rows.map((r) => r.label),
      datasets: [{ label: t(lang, 'stats.col.resolved'), data: rows.map((r) => r.n) }],
    }),
  };
}

/** A breakdown table (agency, procedure, sector) with linked numbers, and its bar chart of received and resolved. */
export function breakdownView(items: BreakdownItem[], q: StatsQuery, filterKey: 'agencyCode' | 'procedureCode' | 'sector', lang: Lang) {
  const rows = items.map((i) => {
    const scoped = { ...q, [filterKey]: i.key };
    const cell = (figure: FigureKey, n: number) => ({ value: formatCount(n, lang), href: drill(scoped, figure) });
    return {
      key: i.key,
      name: i.name,
      received: cell('received', i.received.total),
      resolved: cell('resolved', i.resolved.total),
      late: cell('late', i.resolved.late),
      inProgress: cell('inProgress', i.inProgress),
      overdue: cell('overdue', i.overdue),
      onlineRate: formatRate(i.onlineRate, lang),
      onTimeRate: formatRate(i.onTimeRate, lang),
      satisfaction: formatDecimal(i.satisfaction.average, lang),
      avgDays: formatDecimal(i.avgProcessingDays, lang),
    };
  });
  return {
    rows,
    chart: chartData({
      type: 'bar',
      labels: items.map((i) => i.key),
      datasets: [
        { label: t(lang, 'stats.col.received'), data: items.map((i) => i.received.total) },
        { label: t(lang, 'stats.col.resolved'), data: items.map((i) => i.resolved.total) },
        { label: t(lang, 'stats.col.late'), data: items.map((i) => i.resolved.late) },
      ],
    }),
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function nextBucket(start: string, interval: TrendInterval): string {
  if (interval === 'week') return addDays(start, 7);
  const [y, m] = start.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

/** Weeks for a period of two months or less, months beyond. */
export function trendInterval(f: StatsFilter): TrendInterval {
  return f.to.getTime() - f.from.getTime() > 62 * 86_400_000 ? 'month' : 'week';
}

/** A trend bucket's name from its first local date: "Tuần từ 02/03/2026" / "Week of 02/03/2026", "Tháng 3/2026" / "3/2026". */
export function bucketLabel(key: string, interval: TrendInterval, lang: Lang): string {
  if (interval === 'week') return t(lang, 'stats.trend.week', { date: formatDate(key) });
  const [year, month] = key.split('-');
  return t(lang, 'stats.trend.month', { month: `${Number(month)}/${year}` });
}

/** The trend chart (received, resolved, late) and its table; each number links to its bucket's dossiers within the period. */
export function trendView(items: BreakdownItem[], q: StatsQuery, f: StatsFilter, interval: TrendInterval, lang: Lang) {
  const first = dateInput(f.from);
  const last = dateInput(new Date(f.to.getTime() - 1));
  const rows = items.map((i) => {
    const from = i.key < first ? first : i.key;
    const end = addDays(nextBucket(i.key, interval), -1);
    const scoped = { ...q, from, to: end > last ? last : end };
    const cell = (figure: FigureKey, n: number) => ({ value: formatCount(n, lang), href: drill(scoped, figure) });
    return {
      key: i.key,
      label: bucketLabel(i.key, interval, lang),
      received: cell('received', i.received.total),
      resolved: cell('resolved', i.resolved.total),
      late: cell('late', i.resolved.late),
      onTimeRate: formatRate(i.onTimeRate, lang),
    };
  });
  return {
    title: t(lang, `stats.table.trend.${interval}`),
    rows,
    chart: chartData({
      type: 'line',
      labels: items.map((i) => bucketLabel(i.key, interval, lang)),
      datasets: [
        { label: t(lang, 'stats.col.received'), data: items.map((i) => i.received.total) },
        { label: t(lang, 'stats.col.resolved'), data: items.map((i) => i.resolved.total) },
        { label: t(lang, 'stats.col.late'), data: items.map((i) => i.resolved.late) },
      ],
    }),
  };
}
