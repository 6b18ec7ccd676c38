/**
 * The figures managers measure (DOMAIN.md, "What managers measure"), as data:
 * each counted figure names the set of dossiers it counts from (its base) and
 * the condition within it. The SQL counts (stats-sql.ts) and the drill-down
 * lists are both built from this one table, so a number and the list behind
 * it can never disagree. Pure: no Nest, no TypeORM.
 */

/** The set a figure is counted in, for a period [from, to). */
export type FigureBase =
  /** reception instant in the period */
  | 'received'
  /** completion instant in the period */
  | 'resolved'
  /** received before `to`, not completed, stopped or withdrawn before `to` */
  | 'open'
  /** ratings given in the period */
  | 'rated';

export const FIGURE_KEYS = [
  'received',
  'online',
  'counter',
  'withFee',
  'paidOnline',
  'digitised',
  'reusable',
  'reused',
  'resolved',
  'early',
  'onTime',
  'late',
  'inProgress',
  'overdue',
  'ratings',
  'satisfied',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FIGURE_BASE: Record<FigureKey, FigureBase> = {
  received: 'received',
  online: 'received',
  counter: 'received',
  withFee: 'received',
  paidOnline: 'received',
  digitised: 'received',
  reusable: 'received',
  reused: 'received',
  resolved: 'resolved',
  early: 'resolved',
  onTime: 'resolved',
  late: 'resolved',
  inProgress: 'open',
  overdue: 'open',
  ratings: 'rated',
  satisfied: 'rated',
};

export function isFigureKey(value: unknown): value is FigureKey {
  return typeof value === 'string' && (FIGURE_KEYS as readonly string[]).includes(value);
}

/** Every counted figure, plus the two sums the averages need. */
export type Counts = Record<FigureKey, number> & {
  /** Working hours from reception to completion, summed over the resolved dossiers. */
  processingHours: number;
  /** Sum of the scores of the ratings given. */
  scoreSum: number;
};

export function zeroCounts(): Counts {
  const counts = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Record<FigureKey, number>;
  return { ...counts, processingHours: 0, scoreSum: 0 };
}

export function addCounts(a: Counts, b: Partial<Counts>): Counts {
  const sum = { ...a };
  for (const k of Object.keys(b) as (keyof Counts)[]) sum[k] = (sum[k] ?? 0) + (b[k] ?? 0);
  return sum;
}

/** The answer of `GET /stats/summary` (API.md), plus the reuse rate and the numbers behind the rates. */
export interface Summary {
  received: { total: number; online: number; counter: number };
  onlineRate: number | null;
  resolved: { total: number; early: number; onTime: number; late: number };
  onTimeRate: number | null;
  inProgress: number;
  overdue: number;
  onlinePaymentRate: number | null;
  digitisedRate: number | null;
  reuseRate: number | null;
  satisfaction: { count: number; average: number | null; satisfiedRate: number | null };
  avgProcessingDays: number | null;
  counts: Counts;
}

/** Which rates cannot be computed because their data is not kept (yet). */
export interface Availability {
  payments: boolean;
  reuse: boolean;
}

const HOURS_PER_WORKING_DAY = 8;

/** A fraction 0..1, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function summaryOf(c: Counts, available: Availability = { payments: true, reuse: true }): Summary {
  return {
    received: { total: c.received, online: c.online, counter: c.counter },
    onlineRate: rate(c.online, c.received),
    resolved: { total: c.resolved, early: c.early, onTime: c.onTime, late: c.late },
    onTimeRate: rate(c.early + c.onTime, c.resolved),
    inProgress: c.inProgress,
    overdue: c.overdue,
    onlinePaymentRate: available.payments ? rate(c.paidOnline, c.withFee) : null,
    digitisedRate: rate(c.digitised, c.received),
    reuseRate: available.reuse ? rate(c.reused, c.reusable) : null,
    satisfaction: { count: c.ratings, average: rate(c.scoreSum, c.ratings), satisfiedRate: rate(c.satisfied, c.ratings) },
    avgProcessingDays: c.resolved > 0 ? c.processingHours / HOURS_PER_WORKING_DAY / c.resolved : null,
    counts: c,
  };
}
