import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiAuthGuard, CurrentUser, Roles } from '../auth/guards.js';
import { API_PREFIX } from '../common/api.js';
import type { Principal } from '../common/roles.js';
import { PaymentCheckoutService } from './payment-checkout.service.js';
import { PaymentCounterService } from './payment-counter.service.js';
import { ExemptionDto, PaymentListQuery } from './payment.dto.js';
import { parseBound, paymentsCsv } from './payments-report.js';
import { PaymentsReportService } from './payments-report.service.js';
import { EReceiptService } from './receipt/e-receipt.service.js';

/** Paying a dossier's fee, the counter's cash and exemptions, the managers' list, the e-receipt. */
@ApiTags('payments')
@ApiBearerAuth()
@Controller(API_PREFIX)
@UseGuards(ApiAuthGuard)
export class PaymentsController {
  constructor(
    private readonly checkout: PaymentCheckoutService,
    private readonly counter: PaymentCounterService,
    private readonly report: PaymentsReportService,
    private readonly receipts: EReceiptService,
  ) {}

  /** The citizen's checkout: go to `checkoutUrl`; the payment is confirmed by the provider's notification only. */
  @Post('dossiers/:id/payments')
  async start(@Param('id') id: string, @CurrentUser() user: Principal) {
    return this.checkout.start(user, id);
  }

  /** Cash at the counter: paid at once, with its e-receipt number. */
  @Post('dossiers/:id/payments/cash')
  async cash(@Param('id') id: string, @CurrentUser() user: Principal) {
    const p = await this.counter.recordCash(user, id);
    return { paymentId: p.id, status: p.status, amount: p.amount, currency: 'VND', receiptSeries: p.receiptSeries, receiptNo: p.receiptNo };
  }

  /** An exempt applicant pays nothing: the category must be one of the procedure version's. */
  @Post('dossiers/:id/fee-exemption')
  @HttpCode(201)
  async exempt(@Param('id') id: string, @Body() dto: ExemptionDto, @CurrentUser() user: Principal) {
    await this.counter.grantExemption(user, id, dto);
    return { category: dto.category };
  }

  /** Managers: the payments of their agencies; `format=csv` for all of them as a spreadsheet. */
  @Get('payments')
  @Roles('MANAGER', 'LEADER', 'ADMIN')
  async list(@Query() q: PaymentListQuery, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response) {
    const filter = { ...q, from: parseBound(q.from), to: parseBound(q.to) };
    if (q.format === 'csv') {
      const all = await this.report.list(user, filter, true);
      res.setHeader('Content-Disposition', 'attachment; filename="payments.csv"');
      return new StreamableFile(Buffer.from(paymentsCsv(all.items)), { type: 'text/csv; charset=utf-8' });
    }
    return this.report.list(user, filter);
  }

  @Get('payments/:id/e-receipt.pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/pdf')
  async receipt(@Param('id') id: string, @CurrentUser() user: Principal) {
    const file = await this.receipts.render(user, id);
    return new StreamableFile(file.pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="${file.fileName}"`,
      length: file.pdf.length,
    });
  }
}
