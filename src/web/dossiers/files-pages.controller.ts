import { Body, Controller, Get, HttpCode, Param, Post, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/guards.js';
import { Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { DossierCommandsService } from '../../dossiers/dossier-commands.service.js';
import { pageLang, setFlash } from '../page-context.js';
import { SignedIn, WebSessionGuard } from '../web-session.guard.js';
import { dossierPaths, uploadPath } from './filing-flow.js';
import { OwnDossiers } from './own-dossiers.service.js';
import { citizenMode } from './status-view.js';
import { supplementView } from './supplement-view.js';
import { filesView, uploadError } from './uploads-view.js';

/** The largest upload read at all; each component has its own, smaller, limit (checked by the dossier service). */
const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/**
 * The documents of a dossier: one multipart form per component. Multer reads
 * the body after the page guard, so these forms carry their CSRF token in the
 * action's query string (`?_csrf=`), which the guard accepts for multipart posts only.
 */
@ApiExcludeController()
@Controller('dossiers/:id/files')
@UseGuards(WebSessionGuard)
@SignedIn()
export class FilesPagesController {
  constructor(
    private readonly own: OwnDossiers,
    private readonly commands: DossierCommandsService,
  ) {}

  @Get()
  async files(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const d = await this.own.load(user, id);
    const mode = citizenMode(d.detail.dossier.status);
    if (mode !== 'draft') return res.redirect(303, mode === 'supplement' ? uploadPath(id, mode) : dossierPaths(id).view);
    res.render('pages/dossiers/files', filesView(d, pageLang(res)));
  }

  @HttpCode(200)
  @Post()
  // Browsers send file names as UTF-8 ("Giấy chứng sinh.pdf"); busboy would read them as Latin-1.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 }, defParamCharset: 'utf8' }))
  async upload(
    @Param('id') id: string,
    @Body() body: Record<string, unknown> | undefined,
    @UploadedFile() file: { originalname: string; buffer: Buffer; size: number } | undefined,
    @CurrentUser() user: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const d = await this.own.load(user, id);
    const mode = citizenMode(d.detail.dossier.status);
    const componentCode = typeof body?.componentCode === 'string' ? body.componentCode : '';
    try {
      if (!file || file.size === 0) throw Problem.validation([{ path: 'file', code: 'dossier.fileRequired' }]);
      await this.commands.attachFile(user, id, { componentCode, fileName: file.originalname, bytes: file.buffer });
      setFlash(res, 'filing.files.uploadedFlash', file.originalname);
      res.redirect(303, uploadPath(id, mode));
    } catch (err) {
      if (!(err instanceof Problem) || err.status !== 422) throw err;
      const lang = pageLang(res);
      const error = uploadError(err, componentCode, lang);
      if (mode === 'supplement') res.status(422).render('pages/dossiers/supplement', supplementView(d, lang, { error }));
      else res.status(422).render('pages/dossiers/files', filesView(d, lang, error));
    }
  }
}
