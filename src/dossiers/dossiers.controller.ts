import { Body, Controller, Get, HttpCode, Param, Post, Patch, Query, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ApiAuthGuard, CurrentUser } from '../auth/guards.js';
import { API_PREFIX } from '../common/api.js';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { DossierCommandsService } from './dossier-commands.service.js';
import { DossierQueriesService } from './dossier-queries.service.js';
import {
  ActionDto,
  AnswerSupplementDto,
  CreateDossierDto,
  DossierListQuery,
  toDossierResponse,
  toDossierSummary,
  UpdateDossierDto,
  UploadFileDto,
} from './dossier.dto.js';
import { DOSSIER_ACTIONS, type DossierAction } from './lifecycle.js';

/** Actions that are not the staff's: they have their own routes (or are the portal's timers). */
const NOT_STAFF_ACTIONS = new Set<DossierAction>(['submit', 'withdraw', 'answer-supplement', 'stop']);
/** The largest upload the server reads; each component has its own, smaller, limit. */
const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/dossiers`)
@UseGuards(ApiAuthGuard)
export class DossiersController {
  constructor(
    private readonly commands: DossierCommandsService,
    private readonly queries: DossierQueriesService,
  ) {}

  @Post()
  async create(@Body() dto: CreateDossierDto, @CurrentUser() user: Principal) {
    const d = await this.commands.createDraft(user, dto);
    return toDossierResponse(await this.queries.get(user, d.id));
  }

  @Get()
  async list(@Query() query: DossierListQuery, @CurrentUser() user: Principal) {
    const page = await this.queries.list(user, query);
    return { ...page, items: page.items.map(toDossierSummary) };
  }

  @Get(':id')
  async get(@Param('id') id: string, @CurrentUser() user: Principal) {
    return toDossierResponse(await this.queries.get(user, id));
  }

  @Patch(':id')
  async update(@Param('id') id: string, @Body() dto: UpdateDossierDto, @CurrentUser() user: Principal) {
    await this.commands.updateForm(user, id, dto.formData);
    return toDossierResponse(await this.queries.get(user, id));
  }

  @Post(':id/files')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  async upload(
    @Param('id') id: string,
    @Body() dto: UploadFileDto,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
    @CurrentUser() user: Principal,
  ) {
    if (!file) throw Problem.validation([{ path: 'file', code: 'dossier.fileRequired' }]);
    const saved = await this.commands.attachFile(user, id, {
      componentCode: dto.componentCode,
      fileName: file.originalname,
      bytes: file.buffer,
    });
    return { id: saved.id, sha256: saved.sha256, mimeType: saved.mimeType, size: saved.sizeBytes };
  }

  @Post(':id/submit')
  @HttpCode(200)
  async submit(@Param('id') id: string, @CurrentUser() user: Principal) {
    await this.commands.submit(user, id);
    return toDossierResponse(await this.queries.get(user, id));
  }

  @Post(':id/answer-supplement')
  @HttpCode(200)
  async answer(@Param('id') id: string, @Body() dto: AnswerSupplementDto, @CurrentUser() user: Principal) {
    await this.commands.answerSupplement(user, id, dto);
    return toDossierResponse(await this.queries.get(user, id));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  async withdraw(@Param('id') id: string, @CurrentUser() user: Principal) {
    await this.commands.act(user, id, 'withdraw', {});
    return toDossierResponse(await this.queries.get(user, id));
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  async action(@Param('id') id: string, @Param('action') action: string, @Body() dto: ActionDto, @CurrentUser() user: Principal) {
    if (!(DOSSIER_ACTIONS as readonly string[]).includes(action) || NOT_STAFF_ACTIONS.has(action as DossierAction)) {
      throw Problem.notFound();
    }
    await this.commands.act(user, id, action as DossierAction, dto);
    return toDossierResponse(await this.queries.get(user, id, true));
  }
}
