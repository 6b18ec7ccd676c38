import { Body, Controller, Get, HttpCode, Param, Post, Query, Render, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgenciesService } from '../../agencies/agencies.service.js';
import { CurrentUser, Roles } from '../../auth/guards.js';
import { Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { validateInput } from '../../common/validation.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { ProcedureAdminService } from '../../procedures/procedure-admin.service.js';
import { DiffQueryDto } from '../../procedures/procedure.dto.js';
import { pageLang, setFlash } from '../page-context.js';
import { WebSessionGuard } from '../web-session.guard.js';
import { adminPath, diffChoices, diffRows, procedureRows, versionName, versionRows } from './admin-procedure-view.js';
import { placesOf } from './apply-context.js';
import { editorView, previewOfText } from './editor-view.js';
import { editorWithErrors, parseJson, prettyJson } from './json-editor.js';
import { exampleProcedure } from './procedure-example.js';

/** The administrator's procedures: the list, a new procedure, one procedure's versions, the diff, the preview. */
@ApiExcludeController()
@Controller('admin/procedures')
@UseGuards(WebSessionGuard)
@Roles('ADMIN')
export class AdminProceduresPagesController {
  constructor(
    private readonly procedures: ProcedureAdminService,
    private readonly agencies: AgenciesService,
  ) {}

  @Get()
  @Render('pages/admin/procedures/list')
  async list(@Res({ passthrough: true }) res: Response) {
    const lang = pageLang(res);
    return { title: t(lang, 'adminProcedures.title'), procedures: procedureRows(await this.procedures.list(), lang) };
  }

  // Before `:code`, which would take "new" for a code.
  @Get('new')
  @Render('pages/admin/procedures/editor')
  async newForm(@Res({ passthrough: true }) res: Response) {
    const agencies = await this.agencies.list();
    const commune = agencies.find((a) => a.level === 'COMMUNE') ?? agencies[0];
    const json = prettyJson(undefined, exampleProcedure(commune?.code ?? 'H00.01'));
    return this.newEditor(pageLang(res), json, agencies);
  }

  // Pages answered by a POST are 200, not Nest's default 201.
  @HttpCode(200)
  @Post('new')
  async create(@Body() body: Record<string, unknown>, @CurrentUser() admin: Principal, @Res() res: Response): Promise<void> {
    const lang = pageLang(res);
    const json = typeof body.json === 'string' ? body.json : '';
    if (body._action === 'preview')
      return res.render('pages/admin/procedures/editor', this.newEditor(lang, json, await this.agencies.list()));
    try {
      const created = await this.procedures.create(parseJson(json), admin);
      setFlash(res, 'adminProcedures.created', created.code);
      res.redirect(303, adminPath(created.code));
    } catch (err) {
      const form = editorWithErrors(err, json, lang);
      res
        .status((err as Problem).status)
        .render('pages/admin/procedures/editor', this.newEditor(lang, json, await this.agencies.list(), form));
    }
  }

  /** The preview alone, for the editor's script to swap in while the administrator types. */
  @HttpCode(200)
  @Post('preview')
  async preview(@Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const preview = previewOfText(typeof body.json === 'string' ? body.json : '', placesOf(await this.agencies.list()), pageLang(res));
    res.render('pages/admin/procedures/preview', { layout: false, preview });
  }

  @Get(':code')
  async procedure(@Param('code') code: string, @Res() res: Response): Promise<void> {
    res.render('pages/admin/procedures/procedure', await this.procedureView(code, pageLang(res)));
  }

  /** A new draft, a copy of the latest version, opened in the editor. */
  @HttpCode(200)
  @Post(':code/versions')
  async newVersion(@Param('code') code: string, @CurrentUser() admin: Principal, @Res() res: Response): Promise<void> {
    const lang = pageLang(res);
    try {
      const created = await this.procedures.createVersion(code, {}, admin);
      setFlash(res, 'adminProcedures.draftCreated', String(created.version));
      res.redirect(303, adminPath(code, `/versions/${created.version}/edit`));
    } catch (err) {
      if (!(err instanceof Problem) || err.status !== 409) throw err;
      res.status(409).render('pages/admin/procedures/procedure', { ...(await this.procedureView(code, lang)), error: t(lang, err.code) });
    }
  }

  @Get(':code/diff')
  @Render('pages/admin/procedures/diff')
  async diff(@Param('code') code: string, @Query() raw: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lang = pageLang(res);
    const query = await validateInput(DiffQueryDto, { from: raw.from, to: raw.to }, 'query');
    const [versions, changes] = await Promise.all([this.procedures.versions(code), this.procedures.diff(code, query.from, query.to)]);
    return {
      title: t(lang, 'adminProcedures.diff.title', { from: query.from, to: query.to }),
      code,
      name: versionName(versions[0], lang),
      backHref: adminPath(code),
      action: adminPath(code, '/diff'),
      choices: diffChoices(versions, query.from, query.to),
      rows: diffRows(changes, lang),
    };
  }

  private newEditor(
    lang: Lang,
    json: string,
    agencies: Awaited<ReturnType<AgenciesService['list']>>,
    form?: ReturnType<typeof editorWithErrors>,
  ) {
    return editorView({
      title: t(lang, 'adminProcedures.new'),
      action: '/admin/procedures/new',
      json,
      form,
      backHref: '/admin/procedures',
      places: placesOf(agencies),
      lang,
    });
  }

  private async procedureView(code: string, lang: Lang) {
    const versions = await this.procedures.versions(code);
    const current = Math.max(0, ...versions.filter((v) => v.status === 'PUBLISHED').map((v) => v.version)) || null;
    const draft = versions.find((v) => v.status === 'DRAFT');
    return {
      title: `${versionName(versions[0], lang)} (${code})`,
      code,
      name: versionName(versions[0], lang),
      current,
      draft: draft
        ? {
            version: draft.version,
            editHref: adminPath(code, `/versions/${draft.version}/edit`),
            publishHref: adminPath(code, `/versions/${draft.version}/publish`),
          }
        : null,
      newVersionAction: adminPath(code, '/versions'),
      versions: versionRows(code, versions, current, lang),
      diff: versions.length > 1 ? { action: adminPath(code, '/diff'), choices: diffChoices(versions) } : null,
    };
  }
}
