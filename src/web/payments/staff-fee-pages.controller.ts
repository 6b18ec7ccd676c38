import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/guards.js';
import type { Principal } from '../../common/roles.js';
import { validateInput } from '../../common/validation.js';
import { DossierContextService } from '../../dossiers/dossier-context.service.js';
import { DossierQueriesService } from '../../dossiers/dossier-queries.service.js';
import { PaymentCounterService } from '../../payments/payment-counter.service.js';
import { ExemptionDto } from '../../payments/payment.dto.js';
import { formatReceiptNo } from '../../payments/receipt-numbering.js';
import { formWithErrors } from '../form.js';
import { pageLang, setFlash } from '../page-context.js';
import { pick } from '../portal/portal-pages.controller.js';
import { WebSessionGuard } from '../web-session.guard.js';
import { staffFeeView } from './staff-fee-view.js';

/** The counter's fee page of a dossier: cash taken, or an exemption granted with its grounds. */
@ApiExcludeController()
@Controller('workspace/dossiers/:id/fee')
@UseGuards(WebSessionGuard)
@Roles('RECEPTIONIST', 'SPECIALIST', 'LEADER')
export class StaffFeePagesController {
  constructor(
    private readonly queries: DossierQueriesService,
    private readonly context: DossierContextService,
    private readonly counter: PaymentCounterService,
  ) {}

  @Get()
  async page(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    await this.render(user, id, res);
  }

  @Post('cash')
  @HttpCode(200)
  async cash(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    try {
      const p = await this.counter.recordCash(user, id);
      setFlash(res, 'payment.cashRecorded', `${p.receiptSeries} ${formatReceiptNo(p.receiptNo!)}`);
      res.redirect(303, `/workspace/dossiers/${id}`);
    } catch (err) {
      await this.render(user, id, res, formWithErrors(err, pageLang(res), {}, []));
    }
  }

  @Post('exemption')
  @HttpCode(200)
  async exemption(@Param('id') id: string, @Body() body: Record<string, unknown>, @CurrentUser() user: Principal, @Res() res: Response) {
    const values = pick(body, ['category', 'reason']);
    try {
      const dto = await validateInput(ExemptionDto, values);
      await this.counter.grantExemption(user, id, dto);
      setFlash(res, 'payment.exemptionGranted');
      res.redirect(303, `/workspace/dossiers/${id}`);
    } catch (err) {
      const state = formWithErrors(err, pageLang(res), values, ['category', 'reason'], {
        category: 'payment.counter.category',
        reason: 'payment.counter.reason',
      });
      await this.render(user, id, res, state);
    }
  }

  private async render(user: Principal, id: string, res: Response, failure?: ReturnType<typeof formWithErrors>): Promise<void> {
    const detail = await this.queries.get(user, id);
    const definition = await this.context.definition(detail.dossier.procedureVersionId);
    res.status(failure ? 422 : 200).render('pages/payments/staff-fee', staffFeeView(detail, definition, pageLang(res), failure));
  }
}
