import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AgenciesModule } from '../../agencies/agencies.module.js';
import { CalendarModule } from '../../calendar/calendar.module.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { DossiersModule } from '../../dossiers/dossiers.module.js';
import { ProceduresModule } from '../../procedures/procedures.module.js';
import { createCsrf } from '../csrf.js';
import { CSRF } from '../web.tokens.js';
import { CounterContextLoader } from './counter-context.js';
import { CounterPagesController } from './counter-pages.controller.js';
import { MultipartFirstMiddleware } from './multipart-first.middleware.js';
import { StaffDossierLoader } from './staff-dossier-loader.js';
import { StaffDossierPagesController } from './staff-dossier-pages.controller.js';
import { WorkspacePagesController } from './workspace-pages.controller.js';

/**
 * The staff's pages: queues, the dossier page with its action forms, the
 * counter intake. Its own CSRF tools (the page guard needs them): tokens are
 * signed with the same derived key, so they are the same as WebModule's.
 */
@Module({
  imports: [DossiersModule, CalendarModule, ProceduresModule, AgenciesModule],
  controllers: [WorkspacePagesController, StaffDossierPagesController, CounterPagesController],
  providers: [
    StaffDossierLoader,
    CounterContextLoader,
    { provide: CSRF, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createCsrf(config) },
  ],
  // The dashboard opens the dossiers behind its numbers with this page, read-only.
  exports: [StaffDossierLoader],
})
export class WorkspacePagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MultipartFirstMiddleware).forRoutes({ path: 'workspace/counter/:code', method: RequestMethod.POST });
  }
}
