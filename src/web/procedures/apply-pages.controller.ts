import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { t } from '../../i18n/i18n.js';
import { localized } from '../../procedures/forms/definition.js';
import { pageLang } from '../page-context.js';
import { SignedIn, WebSessionGuard } from '../web-session.guard.js';
import { keepVisible, readAnswers, type Answers } from './answers-carrier.js';
import { ApplyContextLoader, type ApplyContext } from './apply-context.js';
import { afterPost, pageIndex, parseAction, review, type ApplyStep } from './apply-flow.js';
import { applyPageView, reviewView } from './apply-view.js';

/**
 * The online application: the form page by page, then "check your answers".
 * Every step is a full page post, so it all works without JavaScript.
 */
@ApiExcludeController()
@Controller('procedures/:code/apply')
@UseGuards(WebSessionGuard)
@SignedIn()
export class ApplyPagesController {
  constructor(private readonly contexts: ApplyContextLoader) {}

  @Get()
  async start(@Param('code') code: string, @Query('page') page: unknown, @Res() res: Response): Promise<void> {
    const c = await this.contexts.load(code);
    this.show(res, c, {}, { kind: 'page', index: pageIndex(page, c.flow.pages), errors: [], status: 200 }, false);
  }

  // Pages answered by a POST are 200, not Nest's default 201.
  @HttpCode(200)
  @Post()
  async post(
    @Param('code') code: string,
    @Query('page') page: unknown,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const c = await this.contexts.load(code);
    const answers = this.answers(c, body);
    const action = parseAction(body._action);
    const fromReview = action === 'change' || body._review === '1';
    this.show(res, c, answers, afterPost(c.flow, answers, pageIndex(page, c.flow.pages), action, fromReview), fromReview);
  }

  /** Creating the dossier belongs to the dossier issue: for now, a last full check and a "coming soon" page. */
  @HttpCode(200)
  @Post('submit')
  async submit(@Param('code') code: string, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const c = await this.contexts.load(code);
    const answers = this.answers(c, body);
    const step = review(c.flow, answers);
    if (step.kind === 'page') return this.show(res, c, answers, step, true);
    const lang = pageLang(res);
    res.render('pages/procedures/apply-soon', {
      title: t(lang, 'apply.soon.title'),
      procedure: { code: c.procedure.code, name: localized(c.procedure.name, lang) },
    });
  }

  private answers(c: ApplyContext, body: Record<string, unknown>): Answers {
    return keepVisible(c.flow.compiled, readAnswers(c.procedure.form, body));
  }

  private show(res: Response, c: ApplyContext, answers: Answers, step: ApplyStep, fromReview: boolean): void {
    const lang = pageLang(res);
    if (step.kind === 'review') return res.render('pages/procedures/review', reviewView(c, answers, step.value, lang));
    res.status(step.status).render('pages/procedures/apply', applyPageView(c, answers, step.index, step.errors, fromReview, lang));
  }
}
