import { Module } from '@nestjs/common';
import path from 'node:path';
import { CalendarModule } from '../calendar/calendar.module.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { DossierCommandsService } from './dossier-commands.service.js';
import { DossierContextService } from './dossier-context.service.js';
import { DossierQueriesService } from './dossier-queries.service.js';
import { DossiersController } from './dossiers.controller.js';
import { FILE_STORAGE, LocalFileStorage } from './files/storage.js';

@Module({
  imports: [CalendarModule],
  controllers: [DossiersController],
  providers: [
    DossierCommandsService,
    DossierQueriesService,
    DossierContextService,
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalFileStorage(path.join(config.dataDir, 'files')),
    },
  ],
  exports: [DossierCommandsService, DossierQueriesService, DossierContextService, FILE_STORAGE],
})
export class DossiersModule {}
