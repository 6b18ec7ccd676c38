import { Module } from '@nestjs/common';
import { StatsModule } from '../../stats/stats.module.js';
import { TransparencyPagesController } from '../transparency/transparency-pages.controller.js';
import { WebModule } from '../web.module.js';
import { WorkspacePagesModule } from '../workspace/workspace-pages.module.js';
import { ChartAssetController } from './chart-asset.controller.js';
import { DashboardChoices } from './dashboard-choices.service.js';
import { DashboardDossierController } from './dashboard-dossier.controller.js';
import { DashboardPagesController } from './dashboard-pages.controller.js';

/** The managers' dashboard, its drill-down (down to each dossier, read-only) and exports, and the public transparency page. */
@Module({
  imports: [WebModule, StatsModule, WorkspacePagesModule],
  controllers: [DashboardPagesController, DashboardDossierController, TransparencyPagesController, ChartAssetController],
  providers: [DashboardChoices],
})
export class DashboardPagesModule {}
