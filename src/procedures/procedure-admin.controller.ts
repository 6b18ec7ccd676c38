import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiAuthGuard, CurrentUser, Roles } from '../auth/guards.js';
import { API_PREFIX } from '../common/api.js';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import type { DefinitionChange } from './definition-diff.js';
import { ProcedureAdminService } from './procedure-admin.service.js';
import { DiffQueryDto, PROCEDURE_BODY_SCHEMA, toVersionSummary, VersionRefResponse, VersionSummary } from './procedure.dto.js';

const versionPipe = new ParseIntPipe({ exceptionFactory: () => Problem.notFound('procedure.versionNotFound') });

@ApiTags('admin')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/admin/procedures`)
@UseGuards(ApiAuthGuard)
@Roles('ADMIN')
export class ProcedureAdminController {
  constructor(private readonly procedures: ProcedureAdminService) {}

  @Get()
  @ApiOkResponse({ description: 'Every procedure with its version in force and its latest version' })
  async list() {
    return { items: await this.procedures.list() };
  }

  @Post()
  @ApiBody({ schema: PROCEDURE_BODY_SCHEMA as object })
  @ApiCreatedResponse({ type: VersionRefResponse, description: 'The procedure with its first version, a draft' })
  create(@Body() body: Record<string, unknown>, @CurrentUser() admin: Principal): Promise<VersionRefResponse> {
    return this.procedures.create(body, admin);
  }

  @Get(':code/versions')
  @ApiOkResponse({ type: [VersionSummary] })
  async versions(@Param('code') code: string): Promise<{ items: VersionSummary[] }> {
    return { items: (await this.procedures.versions(code)).map(toVersionSummary) };
  }

  @Post(':code/versions')
  @ApiBody({ schema: PROCEDURE_BODY_SCHEMA as object, required: false, description: 'Omit to copy the latest version' })
  @ApiCreatedResponse({ type: VersionRefResponse, description: 'A new draft version' })
  createVersion(
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() admin: Principal,
  ): Promise<VersionRefResponse> {
    return this.procedures.createVersion(code, body, admin);
  }

  @Get(':code/versions/:n')
  async version(@Param('code') code: string, @Param('n', versionPipe) n: number) {
    const v = await this.procedures.version(code, n);
    return { ...toVersionSummary(v), code, definition: v.definition };
  }

  @Put(':code/versions/:n')
  @ApiBody({ schema: PROCEDURE_BODY_SCHEMA as object })
  @ApiOkResponse({ type: VersionRefResponse })
  update(
    @Param('code') code: string,
    @Param('n', versionPipe) n: number,
    @Body() body: Record<string, unknown>,
    @CurrentUser() admin: Principal,
  ): Promise<VersionRefResponse> {
    return this.procedures.updateDraft(code, n, body, admin);
  }

  @Post(':code/versions/:n/publish')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The version is frozen and in force' })
  publish(@Param('code') code: string, @Param('n', versionPipe) n: number, @CurrentUser() admin: Principal) {
    return this.procedures.publish(code, n, admin);
  }

  @Get(':code/diff')
  @ApiOkResponse({ description: 'What changed between two versions, leaf by leaf' })
  async diff(@Param('code') code: string, @Query() q: DiffQueryDto): Promise<{ changes: DefinitionChange[] }> {
    return { changes: await this.procedures.diff(code, q.from, q.to) };
  }
}
