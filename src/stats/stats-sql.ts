/**
 * The SQL of the figures, built from the table in figures.ts over the facts
 * the trigger keeps (`stats_dossier`, `stats_clock_span`, `rating`; see
 * src/stats/README.md). Pure: strings and parameters only.
 */
import { FIGURE_BASE, FIGURE_KEYS, type FigureBase, type FigureKey } from './figures.js';
import type { Period } from './period.js';

export interface StatsFilter {
  from: Date;
  to: Date;
  /** null: every agency (an administrator without an agency filter). */
  agencyIds: readonly string[] | null;
  procedureCode?: string;
  sector?: string;
  officerId?: string;
}

/** What a breakdown groups by. */
export type Grouping = 'none' | 'agency' | 'procedure' | 'sector' | 'officer';

/** Which optional tables exist (another module's migration may not have run yet). */
export interface Sources {
  payments: boolean;
  reuse: boolean;
}

/** Officers are the staff who acted on a dossier; a citizen's own events do not make them one. */
const STAFF_EVENT = `e.actor_id IS NOT NULL AND e.actor_role NOT IN ('CITIZEN', 'IMPORT', 'SYSTEM')`;

/**
 * When the counts are taken: `dayStart` is the local midnight of `to`; `current` when `to` is
 * not before now (no event can follow it yet, so the dossiers' current state is the state at `to`).
 */
export interface AsOf {
  dayStart: Date;
  current: boolean;
}

export function figureCondition(key: FigureKey, asOf: AsOf): string {
  switch (key) {
    case 'received':
    case 'resolved':
    case 'inProgress':
    case 'ratings':
      return 'TRUE';
    case 'online':
      return `s.channel = 'ONLINE'`;
    case 'counter':
      return `s.channel = 'COUNTER'`;
    case 'withFee':
      return 's.has_fee';
    case 'paidOnline':
      // Paid online: a payment by an online channel that reached PAID (a later refund does not undo it).
      return 's.has_fee AND s.paid_online';
    case 'digitised':
      return 's.digitised';
    case 'reusable':
      return 's.reusable';
    case 'reused':
      return 's.reusable AND s.reused';
    case 'early':
      return `s.outcome = 'EARLY'`;
    case 'onTime':
      return `s.outcome = 'ON_TIME'`;
    case 'late':
      return `s.outcome = 'LATE'`;
    case 'overdue':
      // The clock running at `to`, due on an earlier local date (before :dayStart, the local midnight of `to`).
      // As of now or later, the clock is the dossier's current one; as of a past instant, the stretch running then.
      return asOf.current
        ? 's.clock_due_at < :dayStart'
        : `EXISTS (SELECT 1 FROM stats_clock_span c WHERE c.dossier_id = s.dossier_id AND c.started_at < :to
             AND (c.stopped_at IS NULL OR c.stopped_at >= :to) AND c.due_at < :dayStart)`;
    case 'satisfied':
      return 's.rating_score >= 4';
  }
}

/** The instant a base's figures happen at (what a period bounds, a trend buckets and a roll-up's month is of). */
const BASE_INSTANT: Record<RolledBase, string> = {
  received: 's.received_at',
  resolved: 's.completed_at',
  rated: 's.rated_at',
};

/** The bases a month can be rolled up for: "open" is a state at an instant, not a sum over time. */
export type RolledBase = Exclude<FigureBase, 'open'>;
export const ROLLED_BASES: readonly RolledBase[] = ['received', 'resolved', 'rated'];

/**
 * The rows of a base within `ranges` (default: the filter's period): disjoint pieces of it, each
 * bound as its own parameters.
 */
function baseFrom(
  base: FigureBase,
  asOf: AsOf,
  ranges?: readonly Period[],
): { from: string; where: string; params: Record<string, unknown> } {
  if (base === 'open') {
    // As of now, nothing has ended at or after `to` yet: the partial index of open dossiers answers.
    return {
      from: 'stats_dossier s',
      where: asOf.current
        ? 's.ended_at IS NULL AND s.received_at < :to'
        : 's.received_at < :to AND (s.ended_at IS NULL OR s.ended_at >= :to)',
      params: {},
    };
  }
  const column = BASE_INSTANT[base];
  if (!ranges) return { from: 'stats_dossier s', where: `${column} >= :from AND ${column} < :to`, params: {} };
  const params: Record<string, unknown> = {};
  const pieces = ranges.map((r, i) => {
    params[`rangeFrom${i}`] = r.from;
    params[`rangeTo${i}`] = r.to;
    return `(${column} >= :rangeFrom${i} AND ${column} < :rangeTo${i})`;
  });
  return { from: 'stats_dossier s', where: `(${pieces.join(' OR ')})`, params };
}

function filterWhere(f: StatsFilter): string[] {
  const where: string[] = [];
  if (f.agencyIds) where.push('s.agency_id = ANY(:agencyIds::uuid[])');
  if (f.procedureCode !== undefined) where.push('s.procedure_code = :procedureCode');
  if (f.sector !== undefined) where.push('s.procedure_id IN (SELECT id FROM procedure WHERE sector = :sector)');
  if (f.officerId !== undefined) {
    where.push(
      `EXISTS (SELECT 1 FROM dossier_event e WHERE e.dossier_id = s.dossier_id AND e.actor_id = :officerId::uuid AND ${STAFF_EVENT})`,
    );
  }
  return where;
}

function groupJoin(g: Grouping): { join: string; key: string } {
  switch (g) {
    case 'none':
      return { join: '', key: `''` };
    case 'agency':
      return { join: '', key: 's.agency_id::text' };
    case 'procedure':
      return { join: '', key: 's.procedure_code' };
    case 'sector':
      return { join: 'JOIN procedure gp ON gp.id = s.procedure_id', key: `COALESCE(gp.sector, '')` };
    case 'officer':
      return {
        join: `JOIN LATERAL (SELECT DISTINCT e.actor_id FROM dossier_event e WHERE e.dossier_id = s.dossier_id AND ${STAFF_EVENT}) o ON TRUE`,
        key: 'o.actor_id::text',
      };
  }
}

/** A query with named parameters (`:name`) turned into PostgreSQL's positional ones. */
export interface Sql {
  text: string;
  values: unknown[];
}

export function bind(text: string, params: Record<string, unknown>): Sql {
  const names: string[] = [];
  const out = text.replace(/(?<!:):([a-zA-Z][a-zA-Z0-9]*)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no parameter :${name}`);
    let i = names.indexOf(name);
    if (i < 0) i = names.push(name) - 1;
    return `$${i + 1}`;
  });
  return { text: out, values: names.map((n) => params[n]) };
}

export function paramsOf(f: StatsFilter, dayStart: Date): Record<string, unknown> {
  return {
    from: f.from,
    to: f.to,
    dayStart,
    agencyIds: f.agencyIds ? [...f.agencyIds] : null,
    procedureCode: f.procedureCode ?? null,
    sector: f.sector ?? null,
    officerId: f.officerId ?? null,
  };
}

export const BASES: readonly FigureBase[] = ['received', 'resolved', 'open', 'rated'];

export type TrendInterval = 'week' | 'month';

/** The sums the averages need, beside the counts. */
type Sum = 'processingHours' | 'scoreSum';

/** What a base counts: one expression per figure, plus the sums its averages need. */
function countExpressions(base: FigureBase, asOf: AsOf): { name: FigureKey | Sum; expr: string }[] {
  const figures = FIGURE_KEYS.filter((k) => FIGURE_BASE[k] === base);
  const counts = figures.map((name) => ({ name, expr: `count(*) FILTER (WHERE ${figureCondition(name, asOf)})::int` }));
  if (base === 'resolved') return [...counts, { name: 'processingHours', expr: 'COALESCE(sum(s.processing_hours), 0)::float8' }];
  if (base === 'rated') return [...counts, { name: 'scoreSum', expr: 'COALESCE(sum(s.rating_score), 0)::int' }];
  return counts;
}

const countColumns = (base: FigureBase, asOf: AsOf) => countExpressions(base, asOf).map((c) => `${c.expr} AS "${c.name}"`);

/**
 * A trend: the figures of each base counted by local week (from Monday) or month of their own
 * instant, keyed by the bucket's first local date. "In progress" has no trend: it is a state at an instant.
 */
export function trendQuery(base: RolledBase, interval: TrendInterval, f: StatsFilter, asOf: AsOf, ranges?: readonly Period[]): Sql {
  const { from, where, params } = baseFrom(base, asOf, ranges);
  const unit = interval === 'week' ? `'week'` : `'month'`;
  const key = `to_char(date_trunc(${unit}, ${BASE_INSTANT[base]} AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD')`;
  const text = `SELECT ${key} AS key, ${countColumns(base, asOf).join(', ')}
    FROM ${from}
   WHERE ${[where, ...filterWhere(f)].join(' AND ')}
   GROUP BY 1`;
  return bind(text, { ...paramsOf(f, asOf.dayStart), ...params });
}

/**
 * One grouped count query per base: every figure of that base at once (`key`, then one column per
 * figure), over the filter's period or over the given pieces of it.
 */
export function countQuery(base: FigureBase, f: StatsFilter, g: Grouping, asOf: AsOf, ranges?: readonly Period[]): Sql {
  const { from, where, params } = baseFrom(base, asOf, ranges);
  const { join, key } = groupJoin(g);
  const text = `SELECT ${key} AS key, ${countColumns(base, asOf).join(', ')}
    FROM ${from} ${join}
   WHERE ${[where, ...filterWhere(f)].join(' AND ')}
   GROUP BY 1`;
  return bind(text, { ...paramsOf(f, asOf.dayStart), ...params });
}

/** A figure's column in `stats_month`: its key in snake case. */
function rolledColumn(key: FigureKey | Sum): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * The sums of a base's figures over rolled-up months ('YYYY-MM-01'), grouped as `countQuery` groups,
 * or by month as a monthly trend keys its buckets. Never by officer.
 */
export function rolledCountQuery(
  base: RolledBase,
  f: StatsFilter,
  g: Exclude<Grouping, 'officer'> | 'month',
  months: readonly string[],
): Sql {
  if (f.officerId !== undefined) throw new Error('the roll-ups do not know officers');
  const { join, key } = g === 'month' ? { join: '', key: `to_char(s.month, 'YYYY-MM-DD')` } : groupJoin(g);
  const columns = countExpressions(base, ROLLED_AS_OF).map(
    ({ name }) => `COALESCE(sum(s.${rolledColumn(name)}), 0)::${name === 'processingHours' ? 'float8' : 'int'} AS "${name}"`,
  );
  const text = `SELECT ${key} AS key, ${columns.join(', ')}
    FROM stats_month s ${join}
   WHERE ${['s.base = :base', 's.month = ANY(:months::date[])', ...filterWhere(f)].join(' AND ')}
   GROUP BY 1`;
  return bind(text, { ...paramsOf(f, new Date(0)), base, months: [...months] });
}

/** No condition of the rolled-up bases depends on when the counts are taken. */
const ROLLED_AS_OF: AsOf = { dayStart: new Date(0), current: true };

/**
 * Rolls up one local month of a base: its counts per agency and procedure, from the facts, as the
 * same conditions count them live. $1 is the month's first date, $2 and $3 its bounds.
 */
export function rollUpMonthQuery(base: RolledBase): string {
  const counts = countExpressions(base, ROLLED_AS_OF);
  const column = BASE_INSTANT[base];
  return `INSERT INTO stats_month (month, base, agency_id, procedure_id, procedure_code, ${counts.map((c) => rolledColumn(c.name)).join(', ')})
  SELECT $1::date, '${base}', s.agency_id, s.procedure_id, s.procedure_code, ${counts.map((c) => c.expr).join(', ')}
    FROM stats_dossier s
   WHERE ${column} >= $2 AND ${column} < $3
   GROUP BY s.agency_id, s.procedure_id, s.procedure_code`;
}

/** The dossiers behind one figure (the drill-down list), newest first. */
export function listQuery(key: FigureKey, f: StatsFilter, asOf: AsOf, page: { limit: number; offset: number }): Sql {
  const base = FIGURE_BASE[key];
  const { from, where } = baseFrom(base, asOf);
  const order = base === 'resolved' ? 's.completed_at' : base === 'rated' ? 's.rated_at' : 's.received_at';
  const text = `SELECT d.id, d.code, d.status, d.channel, d.procedure_code AS "procedureCode", a.code AS "agencyCode",
         s.received_at AS "receivedAt", s.completed_at AS "completedAt", s.outcome, d.due_at AS "dueAt",
         count(*) OVER ()::int AS total
    FROM ${from} JOIN dossier d ON d.id = s.dossier_id JOIN agency a ON a.id = s.agency_id
   WHERE ${[where, figureCondition(key, asOf), ...filterWhere(f)].join(' AND ')}
   ORDER BY ${order} DESC, d.id
   LIMIT :limit OFFSET :offset`;
  return bind(text, { ...paramsOf(f, asOf.dayStart), limit: page.limit, offset: page.offset });
}

/** Officer KPIs: hand-overs from each step in the period, and those made by the step's deadline (by local date). */
export function officerStepQuery(f: StatsFilter): Sql {
  const text = `SELECT a.actor_id::text AS "officerId", a.step, count(*)::int AS handled,
         count(*) FILTER (WHERE a.step_due_at IS NOT NULL AND (a.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                              <= (a.step_due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int AS "onTime",
         count(*) FILTER (WHERE a.step_due_at IS NOT NULL)::int AS "withDeadline"
    FROM stats_step_action a JOIN stats_dossier s ON s.dossier_id = a.dossier_id
   WHERE a.at >= :from AND a.at < :to AND ${filterWhere(f).join(' AND ') || 'TRUE'}
   GROUP BY 1, 2
   ORDER BY 1, 2`;
  return bind(text, paramsOf(f, new Date(0)));
}
