import { Module } from '@nestjs/common';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { SigningModule } from '../signing/signing.module.js';
import { WebModule } from '../web/web.module.js';
import { DocumentPagesController } from './document-pages.controller.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { LookupModule } from './lookup/lookup.module.js';

/**
 * The one-stop forms of a dossier as PDF (API and pages), and the public
 * lookup their QR codes open.
 */
@Module({
  imports: [DossiersModule, WebModule, LookupModule, SigningModule],
  controllers: [DocumentsController, DocumentPagesController],
  providers: [DocumentsService],
})
export class DocumentsModule {}
