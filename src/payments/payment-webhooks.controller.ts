import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { API_PREFIX } from '../common/api.js';
import { Problem } from '../common/problem.js';
import { PaymentNotificationsService } from './payment-notifications.service.js';

/**
 * Stripe's webhook: the raw body (kept by http.ts) is verified against the
 * `Stripe-Signature` header with STRIPE_WEBHOOK_SECRET; 400 when it does not
 * match. A 2xx is sent only once the event is durably applied (or found to
 * be a replay), so Stripe retries anything that failed.
 */
@ApiTags('payments')
@Controller(`${API_PREFIX}/payments/webhooks`)
export class PaymentWebhooksController {
  constructor(private readonly notifications: PaymentNotificationsService) {}

  @Post('stripe')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async stripe(@Req() req: Request, @Headers('stripe-signature') signature: string | undefined) {
    if (!Buffer.isBuffer(req.body)) throw Problem.badRequest('payment.badNotification');
    return { received: true, result: await this.notifications.receive('STRIPE', req.body, signature) };
  }
}
