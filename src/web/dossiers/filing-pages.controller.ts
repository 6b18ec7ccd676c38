import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/guards.js';
import { Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { DossierCommandsService } from '../../dossiers/dossier-commands.service.js';
import { afterPost, pageIndex, parseAction } from '../procedures/apply-flow.js';
import { pageLang, setFlash } from '../page-context.js';
import { SignedIn, WebSessionGuard } from '../web-session.guard.js';
import { checkView, problemContextOf, submittedView } from './check-view.js';
import { editView } from './edit-view.js';
import { afterPageLocation, dossierPaths, mergePage, pageErrors, problemLinks, summaryPath } from './filing-flow.js';
import { OwnDossiers } from './own-dossiers.service.js';
import { citizenMode } from './status-view.js';

/**
 * Filling in a dossier: the form page by page (each post saved to the dossier
 * with `updateForm`, then a redirect), "check your answers", the submission
 * and its confirmation. Full page posts: it all works without JavaScript.
 */
@ApiExcludeController()
@Controller('dossiers/:id')
@UseGuards(WebSessionGuard)
@SignedIn()
export class FilingPagesController {
  constructor(
    private readonly own: OwnDossiers,
    private readonly commands: DossierCommandsService,
  ) {}

  @Get('edit')
  async edit(
    @Param('id') id: string,
    @Query('page') page: unknown,
    @Query('review') review: unknown,
    @Query('check') check: unknown,
    @CurrentUser() user: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const d = await this.own.load(user, id);
    if (citizenMode(d.detail.dossier.status) === 'readonly') return res.redirect(303, dossierPaths(id).view);
    const index = pageIndex(page, d.flow.pages);
    const answers = d.detail.dossier.formData;
    const errors = check === '1' ? pageErrors(d.flow, answers, index) : [];
    res.render('pages/dossiers/edit', editView(d, answers, index, errors, review === '1', pageLang(res)));
  }

  @HttpCode(200)
  @Post('edit')
  async save(
    @Param('id') id: string,
    @Query('page') page: unknown,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const d = await this.own.load(user, id);
    const index = pageIndex(page, d.flow.pages);
    const answers = mergePage(d.flow, d.definition.form, d.detail.dossier.formData, body, index);
    await this.commands.updateForm(user, id, answers);
    if (body._action === 'save') {
      setFlash(res, 'filing.saved');
      return res.redirect(303, dossierPaths(id).view);
    }
    const fromReview = body._review === '1';
    const step = afterPost(d.flow, answers, index, parseAction(body._action), fromReview);
    if (step.kind === 'page' && step.status === 422) {
      return res.status(422).render('pages/dossiers/edit', editView(d, answers, step.index, step.errors, fromReview, pageLang(res)));
    }
    res.redirect(303, afterPageLocation(id, citizenMode(d.detail.dossier.status), step, fromReview));
  }

  @Get('review')
  async review(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const d = await this.own.load(user, id);
    const mode = citizenMode(d.detail.dossier.status);
    if (mode !== 'draft') return res.redirect(303, mode === 'supplement' ? summaryPath(id, mode) : dossierPaths(id).view);
    res.render('pages/dossiers/review', checkView(d, pageLang(res)));
  }

  @HttpCode(200)
  @Post('submit')
  async submit(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    try {
      await this.commands.submit(user, id);
      res.redirect(303, dossierPaths(id).submitted);
    } catch (err) {
      if (!(err instanceof Problem) || err.status !== 422) throw err;
      const lang = pageLang(res);
      const d = await this.own.load(user, id);
      res.status(422).render('pages/dossiers/review', checkView(d, lang, problemLinks(err.errors, problemContextOf(d), lang)));
    }
  }

  @Get('submitted')
  async submitted(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const d = await this.own.load(user, id);
    if (d.detail.dossier.status === 'DRAFT') return res.redirect(303, dossierPaths(id).review);
    res.render('pages/dossiers/submitted', submittedView(d, pageLang(res)));
  }
}
