import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/guards.js';
import type { Principal } from '../../common/roles.js';
import { validateInput } from '../../common/validation.js';
import { PaymentListQuery } from '../../payments/payment.dto.js';
import { parseBound, paymentsCsv } from '../../payments/payments-report.js';
import { PaymentsReportService } from '../../payments/payments-report.service.js';
import { pageLang } from '../page-context.js';
import { pick } from '../portal/portal-pages.controller.js';
import { WebSessionGuard } from '../web-session.guard.js';
import { paymentListView, PAYMENT_LIST_PAGE_SIZE, throughDay } from './payment-list-view.js';

const FILTERS = ['status', 'channel', 'procedureCode', 'from', 'to', 'page'];

/** Managers' list of fee payments, with filters and the CSV of everything the filters select. */
@ApiExcludeController()
@Controller('payments')
@UseGuards(WebSessionGuard)
@Roles('MANAGER', 'LEADER', 'ADMIN')
export class PaymentListPagesController {
  constructor(private readonly report: PaymentsReportService) {}

  @Get()
  async list(@Query() raw: Record<string, unknown>, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const q = await validateInput(PaymentListQuery, pick(raw, FILTERS), 'query');
    const found = await this.report.list(user, { ...q, from: parseBound(q.from), to: throughDay(q.to), pageSize: PAYMENT_LIST_PAGE_SIZE });
    res.render('pages/payments/list', paymentListView(found, q, pageLang(res)));
  }

  @Get('export.csv')
  async csv(@Query() raw: Record<string, unknown>, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const q = await validateInput(PaymentListQuery, pick(raw, FILTERS), 'query');
    const all = await this.report.list(user, { ...q, from: parseBound(q.from), to: throughDay(q.to) }, true);
    res
      .status(200)
      .set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="payments.csv"' })
      .send(paymentsCsv(all.items));
  }
}
