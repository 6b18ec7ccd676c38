import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiAuthGuard, CurrentUser, Roles } from '../auth/guards.js';
import { API_PREFIX } from '../common/api.js';
import type { Principal } from '../common/roles.js';
import { AssignDto } from './assignment.dto.js';
import { AssignmentService } from './assignment.service.js';
import { DossierFilesService, fileHeaders } from './dossier-files.service.js';
import { DossierQueriesService } from './dossier-queries.service.js';
import { toDossierResponse } from './dossier.dto.js';

/** The staff's routes beside the lifecycle actions: assignment, and the components' files. */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/dossiers`)
@UseGuards(ApiAuthGuard)
export class WorkspaceController {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly files: DossierFilesService,
    private readonly queries: DossierQueriesService,
  ) {}

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('RECEPTIONIST', 'SPECIALIST', 'LEADER')
  @ApiOperation({ summary: 'Assigns the dossier to an officer of its unit (event `assign`); no assigneeId: the least-loaded one' })
  async assign(@Param('id') id: string, @Body() dto: AssignDto, @CurrentUser() user: Principal) {
    await this.assignment.assign(user, id, dto.assigneeId ?? null, dto.version);
    return toDossierResponse(await this.queries.get(user, id));
  }

  @Get(':id/files/:fileId')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOperation({ summary: "A component's file, with its stored type (owner and the dossier's staff)" })
  async file(@Param('id') id: string, @Param('fileId') fileId: string, @CurrentUser() user: Principal, @Res() res: Response) {
    const { file, bytes } = await this.files.open(user, id, fileId);
    res.set(fileHeaders(file)).end(Buffer.from(bytes));
  }
}
