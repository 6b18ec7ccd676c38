import { Controller, Get, Param, Query, Render, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgenciesService } from '../../agencies/agencies.service.js';
import { validateInput } from '../../common/validation.js';
import { t } from '../../i18n/i18n.js';
import { CatalogueService } from '../../procedures/catalogue.service.js';
import { CatalogueQueryDto } from '../../procedures/procedure.dto.js';
import { pageLang } from '../page-context.js';
import { pick } from '../portal/portal-pages.controller.js';
import { WebSessionGuard } from '../web-session.guard.js';
import { catalogueItemView, filterOptions, pagerLinks } from './catalogue-view.js';
import { procedureView } from './procedure-view.js';

const PAGE_SIZE = 10;

/** The public catalogue: search, then one procedure's page. */
@ApiExcludeController()
@Controller('procedures')
@UseGuards(WebSessionGuard)
export class ProcedurePagesController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly agencies: AgenciesService,
  ) {}

  @Get()
  @Render('pages/procedures/catalogue')
  async search(@Query() raw: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lang = pageLang(res);
    const query = await validateInput(CatalogueQueryDto, pick(raw, ['q', 'sector', 'level', 'agencyCode', 'page']), 'query');
    const filters = { q: query.q, sector: query.sector, level: query.level, agencyCode: query.agencyCode };
    const [found, sectors, tree] = await Promise.all([
      this.catalogue.search({ ...filters, page: query.page, pageSize: PAGE_SIZE }),
      this.catalogue.sectors(),
      this.agencies.tree(),
    ]);
    const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    return {
      title: t(lang, 'procedures.catalogue.title'),
      filters,
      ...filterOptions(filters, sectors, tree, lang),
      searched: Object.values(filters).some(Boolean),
      items: found.items.map((item) => catalogueItemView(item, lang)),
      total: found.total,
      page: found.page,
      pages,
      ...pagerLinks(filters, found.page, pages),
    };
  }

  @Get(':code')
  @Render('pages/procedures/procedure')
  async procedure(@Param('code') code: string, @Res({ passthrough: true }) res: Response) {
    const lang = pageLang(res);
    const [procedure, agencies] = await Promise.all([this.catalogue.published(code), this.agencies.list()]);
    const view = procedureView(procedure, new Map(agencies.map((a) => [a.code, a.name])), lang);
    return { title: view.name, procedure: view };
  }
}
