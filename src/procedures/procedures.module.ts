import { Module } from '@nestjs/common';
import { CatalogueService } from './catalogue.service.js';
import { ProcedureAdminController } from './procedure-admin.controller.js';
import { ProcedureAdminService } from './procedure-admin.service.js';
import { ProceduresController } from './procedures.controller.js';

@Module({
  controllers: [ProceduresController, ProcedureAdminController],
  providers: [CatalogueService, ProcedureAdminService],
  exports: [CatalogueService, ProcedureAdminService],
})
export class ProceduresModule {}
