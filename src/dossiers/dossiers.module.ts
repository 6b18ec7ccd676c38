import { Module, type OnModuleInit } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { AssignmentService } from './assignment.service.js';
import { CounterIntakeService } from './counter-intake.service.js';
import { CounterController } from './counter.controller.js';
import { DossierCommandsService } from './dossier-commands.service.js';
import { DossierContextService } from './dossier-context.service.js';
import { DossierFilesService } from './dossier-files.service.js';
import { DossierHooks } from './dossier-hooks.js';
import { DossierQueriesService } from './dossier-queries.service.js';
import { DossiersController } from './dossiers.controller.js';
import { createFileStorage } from './files/storage-factory.js';
import { FILE_STORAGE } from './files/storage.js';
import { validateTable } from './lifecycle.js';
import { WorkspaceQueriesService } from './workspace-queries.service.js';
import { WorkspaceController } from './workspace.controller.js';

@Module({
  imports: [CalendarModule],
  controllers: [DossiersController, CounterController, WorkspaceController],
  providers: [
    DossierCommandsService,
    DossierQueriesService,
    DossierContextService,
    DossierHooks,
    CounterIntakeService,
    AssignmentService,
    DossierFilesService,
    WorkspaceQueriesService,
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createFileStorage(config),
    },
  ],
  exports: [
    DossierCommandsService,
    DossierHooks,
    DossierQueriesService,
    DossierContextService,
    CounterIntakeService,
    AssignmentService,
    DossierFilesService,
    WorkspaceQueriesService,
    FILE_STORAGE,
  ],
})
export class DossiersModule implements OnModuleInit {
  /** A broken transition table must stop the portal at start-up, not surface on the first dossier. */
  onModuleInit(): void {
    const problems = validateTable();
    if (problems.length > 0) throw new Error(`The dossier lifecycle table is inconsistent: ${problems.join('; ')}`);
  }
}
