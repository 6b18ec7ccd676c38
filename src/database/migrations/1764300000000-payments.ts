import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Payments1764300000000 implements MigrationInterface {
  name = 'Payments1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // One attempt to pay a dossier's fee: an online checkout (Stripe or the sandbox) or cash at the counter.
    await q.query(`
      CREATE TABLE payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL REFERENCES dossier(id),
        -- The collecting agency: the one the dossier was filed with; its receipt series numbers the e-receipt.
        agency_id uuid NOT NULL REFERENCES agency(id),
        status varchar(10) NOT NULL CHECK (status IN ('PENDING', 'PAID', 'FAILED', 'EXPIRED', 'REFUNDED')),
        channel varchar(6) NOT NULL CHECK (channel IN ('ONLINE', 'CASH')),
        provider varchar(8) NOT NULL CHECK (provider IN ('STRIPE', 'SANDBOX', 'CASH')),
        amount bigint NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL DEFAULT 'VND',
        -- The provider's checkout (Stripe: the Checkout Session id) and the payment inside it (the PaymentIntent).
        provider_ref varchar(255) CONSTRAINT payment_provider_ref_key UNIQUE,
        provider_payment_ref varchar(255),
        checkout_url text,
        expires_at timestamptz,
        payer_name varchar(255),
        recorded_by uuid REFERENCES app_user(id),
        paid_at timestamptz,
        closed_at timestamptz,
        refund_requested_at timestamptz,
        -- Paid while another payment of the same fee already was (two checkouts both paid): refunded at once.
        duplicate boolean NOT NULL DEFAULT false,
        refunded_at timestamptz,
        -- The e-receipt: series per collecting agency and calendar year (local time), numbered from 1 without gaps.
        receipt_year int,
        receipt_series varchar(20),
        receipt_no int,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status NOT IN ('PAID', 'REFUNDED') OR (paid_at IS NOT NULL AND receipt_no IS NOT NULL)),
        CHECK (status <> 'REFUNDED' OR refunded_at IS NOT NULL)
      )`);
    // Exactly one payment that went through per dossier fee (it stays the one after a refund).
    await q.query(
      `CREATE UNIQUE INDEX payment_one_paid_idx ON payment (dossier_id) WHERE status IN ('PAID', 'REFUNDED') AND NOT duplicate`,
    );
    await q.query(
      `CREATE UNIQUE INDEX payment_receipt_no_idx ON payment (agency_id, receipt_year, receipt_no) WHERE receipt_no IS NOT NULL`,
    );
    await q.query(`CREATE INDEX payment_dossier_idx ON payment (dossier_id, created_at DESC)`);
    await q.query(`CREATE INDEX payment_pending_idx ON payment (created_at) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX payment_agency_idx ON payment (agency_id, created_at DESC)`);

    // Every notification applied, by the provider's event id: a replay finds its id and changes nothing.
    await q.query(`
      CREATE TABLE payment_event (
        id varchar(255) PRIMARY KEY,
        provider varchar(8) NOT NULL,
        type varchar(80) NOT NULL,
        payment_id uuid REFERENCES payment(id),
        outcome varchar(10),
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX payment_event_payment_idx ON payment_event (payment_id)`);

    // The last e-receipt number given per collecting agency and year; taken under the row's lock.
    await q.query(`
      CREATE TABLE receipt_counter (
        agency_id uuid NOT NULL REFERENCES agency(id),
        year int NOT NULL,
        last_no int NOT NULL,
        PRIMARY KEY (agency_id, year)
      )`);

    // An applicant who pays nothing: a category the procedure version defines, granted by staff with a reason.
    await q.query(`
      CREATE TABLE fee_exemption (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL CONSTRAINT fee_exemption_dossier_key UNIQUE REFERENCES dossier(id),
        category varchar(64) NOT NULL,
        reason text NOT NULL,
        granted_by uuid NOT NULL REFERENCES app_user(id),
        granted_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fee_exemption, receipt_counter, payment_event, payment`);
  }
}
