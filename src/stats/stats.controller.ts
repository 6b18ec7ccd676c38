import { Controller, Get, Query, Req, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiAuthGuard, CurrentUser, Roles } from '../auth/guards.js';
import { API_PREFIX } from '../common/api.js';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { langOf, t } from '../i18n/i18n.js';
import { toCsv } from './export/csv.js';
import { breakdownTable, type Table } from './export/table.js';
import { toXlsx } from './export/xlsx.js';
import { isFigureKey } from './figures.js';
import { StatsFilterService, statsQueryOf } from './stats-filter.service.js';
import { StatsService, type BreakdownItem, type Dimension } from './stats.service.js';

type Format = 'json' | 'csv' | 'xlsx';

function formatOf(raw: unknown): Format {
  if (raw === undefined || raw === 'json') return 'json';
  if (raw === 'csv' || raw === 'xlsx') return raw;
  throw Problem.validation([{ path: 'format', code: 'stats.badFormat' }]);
}

@ApiTags('stats')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/stats`)
@UseGuards(ApiAuthGuard)
@Roles('MANAGER', 'LEADER', 'ADMIN')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly filters: StatsFilterService,
  ) {}

  @Get('summary')
  async summary(
    @Query() q: Record<string, unknown>,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const format = formatOf(q.format);
    const summary = await this.stats.summary(await this.filters.resolve(user, statsQueryOf(q)));
    if (format === 'json') return summary;
    const lang = langOf(req);
    const table = breakdownTable(lang, t(lang, 'stats.table.summary'), [{ key: '', name: t(lang, 'stats.total'), ...summary }]);
    return sendTable(res, format, 'summary', table);
  }

  @Get('by-agency')
  byAgency(
    @Query() q: Record<string, unknown>,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.breakdown('agency', q, user, req, res);
  }

  @Get('by-procedure')
  byProcedure(
    @Query() q: Record<string, unknown>,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.breakdown('procedure', q, user, req, res);
  }

  @Get('by-sector')
  bySector(
    @Query() q: Record<string, unknown>,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.breakdown('sector', q, user, req, res);
  }

  @Get('by-officer')
  async byOfficer(
    @Query() q: Record<string, unknown>,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const format = formatOf(q.format);
    const items = await this.stats.byOfficer(await this.filters.resolve(user, statsQueryOf(q)));
    if (format === 'json') return { items };
    const lang = langOf(req);
    return sendTable(res, format, 'by-officer', breakdownTable(lang, t(lang, 'stats.table.officer'), items));
  }

  /** `?interval=week|month` (default month): received, resolved and ratings per local week or month. */
  @Get('trend')
  async trend(
    @Query() q: Record<string, unknown>,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const format = formatOf(q.format);
    const interval = q.interval === undefined ? 'month' : q.interval;
    if (interval !== 'week' && interval !== 'month') throw Problem.validation([{ path: 'interval', code: 'stats.badInterval' }]);
    const items = await this.stats.trend(await this.filters.resolve(user, statsQueryOf(q)), interval);
    if (format === 'json') return { items };
    const lang = langOf(req);
    return sendTable(res, format, `trend-${interval}`, breakdownTable(lang, t(lang, `stats.table.trend.${interval}`), items));
  }

  /** The dossiers behind one figure: the drill-down of every number. */
  @Get('dossiers')
  async dossiers(@Query() q: Record<string, unknown>, @CurrentUser() user: Principal) {
    if (!isFigureKey(q.figure)) throw Problem.validation([{ path: 'figure', code: 'stats.badFigure' }]);
    const limit = Math.min(Math.max(Number(q.limit) || 50, 1), 500);
    const offset = Math.max(Number(q.offset) || 0, 0);
    return this.stats.list(await this.filters.resolve(user, statsQueryOf(q)), q.figure, { limit, offset });
  }

  private async breakdown(by: Dimension, q: Record<string, unknown>, user: Principal, req: Request, res: Response) {
    const format = formatOf(q.format);
    const items: BreakdownItem[] = await this.stats.breakdown(await this.filters.resolve(user, statsQueryOf(q)), by);
    if (format === 'json') return { items };
    const lang = langOf(req);
    return sendTable(res, format, `by-${by}`, breakdownTable(lang, t(lang, `stats.table.${by}`), items));
  }
}

/** A file download: CSV (UTF-8 with BOM) or XLSX. Shared with the dashboard pages. */
export async function sendTable(res: Response, format: 'csv' | 'xlsx', name: string, table: Table): Promise<StreamableFile> {
  const csv = format === 'csv';
  res.setHeader('Content-Disposition', `attachment; filename="stats-${name}.${format}"`);
  return new StreamableFile(csv ? Buffer.from(toCsv(table), 'utf8') : await toXlsx([table]), {
    type: csv ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
