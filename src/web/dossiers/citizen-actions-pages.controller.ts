import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/guards.js';
import { fieldMessage, Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { validateInput } from '../../common/validation.js';
import { DossierCommandsService } from '../../dossiers/dossier-commands.service.js';
import { t } from '../../i18n/i18n.js';
import { pageLang, setFlash } from '../page-context.js';
import { pick } from '../portal/portal-pages.controller.js';
import { SignedIn, WebSessionGuard } from '../web-session.guard.js';
import { problemContextOf } from './check-view.js';
import { CommentDto } from './comment.dto.js';
import { withdrawView } from './dossier-view.js';
import { dossierPaths, problemLinks, summaryPath } from './filing-flow.js';
import { OwnDossiers } from './own-dossiers.service.js';
import { canWithdraw, citizenMode } from './status-view.js';
import { supplementView } from './supplement-view.js';

/** What the applicant does to a dossier on its way: answer a supplement request, withdraw it. */
@ApiExcludeController()
@Controller('dossiers/:id')
@UseGuards(WebSessionGuard)
@SignedIn()
export class CitizenActionsPagesController {
  constructor(
    private readonly own: OwnDossiers,
    private readonly commands: DossierCommandsService,
  ) {}

  @Get('supplement')
  async supplement(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const d = await this.own.load(user, id);
    const mode = citizenMode(d.detail.dossier.status);
    if (mode !== 'supplement') return res.redirect(303, mode === 'draft' ? summaryPath(id, mode) : dossierPaths(id).view);
    res.render('pages/dossiers/supplement', supplementView(d, pageLang(res)));
  }

  @HttpCode(200)
  @Post('supplement')
  async answer(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: Principal,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const { comment } = await validateInput(CommentDto, pick(body, ['comment']));
      await this.commands.answerSupplement(user, id, { comment });
      setFlash(res, 'supplement.sent');
      res.redirect(303, dossierPaths(id).view);
    } catch (err) {
      if (!(err instanceof Problem) || err.status !== 422) throw err;
      const lang = pageLang(res);
      const d = await this.own.load(user, id);
      const problems = problemLinks(err.errors, problemContextOf(d, { comment: t(lang, 'supplement.comment') }), lang);
      const comment = typeof body.comment === 'string' ? body.comment : '';
      const commentProblem = err.errors.find((e) => e.path === 'comment');
      const commentError = commentProblem ? fieldMessage(commentProblem, lang) : undefined;
      res.status(422).render('pages/dossiers/supplement', supplementView(d, lang, { problems, comment, commentError }));
    }
  }

  @Get('withdraw')
  async confirmWithdrawal(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const d = await this.own.load(user, id);
    if (!canWithdraw(d.detail.dossier.status)) throw Problem.conflict('dossier.notAllowedNow');
    res.render('pages/dossiers/withdraw', withdrawView(d, pageLang(res)));
  }

  @HttpCode(200)
  @Post('withdraw')
  async withdraw(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: Principal,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const { comment } = await validateInput(CommentDto, pick(body, ['comment']));
      await this.commands.act(user, id, 'withdraw', { comment });
      setFlash(res, 'withdraw.done');
      res.redirect(303, dossierPaths(id).view);
    } catch (err) {
      if (!(err instanceof Problem) || err.status !== 422) throw err;
      const lang = pageLang(res);
      const view = withdrawView(await this.own.load(user, id), lang);
      const message = `${t(lang, 'withdraw.reason')}: ${t(lang, err.errors[0]?.code ?? err.code)}`;
      res.status(422).render('pages/dossiers/withdraw', {
        ...view,
        comment: typeof body.comment === 'string' ? body.comment : '',
        error: t(lang, err.errors[0]?.code ?? err.code),
        form: { errorList: [{ href: '#comment', message }] },
      });
    }
  }
}
