import { Controller, Get, Header, Param, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser } from '../auth/guards.js';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { SignedIn, WebSessionGuard } from '../web/web-session.guard.js';
import { isDocumentForm } from './document-view.js';
import { DocumentsService, pdfFile } from './documents.service.js';

/** The same documents for the pages, with the session cookie: signed-out people are sent to sign in first. */
@ApiExcludeController()
@Controller('dossiers')
@UseGuards(WebSessionGuard)
export class DocumentPagesController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':id/receipt.pdf')
  @SignedIn()
  @Header('Cache-Control', 'private, no-store')
  async receipt(@Param('id') id: string, @CurrentUser() user: Principal) {
    return pdfFile(await this.documents.render(user, id, '01'));
  }

  @Get(':id/documents/:form.pdf')
  @SignedIn()
  @Header('Cache-Control', 'private, no-store')
  async document(@Param('id') id: string, @Param('form') form: string, @CurrentUser() user: Principal) {
    if (!isDocumentForm(form)) throw Problem.notFound('document.notIssued');
    return pdfFile(await this.documents.render(user, id, form));
  }
}
