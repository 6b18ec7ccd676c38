import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pageWindow, type Page } from '../common/pagination.js';
import { Problem } from '../common/problem.js';
import type { FeeDefinition, LocalizedText, ProcedureDefinition } from './forms/definition.js';

export interface CatalogueQuery {
  q?: string;
  sector?: string;
  level?: string;
  agencyCode?: string;
  page?: number;
  pageSize?: number;
}

export interface CatalogueItem {
  code: string;
  version: number;
  name: LocalizedText;
  sector: string;
  level: string;
  agencyCodes: string[];
  serviceLevel: string;
  processingTime: ProcedureDefinition['processingTime'];
  fee: FeeDefinition;
}

export interface PublishedProcedure extends ProcedureDefinition {
  code: string;
  version: number;
  publishedAt: Date;
}

/** The public catalogue: published procedures only, searched with or without Vietnamese diacritics. */
@Injectable()
export class CatalogueService {
  constructor(private readonly db: DataSource) {}

  async search(query: CatalogueQuery): Promise<Page<CatalogueItem>> {
    const { page, pageSize, skip } = pageWindow(query);
    const params: unknown[] = [];
    const where = ['p.current_version IS NOT NULL'];
    const param = (v: unknown) => `$${params.push(v)}`;
    // Every word must appear, in any order, accents and case folded on both sides ("dang ky" finds "Đăng ký").
    const words = (query.q ?? '').normalize('NFC').split(/\s+/).filter(Boolean).slice(0, 10);
    for (const word of words) where.push(`p.search_text LIKE '%' || portal_fold(${param(escapeLike(word))}) || '%'`);
    if (query.sector) where.push(`p.sector = ${param(query.sector)}`);
    if (query.level) where.push(`p.level = ${param(query.level)}`);
    if (query.agencyCode) where.push(`${param(query.agencyCode)} = ANY(p.agency_codes)`);
    const whereParams = params.slice();
    const rank = words.length ? `similarity(p.search_text, portal_fold(${param(words.join(' '))}))` : '';
    // Rank and page on the narrow catalogue table first; read only the listed facts of the page's definitions.
    const rows = (await this.db.query(
      `WITH hits AS (
         SELECT p.id, p.code, p.current_version, p.sector, p.name, ${rank || '0'} AS rank, count(*) OVER () AS total
           FROM procedure p
          WHERE ${where.join(' AND ')}
          ORDER BY rank DESC, p.sector, p.name, p.code
          LIMIT ${param(pageSize)} OFFSET ${param(skip)})
       SELECT h.code, h.current_version AS version, h.total,
              jsonb_build_object('name', v.definition->'name', 'sector', v.definition->'sector', 'level', v.definition->'level',
                'agencyCodes', v.definition->'agencyCodes', 'serviceLevel', v.definition->'serviceLevel',
                'processingTime', v.definition->'processingTime', 'fee', v.definition->'fee') AS definition
         FROM hits h JOIN procedure_version v ON v.procedure_id = h.id AND v.version = h.current_version
        ORDER BY h.rank DESC, h.sector, h.name, h.code`,
      params,
    )) as { code: string; version: number; definition: ProcedureDefinition; total: string }[];
    return {
      items: rows.map((r) => toItem(r.code, r.version, r.definition)),
      total: rows.length ? Number(rows[0].total) : await this.count(where, whereParams),
      page,
      pageSize,
    };
  }

  /** The version in force, whole. */
  async published(code: string): Promise<PublishedProcedure> {
    const [row] = (await this.db.query(
      `SELECT p.code, v.version, v.published_at AS "publishedAt", v.definition
         FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id AND v.version = p.current_version
        WHERE p.code = $1`,
      [code],
    )) as { code: string; version: number; publishedAt: Date; definition: ProcedureDefinition }[];
    if (!row) throw Problem.notFound('procedure.notFound');
    return { ...row.definition, code: row.code, version: row.version, publishedAt: row.publishedAt };
  }

  /** Sectors of published procedures, for the catalogue's filter. */
  async sectors(): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT DISTINCT sector FROM procedure WHERE current_version IS NOT NULL AND sector IS NOT NULL ORDER BY sector`,
    )) as { sector: string }[];
    return rows.map((r) => r.sector);
  }

  /** Only needed for a page past the end, where the window query returns no row to carry the total. */
  private async count(where: string[], params: unknown[]): Promise<number> {
    const [{ n }] = (await this.db.query(`SELECT count(*)::int AS n FROM procedure p WHERE ${where.join(' AND ')}`, params)) as {
      n: number;
    }[];
    return n;
  }
}

function toItem(code: string, version: number, d: ProcedureDefinition): CatalogueItem {
  return {
    code,
    version,
    name: d.name,
    sector: d.sector,
    level: d.level,
    agencyCodes: d.agencyCodes,
    serviceLevel: d.serviceLevel,
    processingTime: d.processingTime,
    fee: d.fee,
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, '\\$&');
}
