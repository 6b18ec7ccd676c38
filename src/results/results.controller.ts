import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiAuthGuard, CurrentUser, Roles } from '../auth/guards.js';
import { API_PREFIX } from '../common/api.js';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { DossierQueriesService } from '../dossiers/dossier-queries.service.js';
import { DossierContextService } from '../dossiers/dossier-context.service.js';
import { resultPdf } from './result-file.js';
import { ReuseChoiceDto, StatusChangeDto, toResultStatus, toWalletItem } from './results.dto.js';
import { ResultsService } from './results.service.js';
import { ReuseService } from './reuse.service.js';

@ApiTags('results')
@ApiBearerAuth()
@Controller(API_PREFIX)
@UseGuards(ApiAuthGuard)
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly reuse: ReuseService,
    private readonly queries: DossierQueriesService,
    private readonly context: DossierContextService,
  ) {}

  /** The signed result as issued. The owner's download of a result waiting to be handed back returns the dossier (409 `payment.required` while a fee due before the result is unpaid). */
  @Get('dossiers/:id/result.pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The signed PDF, byte for byte the issued file' })
  @ApiNotFoundResponse({ description: '`dossier.notFound`, or `results.notIssued` before the approval' })
  @ApiConflictResponse({ description: 'The return is refused (e.g. `payment.required`)' })
  async download(@Param('id') id: string, @CurrentUser() user: Principal) {
    return resultPdf(await this.results.download(user, id));
  }

  /** The results issued to the citizen, newest first; those in force can stand in for documents of later dossiers. */
  @Get('wallet')
  @Roles('CITIZEN')
  async wallet(@CurrentUser() user: Principal) {
    return { items: (await this.results.wallet(user)).map(toWalletItem) };
  }

  /** A leader of the issuing agency revokes the result; the verification page shows it at once. */
  @Post('results/:id/revoke')
  @HttpCode(200)
  async revoke(@Param('id') id: string, @Body() dto: StatusChangeDto, @CurrentUser() user: Principal) {
    return toResultStatus(await this.results.changeStatus(user, id, 'revoke', dto.reason));
  }

  /** A leader of the issuing agency replaces the result with a new one (new number, signed now). */
  @Post('results/:id/supersede')
  @HttpCode(200)
  async supersede(@Param('id') id: string, @Body() dto: StatusChangeDto, @CurrentUser() user: Principal) {
    return toResultStatus(await this.results.changeStatus(user, id, 'supersede', dto.reason));
  }

  /** For each document of the dossier that a result can stand in for: the owner's results of that procedure, and the one in use. */
  @Get('dossiers/:id/reuse')
  async reuseOptions(@Param('id') id: string, @CurrentUser() user: Principal) {
    const detail = await this.queries.get(user, id);
    const options = await this.reuse.options(detail.dossier, await this.context.definition(detail.dossier.procedureVersionId));
    return {
      items: options.map((o) => ({
        componentCode: o.componentCode,
        procedureCode: o.procedureCode,
        chosenId: o.chosenId,
        candidates: o.candidates.map((c) => ({ id: c.id, documentNo: c.documentNo, title: c.title, issuedAt: c.issuedAt.toISOString() })),
      })),
    };
  }

  /** The owner picks which wallet result stands in for a document (default: the latest in force). */
  @Put('dossiers/:id/reuse/:componentCode')
  async choose(
    @Param('id') id: string,
    @Param('componentCode') componentCode: string,
    @Body() dto: ReuseChoiceDto,
    @CurrentUser() user: Principal,
  ) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw Problem.notFound('dossier.notFound');
    await this.reuse.choose(user, id, componentCode, dto.resultId);
    return this.reuseOptions(id, user);
  }
}
