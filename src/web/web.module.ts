import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { ProceduresModule } from '../procedures/procedures.module.js';
import { UsersModule } from '../users/users.module.js';
import { AdminPagesController } from './admin/admin-pages.controller.js';
import { CalendarPagesController } from './admin/calendar-pages.controller.js';
import { createCsrf } from './csrf.js';
import { PortalPagesController } from './portal/portal-pages.controller.js';
import { AdminProceduresPagesController } from './procedures/admin-procedures-pages.controller.js';
import { AdminVersionPagesController } from './procedures/admin-version-pages.controller.js';
import { ApplyContextLoader } from './procedures/apply-context.js';
import { ApplyPagesController } from './procedures/apply-pages.controller.js';
import { ProcedurePagesController } from './procedures/procedure-pages.controller.js';
import { CSRF } from './web.tokens.js';

@Module({
  imports: [AuthModule, UsersModule, AgenciesModule, CalendarModule, ProceduresModule],
  controllers: [
    PortalPagesController,
    AdminPagesController,
    CalendarPagesController,
    ProcedurePagesController,
    ApplyPagesController,
    AdminProceduresPagesController,
    AdminVersionPagesController,
  ],
  providers: [ApplyContextLoader, { provide: CSRF, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createCsrf(config) }],
  exports: [CSRF],
})
export class WebModule {}
