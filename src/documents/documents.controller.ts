import { Controller, Get, Header, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiAuthGuard, CurrentUser } from '../auth/guards.js';
import { API_PREFIX } from '../common/api.js';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { DOCUMENT_FORMS, isDocumentForm } from './document-view.js';
import { DocumentsService, pdfFile } from './documents.service.js';

const PDF_OK = { description: 'The PDF (A4, Vietnamese) with the dossier code and a QR code of the public lookup page' };
const NOT_FOUND = {
  description: 'No such dossier, or one the user may not see (`dossier.notFound`); or the form is not issued yet (`document.notIssued`)',
};

/** The one-stop forms of a dossier (receipt, supplement request, refusal, apology, stop notice, tracking slip). */
@ApiTags('documents')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/dossiers`)
@UseGuards(ApiAuthGuard)
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** Form 01: exists once the dossier is received (404 `document.notIssued` before). */
  @Get(':id/receipt.pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF_OK)
  @ApiNotFoundResponse(NOT_FOUND)
  async receipt(@Param('id') id: string, @CurrentUser() user: Principal) {
    return pdfFile(await this.documents.render(user, id, '01'));
  }

  /** Forms 01–06, each once its event has happened. */
  @Get(':id/documents/:form.pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/pdf')
  @ApiParam({ name: 'form', enum: DOCUMENT_FORMS })
  @ApiOkResponse(PDF_OK)
  @ApiNotFoundResponse(NOT_FOUND)
  async document(@Param('id') id: string, @Param('form') form: string, @CurrentUser() user: Principal) {
    if (!isDocumentForm(form)) throw Problem.notFound('document.notIssued');
    return pdfFile(await this.documents.render(user, id, form));
  }
}
