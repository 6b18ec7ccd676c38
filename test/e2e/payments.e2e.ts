import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxDispatcher } from '../../src/notifications/outbox-dispatcher.js';
import { PaymentRecheckJob } from '../../src/payments/payment-recheck.job.js';
import { insertUser, login } from '../helpers/accounts.js';
import { PDF, setUpCast, simpleProcedure, type Cast } from '../helpers/dossier-fixtures.js';
import { pdfSignatures, pdfText } from '../helpers/pdf.js';
import { FakeStripe, WEBHOOK_SECRET } from '../helpers/fake-stripe.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

const FEE = 50_000;
const ON_SUBMIT = simpleProcedure('1.001193', {
  fee: {
    amount: FEE,
    currency: 'VND',
    payWhen: 'ON_SUBMIT',
    name: { vi: 'Lệ phí đăng ký khai sinh' },
    exemptions: [{ code: 'HO_NGHEO', label: { vi: 'Người thuộc hộ nghèo', en: 'Member of a poor household' } }],
  },
});
const BEFORE_RESULT = simpleProcedure('2.000815', { fee: { amount: 10_000, currency: 'VND', payWhen: 'BEFORE_RESULT' } });

let t: TestPortal;
let stripe: FakeStripe;
let cast: Cast;
let manager: string;
const WEBHOOK = '/api/v1/payments/webhooks/stripe';

beforeAll(async () => {
  stripe = await new FakeStripe().start();
  t = await startTestPortal({ STRIPE_SECRET_KEY: 'sk_test_portal', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: stripe.url });
  cast = await setUpCast(t, ON_SUBMIT);
  await t.http.post('/api/v1/admin/procedures').set(as(cast.admin)).send(BEFORE_RESULT).expect(201);
  await t.http.post('/api/v1/admin/procedures/2.000815/versions/1/publish').set(as(cast.admin)).expect(200);
  await insertUser(t, { email: 'gs@h12.gov.vn', roles: ['MANAGER'], agencyCode: 'H12' });
  manager = await login(t, 'gs@h12.gov.vn');
});
afterAll(async () => {
  await t?.close();
  await stripe?.close();
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const act = (token: string, id: string, action: string, body: Record<string, unknown>) =>
  t.http.post(`/api/v1/dossiers/${id}/actions/${action}`).set(as(token)).send(body);

/** A complete draft of `procedureCode`, ready to submit. */
async function draft(procedureCode = '1.001193'): Promise<string> {
  const d = await t.http
    .post('/api/v1/dossiers')
    .set(as(cast.citizen))
    .send({ procedureCode, agencyCode: 'H12.05', formData: { childName: 'Nguyễn Bé Na' } })
    .expect(201);
  await t.http
    .post(`/api/v1/dossiers/${d.body.id}/files`)
    .set(as(cast.citizen))
    .field('componentCode', 'GCS')
    .attach('file', PDF, 'gcs.pdf')
    .expect(201);
  return d.body.id as string;
}

async function checkout(dossierId: string): Promise<{ paymentId: string; checkoutUrl: string }> {
  const res = await t.http.post(`/api/v1/dossiers/${dossierId}/payments`).set(as(cast.citizen)).expect(201);
  return res.body as { paymentId: string; checkoutUrl: string };
}

const post = (e: { payload: string; signature: string }) =>
  t.http.post(WEBHOOK).set('Content-Type', 'application/json').set('Stripe-Signature', e.signature).send(e.payload);

const paymentRow = async (paymentId: string) =>
  (
    await t.query<{ status: string; receipt_no: number | null; receipt_series: string | null; provider_payment_ref: string | null }>(
      `SELECT status, receipt_no, receipt_series, provider_payment_ref FROM payment WHERE id = $1`,
      [paymentId],
    )
  )[0];

const dossierPayment = async (id: string) => (await t.http.get(`/api/v1/dossiers/${id}`).set(as(cast.citizen)).expect(200)).body.payment;

describe('ON_SUBMIT: checkout, webhook, submission', () => {
  let dossierId: string;
  let paymentId: string;

  it('refuses to submit before the fee is paid, listing the payment with the other problems', async () => {
    dossierId = await draft();
    expect(await dossierPayment(dossierId)).toMatchObject({ status: 'UNPAID', amount: FEE, currency: 'VND', receiptNo: null });
    const res = await t.http.post(`/api/v1/dossiers/${dossierId}/submit`).set(as(cast.citizen)).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'payment', code: 'payment.required' })]);
  });

  it('lists the unpaid fee together with the form and component problems of an incomplete draft', async () => {
    const d = await t.http
      .post('/api/v1/dossiers')
      .set(as(cast.citizen))
      .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: {} })
      .expect(201);
    const res = await t.http.post(`/api/v1/dossiers/${d.body.id}/submit`).set(as(cast.citizen)).expect(422);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['formData.childName', 'components.GCS', 'payment']));
  });

  it('opens a Stripe Checkout Session in VND with the ids in metadata, an idempotency key and return URLs to the dossier', async () => {
    const started = await checkout(dossierId);
    paymentId = started.paymentId;
    const session = stripe.sessionOf(paymentId);
    expect(started.checkoutUrl).toBe(session.url);
    const create = stripe.requests.find((r) => r.path === '/v1/checkout/sessions' && r.form['metadata[paymentId]'] === paymentId)!;
    expect(create.idempotencyKey).toBe(`checkout-${paymentId}`);
    expect(create.form).toMatchObject({
      mode: 'payment',
      'line_items[0][price_data][currency]': 'vnd',
      'line_items[0][price_data][unit_amount]': String(FEE),
      'metadata[dossierId]': dossierId,
      'payment_intent_data[metadata][paymentId]': paymentId,
    });
    expect(session.success_url).toMatch(new RegExp(`/dossiers/${dossierId}/payment-return\\?payment=${paymentId}$`));
    expect(session.cancel_url).toMatch(new RegExp(`/dossiers/${dossierId}$`));
    // Pressing "Pay" twice hands out the same open checkout.
    expect((await checkout(dossierId)).paymentId).toBe(paymentId);
    expect(await dossierPayment(dossierId)).toMatchObject({ status: 'PENDING' });
  });

  it('answers 400 to a tampered body or a wrong secret, and changes nothing', async () => {
    const event = stripe.event('checkout.session.completed', stripe.pay(stripe.sessionOf(paymentId)));
    await post({ payload: event.payload.replace(String(FEE), '1'), signature: event.signature }).expect(400);
    await post(stripe.event('checkout.session.completed', stripe.sessionOf(paymentId), 'whsec_someone_else')).expect(400);
    await t.http.post(WEBHOOK).set('Content-Type', 'application/json').send(event.payload).expect(400);
    expect((await paymentRow(paymentId)).status).toBe('PENDING');
  });

  it('marks the payment PAID with receipt number 1 on a valid notification, once however often it is replayed', async () => {
    const event = stripe.event('checkout.session.completed', stripe.sessionOf(paymentId));
    await post(event).expect(200);
    await post(event).expect(200);
    expect(await paymentRow(paymentId)).toMatchObject({
      status: 'PAID',
      receipt_no: 1,
      receipt_series: expect.stringMatching(/^BL-\d\dE$/),
    });
    expect(await t.query(`SELECT id FROM payment_event WHERE payment_id = $1`, [paymentId])).toHaveLength(1);
    expect(await dossierPayment(dossierId)).toMatchObject({ status: 'PAID', amount: FEE, receiptNo: 1, channel: 'ONLINE' });
  });

  it('refuses a new checkout for the paid dossier, and lets it be submitted', async () => {
    const res = await t.http.post(`/api/v1/dossiers/${dossierId}/payments`).set(as(cast.citizen)).expect(409);
    expect(res.body).toMatchObject({ status: 409, code: 'payment.alreadyPaid' });
    await t.http.post(`/api/v1/dossiers/${dossierId}/submit`).set(as(cast.citizen)).expect(200);
  });

  it('serves the e-receipt PDF to the payer and the agency, not to another citizen', async () => {
    const pdf = await t.http.get(`/api/v1/payments/${paymentId}/e-receipt.pdf`).set(as(cast.citizen)).buffer(true).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfSignatures(pdf.body as Buffer)).toContain('Signature Validation: Signature is Valid.');
    const words = await pdfText(pdf.body as Buffer);
    expect(words?.replace(/\s+/g, ' ')).toMatch(/Ký hiệu: BL-\d\dE Số: 0000001/);
    expect(words).toContain('Năm mươi nghìn đồng');
    await t.http.get(`/api/v1/payments/${paymentId}/e-receipt.pdf`).set(as(cast.receptionist)).expect(200);
    await t.http.get(`/api/v1/payments/${paymentId}/e-receipt.pdf`).set(as(cast.otherCitizen)).expect(404);
    await t.http.get(`/api/v1/payments/${paymentId}/e-receipt.pdf`).set(as(cast.otherReceptionist)).expect(404);
  });

  it('refunds the payment when the dossier is refused at reception, once, after the provider confirms', async () => {
    const d = (await t.http.get(`/api/v1/dossiers/${dossierId}`).set(as(cast.receptionist)).expect(200)).body;
    await act(cast.receptionist, dossierId, 'reject', { version: d.version, reason: 'Không thuộc thẩm quyền' }).expect(200);
    expect((await paymentRow(paymentId)).status).toBe('PAID'); // the provider is called after the refusal commits
    const dispatcher = t.portal.app.get(OutboxDispatcher);

    stripe.refundStatus = 'pending';
    expect(await dispatcher.runOnce()).toMatchObject({ failed: 1 });
    expect((await paymentRow(paymentId)).status).toBe('PAID');
    stripe.refunds[0].status = 'succeeded'; // the bank confirms later
    expect(await dispatcher.runOnce({ now: new Date(Date.now() + 60 * 60_000) })).toMatchObject({ processed: 1 });
    expect((await paymentRow(paymentId)).status).toBe('REFUNDED');
    expect(stripe.refunds).toHaveLength(1);
    expect(stripe.refunds[0].payment_intent).toBe(stripe.sessionOf(paymentId).payment_intent);
    // Stripe's own notification of the refund changes nothing more.
    await post(stripe.event('charge.refunded', stripe.charge(stripe.sessionOf(paymentId)))).expect(200);
    expect(await dossierPayment(dossierId)).toMatchObject({ status: 'REFUNDED', receiptNo: 1 });
    stripe.refundStatus = 'succeeded';
  });
});

describe('concurrency and order', () => {
  it('applies 20 parallel copies of one event once: one PAID, one receipt number', async () => {
    const dossierId = await draft();
    const { paymentId } = await checkout(dossierId);
    const event = stripe.event('checkout.session.completed', stripe.pay(stripe.sessionOf(paymentId)));
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(event)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const rows = await t.query<{ status: string; receipt_no: number }>(`SELECT status, receipt_no FROM payment WHERE dossier_id = $1`, [
      dossierId,
    ]);
    expect(rows).toEqual([{ status: 'PAID', receipt_no: 2 }]);
    expect(await t.query(`SELECT last_no FROM receipt_counter`)).toEqual([{ last_no: 2 }]);
  });

  it('numbers receipts without gaps or repeats when different payments are confirmed at once', async () => {
    const ids = await Promise.all([draft(), draft(), draft(), draft(), draft()]);
    const payments = await Promise.all(ids.map(checkout));
    const events = payments.map((p) => stripe.event('checkout.session.completed', stripe.pay(stripe.sessionOf(p.paymentId))));
    await Promise.all(events.map((e) => post(e).expect(200)));
    const numbers = await t.query<{ receipt_no: number }>(`SELECT receipt_no FROM payment WHERE dossier_id = ANY($1) ORDER BY receipt_no`, [
      ids,
    ]);
    expect(numbers.map((n) => n.receipt_no)).toEqual([3, 4, 5, 6, 7]);
  });

  it('follows the state machine whatever order the events come in', async () => {
    // A bank transfer: succeeded arrives before the (unpaid) completion; a late expiry changes nothing.
    const a = await checkout(await draft());
    const session = stripe.pay(stripe.sessionOf(a.paymentId), 'unpaid');
    await post(stripe.event('checkout.session.async_payment_succeeded', { ...session, payment_status: 'paid' })).expect(200);
    await post(stripe.event('checkout.session.completed', session)).expect(200);
    await post(stripe.event('checkout.session.expired', session)).expect(200);
    expect((await paymentRow(a.paymentId)).status).toBe('PAID');

    // The refund's notification before the payment's: paid, then refunded.
    const b = await checkout(await draft());
    const sb = stripe.pay(stripe.sessionOf(b.paymentId));
    await post(stripe.event('charge.refunded', stripe.charge(sb))).expect(200);
    expect((await paymentRow(b.paymentId)).status).toBe('PENDING'); // the charge is not linked to a payment yet
    await post(stripe.event('checkout.session.completed', sb)).expect(200);
    await post(stripe.event('charge.refunded', stripe.charge(sb))).expect(200);
    expect(await paymentRow(b.paymentId)).toMatchObject({ status: 'REFUNDED', receipt_no: expect.any(Number) });
    await post(stripe.event('checkout.session.completed', sb)).expect(200);
    expect((await paymentRow(b.paymentId)).status).toBe('REFUNDED');

    // A failed bank transfer, then an expiry: FAILED stays.
    const c = await checkout(await draft());
    const sc = stripe.pay(stripe.sessionOf(c.paymentId), 'unpaid');
    await post(stripe.event('checkout.session.async_payment_failed', sc)).expect(200);
    await post(stripe.event('checkout.session.expired', sc)).expect(200);
    expect(await paymentRow(c.paymentId)).toMatchObject({ status: 'FAILED', receipt_no: null });
    // A new attempt after a failure is allowed.
    expect(
      (await checkout((await t.query<{ dossier_id: string }>(`SELECT dossier_id FROM payment WHERE id = $1`, [c.paymentId]))[0].dossier_id))
        .paymentId,
    ).not.toBe(c.paymentId);
  });

  it('stores and ignores events it does not use', async () => {
    const event = stripe.event('customer.created', { id: 'cus_1', object: 'customer' });
    await post(event).expect(200);
    expect(await t.query(`SELECT payment_id, outcome FROM payment_event WHERE id = $1`, [event.id])).toEqual([
      { payment_id: null, outcome: null },
    ]);
  });
});

describe('re-checking pending payments', () => {
  it('asks Stripe about a checkout pending for more than 30 minutes and applies the answer', async () => {
    const { paymentId } = await checkout(await draft());
    stripe.pay(stripe.sessionOf(paymentId)); // paid, but the notification never came
    const job = t.portal.app.get(PaymentRecheckJob);
    await job.runOnce(new Date(Date.now() + 10 * 60_000));
    expect((await paymentRow(paymentId)).status).toBe('PENDING'); // too young to ask about
    const result = await job.runOnce(new Date(Date.now() + 31 * 60_000));
    expect(result.settled).toBeGreaterThanOrEqual(1);
    expect(await paymentRow(paymentId)).toMatchObject({ status: 'PAID', provider_payment_ref: expect.stringMatching(/^pi_/) });
  });
});

describe('exemptions and the counter', () => {
  it('lets staff exempt an applicant of a category of the procedure, who then submits without paying', async () => {
    const dossierId = await draft();
    const unknown = await t.http
      .post(`/api/v1/dossiers/${dossierId}/fee-exemption`)
      .set(as(cast.receptionist))
      .send({ category: 'NOPE', reason: 'Sổ hộ nghèo' })
      .expect(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'category' })]);
    await t.http
      .post(`/api/v1/dossiers/${dossierId}/fee-exemption`)
      .set(as(cast.citizen))
      .send({ category: 'HO_NGHEO', reason: 'x' })
      .expect(404);
    await t.http
      .post(`/api/v1/dossiers/${dossierId}/fee-exemption`)
      .set(as(cast.otherReceptionist))
      .send({ category: 'HO_NGHEO', reason: 'x' })
      .expect(404);
    await t.http
      .post(`/api/v1/dossiers/${dossierId}/fee-exemption`)
      .set(as(cast.receptionist))
      .send({ category: 'HO_NGHEO', reason: 'Giấy chứng nhận hộ nghèo số 12/2026' })
      .expect(201);
    expect(await dossierPayment(dossierId)).toMatchObject({ status: 'EXEMPT', exemption: { category: 'HO_NGHEO' } });
    await t.http.post(`/api/v1/dossiers/${dossierId}/payments`).set(as(cast.citizen)).expect(409);
    await t.http.post(`/api/v1/dossiers/${dossierId}/submit`).set(as(cast.citizen)).expect(200);
  });

  it('BEFORE_RESULT: blocks the return of the result until the fee is paid in cash at the counter', async () => {
    const dossierId = await draft('2.000815');
    let d = (await t.http.post(`/api/v1/dossiers/${dossierId}/submit`).set(as(cast.citizen)).expect(200)).body;
    d = (await act(cast.receptionist, dossierId, 'receive', { version: d.version }).expect(200)).body;
    d = (await act(cast.specialist, dossierId, 'propose-result', { version: d.version }).expect(200)).body;
    d = (await act(cast.leader, dossierId, 'approve', { version: d.version }).expect(200)).body;
    expect(d.status).toBe('RESULT_READY');
    const blocked = await act(cast.receptionist, dossierId, 'return-result', { version: d.version }).expect(409);
    expect(blocked.body).toMatchObject({ status: 409, code: 'payment.required' });

    const cash = await t.http.post(`/api/v1/dossiers/${dossierId}/payments/cash`).set(as(cast.receptionist)).expect(201);
    expect(cash.body).toMatchObject({ status: 'PAID', amount: 10_000, currency: 'VND', receiptNo: expect.any(Number) });
    await t.http.post(`/api/v1/dossiers/${dossierId}/payments/cash`).set(as(cast.receptionist)).expect(409);
    await act(cast.receptionist, dossierId, 'return-result', { version: d.version }).expect(200);
    const row = await t.query(`SELECT channel, provider, status FROM payment WHERE dossier_id = $1`, [dossierId]);
    expect(row).toEqual([{ channel: 'CASH', provider: 'CASH', status: 'PAID' }]);
  });
});

describe('managers', () => {
  it('lists the payments of their agencies with filters, and exports them as CSV', async () => {
    const all = await t.http.get('/api/v1/payments?pageSize=100').set(as(manager)).expect(200);
    expect(all.body.total).toBeGreaterThan(5);
    const cash = await t.http.get('/api/v1/payments?channel=CASH').set(as(manager)).expect(200);
    expect(cash.body.items).toEqual([
      expect.objectContaining({ channel: 'CASH', provider: 'CASH', status: 'PAID', amount: 10_000, agencyCode: 'H12.05' }),
    ]);
    const refunded = await t.http.get('/api/v1/payments?status=REFUNDED&procedureCode=1.001193').set(as(manager)).expect(200);
    expect(refunded.body.items.every((p: { status: string }) => p.status === 'REFUNDED')).toBe(true);
    expect((await t.http.get('/api/v1/payments?from=2000-01-01&to=2000-02-01').set(as(manager)).expect(200)).body.total).toBe(0);
    await t.http.get('/api/v1/payments?status=LOST').set(as(manager)).expect(422);
    const csv = await t.http.get('/api/v1/payments?format=csv&channel=CASH').set(as(manager)).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      '\uFEFFcreatedAt,paidAt,refundedAt,dossierCode,procedureCode,agencyCode,payerName,amount,status,channel,provider,receipt,id',
    );
    expect(csv.text.split('\r\n')).toHaveLength(3);
    await t.http.get('/api/v1/payments').set(as(cast.citizen)).expect(403);
    await t.http.get('/api/v1/payments').set(as(cast.receptionist)).expect(403);
  });
});

describe('Stripe unavailable', () => {
  it('answers 503 and closes the attempt, so the next try opens a new one', async () => {
    const dossierId = await draft();
    stripe.failWith = 503;
    try {
      await t.http.post(`/api/v1/dossiers/${dossierId}/payments`).set(as(cast.citizen)).expect(503);
    } finally {
      stripe.failWith = null;
    }
    expect(await t.query(`SELECT status FROM payment WHERE dossier_id = $1`, [dossierId])).toEqual([{ status: 'FAILED' }]);
    await checkout(dossierId);
  });
});

describe('a refund that outlasts the outbox retries', () => {
  it('is asked for again by the re-check job until the provider confirms it', async () => {
    const dossierId = await draft();
    const { paymentId } = await checkout(dossierId);
    await post(stripe.event('checkout.session.completed', stripe.pay(stripe.sessionOf(paymentId)))).expect(200);
    const submitted = (await t.http.post(`/api/v1/dossiers/${dossierId}/submit`).set(as(cast.citizen)).expect(200)).body;
    await act(cast.receptionist, dossierId, 'reject', { version: submitted.version, reason: 'Sai cơ quan' }).expect(200);
    // A long outage: the row used all its attempts.
    await t.query(`UPDATE outbox SET attempts = 10 WHERE kind = 'payment.refund' AND payload->>'paymentId' = $1`, [paymentId]);
    const job = t.portal.app.get(PaymentRecheckJob);
    expect((await job.runOnce()).refundsRetried).toBe(1);
    expect((await job.runOnce()).refundsRetried).toBe(0); // one live row is enough
    await t.portal.app.get(OutboxDispatcher).runOnce();
    expect((await paymentRow(paymentId)).status).toBe('REFUNDED');
    expect(stripe.refunds.filter((r) => r.payment_intent === stripe.sessionOf(paymentId).payment_intent)).toHaveLength(1);
    expect((await job.runOnce()).refundsRetried).toBe(0);
  });
});

describe('two checkouts of one fee both paid', () => {
  it('keeps the first as the fee and refunds the second at once, each with its receipt', async () => {
    const dossierId = await draft();
    const first = await checkout(dossierId);
    // The first checkout is about to close: "Pay" opens a second one; the payer completes both.
    await t.query(`UPDATE payment SET expires_at = now() + interval '1 minute' WHERE id = $1`, [first.paymentId]);
    const second = await checkout(dossierId);
    expect(second.paymentId).not.toBe(first.paymentId);
    await post(stripe.event('checkout.session.completed', stripe.pay(stripe.sessionOf(first.paymentId)))).expect(200);
    await post(stripe.event('checkout.session.completed', stripe.pay(stripe.sessionOf(second.paymentId)))).expect(200);
    expect(await paymentRow(first.paymentId)).toMatchObject({ status: 'PAID', receipt_no: expect.any(Number) });
    expect(await paymentRow(second.paymentId)).toMatchObject({ status: 'PAID', receipt_no: expect.any(Number) });
    await t.portal.app.get(OutboxDispatcher).runOnce();
    expect((await paymentRow(second.paymentId)).status).toBe('REFUNDED');
    expect(stripe.refunds.filter((r) => r.payment_intent === stripe.sessionOf(second.paymentId).payment_intent)).toHaveLength(1);
    expect(stripe.refunds.filter((r) => r.payment_intent === stripe.sessionOf(first.paymentId).payment_intent)).toHaveLength(0);
    expect(await dossierPayment(dossierId)).toMatchObject({ status: 'PAID', paymentId: first.paymentId });
    await t.http.post(`/api/v1/dossiers/${dossierId}/submit`).set(as(cast.citizen)).expect(200);
  });
});
