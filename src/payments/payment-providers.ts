import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import type { OnlineProviderName, PaymentProvider } from './providers/payment-provider.js';
import { SandboxProvider } from './providers/sandbox-provider.js';
import { StripeProvider, stripeClient } from './providers/stripe-provider.js';

/**
 * The providers this portal runs with: Stripe when its keys are set, else the
 * sandbox. Only the active one opens checkouts and takes notifications; a
 * payment keeps the provider it was made with for its refund and look-ups.
 */
@Injectable()
export class PaymentProviders {
  readonly active: PaymentProvider;
  /** Set only when no Stripe key is: the sandbox never runs beside real payments. */
  readonly sandbox: SandboxProvider | null;
  private readonly byName = new Map<OnlineProviderName, PaymentProvider>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.appSecret) throw new Error('PaymentProviders needs the app secret');
    const sandbox = new SandboxProvider(config.appSecret);
    this.byName.set('SANDBOX', sandbox);
    if (config.stripe) {
      const stripe = new StripeProvider(stripeClient(config.stripe), config.stripe.webhookSecret);
      this.byName.set('STRIPE', stripe);
      this.active = stripe;
      this.sandbox = null;
    } else {
      this.active = sandbox;
      this.sandbox = sandbox;
    }
  }

  /** The provider a payment was made with. */
  of(name: string): PaymentProvider {
    const provider = this.byName.get(name as OnlineProviderName);
    if (!provider) throw new Error(`no payment provider ${name} here`);
    return provider;
  }

  /** Who may notify now: the active provider only. */
  notifier(name: OnlineProviderName): PaymentProvider | null {
    return this.active.name === name ? this.active : null;
  }
}
