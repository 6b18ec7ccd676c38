import { Module } from '@nestjs/common';
import { WebModule } from '../../web/web.module.js';
import { LookupPagesController } from './lookup-pages.controller.js';
import { LookupRateGuard } from './lookup-rate.guard.js';
import { LookupController } from './lookup.controller.js';
import { LookupService } from './lookup.service.js';

/** The public lookup of a dossier by its code: API, page, and the per-address limit they share. */
@Module({
  imports: [WebModule], // the CSRF tools of the page guard
  controllers: [LookupController, LookupPagesController],
  providers: [LookupService, LookupRateGuard],
})
export class LookupModule {}
