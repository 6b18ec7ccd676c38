import { Controller, Get, HttpCode, Param, Post, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Problem } from '../../common/problem.js';
import { t } from '../../i18n/i18n.js';
import { VerificationService } from '../../results/verification.service.js';
import { MAX_VERIFY_BYTES } from '../../results/verify.controller.js';
import { pageLang } from '../page-context.js';
import { WebSessionGuard } from '../web-session.guard.js';
import { verifyPageView } from './verify-view.js';

const VIEW = 'pages/verify/verify';

/** `/verify/{token}`: the page a result's QR code opens, public; it also checks an uploaded copy of the file. */
@ApiExcludeController()
@Controller('verify')
@UseGuards(WebSessionGuard)
export class VerifyPagesController {
  constructor(private readonly verification: VerificationService) {}

  @Get(':token')
  async verify(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const lang = pageLang(res);
    // A revocation must show at once: no cache may keep an earlier answer.
    res.setHeader('Cache-Control', 'no-store');
    const found = await this.verification.verify(token).catch(notFoundAsNull);
    if (!found) return res.status(404).render(VIEW, { title: t(lang, 'results.verify.title'), notFound: true });
    res.render(VIEW, verifyPageView(token, found, lang));
  }

  @Post(':token')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_VERIFY_BYTES, files: 1 } }))
  async compare(
    @Param('token') token: string,
    @UploadedFile() file: { buffer: Buffer; size: number } | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const lang = pageLang(res);
    const found = await this.verification.verify(token).catch(notFoundAsNull);
    if (!found) return res.status(404).render(VIEW, { title: t(lang, 'results.verify.title'), notFound: true });
    if (!file || file.size === 0) {
      return res
        .status(422)
        .render(VIEW, { ...verifyPageView(token, found, lang, { error: t(lang, 'results.fileRequired') }), errorList: true });
    }
    const { file: comparison, ...verification } = await this.verification.compare(token, file.buffer);
    res.render(VIEW, verifyPageView(token, verification, lang, { comparison }));
  }
}

function notFoundAsNull(err: unknown): null {
  if (err instanceof Problem && err.status === 404) return null;
  throw err;
}
