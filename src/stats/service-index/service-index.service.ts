import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rate, type Summary } from '../figures.js';
import type { StatsFilter } from '../stats-sql.js';
import { StatsService } from '../stats.service.js';
import { SERVICE_INDEX_V1 } from './config-v1.js';
import { serviceIndex, type Measures, type ServiceIndex } from './service-index.js';

export interface AgencyServiceIndex {
  code: string;
  name: string;
  onTimeRate: number | null;
  index: ServiceIndex;
}

/** The measures of the service index, per agency: the figures of the summary plus the procedures each agency serves. */
@Injectable()
export class ServiceIndexService {
  constructor(
    private readonly db: DataSource,
    private readonly stats: StatsService,
  ) {}

  /** One index per agency of the filter (each counted on its own dossiers), and one for all of them together. */
  async perAgency(f: StatsFilter): Promise<{ whole: ServiceIndex; wholeOnTimeRate: number | null; agencies: AgencyServiceIndex[] }> {
    const [items, whole] = await Promise.all([this.stats.breakdown(f, 'agency'), this.stats.summary(f)]);
    const codes = items.map((i) => i.key);
    const [agencies, wholeMeasures] = await Promise.all([
      Promise.all(
        items.map(async (i) => ({
          code: i.key,
          name: i.name,
          onTimeRate: i.onTimeRate,
          index: serviceIndex(SERVICE_INDEX_V1, await this.measures(i, [i.key], f)),
        })),
      ),
      this.measures(whole, codes, f),
    ]);
    return { whole: serviceIndex(SERVICE_INDEX_V1, wholeMeasures), wholeOnTimeRate: whole.onTimeRate, agencies };
  }

  private async measures(s: Summary, agencyCodes: string[], f: StatsFilter): Promise<Measures> {
    const [p] = (await this.db.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE current_version IS NOT NULL)::int AS published,
              count(*) FILTER (WHERE current_version IS NOT NULL AND service_level = 'FULL')::int AS "fullOnline",
              count(*) FILTER (WHERE current_version IS NOT NULL AND service_level IN ('FULL', 'PARTIAL'))::int AS online,
              (SELECT count(DISTINCT s.procedure_code)::int FROM stats_dossier s JOIN agency a ON a.id = s.agency_id
                WHERE a.code = ANY($1) AND s.channel = 'ONLINE' AND s.received_at >= $2 AND s.received_at < $3) AS used
         FROM procedure WHERE agency_codes && $1::text[]`,
      [agencyCodes, f.from, f.to],
    )) as { total: number; published: number; fullOnline: number; online: number; used: number }[];
    const c = s.counts;
    const open = s.inProgress - s.overdue;
    return {
      publishedProcedures: rate(p.published, p.total),
      timeliness: rate(c.early + c.onTime + open, c.received),
      fullOnlineProcedures: rate(p.fullOnline, p.published),
      usedOnlineProcedures: rate(Math.min(p.used, p.online), p.online),
      onlineRate: s.onlineRate,
      onlinePaymentRate: s.onlinePaymentRate,
      satisfiedRate: s.satisfaction.satisfiedRate,
      electronicResults: await this.electronicResults(agencyCodes, f, c.resolved),
      digitisedRate: s.digitisedRate,
      reuseRate: s.reuseRate,
    };
  }

  /** Resolved dossiers of the period with an electronic result issued (null until the results module keeps them). */
  private async electronicResults(agencyCodes: string[], f: StatsFilter, resolved: number): Promise<number | null> {
    const [{ exists }] = (await this.db.query(`SELECT to_regclass('result_document') IS NOT NULL AS exists`)) as { exists: boolean }[];
    if (!exists || resolved === 0) return null;
    const [{ n }] = (await this.db.query(
      `SELECT count(DISTINCT s.dossier_id)::int AS n FROM stats_dossier s JOIN agency a ON a.id = s.agency_id
        WHERE a.code = ANY($1) AND s.completed_at >= $2 AND s.completed_at < $3
          AND EXISTS (SELECT 1 FROM result_document r WHERE r.dossier_id = s.dossier_id AND r.status <> 'REVOKED')`,
      [agencyCodes, f.from, f.to],
    )) as { n: number }[];
    return rate(n, resolved);
  }
}
