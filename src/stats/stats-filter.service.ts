import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../common/access.service.js';
import { isUuid } from '../common/ids.js';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { resolvePeriod } from './period.js';
import type { StatsFilter } from './stats-sql.js';

/** The query string of every statistics request (API.md, "Statistics"). */
export interface StatsQuery {
  from?: string;
  to?: string;
  agencyCode?: string;
  procedureCode?: string;
  sector?: string;
  officerId?: string;
}

const TEXT_MAX = 200;

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return v === '' ? undefined : v.slice(0, TEXT_MAX);
}

/** Plain strings out of a parsed query string (repeated or nested keys are ignored). */
export function statsQueryOf(raw: Record<string, unknown>): StatsQuery {
  return {
    from: text(raw.from),
    to: text(raw.to),
    agencyCode: text(raw.agencyCode),
    procedureCode: text(raw.procedureCode),
    sector: text(raw.sector),
    officerId: text(raw.officerId),
  };
}

/**
 * Turns a request's filters into what the SQL counts, inside what the user may
 * see: an agency filter takes the agency with those below it; an agency the
 * user may not see is answered as an unknown one (404), as elsewhere in the API.
 */
@Injectable()
export class StatsFilterService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async resolve(user: Principal, q: StatsQuery, now = new Date()): Promise<StatsFilter> {
    const period = resolvePeriod(q.from, q.to, now);
    if ('error' in period) {
      const path = period.error === 'from' ? 'from' : 'to';
      throw Problem.validation([{ path, code: `stats.period.${period.error}` }]);
    }
    if (q.officerId !== undefined && !isUuid(q.officerId)) throw Problem.validation([{ path: 'officerId', code: 'stats.badOfficer' }]);

    const scope = await this.access.scopeFor(user);
    if (scope.kind === 'own') throw Problem.forbidden();
    let agencyIds: string[] | null = scope.kind === 'all' ? null : [...scope.agencyIds];
    if (q.agencyCode !== undefined) {
      const subtree = await this.subtree(q.agencyCode);
      if (subtree.length === 0 || (agencyIds && !agencyIds.includes(subtree[0]))) throw Problem.notFound('stats.agencyNotFound');
      agencyIds = agencyIds ? subtree.filter((id) => agencyIds!.includes(id)) : subtree;
    }
    return {
      ...period,
      agencyIds,
      procedureCode: q.procedureCode,
      sector: q.sector,
      officerId: q.officerId,
    };
  }

  /** The agency of `code` first, then every agency below it; empty for an unknown code. */
  private async subtree(code: string): Promise<string[]> {
    const rows = (await this.db.query(
      `WITH RECURSIVE tree AS (
         SELECT id, 0 AS depth FROM agency WHERE code = $1
         UNION ALL SELECT a.id, t.depth + 1 FROM agency a JOIN tree t ON a.parent_id = t.id)
       SELECT id FROM tree ORDER BY depth`,
      [code],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
