import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgenciesService } from '../../agencies/agencies.service.js';
import { CurrentUser } from '../../auth/guards.js';
import { fieldMessage, Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { DossierCommandsService } from '../../dossiers/dossier-commands.service.js';
import type { Lang } from '../../i18n/i18n.js';
import { CatalogueService } from '../../procedures/catalogue.service.js';
import { pageLang, setFlash } from '../page-context.js';
import { SignedIn, WebSessionGuard } from '../web-session.guard.js';
import { dossierPaths } from './filing-flow.js';
import { OwnDossiers } from './own-dossiers.service.js';
import { chosenAgency, startView } from './start-view.js';

/** Starting an online application: a page (agency, drafts already begun), then a post that creates the draft. */
@ApiExcludeController()
@Controller('procedures/:code/apply')
@UseGuards(WebSessionGuard)
@SignedIn()
export class StartPagesController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly agencies: AgenciesService,
    private readonly own: OwnDossiers,
    private readonly commands: DossierCommandsService,
  ) {}

  @Get()
  async start(@Param('code') code: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    res.render('pages/dossiers/start', await this.view(code, user, pageLang(res)));
  }

  @HttpCode(200)
  @Post()
  async create(
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const procedure = await this.catalogue.published(code);
    try {
      const agencyCode = chosenAgency(procedure.agencyCodes, body.agencyCode);
      const draft = await this.commands.createDraft(user, { procedureCode: procedure.code, agencyCode });
      setFlash(res, 'filing.draftCreated');
      res.redirect(303, dossierPaths(draft.id).edit(1));
    } catch (err) {
      if (!(err instanceof Problem) || err.status !== 422) throw err;
      const lang = pageLang(res);
      const error = err.errors[0] ? fieldMessage(err.errors[0], lang) : fieldMessage({ path: '', code: err.code }, lang);
      res.status(422).render('pages/dossiers/start', await this.view(code, user, lang, { chosen: body.agencyCode, error }));
    }
  }

  private async view(code: string, user: Principal, lang: Lang, o?: Parameters<typeof startView>[4]) {
    const [procedure, agencies, drafts] = await Promise.all([
      this.catalogue.published(code),
      this.agencies.list(),
      this.own.list(user, { status: 'DRAFT', procedureCode: code }),
    ]);
    const names = new Map(agencies.map((a) => [a.code, a.name]));
    return startView(
      procedure,
      names,
      drafts.items.map((i) => i.dossier),
      lang,
      o,
    );
  }
}
