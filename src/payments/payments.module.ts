import { Module, type OnModuleInit } from '@nestjs/common';
import { DossierHooks } from '../dossiers/dossier-hooks.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { JobQueueModule } from '../jobs/job-queue.module.js';
import { JobQueue } from '../jobs/job-queue.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxDispatcher } from '../notifications/outbox-dispatcher.js';
import { SigningModule } from '../signing/signing.module.js';
import { PaymentCheckoutService } from './payment-checkout.service.js';
import { PaymentCounterService } from './payment-counter.service.js';
import { REFUND_OUTBOX_KIND } from './payment-ledger.js';
import { PaymentNotificationsService } from './payment-notifications.service.js';
import { PaymentProviders } from './payment-providers.js';
import { PaymentRecheckJob } from './payment-recheck.job.js';
import { PaymentRules } from './payment-rules.js';
import { PaymentWebhooksController } from './payment-webhooks.controller.js';
import { PaymentsReportService } from './payments-report.service.js';
import { PaymentsController } from './payments.controller.js';
import { EReceiptService } from './receipt/e-receipt.service.js';
import { RefundHandler } from './refund-handler.js';

/**
 * Fees and payment (DOMAIN.md): checkouts at Stripe or the sandbox, their
 * notifications, the lifecycle's payment rules, refunds from the outbox,
 * cash and exemptions at the counter, e-receipts, the managers' list.
 */
@Module({
  imports: [DossiersModule, NotificationsModule, JobQueueModule, SigningModule],
  controllers: [PaymentsController, PaymentWebhooksController],
  providers: [
    PaymentProviders,
    PaymentCheckoutService,
    PaymentCounterService,
    PaymentNotificationsService,
    PaymentRules,
    RefundHandler,
    PaymentRecheckJob,
    PaymentsReportService,
    EReceiptService,
  ],
  exports: [
    PaymentProviders,
    PaymentCheckoutService,
    PaymentCounterService,
    PaymentNotificationsService,
    EReceiptService,
    PaymentsReportService,
  ],
})
export class PaymentsModule implements OnModuleInit {
  constructor(
    private readonly hooks: DossierHooks,
    private readonly rules: PaymentRules,
    private readonly dispatcher: OutboxDispatcher,
    private readonly refunds: RefundHandler,
    private readonly queue: JobQueue,
    private readonly recheck: PaymentRecheckJob,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      beforeTransition: (event) => this.rules.beforeTransition(event),
      afterTransition: (event) => this.rules.afterTransition(event),
    });
    this.dispatcher.register(REFUND_OUTBOX_KIND, this.refunds.handle);
    this.queue.register({ name: PaymentRecheckJob.NAME, cron: '*/5 * * * *', expireInSeconds: 15 * 60, run: () => this.recheck.runOnce() });
  }
}
