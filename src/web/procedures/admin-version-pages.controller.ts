import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgenciesService } from '../../agencies/agencies.service.js';
import { CurrentUser, Roles } from '../../auth/guards.js';
import { Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { ProcedureAdminService } from '../../procedures/procedure-admin.service.js';
import type { FormState } from '../form.js';
import { pageLang, setFlash } from '../page-context.js';
import { WebSessionGuard } from '../web-session.guard.js';
import { adminPath, versionName } from './admin-procedure-view.js';
import { placesOf } from './apply-context.js';
import { editorView } from './editor-view.js';
import { editorWithErrors, parseJson, prettyJson } from './json-editor.js';

const versionPipe = new ParseIntPipe({ exceptionFactory: () => Problem.notFound('procedure.versionNotFound') });

/** One version of a procedure: the JSON editor while it is a draft (read-only once published), and publishing it. */
@ApiExcludeController()
@Controller('admin/procedures/:code/versions/:n')
@UseGuards(WebSessionGuard)
@Roles('ADMIN')
export class AdminVersionPagesController {
  constructor(
    private readonly procedures: ProcedureAdminService,
    private readonly agencies: AgenciesService,
  ) {}

  @Get('edit')
  async edit(@Param('code') code: string, @Param('n', versionPipe) n: number, @Res() res: Response): Promise<void> {
    const v = await this.procedures.version(code, n);
    res.render(
      'pages/admin/procedures/editor',
      await this.editor(code, n, pageLang(res), prettyJson(code, v.definition), v.status !== 'DRAFT'),
    );
  }

  // Pages answered by a POST are 200, not Nest's default 201.
  @HttpCode(200)
  @Post('edit')
  async save(
    @Param('code') code: string,
    @Param('n', versionPipe) n: number,
    @Body() body: Record<string, unknown>,
    @CurrentUser() admin: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const lang = pageLang(res);
    const json = typeof body.json === 'string' ? body.json : '';
    if (body._action === 'preview') return res.render('pages/admin/procedures/editor', await this.editor(code, n, lang, json));
    try {
      await this.procedures.updateDraft(code, n, parseJson(json), admin);
      setFlash(res, 'adminProcedures.saved', String(n));
      res.redirect(303, adminPath(code));
    } catch (err) {
      const form = editorWithErrors(err, json, lang);
      res.status((err as Problem).status).render('pages/admin/procedures/editor', await this.editor(code, n, lang, json, false, form));
    }
  }

  @Get('publish')
  async confirm(@Param('code') code: string, @Param('n', versionPipe) n: number, @Res() res: Response): Promise<void> {
    res.render('pages/admin/procedures/publish', await this.publishView(code, n, pageLang(res)));
  }

  @HttpCode(200)
  @Post('publish')
  async publish(
    @Param('code') code: string,
    @Param('n', versionPipe) n: number,
    @CurrentUser() admin: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const lang = pageLang(res);
    try {
      await this.procedures.publish(code, n, admin);
      setFlash(res, 'adminProcedures.published', String(n));
      res.redirect(303, adminPath(code));
    } catch (err) {
      // The world may have changed since the draft was saved (an agency removed): say what, on the same page.
      const form = editorWithErrors(err, '', lang);
      res.status((err as Problem).status).render('pages/admin/procedures/publish', { ...(await this.publishView(code, n, lang)), form });
    }
  }

  private async editor(code: string, n: number, lang: Lang, json: string, readOnly = false, form?: FormState) {
    const [v, agencies] = await Promise.all([this.procedures.version(code, n), this.agencies.list()]);
    const title = t(lang, readOnly ? 'adminProcedures.version.view' : 'adminProcedures.version.edit', { version: n, code });
    return {
      ...editorView({
        title,
        action: readOnly ? null : adminPath(code, `/versions/${n}/edit`),
        json,
        form,
        backHref: adminPath(code),
        places: placesOf(agencies),
        lang,
      }),
      name: versionName(v, lang),
    };
  }

  private async publishView(code: string, n: number, lang: Lang) {
    const v = await this.procedures.version(code, n);
    if (v.status !== 'DRAFT') throw Problem.conflict('procedure.versionPublished');
    return {
      title: t(lang, 'adminProcedures.publish.title', { version: n }),
      code,
      version: n,
      name: versionName(v, lang),
      action: adminPath(code, `/versions/${n}/publish`),
      backHref: adminPath(code),
      diffHref: n > 1 ? adminPath(code, `/diff?from=${n - 1}&to=${n}`) : null,
    };
  }
}
