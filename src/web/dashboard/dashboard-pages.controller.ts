import { Controller, Get, Param, Query, Render, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/guards.js';
import { Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { breakdownTable, type Table } from '../../stats/export/table.js';
import { isFigureKey } from '../../stats/figures.js';
import { ServiceIndexService } from '../../stats/service-index/service-index.service.js';
import { StatsFilterService, statsQueryOf, type StatsQuery } from '../../stats/stats-filter.service.js';
import { sendTable } from '../../stats/stats.controller.js';
import { StatsService, type Dimension } from '../../stats/stats.service.js';
import { pageLang } from '../page-context.js';
import { WebSessionGuard } from '../web-session.guard.js';
import { DashboardChoices } from './dashboard-choices.service.js';
import { drillTable, drillView, officersView, serviceIndexTable, serviceIndexView } from './dashboard-pages-view.js';
import {
  breakdownView,
  cardsView,
  filterErrors,
  filterForm,
  filterView,
  outcomeChart,
  queryFromForm,
  trendInterval,
  trendView,
} from './dashboard-view.js';
import { exportLinks, filterQuery } from './dashboard-format.js';

const DRILL_PAGE = 50;
const DIMENSIONS: Record<string, Dimension> = { 'by-agency': 'agency', 'by-procedure': 'procedure', 'by-sector': 'sector' };

/** The managers' dashboard: figures, charts with their tables, drill-down lists, officers, service index, exports. */
@ApiExcludeController()
@Controller('dashboard')
@UseGuards(WebSessionGuard)
@Roles('MANAGER', 'LEADER', 'ADMIN')
export class DashboardPagesController {
  constructor(
    private readonly stats: StatsService,
    private readonly filters: StatsFilterService,
    private readonly choices: DashboardChoices,
    private readonly index: ServiceIndexService,
  ) {}

  @Get()
  @Render('pages/dashboard/index')
  async dashboard(@Query() raw: Record<string, unknown>, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response) {
    const lang = pageLang(res);
    const resolved = await this.resolveForPage(user, raw, res, '');
    if ('failed' in resolved) return { title: t(lang, 'dashboard.title'), ...resolved };
    const { q, f, scope } = resolved;
    const interval = trendInterval(f);
    const [summary, trend, agencies, byProcedure, sectors, choices] = await Promise.all([
      this.stats.summary(f),
      this.stats.trend(f, interval),
      this.stats.breakdown(f, 'agency'),
      this.stats.breakdown(f, 'procedure'),
      this.stats.breakdown(f, 'sector'),
      this.choices.of(scope, lang),
    ]);
    // The statistics name procedures in Vietnamese; an English page names them in English where the catalogue can.
    const names = await this.choices.procedureNames(
      byProcedure.map((p) => p.key),
      lang,
    );
    const procedures = byProcedure.map((p) => ({ ...p, name: names.get(p.key) ?? p.name }));
    const qs = filterQuery(q);
    return {
      title: t(lang, 'dashboard.title'),
      filter: filterView(q, f, choices, lang),
      cards: cardsView(summary, q, lang),
      outcome: outcomeChart(summary, q, lang),
      trend: { ...trendView(trend, q, f, interval, lang), exports: exportLinks('trend', q) },
      tables: [
        {
          id: 'agencies',
          title: t(lang, 'stats.table.agency'),
          ...breakdownView(agencies, q, 'agencyCode', lang),
          exports: exportLinks('by-agency', q),
        },
        {
          id: 'procedures',
          title: t(lang, 'stats.table.procedure'),
          ...breakdownView(procedures, q, 'procedureCode', lang),
          exports: exportLinks('by-procedure', q),
        },
        {
          id: 'sectors',
          title: t(lang, 'stats.table.sector'),
          ...breakdownView(sectors, q, 'sector', lang),
          exports: exportLinks('by-sector', q),
        },
      ],
      chartOf: t(lang, 'dashboard.chartOf'),
      tableOf: t(lang, 'dashboard.tableOf'),
      nothing: t(lang, 'dashboard.nothing'),
      links: {
        officers: `/dashboard/officers${qs}`,
        serviceIndex: `/dashboard/service-index${qs}`,
        summary: exportLinks('summary', q),
      },
    };
  }

  @Get('dossiers')
  @Render('pages/dashboard/dossiers')
  async dossiers(@Query() raw: Record<string, unknown>, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response) {
    if (!isFigureKey(raw.figure)) throw Problem.validation([{ path: 'figure', code: 'stats.badFigure' }]);
    const { q, f } = await this.resolve(user, raw);
    const page = Math.min(Math.max(Number(raw.page) || 1, 1), 10_000);
    const found = await this.stats.list(f, raw.figure, { limit: DRILL_PAGE, offset: (page - 1) * DRILL_PAGE });
    return drillView(found, raw.figure, q, page, DRILL_PAGE, pageLang(res));
  }

  @Get('officers')
  @Render('pages/dashboard/officers')
  async officers(@Query() raw: Record<string, unknown>, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response) {
    const resolved = await this.resolveForPage(user, raw, res, '/dashboard');
    if ('failed' in resolved) return { title: t(pageLang(res), 'dashboard.officers.title'), ...resolved };
    const { q, f, scope } = resolved;
    const [items, choices] = await Promise.all([this.stats.byOfficer(f), this.choices.of(scope, pageLang(res))]);
    return officersView(items, q, filterView(q, f, choices, pageLang(res)), pageLang(res));
  }

  @Get('service-index')
  @Render('pages/dashboard/service-index')
  async serviceIndex(@Query() raw: Record<string, unknown>, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response) {
    const resolved = await this.resolveForPage(user, raw, res, '/dashboard');
    if ('failed' in resolved) return { title: t(pageLang(res), 'dashboard.index.title'), ...resolved };
    const { q, f, scope } = resolved;
    const [result, choices] = await Promise.all([this.index.perAgency(f), this.choices.of(scope, pageLang(res))]);
    return serviceIndexView(result, q, filterView(q, f, choices, pageLang(res)), pageLang(res));
  }

  /** `/dashboard/export/by-agency.csv?…filters`: every table of the pages, as CSV or XLSX. */
  @Get('export/:file')
  async export(
    @Param('file') file: string,
    @Query() raw: Record<string, unknown>,
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const m = /^(summary|by-agency|by-procedure|by-sector|by-officer|dossiers|trend|service-index)\.(csv|xlsx)$/.exec(file);
    if (!m) throw Problem.notFound();
    const [, name, format] = m as unknown as [string, string, 'csv' | 'xlsx'];
    const lang = pageLang(res);
    const { f } = await this.resolve(user, raw);
    let table: Table;
    if (name === 'summary') {
      table = breakdownTable(lang, t(lang, 'stats.table.summary'), [
        { key: '', name: t(lang, 'stats.total'), ...(await this.stats.summary(f)) },
      ]);
    } else if (name === 'by-officer') {
      table = breakdownTable(lang, t(lang, 'stats.table.officer'), await this.stats.byOfficer(f));
    } else if (name === 'service-index') {
      table = serviceIndexTable(await this.index.perAgency(f), lang);
    } else if (name === 'trend') {
      const interval = trendInterval(f);
      table = breakdownTable(lang, t(lang, `stats.table.trend.${interval}`), await this.stats.trend(f, interval));
    } else if (name === 'dossiers') {
      if (!isFigureKey(raw.figure)) throw Problem.validation([{ path: 'figure', code: 'stats.badFigure' }]);
      table = drillTable(await this.stats.list(f, raw.figure, { limit: 100_000, offset: 0 }), lang);
    } else {
      const by = DIMENSIONS[name];
      table = breakdownTable(lang, t(lang, `stats.table.${by}`), await this.stats.breakdown(f, by));
    }
    return sendTable(res, format, name, table);
  }

  /**
   * The filters of a page, or — when they are wrong — what the page shows instead, with status 422:
   * the filter form as typed, each error beside its field and in the summary. `formAt` is the page
   * holding the form ('' for this one; the pages without a form send people to the dashboard's).
   */
  private async resolveForPage(user: Principal, raw: Record<string, unknown>, res: Response, formAt: '' | '/dashboard') {
    try {
      return await this.resolve(user, raw);
    } catch (err) {
      const lang: Lang = pageLang(res);
      const q = statsQueryOf(raw);
      const form = filterErrors(err, q, lang, formAt && `${formAt}${filterQuery(q)}`);
      const scope = (await this.filters.resolve(user, {})).agencyIds;
      const filter = filterForm(q, { from: q.from ?? '', to: q.to ?? '' }, await this.choices.of(scope, lang), lang);
      res.status(422);
      return { failed: true as const, form, filter, back: `/dashboard${filterQuery(q)}` };
    }
  }

  private async resolve(user: Principal, raw: Record<string, unknown>) {
    // Links keep the filters as the form sent them; a date "to" counts its whole day.
    const q: StatsQuery = statsQueryOf(raw);
    const f = await this.filters.resolve(user, queryFromForm(q));
    const scope = (await this.filters.resolve(user, queryFromForm({ from: q.from, to: q.to }))).agencyIds;
    return { q, f, scope };
  }
}
