import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { UsersModule } from '../users/users.module.js';
import { AdminPagesController } from './admin/admin-pages.controller.js';
import { createCsrf } from './csrf.js';
import { PortalPagesController } from './portal/portal-pages.controller.js';
import { CSRF } from './web.tokens.js';

@Module({
  imports: [AuthModule, UsersModule, AgenciesModule],
  controllers: [PortalPagesController, AdminPagesController],
  providers: [{ provide: CSRF, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createCsrf(config) }],
  exports: [CSRF],
})
export class WebModule {}
