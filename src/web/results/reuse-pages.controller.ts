import { Body, Controller, Get, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/guards.js';
import { fieldMessage, Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { DossierContextService } from '../../dossiers/dossier-context.service.js';
import { DossierQueriesService } from '../../dossiers/dossier-queries.service.js';
import { ReuseService } from '../../results/reuse.service.js';
import { pageLang, setFlash } from '../page-context.js';
import { SignedIn, WebSessionGuard } from '../web-session.guard.js';
import { reuseView } from './reuse-view.js';

/** `/dossiers/{id}/reuse`: which of the citizen's results stands in for each document that a result can replace. */
@ApiExcludeController()
@Controller('dossiers/:id/reuse')
@UseGuards(WebSessionGuard)
@SignedIn()
export class ReusePagesController {
  constructor(
    private readonly queries: DossierQueriesService,
    private readonly context: DossierContextService,
    private readonly reuse: ReuseService,
  ) {}

  @Get()
  async page(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    res.render('pages/results/reuse', await this.view(user, id, res));
  }

  @Post()
  async choose(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const componentCode = typeof body.componentCode === 'string' ? body.componentCode : '';
    const resultId = typeof body.resultId === 'string' ? body.resultId : '';
    try {
      await this.reuse.choose(user, id, componentCode, resultId);
      setFlash(res, 'results.reuse.chosenFlash');
      res.redirect(303, `/dossiers/${id}/reuse`);
    } catch (err) {
      if (!(err instanceof Problem) || err.status !== 422) throw err;
      res.status(422).render('pages/results/reuse', {
        ...(await this.view(user, id, res)),
        error: { componentCode, message: err.errors[0] ? fieldMessage(err.errors[0], pageLang(res)) : '' },
      });
    }
  }

  private async view(user: Principal, id: string, res: Response) {
    const detail = await this.queries.get(user, id);
    // Only the person who filed it chooses; staff see nothing here.
    if (detail.dossier.applicantId !== user.id) throw Problem.notFound('dossier.notFound');
    const definition = await this.context.definition(detail.dossier.procedureVersionId);
    return reuseView(detail.dossier, definition, await this.reuse.options(detail.dossier, definition), pageLang(res));
  }
}
