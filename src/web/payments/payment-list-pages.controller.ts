import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/guards.js';
import { Problem, type FieldError } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { validateInput } from '../../common/validation.js';
import { PaymentListQuery } from '../../payments/payment.dto.js';
import { parseBound, paymentsCsv } from '../../payments/payments-report.js';
import { PaymentsReportService } from '../../payments/payments-report.service.js';
import { formWithErrors } from '../form.js';
import { pageLang } from '../page-context.js';
import { pick } from '../portal/portal-pages.controller.js';
import { WebSessionGuard } from '../web-session.guard.js';
import { paymentListView, PAYMENT_LIST_PAGE_SIZE, throughDay } from './payment-list-view.js';

const FILTERS = ['status', 'channel', 'procedureCode', 'from', 'to', 'page'];
const LABELS = {
  status: 'payment.list.status',
  channel: 'payment.list.channel',
  procedureCode: 'payment.list.procedure',
  from: 'payment.list.from',
  to: 'payment.list.to',
} as const;

/**
 * The filters, checked; a date that is no date, or a period that ends before
 * it starts, is an error beside its field, never a filter silently dropped or an empty list.
 */
async function filtersOf(raw: Record<string, unknown>): Promise<PaymentListQuery> {
  const dates = { from: 'dashboard.filter.badFrom', to: 'dashboard.filter.badTo' } as const;
  let q: PaymentListQuery | undefined;
  let errors: FieldError[] = [];
  try {
    q = await validateInput(PaymentListQuery, pick(raw, FILTERS)); // paths as the form's fields: `from`, `to`
  } catch (err) {
    if (!(err instanceof Problem)) throw err;
    errors = err.errors.map((e) => (e.path === 'from' || e.path === 'to' ? { ...e, code: dates[e.path] } : e));
  }
  // The pattern lets through what no calendar has (2026-13-45).
  const typed = (key: 'from' | 'to') => (errors.some((e) => e.path === key) || typeof raw[key] !== 'string' ? undefined : raw[key]);
  const from = parseBound(typed('from'));
  const to = throughDay(typed('to'));
  if (typed('from') && !from) errors.push({ path: 'from', code: dates.from });
  if (typed('to') && !to) errors.push({ path: 'to', code: dates.to });
  if (from && to && from >= to) errors.push({ path: 'to', code: 'stats.period.order' });
  if (errors.length || !q) throw Problem.validation(errors);
  return q;
}

/** Managers' list of fee payments, with filters and the CSV of everything the filters select. */
@ApiExcludeController()
@Controller('payments')
@UseGuards(WebSessionGuard)
@Roles('MANAGER', 'LEADER', 'ADMIN')
export class PaymentListPagesController {
  constructor(private readonly report: PaymentsReportService) {}

  @Get()
  async list(@Query() raw: Record<string, unknown>, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    let q: PaymentListQuery;
    try {
      q = await filtersOf(raw);
    } catch (err) {
      // The form again, as typed, with each error beside its field (and no list, which would mean nothing).
      const lang = pageLang(res);
      const typed = Object.fromEntries(Object.entries(pick(raw, FILTERS)).filter((e): e is [string, string] => typeof e[1] === 'string'));
      const form = formWithErrors(err, lang, typed, Object.keys(LABELS), LABELS);
      const empty = { items: [], total: 0, page: 1, pageSize: PAYMENT_LIST_PAGE_SIZE };
      res.status(422).render('pages/payments/list', { ...paymentListView(empty, typed, lang), form, failed: true });
      return;
    }
    const found = await this.report.list(user, { ...q, from: parseBound(q.from), to: throughDay(q.to), pageSize: PAYMENT_LIST_PAGE_SIZE });
    res.render('pages/payments/list', paymentListView(found, q, pageLang(res)));
  }

  @Get('export.csv')
  async csv(@Query() raw: Record<string, unknown>, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const q = await filtersOf(raw);
    const all = await this.report.list(user, { ...q, from: parseBound(q.from), to: throughDay(q.to) }, true);
    res
      .status(200)
      .set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="payments.csv"' })
      .send(paymentsCsv(all.items));
  }
}
