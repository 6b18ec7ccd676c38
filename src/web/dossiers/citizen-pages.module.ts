import { Module } from '@nestjs/common';
import { AgenciesModule } from '../../agencies/agencies.module.js';
import { DossiersModule } from '../../dossiers/dossiers.module.js';
import { ProceduresModule } from '../../procedures/procedures.module.js';
import { WebModule } from '../web.module.js';
import { CitizenActionsPagesController } from './citizen-actions-pages.controller.js';
import { FilesPagesController } from './files-pages.controller.js';
import { FilingPagesController } from './filing-pages.controller.js';
import { MyDossiersPagesController } from './my-dossiers-pages.controller.js';
import { OwnDossiers } from './own-dossiers.service.js';
import { StartPagesController } from './start-pages.controller.js';

/** The applicant's pages: filing a dossier for real, "My dossiers", a dossier's page, supplements and withdrawal. */
@Module({
  imports: [WebModule, DossiersModule, ProceduresModule, AgenciesModule],
  controllers: [
    StartPagesController,
    FilingPagesController,
    FilesPagesController,
    MyDossiersPagesController,
    CitizenActionsPagesController,
  ],
  providers: [OwnDossiers],
})
export class CitizenPagesModule {}
