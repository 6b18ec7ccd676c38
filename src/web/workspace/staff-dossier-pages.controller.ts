import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/guards.js';
import { Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { validateInput } from '../../common/validation.js';
import { AssignDto } from '../../dossiers/assignment.dto.js';
import { AssignmentService } from '../../dossiers/assignment.service.js';
import { DossierCommandsService } from '../../dossiers/dossier-commands.service.js';
import { DossierFilesService, fileHeaders } from '../../dossiers/dossier-files.service.js';
import { DossierQueriesService } from '../../dossiers/dossier-queries.service.js';
import { ActionDto } from '../../dossiers/dossier.dto.js';
import { WORKSPACE_ROLES } from '../../dossiers/workspace-queues.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { formWithErrors } from '../form.js';
import { pageLang, setFlash } from '../page-context.js';
import { WebSessionGuard } from '../web-session.guard.js';
import { ACTION_FIELDS, actionBody, parseStaffAction, type StaffPageAction } from './action-forms.js';
import { StaffDossierLoader } from './staff-dossier-loader.js';
import { staffDossierView, type PageFailure } from './staff-dossier-view.js';
import { actionLabel } from './workspace-format.js';

const LABELS = {
  items: 'workspace.field.items',
  reason: 'workspace.field.reason',
  toStep: 'workspace.field.toStep',
  toAgencyCode: 'workspace.field.toAgencyCode',
  assigneeId: 'workspace.field.assigneeId',
  newDueAt: 'workspace.field.newDueAt',
  comment: 'workspace.field.comment',
} as const;

/**
 * The officer's dossier page and its forms. Every form posts the version the
 * officer saw: a stale page gets the 409 message and a reload link; bad input
 * comes back beside its field; success is a flash message (post/redirect/get).
 */
@ApiExcludeController()
@Controller('workspace/dossiers')
@UseGuards(WebSessionGuard)
@Roles(...WORKSPACE_ROLES)
export class StaffDossierPagesController {
  constructor(
    private readonly loader: StaffDossierLoader,
    private readonly commands: DossierCommandsService,
    private readonly assignment: AssignmentService,
    private readonly queries: DossierQueriesService,
    private readonly files: DossierFilesService,
  ) {}

  @Get(':id')
  async page(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    res.render('pages/workspace/dossier', staffDossierView(await this.loader.load(user, id), pageLang(res)));
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  async act(
    @Param('id') id: string,
    @Param('action') name: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const action = parseStaffAction(name);
    if (!action) throw Problem.notFound();
    const lang = pageLang(res);
    try {
      await this.commands.act(user, id, action, await validateInput(ActionDto, actionBody(action, body)));
      setFlash(res, 'workspace.done', actionLabel(action, lang));
      res.redirect(303, await this.afterwards(user, id));
    } catch (err) {
      await this.fail(res, user, id, action, err, body, lang);
    }
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('RECEPTIONIST', 'SPECIALIST', 'LEADER')
  async assign(@Param('id') id: string, @Body() body: Record<string, unknown>, @CurrentUser() user: Principal, @Res() res: Response) {
    const lang = pageLang(res);
    try {
      const dto = await validateInput(AssignDto, { version: body.version, assigneeId: body.assigneeId });
      const { assignee } = await this.assignment.assign(user, id, dto.assigneeId ?? null, dto.version);
      setFlash(res, 'workspace.assign.done', assignee.fullName);
      res.redirect(303, `/workspace/dossiers/${id}`);
    } catch (err) {
      await this.fail(res, user, id, 'assign', err, body, lang);
    }
  }

  @Get(':id/files/:fileId')
  async file(@Param('id') id: string, @Param('fileId') fileId: string, @CurrentUser() user: Principal, @Res() res: Response) {
    const { file, bytes } = await this.files.open(user, id, fileId);
    res.set(fileHeaders(file)).end(Buffer.from(bytes));
  }

  /** Back to the dossier, or to the queues when it has left the officer's scope (forwarded to another agency). */
  private async afterwards(user: Principal, id: string): Promise<string> {
    const visible = await this.queries.get(user, id).then(
      () => true,
      () => false,
    );
    return visible ? `/workspace/dossiers/${id}` : '/workspace';
  }

  /** The page again, fresh, with the failed form's errors (422) or the conflict message (409); anything else goes to the error page. */
  private async fail(
    res: Response,
    user: Principal,
    id: string,
    form: StaffPageAction | 'assign',
    err: unknown,
    body: Record<string, unknown>,
    lang: Lang,
  ): Promise<void> {
    if (!(err instanceof Problem) || ![409, 422].includes(err.status)) throw err;
    const fields = form === 'assign' ? ['assigneeId'] : [...ACTION_FIELDS[form]];
    const state = formWithErrors(err, lang, body, fields, LABELS);
    // Field ids are prefixed by their form (several forms share the page).
    state.errorList = state.errorList.map((e) => ({ ...e, href: e.href === '#main-content' ? e.href : `#${form}-${e.href.slice(1)}` }));
    const failure: PageFailure = { form, state, conflict: err.status === 409 ? t(lang, err.code, err.params) : undefined };
    res.status(err.status).render('pages/workspace/dossier', staffDossierView(await this.loader.load(user, id), lang, failure));
  }
}
