import { Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/guards.js';
import { Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { LANGS, t } from '../../i18n/i18n.js';
import { PaymentCheckoutService } from '../../payments/payment-checkout.service.js';
import { PaymentNotificationsService } from '../../payments/payment-notifications.service.js';
import { PaymentProviders } from '../../payments/payment-providers.js';
import { EReceiptService } from '../../payments/receipt/e-receipt.service.js';
import { localized } from '../../procedures/forms/definition.js';
import { formatFee } from '../procedures/format.js';
import { pageLang, setFlash } from '../page-context.js';
import { SignedIn, WebSessionGuard } from '../web-session.guard.js';
import { PaymentPageQueries } from './payment-page-queries.js';
import { receiptHref } from './payment-panel.js';

/**
 * The citizen's side of paying: "Pay" on the dossier page, the page the
 * checkout returns to (which waits for the provider's confirmation, never
 * taking the return itself as proof), the sandbox checkout, the e-receipt.
 */
@ApiExcludeController()
@Controller()
@UseGuards(WebSessionGuard)
@SignedIn()
export class CitizenPaymentPagesController {
  constructor(
    private readonly checkout: PaymentCheckoutService,
    private readonly notifications: PaymentNotificationsService,
    private readonly providers: PaymentProviders,
    private readonly queries: PaymentPageQueries,
    private readonly receipts: EReceiptService,
  ) {}

  @Post('dossiers/:id/pay')
  @HttpCode(200)
  async pay(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    try {
      const started = await this.checkout.start(user, id);
      res.redirect(303, started.checkoutUrl);
    } catch (err) {
      if (!(err instanceof Problem) || (err.status !== 409 && err.status !== 503)) throw err;
      setFlash(res, err.code);
      res.redirect(303, `/dossiers/${encodeURIComponent(id)}`);
    }
  }

  @Get('dossiers/:id/payment-return')
  async returned(@Param('id') id: string, @Query('payment') paymentId: unknown, @CurrentUser() user: Principal, @Res() res: Response) {
    const lang = pageLang(res);
    const p = await this.queries.own(user, paymentId);
    if (p.dossierId !== id) throw Problem.notFound('payment.notFound');
    const state = p.status === 'PAID' || p.status === 'REFUNDED' ? 'paid' : p.status === 'PENDING' ? 'confirming' : 'failed';
    res.render('pages/payments/return', {
      title: t(lang, 'payment.return.title'),
      state,
      confirming: state === 'confirming',
      // Paid on a draft: the dossier still has to be submitted, and the page says so.
      message: t(lang, state === 'paid' && p.dossierStatus === 'DRAFT' ? 'payment.return.paidDraft' : `payment.return.${state}`),
      submitHref: state === 'paid' && p.dossierStatus === 'DRAFT' ? `/dossiers/${p.dossierId}/review` : null,
      amount: formatFee(p.amount, lang),
      status: t(lang, `payment.status.${p.status}`),
      refreshHref: `/dossiers/${p.dossierId}/payment-return?payment=${p.id}`,
      dossierHref: `/dossiers/${p.dossierId}`,
      receiptHref: state === 'paid' ? receiptHref(p.id) : null,
    });
  }

  /** The sandbox's checkout page: only while the sandbox is the provider, only for the payer. */
  @Get('payments/sandbox/:paymentId')
  async sandbox(@Param('paymentId') paymentId: string, @CurrentUser() user: Principal, @Res() res: Response) {
    if (!this.providers.sandbox) throw Problem.notFound();
    const lang = pageLang(res);
    const p = await this.queries.own(user, paymentId);
    const open = p.status === 'PENDING' && p.provider === 'SANDBOX' && (!p.expiresAt || p.expiresAt > new Date());
    res.render('pages/payments/sandbox', {
      title: t(lang, 'payment.sandbox.title'),
      // Both languages on every checkout, each half marked with its own `lang` for screen readers.
      banner: LANGS.map((l) => ({ lang: l, text: t(l, 'payment.sandbox.banner') })),
      warning: t(lang, 'payment.sandbox.warning'),
      otherWarning: LANGS.filter((l) => l !== lang).map((l) => ({ lang: l, text: t(l, 'payment.sandbox.warningShort') })),
      amount: formatFee(p.amount, lang),
      dossier: p.dossierCode ? `${p.dossierCode} — ${localized(p.procedureName, lang)}` : localized(p.procedureName, lang),
      open,
      closed: open ? null : t(lang, 'payment.sandbox.closed', { status: t(lang, `payment.status.${p.status}`) }),
      payAction: `/payments/sandbox/${p.id}/succeeded`,
      failAction: `/payments/sandbox/${p.id}/failed`,
      dossierHref: `/dossiers/${p.dossierId}`,
    });
  }

  /** The sandbox's buttons: a signed notification, through the same verify-and-apply path as Stripe's webhook. */
  @Post('payments/sandbox/:paymentId/:result')
  @HttpCode(200)
  async sandboxResult(
    @Param('paymentId') paymentId: string,
    @Param('result') result: string,
    @CurrentUser() user: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const sandbox = this.providers.sandbox;
    if (!sandbox || (result !== 'succeeded' && result !== 'failed')) throw Problem.notFound();
    const p = await this.queries.own(user, paymentId);
    if (p.status === 'PENDING' && p.provider === 'SANDBOX' && (!p.expiresAt || p.expiresAt > new Date())) {
      const { body, signature } = sandbox.notification(p.id, result);
      await this.notifications.receive('SANDBOX', body, signature);
    }
    res.redirect(303, `/dossiers/${p.dossierId}/payment-return?payment=${p.id}`);
  }

  @Get('payments/:paymentId/e-receipt.pdf')
  async receipt(@Param('paymentId') paymentId: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const file = await this.receipts.render(user, paymentId);
    res
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${file.fileName}"`,
        'Cache-Control': 'private, no-store',
      })
      .send(file.pdf);
  }
}
