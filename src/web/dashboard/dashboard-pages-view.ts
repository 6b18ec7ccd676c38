/** View models of the drill-down, officers and service-index pages. Pure. */
import { isMessageKey, t, type Lang } from '../../i18n/i18n.js';
import type { Table } from '../../stats/export/table.js';
import type { FigureKey } from '../../stats/figures.js';
import { SERVICE_INDEX_V1 } from '../../stats/service-index/config-v1.js';
import type { AgencyServiceIndex } from '../../stats/service-index/service-index.service.js';
import type { ServiceIndex } from '../../stats/service-index/service-index.js';
import type { StatsQuery } from '../../stats/stats-filter.service.js';
import type { DrillRow, OfficerItem } from '../../stats/stats.service.js';
import { formatLocalDateTime } from '../dossiers/local-time.js';
import { READ_ONLY_BASE } from '../workspace/staff-dossier-view.js';
import { exportLinks, filterQuery, formatCount, formatDecimal, formatRate } from './dashboard-format.js';
import type { filterView } from './dashboard-view.js';

type FilterView = ReturnType<typeof filterView>;

export function drillView(
  found: { total: number; items: DrillRow[] },
  figure: FigureKey,
  q: StatsQuery,
  page: number,
  size: number,
  lang: Lang,
) {
  const pages = Math.max(1, Math.ceil(found.total / size));
  const at = (n: number) => `/dashboard/dossiers${filterQuery(q, { figure, page: String(n) })}`;
  return {
    title: `${t(lang, 'dashboard.drill.title')}: ${t(lang, `stats.col.${figure}`)}`,
    figureLabel: t(lang, `stats.col.${figure}`),
    total: formatCount(found.total, lang),
    back: `/dashboard${filterQuery(q)}`,
    rows: found.items.map((d) => ({
      href: `${READ_ONLY_BASE}/${d.id}`,
      code: d.code ?? '—',
      procedureCode: d.procedureCode,
      agencyCode: d.agencyCode,
      channel: t(lang, `dossier.channel.${d.channel}`),
      receivedAt: formatLocalDateTime(d.receivedAt),
      dueAt: formatLocalDateTime(d.dueAt),
      completedAt: formatLocalDateTime(d.completedAt),
      outcome: d.outcome ? t(lang, `dossier.outcome.${d.outcome}`) : '',
      status: t(lang, `dossier.status.${d.status}`),
    })),
    prev: page > 1 ? at(page - 1) : null,
    next: page < pages ? at(page + 1) : null,
    pageLabel: t(lang, 'dashboard.page', { page, pages }),
    exports: exportLinks('dossiers', q, { figure }),
  };
}

export function drillTable(found: { items: DrillRow[] }, lang: Lang): Table {
  return {
    title: t(lang, 'stats.table.dossiers'),
    columns: [
      { key: 'code', header: t(lang, 'dossier.field.code'), kind: 'text' },
      { key: 'procedure', header: t(lang, 'dossier.field.procedure'), kind: 'text' },
      { key: 'agency', header: t(lang, 'dossier.field.agency'), kind: 'text' },
      { key: 'channel', header: t(lang, 'dossier.field.channel'), kind: 'text' },
      { key: 'receivedAt', header: t(lang, 'dossier.field.receivedAt'), kind: 'text' },
      { key: 'dueAt', header: t(lang, 'dossier.field.dueAt'), kind: 'text' },
      { key: 'completedAt', header: t(lang, 'dossier.field.completedAt'), kind: 'text' },
      { key: 'outcome', header: t(lang, 'dossier.field.outcome'), kind: 'text' },
    ],
    rows: found.items.map((d) => [
      d.code ?? '',
      d.procedureCode,
      d.agencyCode,
      d.channel,
      formatLocalDateTime(d.receivedAt),
      formatLocalDateTime(d.dueAt),
      formatLocalDateTime(d.completedAt),
      d.outcome ?? '',
    ]),
  };
}

export function officersView(items: OfficerItem[], q: StatsQuery, filter: FilterView, lang: Lang) {
  return {
    title: t(lang, 'dashboard.officers.title'),
    filter,
    back: `/dashboard${filterQuery(q)}`,
    exports: exportLinks('by-officer', q),
    rows: items.map((o) => ({
      name: o.name,
      dossiersHref: `/dashboard/dossiers${filterQuery({ ...q, officerId: o.key }, { figure: 'received' })}`,
      received: formatCount(o.received.total, lang),
      resolved: formatCount(o.resolved.total, lang),
      onTimeRate: formatRate(o.onTimeRate, lang),
      steps: o.steps.map((s) => ({
        step: stepLabel(s.step, lang),
        handled: formatCount(s.handled, lang),
        onTime: formatCount(s.onTime, lang),
        onTimeRate: formatRate(s.onTimeRate, lang),
      })),
    })),
  };
}

/**
 * A workflow step as people call it. Officers' figures add up a step across procedures, whose own
 * names for it differ ("Thẩm định hồ sơ, kiểm tra thực địa"…): the common steps get a common name,
 * any other step its key.
 */
export function stepLabel(key: string, lang: Lang): string {
  const message = `stats.step.${key}`;
  return isMessageKey(message) ? t(lang, message) : key;
}

/** The legal source of the index in the page's language ("Quyết định 766/QĐ-TTg…", "Decision 766/QĐ-TTg…"). */
export function indexSource(lang: Lang): string {
  const key = `stats.index.source.${SERVICE_INDEX_V1.version}`;
  return isMessageKey(key) ? t(lang, key) : SERVICE_INDEX_V1.source;
}

function indexView(index: ServiceIndex, lang: Lang) {
  return {
    total: formatDecimal(index.total, lang),
    band: index.band?.label[lang] ?? t(lang, 'stats.index.noData'),
    groups: index.groups.map((g) => ({
      label: g.label[lang],
      points: formatDecimal(g.points, lang),
      max: g.max,
      official: g.official,
      criteria: g.criteria.map((c) => ({
        label: c.label[lang],
        formula: c.formula[lang],
        value: formatRate(c.value, lang),
        points: formatDecimal(c.points, lang),
        max: c.max,
      })),
    })),
  };
}

export function serviceIndexView(
  result: { whole: ServiceIndex; agencies: AgencyServiceIndex[] },
  q: StatsQuery,
  filter: FilterView,
  lang: Lang,
) {
  return {
    title: t(lang, 'dashboard.index.title'),
    filter,
    back: `/dashboard${filterQuery(q)}`,
    version: SERVICE_INDEX_V1.version,
    source: indexSource(lang),
    exports: exportLinks('service-index', q),
    bands: SERVICE_INDEX_V1.bands.map((b) => ({ min: b.min, label: b.label[lang] })),
    sections: [
      { heading: t(lang, 'dashboard.index.whole'), ...indexView(result.whole, lang) },
      ...result.agencies.map((a) => ({ heading: `${a.code} — ${a.name}`, ...indexView(a.index, lang) })),
    ],
  };
}

/** The service index as one table: a row per agency and criterion, with its formula, measure and points. */
export function serviceIndexTable(result: { whole: ServiceIndex; agencies: AgencyServiceIndex[] }, lang: Lang): Table {
  const all = [{ code: '', name: t(lang, 'dashboard.index.whole'), index: result.whole }, ...result.agencies];
  return {
    title: t(lang, 'stats.table.serviceIndex'),
    columns: [
      { key: 'code', header: t(lang, 'stats.col.key'), kind: 'text' },
      { key: 'name', header: t(lang, 'stats.col.name'), kind: 'text' },
      { key: 'total', header: t(lang, 'dashboard.index.title'), kind: 'number' },
      { key: 'band', header: t(lang, 'transparency.band'), kind: 'text' },
      { key: 'group', header: t(lang, 'dashboard.index.group'), kind: 'text' },
      { key: 'criterion', header: t(lang, 'dashboard.index.criterion'), kind: 'text' },
      { key: 'formula', header: t(lang, 'dashboard.index.formula'), kind: 'text' },
      { key: 'measure', header: t(lang, 'dashboard.index.measure'), kind: 'rate' },
      { key: 'points', header: t(lang, 'dashboard.index.earned'), kind: 'number' },
      { key: 'max', header: t(lang, 'dashboard.index.max'), kind: 'number' },
    ],
    rows: all.flatMap((a) =>
      a.index.groups.flatMap((g) =>
        g.criteria.map((c) => [
          a.code,
          a.name,
          a.index.total,
          a.index.band?.label[lang] ?? t(lang, 'stats.index.noData'),
          g.label[lang],
          c.label[lang],
          c.formula[lang],
          c.value,
          c.points,
          c.max,
        ]),
      ),
    ),
  };
}
