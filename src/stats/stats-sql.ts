/**
 * The SQL of the figures, built from the table in figures.ts over the facts
 * the trigger keeps (`stats_dossier`, `stats_clock_span`, `rating`; see
 * src/stats/README.md). Pure: strings and parameters only.
 */
import { FIGURE_BASE, FIGURE_KEYS, type FigureBase, type FigureKey } from './figures.js';

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

function baseFrom(base: FigureBase, asOf: AsOf): { from: string; where: string } {
  switch (base) {
    case 'received':
      return { from: 'stats_dossier s', where: 's.received_at >= :from AND s.received_at < :to' };
    case 'resolved':
      return { from: 'stats_dossier s', where: 's.completed_at >= :from AND s.completed_at < :to' };
    case 'open':
      // As of now, nothing has ended at or after `to` yet: the partial index of open dossiers answers.
      return {
        from: 'stats_dossier s',
        where: asOf.current
          ? 's.ended_at IS NULL AND s.received_at < :to'
          : 's.received_at < :to AND (s.ended_at IS NULL OR s.ended_at >= :to)',
      };
    case 'rated':
      return { from: 'stats_dossier s', where: 's.rated_at >= :from AND s.rated_at < :to' };
  }
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
  const out = text.replace(/(?<!:):([a-zA-Z]+)/g, (_, name: string) => {
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

/** The instant a base's figures happen at: what a trend buckets by. */
const BASE_INSTANT: Record<Exclude<FigureBase, 'open'>, string> = {
  received: 's.received_at',
  resolved: 's.completed_at',
  rated: 's.rated_at',
};

/**
 * A trend: the figures of each base counted by local week (from Monday) or month of their own
 * instant, keyed by the bucket's first local date. "In progress" has no trend: it is a state at an instant.
 */
export function trendQuery(base: Exclude<FigureBase, 'open'>, interval: TrendInterval, f: StatsFilter, asOf: AsOf): Sql {
  const { from, where } = baseFrom(base, asOf);
  const figures = FIGURE_KEYS.filter((k) => FIGURE_BASE[k] === base);
  const columns = figures.map((k) => `count(*) FILTER (WHERE ${figureCondition(k, asOf)})::int AS "${k}"`);
  if (base === 'resolved') columns.push(`COALESCE(sum(s.processing_hours), 0)::float8 AS "processingHours"`);
  if (base === 'rated') columns.push(`COALESCE(sum(s.rating_score), 0)::int AS "scoreSum"`);
  const unit = interval === 'week' ? `'week'` : `'month'`;
  const key = `to_char(date_trunc(${unit}, ${BASE_INSTANT[base]} AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD')`;
  const text = `SELECT ${key} AS key, ${columns.join(', ')}
    FROM ${from}
   WHERE ${[where, ...filterWhere(f)].join(' AND ')}
   GROUP BY 1`;
  return bind(text, paramsOf(f, asOf.dayStart));
}

/** One grouped count query per base: every figure of that base at once (`key`, then one column per figure). */
export function countQuery(base: FigureBase, f: StatsFilter, g: Grouping, asOf: AsOf): Sql {
  const { from, where } = baseFrom(base, asOf);
  const { join, key } = groupJoin(g);
  const figures = FIGURE_KEYS.filter((k) => FIGURE_BASE[k] === base);
  const columns = figures.map((k) => `count(*) FILTER (WHERE ${figureCondition(k, asOf)})::int AS "${k}"`);
  if (base === 'resolved') columns.push(`COALESCE(sum(s.processing_hours), 0)::float8 AS "processingHours"`);
  if (base === 'rated') columns.push(`COALESCE(sum(s.rating_score), 0)::int AS "scoreSum"`);
  const text = `SELECT ${key} AS key, ${columns.join(', ')}
    FROM ${from} ${join}
   WHERE ${[where, ...filterWhere(f)].join(' AND ')}
   GROUP BY 1`;
  return bind(text, paramsOf(f, asOf.dayStart));
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
