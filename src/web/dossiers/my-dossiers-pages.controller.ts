import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/guards.js';
import type { Principal } from '../../common/roles.js';
import { validateInput } from '../../common/validation.js';
import { DossierListQuery } from '../../dossiers/dossier.dto.js';
import { t } from '../../i18n/i18n.js';
import { pageLang } from '../page-context.js';
import { pick } from '../portal/portal-pages.controller.js';
import { SignedIn, WebSessionGuard } from '../web-session.guard.js';
import { dossierView } from './dossier-view.js';
import { dossierRow, MY_DOSSIERS_PAGE_SIZE, myDossiersPager, statusOptions } from './list-view.js';
import { OwnDossiers } from './own-dossiers.service.js';

/** "My dossiers" and each dossier's page, for the person who filed them. */
@ApiExcludeController()
@Controller('dossiers')
@UseGuards(WebSessionGuard)
@SignedIn()
export class MyDossiersPagesController {
  constructor(private readonly own: OwnDossiers) {}

  @Get()
  async list(@Query() raw: Record<string, unknown>, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const lang = pageLang(res);
    const query = await validateInput(DossierListQuery, pick(raw, ['status', 'page']), 'query');
    const found = await this.own.list(user, { status: query.status, page: query.page, pageSize: MY_DOSSIERS_PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(found.total / MY_DOSSIERS_PAGE_SIZE));
    res.render('pages/dossiers/list', {
      title: t(lang, 'myDossiers.title'),
      items: found.items.map((item) => dossierRow(item, lang)),
      total: found.total,
      page: found.page,
      pages,
      filtered: query.status !== undefined,
      statuses: statusOptions(query.status, lang),
      ...myDossiersPager(query.status, found.page, pages),
    });
  }

  @Get(':id')
  async dossier(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    res.render('pages/dossiers/dossier', dossierView(await this.own.load(user, id), pageLang(res)));
  }
}
