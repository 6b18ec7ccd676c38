import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addCounts, summaryOf, zeroCounts, type Counts, type Summary } from './figures.js';
import { bucketsOf, localDayStart } from './period.js';
import { planPeriod, type PeriodPlan } from './rollup-plan.js';
import { StatsRollup } from './stats-rollup.service.js';
import {
  BASES,
  countQuery,
  listQuery,
  officerStepQuery,
  rolledCountQuery,
  ROLLED_BASES,
  trendQuery,
  type AsOf,
  type Grouping,
  type Sources,
  type Sql,
  type StatsFilter,
  type TrendInterval,
} from './stats-sql.js';
import type { FigureKey } from './figures.js';

export interface BreakdownItem extends Summary {
  key: string;
  name: string;
}

export interface OfficerStep {
  step: string;
  handled: number;
  onTime: number;
  /** Hand-overs whose step deadline is known (older records may lack it). */
  withDeadline: number;
  onTimeRate: number | null;
}

export interface OfficerItem extends BreakdownItem {
  steps: OfficerStep[];
}

export interface DrillRow {
  id: string;
  code: string | null;
  status: string;
  channel: string;
  procedureCode: string;
  agencyCode: string;
  receivedAt: Date;
  completedAt: Date | null;
  outcome: string | null;
  dueAt: Date | null;
}

export type Dimension = Exclude<Grouping, 'none' | 'officer'>;

/** The figures of a filter, whole or broken down; every number counted in SQL from the trigger-kept facts. */
@Injectable()
export class StatsService {
  private known: Partial<Sources> = {};

  constructor(
    private readonly db: DataSource,
    private readonly rollup: StatsRollup,
  ) {}

  async summary(f: StatsFilter): Promise<Summary> {
    const [counts, sources] = await Promise.all([this.counts(f, 'none'), this.sources()]);
    return summaryOf(counts.get('') ?? zeroCounts(), sources);
  }

  async breakdown(f: StatsFilter, by: Dimension): Promise<BreakdownItem[]> {
    const [counts, sources, names] = await Promise.all([this.counts(f, by), this.sources(), this.names(f, by)]);
    // Under an agency filter, only the procedures and sectors it actually has; otherwise every group, even empty.
    const keys = new Set(f.agencyIds && by !== 'agency' ? counts.keys() : [...names.keys(), ...counts.keys()]);
    return [...keys]
      .map((k) => ({ ...names.get(k), raw: k }))
      .map(({ raw, key = raw, name = raw }) => ({ key, name, ...summaryOf(counts.get(raw) ?? zeroCounts(), sources) }))
      .sort((a, b) => a.key.localeCompare(b.key, 'vi'));
  }

  async byOfficer(f: StatsFilter): Promise<OfficerItem[]> {
    const [counts, sources, steps] = await Promise.all([
      this.counts(f, 'officer'),
      this.sources(),
      this.db.query(officerStepQuery(f).text, officerStepQuery(f).values) as Promise<
        (Omit<OfficerStep, 'onTimeRate'> & { officerId: string })[]
      >,
    ]);
    const ids = [...new Set([...counts.keys(), ...steps.map((s) => s.officerId)])];
    const users = (await this.db.query(`SELECT id::text, full_name AS name FROM app_user WHERE id = ANY($1::uuid[])`, [ids])) as {
      id: string;
      name: string;
    }[];
    const nameOf = new Map(users.map((u) => [u.id, u.name]));
    return ids
      .map((id) => ({
        key: id,
        name: nameOf.get(id) ?? id,
        ...summaryOf(counts.get(id) ?? zeroCounts(), sources),
        steps: steps
          .filter((s) => s.officerId === id)
          .map(({ step, handled, onTime, withDeadline }) => ({
            step,
            handled,
            onTime,
            withDeadline,
            onTimeRate: withDeadline > 0 ? onTime / withDeadline : null,
          })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  async list(f: StatsFilter, figure: FigureKey, page: { limit: number; offset: number }): Promise<{ total: number; items: DrillRow[] }> {
    const sql = listQuery(figure, f, asOfOf(f), page);
    const rows = (await this.db.query(sql.text, sql.values)) as (DrillRow & { total: number })[];
    return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...row }) => row) };
  }

  /** Received, resolved and ratings by local week or month of the period (in progress and overdue: 0, a state has no trend). */
  async trend(f: StatsFilter, interval: TrendInterval): Promise<BreakdownItem[]> {
    const asOf = asOfOf(f);
    // Whole months can come from the roll-ups, weeks cannot.
    const plan = interval === 'month' ? await this.plan(f, 'none') : { months: [], live: [f] };
    const [byKey, sources] = await Promise.all([
      this.sum(
        ROLLED_BASES.flatMap((base) => [
          ...(plan.months.length > 0 ? [rolledCountQuery(base, f, 'month', plan.months)] : []),
          ...(plan.live.length > 0 ? [trendQuery(base, interval, f, asOf, plan.live)] : []),
        ]),
      ),
      this.sources(),
    ]);
    // Every bucket of the period, an empty one as zeros: a series with gaps would draw a false line.
    const keys = new Set([...bucketsOf(f, interval), ...byKey.keys()]);
    return [...keys].sort().map((key) => ({ key, name: key, ...summaryOf(byKey.get(key) ?? zeroCounts(), sources) }));
  }

  /** Counts by group key ('' when not grouped): one query per base and source, run side by side. */
  async counts(f: StatsFilter, g: Grouping): Promise<Map<string, Counts>> {
    const asOf = asOfOf(f);
    const plan = await this.plan(f, g);
    return this.sum(
      BASES.flatMap((base) =>
        base === 'open'
          ? [countQuery(base, f, g, asOf)]
          : [
              ...(plan.months.length > 0 && g !== 'officer' ? [rolledCountQuery(base, f, g, plan.months)] : []),
              ...(plan.live.length > 0 ? [countQuery(base, f, g, asOf, plan.live)] : []),
            ],
      ),
    );
  }

  /** Whole months with a clean roll-up are summed from it, the rest of the period counted from the facts. The roll-ups know no officers. */
  private async plan(f: StatsFilter, g: Grouping): Promise<PeriodPlan> {
    if (g === 'officer' || f.officerId !== undefined) return { months: [], live: [f] };
    return planPeriod(f, await this.rollup.cleanMonths(f));
  }

  /** Runs the queries side by side and adds up their counts by key. */
  private async sum(queries: Sql[]): Promise<Map<string, Counts>> {
    const results = await Promise.all(
      queries.map((sql) => this.db.query(sql.text, sql.values) as Promise<(Partial<Counts> & { key: string })[]>),
    );
    const byKey = new Map<string, Counts>();
    for (const rows of results) {
      for (const { key, ...counts } of rows) byKey.set(key, addCounts(byKey.get(key) ?? zeroCounts(), counts));
    }
    return byKey;
  }

  /** Tables of other modules, which may arrive later than this one: a rate without its data is null. */
  async sources(): Promise<Sources> {
    if (this.known.payments && this.known.reuse) return this.known as Sources;
    const [row] = (await this.db.query(
      `SELECT to_regclass('payment') IS NOT NULL AS payments, to_regclass('component_reuse') IS NOT NULL AS reuse`,
    )) as Sources[];
    this.known = row;
    return row;
  }

  /** Every group the filter covers, with its display name, so that a group with nothing still shows. */
  private async names(f: StatsFilter, by: Dimension): Promise<Map<string, { key: string; name: string }>> {
    let rows: { raw: string; key: string; name: string }[];
    if (by === 'agency') {
      rows = (await this.db.query(
        `SELECT id::text AS raw, code AS key, name FROM agency WHERE $1::uuid[] IS NULL OR id = ANY($1::uuid[])`,
        [f.agencyIds ? [...f.agencyIds] : null],
      )) as typeof rows;
    } else if (by === 'procedure') {
      rows = (await this.db.query(
        `SELECT code AS raw, code AS key, COALESCE(name, code) AS name FROM procedure
          WHERE current_version IS NOT NULL AND ($1::text IS NULL OR code = $1) AND ($2::text IS NULL OR sector = $2)`,
        [f.procedureCode ?? null, f.sector ?? null],
      )) as typeof rows;
    } else {
      rows = (await this.db.query(
        `SELECT DISTINCT sector AS raw, sector AS key, sector AS name FROM procedure
          WHERE sector IS NOT NULL AND current_version IS NOT NULL AND ($1::text IS NULL OR sector = $1)
            AND ($2::text IS NULL OR code = $2)`,
        [f.sector ?? null, f.procedureCode ?? null],
      )) as typeof rows;
    }
    return new Map(rows.map((r) => [r.raw, { key: r.key, name: r.name }]));
  }
}

/**
 * When "in progress" and "overdue" are counted: at the period's end, or now when the period ends
 * later (a dossier is not overdue yet on a date still to come). From now on, the current state.
 */
function asOfOf(f: StatsFilter, now = new Date()): AsOf {
  const current = f.to.getTime() >= now.getTime();
  return { dayStart: localDayStart(current ? now : f.to), current };
}
