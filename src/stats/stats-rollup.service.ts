import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Period } from './period.js';
import { lastClosedMonth, monthPeriod, monthsWithin } from './rollup-plan.js';
import { ROLLED_BASES, rollUpMonthQuery } from './stats-sql.js';

/**
 * A month is rolled up once it ended this long ago. The trigger that notes changes to past months
 * reads the clock when it runs: a transaction that wrote into the month just before it ended and
 * committed after the roll-up was taken would otherwise go unnoted. No transaction lasts an hour.
 */
export const ROLLUP_GRACE_MS = 3_600_000;

/**
 * The monthly roll-ups of the statistics (migration 1764600000000): builds every closed month not
 * yet built or changed since (a job), and tells the counts which months they may read from it.
 */
@Injectable()
export class StatsRollup {
  static readonly JOB = 'stats-rollup';
  private readonly log = new Logger('StatsRollup');

  constructor(private readonly db: DataSource) {}

  /** Builds what is due: every month from the first fact to the last closed one, if missing or changed. */
  async runOnce(now = new Date()): Promise<{ built: string[] }> {
    const lastClosed = lastClosedMonth(now, ROLLUP_GRACE_MS);
    const due = (await this.db.query(
      `WITH first AS (
         SELECT stats_month_of(LEAST((SELECT min(received_at) FROM stats_dossier), (SELECT min(completed_at) FROM stats_dossier),
                                     (SELECT min(rated_at) FROM stats_dossier))) AS month)
       SELECT to_char(m, 'YYYY-MM-DD') AS month
         FROM first, generate_series(first.month, $1::date, interval '1 month') m
        WHERE NOT EXISTS (SELECT 1 FROM stats_month_built b WHERE b.month = m)
           OR EXISTS (SELECT 1 FROM stats_month_change c WHERE c.month = m)
        ORDER BY 1`,
      [lastClosed],
    )) as { month: string }[];
    const built: string[] = [];
    for (const { month } of due) {
      await this.build(month);
      built.push(month);
    }
    if (built.length > 0) this.log.log(`rolled up ${built.length} month(s): ${built.join(', ')}`);
    return { built };
  }

  /**
   * Rebuilds one month in one transaction. The month's change notes are taken first: a change
   * committed later keeps its note, and the month is built again on the next run.
   */
  async build(month: string): Promise<void> {
    const { from, to } = monthPeriod(month);
    await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('stats_month'), hashtext($1))`, [month]);
      await tx.query(`DELETE FROM stats_month_change WHERE month = $1`, [month]);
      await tx.query(`DELETE FROM stats_month WHERE month = $1`, [month]);
      for (const base of ROLLED_BASES) await tx.query(rollUpMonthQuery(base), [month, from, to]);
      await tx.query(`INSERT INTO stats_month_built (month) VALUES ($1) ON CONFLICT (month) DO UPDATE SET built_at = now()`, [month]);
    });
  }

  /** The months wholly inside the period whose roll-up may be read: built, and unchanged since. */
  async cleanMonths(p: Period): Promise<Set<string>> {
    const months = monthsWithin(p);
    if (months.length === 0) return new Set();
    const rows = (await this.db.query(
      `SELECT to_char(b.month, 'YYYY-MM-DD') AS month FROM stats_month_built b
        WHERE b.month = ANY($1::date[]) AND NOT EXISTS (SELECT 1 FROM stats_month_change c WHERE c.month = b.month)`,
      [months],
    )) as { month: string }[];
    return new Set(rows.map((r) => r.month));
  }
}
