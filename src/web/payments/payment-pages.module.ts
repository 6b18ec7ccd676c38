import { Module } from '@nestjs/common';
import { DossiersModule } from '../../dossiers/dossiers.module.js';
import { PaymentsModule } from '../../payments/payments.module.js';
import { WebModule } from '../web.module.js';
import { CitizenPaymentPagesController } from './citizen-payment-pages.controller.js';
import { PaymentListPagesController } from './payment-list-pages.controller.js';
import { PaymentPageQueries } from './payment-page-queries.js';
import { StaffFeePagesController } from './staff-fee-pages.controller.js';

/** The payment pages: paying (and the sandbox checkout), the counter's fee page, the managers' list. */
@Module({
  imports: [WebModule, DossiersModule, PaymentsModule],
  controllers: [CitizenPaymentPagesController, StaffFeePagesController, PaymentListPagesController],
  providers: [PaymentPageQueries],
})
export class PaymentPagesModule {}
