import { Body, Controller, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/guards.js';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import type { MessageKey } from '../i18n/messages.js';
import { isMessageKey } from '../i18n/i18n.js';
import { setFlash } from '../web/page-context.js';
import { WebSessionGuard } from '../web/web-session.guard.js';
import { RatingsService } from './ratings.service.js';

/** The rating form on the citizen's dossier page: posts here, then back to the page with a message. */
@ApiExcludeController()
@Controller('dossiers/:id/rating')
@UseGuards(WebSessionGuard)
@Roles('CITIZEN')
export class RatingPagesController {
  constructor(private readonly ratings: RatingsService) {}

  @HttpCode(200)
  @Post()
  async rate(@Param('id') id: string, @Body() body: Record<string, unknown>, @CurrentUser() user: Principal, @Res() res: Response) {
    try {
      await this.ratings.rate(user, id, { score: body.score, comment: body.comment });
      setFlash(res, 'rating.thanks');
    } catch (err) {
      if (!(err instanceof Problem) || (err.status !== 422 && err.status !== 409)) throw err;
      const code = err.errors[0]?.code ?? err.code;
      setFlash(res, (isMessageKey(code) ? code : 'rating.badScore') as MessageKey);
    }
    res.redirect(303, `/dossiers/${encodeURIComponent(id)}#rating-heading`);
  }
}
