import { Module } from '@nestjs/common';
import { DossiersModule } from '../dossiers.module.js';
import { DossierImportController } from './import.controller.js';
import { DossierImportService } from './import.service.js';

/** Moving a merged province's old one-stop data in: `POST /admin/dossiers/import`. */
@Module({
  imports: [DossiersModule],
  controllers: [DossierImportController],
  providers: [DossierImportService],
})
export class DossierImportModule {}
