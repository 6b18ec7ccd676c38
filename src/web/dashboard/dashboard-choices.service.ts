import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Lang } from '../../i18n/i18n.js';
import type { StatsFilter } from '../../stats/stats-sql.js';
import type { FilterChoices } from './dashboard-view.js';

/** What the filter form offers: the agencies, procedures, sectors and officers within the user's scope. */
@Injectable()
export class DashboardChoices {
  constructor(private readonly db: DataSource) {}

  /** Procedures are named in the page's language where the version gives an English name. */
  async of(scope: StatsFilter['agencyIds'], lang: Lang): Promise<FilterChoices> {
    const ids = scope ? [...scope] : null;
    const [agencies, procedures, officers] = await Promise.all([
      this.db.query(`SELECT code, name FROM agency WHERE $1::uuid[] IS NULL OR id = ANY($1::uuid[]) ORDER BY code`, [ids]),
      this.db.query(
        `SELECT code, COALESCE(CASE WHEN $2 = 'en' THEN name_en END, name, code) AS name, sector FROM procedure
          WHERE current_version IS NOT NULL
            AND ($1::uuid[] IS NULL OR agency_codes && (SELECT array_agg(code::text) FROM agency WHERE id = ANY($1::uuid[])))
          ORDER BY code`,
        [ids, lang],
      ),
      this.db.query(
        `SELECT id::text, full_name AS name FROM app_user
          WHERE agency_id IS NOT NULL AND ($1::uuid[] IS NULL OR agency_id = ANY($1::uuid[]))
            AND roles && ARRAY['RECEPTIONIST', 'SPECIALIST', 'LEADER']::text[]
          ORDER BY full_name LIMIT 500`,
        [ids],
      ),
    ]);
    const sectors = [...new Set((procedures as { sector: string | null }[]).map((p) => p.sector).filter((s): s is string => !!s))].sort();
    return { agencies, procedures, sectors, officers } as FilterChoices;
  }

  /** Procedure names in the page's language (the statistics name them in Vietnamese), by code. */
  async procedureNames(codes: string[], lang: Lang): Promise<Map<string, string>> {
    if (lang === 'vi' || codes.length === 0) return new Map();
    const rows = (await this.db.query(`SELECT code, NULLIF(name_en, '') AS name FROM procedure WHERE code = ANY($1::text[])`, [codes])) as {
      code: string;
      name: string | null;
    }[];
    return new Map(rows.filter((r) => r.name).map((r) => [r.code, r.name!]));
  }
}
