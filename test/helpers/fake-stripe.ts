import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export const WEBHOOK_SECRET = 'whsec_test_portal_0123456789';

export interface FakeSession {
  id: string;
  object: 'checkout.session';
  url: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  payment_intent: string | null;
  amount_total: number;
  currency: string;
  metadata: Record<string, string>;
  client_reference_id: string | null;
  success_url: string;
  cancel_url: string;
  expires_at: number;
}

export interface FakeRequest {
  method: string;
  path: string;
  form: Record<string, string>;
  idempotencyKey: string | undefined;
}

/**
 * The few Stripe endpoints the adapter calls, answered from memory: checkout
 * sessions (create, retrieve) and refunds (list, create). Records every
 * request, with its idempotency key, and answers a repeated key with the first
 * answer, as Stripe does. Tests move sessions on (`pay`, `expire`) and sign
 * webhook events with the SDK's own `generateTestHeaderString`.
 */
export class FakeStripe {
  readonly requests: FakeRequest[] = [];
  readonly sessions = new Map<string, FakeSession>();
  readonly refunds: {
    id: string;
    object: 'refund';
    payment_intent: string;
    status: string;
    amount: number;
    metadata: Record<string, string>;
  }[] = [];
  /** The status new refunds get: `pending` to test the retry. */
  refundStatus = 'succeeded';
  /** Answer every call with this status (503: Stripe down). */
  failWith: number | null = null;
  private readonly byKey = new Map<string, unknown>();
  private seq = 0;
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${++this.seq}` });
          res.end(JSON.stringify(body));
        },
        (err: unknown) => {
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ error: { type: 'api_error', message: String(err) } }));
        },
      );
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  sessionOf(paymentId: string): FakeSession {
    const s = [...this.sessions.values()].find((x) => x.metadata.paymentId === paymentId);
    if (!s) throw new Error(`no session for payment ${paymentId}`);
    return s;
  }

  /** The payer paid (card): the session completes, paid, with a PaymentIntent. */
  pay(session: FakeSession, paymentStatus: 'paid' | 'unpaid' = 'paid'): FakeSession {
    session.status = 'complete';
    session.payment_status = paymentStatus;
    session.payment_intent ??= `pi_${++this.seq}`;
    return session;
  }

  expire(session: FakeSession): FakeSession {
    session.status = 'expired';
    return session;
  }

  /** A webhook event around `object`, its body and a valid signature (or one made with `secret`). */
  event(type: string, object: object, secret = WEBHOOK_SECRET, id = `evt_${++this.seq}`) {
    const payload = JSON.stringify({
      id,
      object: 'event',
      api_version: '2025-01-01',
      created: Math.floor(Date.now() / 1000),
      type,
      data: { object },
    });
    return { id, payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
  }

  /** The charge of a paid session, refunded in full (or in part). */
  charge(session: FakeSession, refunded = true) {
    return {
      id: `ch_${++this.seq}`,
      object: 'charge',
      payment_intent: session.payment_intent,
      amount: session.amount_total,
      refunded,
      metadata: {},
    };
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const raw = await new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => resolve(text));
    });
    const url = new URL(req.url ?? '/', 'http://fake');
    const form = Object.fromEntries(new URLSearchParams(req.method === 'GET' ? url.search : raw));
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    this.requests.push({ method: req.method ?? '', path: url.pathname, form, idempotencyKey });
    if (this.failWith) return { status: this.failWith, body: { error: { type: 'api_error', message: 'unavailable' } } };
    if (req.method === 'POST' && idempotencyKey && this.byKey.has(idempotencyKey))
      return { status: 200, body: this.byKey.get(idempotencyKey) };
    const answer = this.route(req.method ?? '', url.pathname, form);
    if (req.method === 'POST' && idempotencyKey && answer.status === 200) this.byKey.set(idempotencyKey, answer.body);
    return answer;
  }

  private route(method: string, path: string, form: Record<string, string>): { status: number; body: unknown } {
    const notFound = { status: 404, body: { error: { type: 'invalid_request_error', message: `no such thing: ${path}` } } };
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const id = `cs_test_${++this.seq}`;
      const metadata = Object.fromEntries(
        Object.entries(form)
          .filter(([k]) => k.startsWith('metadata['))
          .map(([k, v]) => [k.slice(9, -1), v]),
      );
      const session: FakeSession = {
        id,
        object: 'checkout.session',
        url: `https://checkout.stripe.test/c/pay/${id}`,
        status: 'open',
        payment_status: 'unpaid',
        payment_intent: null,
        amount_total: Number(form['line_items[0][price_data][unit_amount]']),
        currency: form['line_items[0][price_data][currency]'],
        metadata,
        client_reference_id: form.client_reference_id ?? null,
        success_url: form.success_url,
        cancel_url: form.cancel_url,
        expires_at: Number(form.expires_at),
      };
      this.sessions.set(id, session);
      return { status: 200, body: session };
    }
    const retrieve = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && retrieve) {
      const s = this.sessions.get(retrieve[1]);
      return s ? { status: 200, body: s } : notFound;
    }
    if (method === 'GET' && path === '/v1/refunds') {
      const data = this.refunds.filter((r) => r.payment_intent === form.payment_intent);
      return { status: 200, body: { object: 'list', data, has_more: false, url: '/v1/refunds' } };
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const s = [...this.sessions.values()].find((x) => x.payment_intent === form.payment_intent);
      if (!s) return notFound;
      const refund = {
        id: `re_${++this.seq}`,
        object: 'refund' as const,
        payment_intent: form.payment_intent,
        status: this.refundStatus,
        amount: s.amount_total,
        metadata: { paymentId: form['metadata[paymentId]'] ?? '' },
      };
      this.refunds.push(refund);
      return { status: 200, body: refund };
    }
    return notFound;
  }
}
