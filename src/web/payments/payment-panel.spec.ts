import { describe, expect, it } from 'vitest';
import type { PaymentFacts } from '../../dossiers/dossier-detail-sql.js';
import type { DossierEntity } from '../../dossiers/dossier.entity.js';
import { citizenPaymentPanel, staffPaymentPanel } from './payment-panel.js';

const dossier = (over: Partial<DossierEntity> = {}) =>
  ({ id: 'd1', feeAmount: 50000, feePayWhen: 'ON_SUBMIT', status: 'DRAFT', channel: 'ONLINE', ...over }) as DossierEntity;
const paid: PaymentFacts = {
  payment: {
    id: 'p1',
    status: 'PAID',
    channel: 'ONLINE',
    amount: 50000,
    receiptSeries: 'BL-26E',
    receiptNo: 12,
    paidAt: '2026-11-21T02:00:00Z',
  },
  exemption: null,
};

describe('citizenPaymentPanel', () => {
  it('is absent without a fee', () => {
    expect(citizenPaymentPanel({ dossier: dossier({ feeAmount: 0 }) }, 'vi')).toBeNull();
  });

  it('offers to pay an unpaid fee of an online dossier still open', () => {
    expect(citizenPaymentPanel({ dossier: dossier() }, 'vi')).toMatchObject({
      amount: '50.000 đồng',
      status: { label: 'Chưa nộp' },
      payAction: '/dossiers/d1/pay',
      receiptHref: null,
    });
    expect(citizenPaymentPanel({ dossier: dossier({ status: 'WITHDRAWN' }) }, 'vi')?.payAction).toBeNull();
    expect(citizenPaymentPanel({ dossier: dossier({ channel: 'COUNTER', status: 'IN_PROGRESS' }) }, 'vi')?.payAction).toBeNull();
  });

  it('links the e-receipt once paid, and offers no second payment', () => {
    expect(citizenPaymentPanel({ dossier: dossier(), payment: paid }, 'en')).toMatchObject({
      status: { label: 'Paid' },
      payAction: null,
      receiptHref: '/payments/p1/e-receipt.pdf',
      receipt: 'BL-26E 0000012',
    });
  });

  it('says so when the applicant is exempt', () => {
    const exempt: PaymentFacts = { payment: null, exemption: { category: 'HO_NGHEO', reason: 'x', grantedAt: '2026-11-21T02:00:00Z' } };
    expect(citizenPaymentPanel({ dossier: dossier(), payment: exempt }, 'vi')).toMatchObject({
      status: { label: 'Được miễn' },
      payAction: null,
    });
  });
});

describe('staffPaymentPanel', () => {
  it('links the counter page while the fee is unsettled', () => {
    expect(staffPaymentPanel({ dossier: dossier({ status: 'IN_PROGRESS' }) }, 'vi')?.counterHref).toBe('/workspace/dossiers/d1/fee');
    expect(staffPaymentPanel({ dossier: dossier({ status: 'IN_PROGRESS' }), payment: paid }, 'vi')?.counterHref).toBeNull();
  });
});
