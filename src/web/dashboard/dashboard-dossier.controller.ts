import { Controller, Get, Param, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/guards.js';
import type { Principal } from '../../common/roles.js';
import { fileHeaders } from '../../dossiers/dossier-files.service.js';
import { pageLang } from '../page-context.js';
import { WebSessionGuard } from '../web-session.guard.js';
import { StaffDossierLoader } from '../workspace/staff-dossier-loader.js';
import { staffDossierView } from '../workspace/staff-dossier-view.js';

/**
 * The dossier behind a dashboard number, read-only: the staff dossier page
 * without its forms, for whoever sees the number. Visible by the statistics'
 * rule (received by, or now at, an agency in the user's scope); anything else
 * is a 404. Reading is not an action: no event is written.
 */
@ApiExcludeController()
@Controller('dashboard/dossiers')
@UseGuards(WebSessionGuard)
@Roles('MANAGER', 'LEADER', 'ADMIN')
export class DashboardDossierController {
  constructor(private readonly loader: StaffDossierLoader) {}

  @Get(':id')
  async page(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    res.render('pages/workspace/dossier', staffDossierView(await this.loader.loadReadOnly(user, id), pageLang(res)));
  }

  @Get(':id/files/:fileId')
  async file(@Param('id') id: string, @Param('fileId') fileId: string, @CurrentUser() user: Principal, @Res() res: Response) {
    const { file, bytes } = await this.loader.openReadOnly(user, id, fileId);
    res.set(fileHeaders(file)).end(Buffer.from(bytes));
  }
}
