import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { ProceduresModule } from '../procedures/procedures.module.js';
import { UsersModule } from '../users/users.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { DevMailboxPagesController } from './notifications/dev-mailbox-pages.controller.js';
import { NotificationPagesController } from './notifications/notification-pages.controller.js';
import { UnreadCountInterceptor } from './notifications/unread-count.interceptor.js';
import { AdminPagesController } from './admin/admin-pages.controller.js';
import { CalendarPagesController } from './admin/calendar-pages.controller.js';
import { createCsrf } from './csrf.js';
import { PortalPagesController } from './portal/portal-pages.controller.js';
import { AdminProceduresPagesController } from './procedures/admin-procedures-pages.controller.js';
import { AdminVersionPagesController } from './procedures/admin-version-pages.controller.js';
import { ProcedurePagesController } from './procedures/procedure-pages.controller.js';
import { CSRF } from './web.tokens.js';
import { WorkspacePagesModule } from './workspace/workspace-pages.module.js';

@Module({
  imports: [AuthModule, UsersModule, AgenciesModule, CalendarModule, ProceduresModule, NotificationsModule, WorkspacePagesModule],
  controllers: [
    PortalPagesController,
    AdminPagesController,
    CalendarPagesController,
    ProcedurePagesController,
    AdminProceduresPagesController,
    AdminVersionPagesController,
    NotificationPagesController,
    DevMailboxPagesController,
  ],
  providers: [
    { provide: APP_INTERCEPTOR, useClass: UnreadCountInterceptor },
    { provide: CSRF, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createCsrf(config) },
  ],
  exports: [CSRF],
})
export class WebModule {}
