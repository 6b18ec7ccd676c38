import { Body, Controller, Get, Header, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/guards.js';
import { Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { t } from '../../i18n/i18n.js';
import { resultPdf } from '../../results/result-file.js';
import { ResultsService, type StatusChange } from '../../results/results.service.js';
import { emptyForm, formWithErrors } from '../form.js';
import { pageLang, setFlash } from '../page-context.js';
import { SignedIn, WebSessionGuard } from '../web-session.guard.js';

const CHANGE_VIEW = 'pages/results/change';

/** The result's download for the pages, and the leader's form to revoke or replace a result. */
@ApiExcludeController()
@Controller()
@UseGuards(WebSessionGuard)
export class ResultPagesController {
  constructor(private readonly results: ResultsService) {}

  /** The owner's first download of a result waiting to be handed back returns the dossier, as through the API. */
  @Get('dossiers/:id/result.pdf')
  @SignedIn()
  @Header('Cache-Control', 'private, no-store')
  async download(@Param('id') id: string, @CurrentUser() user: Principal) {
    return resultPdf(await this.results.download(user, id));
  }

  @Get('workspace/results/:id/status')
  @Roles('LEADER')
  async form(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const result = await this.results.forLeader(user, id);
    res.render(CHANGE_VIEW, changeView(result, pageLang(res), emptyForm({ change: 'revoke' })));
  }

  @Post('workspace/results/:id/status')
  @Roles('LEADER')
  async change(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const lang = pageLang(res);
    const change: StatusChange = body.change === 'supersede' ? 'supersede' : 'revoke';
    const reason = typeof body.reason === 'string' ? body.reason : '';
    const result = await this.results.forLeader(user, id);
    try {
      const changed = await this.results.changeStatus(user, id, change, reason);
      setFlash(res, change === 'revoke' ? 'results.change.revokedFlash' : 'results.change.supersededFlash', changed.documentNo);
      res.redirect(303, `/workspace/dossiers/${changed.dossierId}`);
    } catch (err) {
      const form = formWithErrors(err, lang, { change, reason }, ['reason'], { reason: 'results.change.reason' });
      res.status(err instanceof Problem ? err.status : 422).render(CHANGE_VIEW, changeView(result, lang, form));
    }
  }
}

function changeView(r: Awaited<ReturnType<ResultsService['forLeader']>>, lang: 'vi' | 'en', form: ReturnType<typeof emptyForm>) {
  return {
    title: t(lang, 'results.change.title', { no: r.documentNo }),
    result: { documentNo: r.documentNo, title: r.title, status: t(lang, `results.status.${r.status}`), inForce: r.status === 'ISSUED' },
    action: `/workspace/results/${r.id}/status`,
    backHref: `/workspace/dossiers/${r.dossierId}`,
    form,
    revoke: form.values.change !== 'supersede',
  };
}
