import { describe, expect, it } from 'vitest';
import type { PaymentListItem } from '../../payments/payments-report.js';
import { paymentListView } from './payment-list-view.js';

const item: PaymentListItem = {
  id: 'p1',
  dossierId: 'd1',
  dossierCode: 'H12.05-261121-0001',
  procedureCode: '1.001193',
  agencyCode: 'H12.05',
  payerName: 'Nguyễn Văn An',
  status: 'PAID',
  channel: 'CASH',
  provider: 'CASH',
  amount: 50000,
  receipt: 'BL-26E 0000001',
  createdAt: '2026-11-21T02:00:00.000Z',
  paidAt: '2026-11-21T02:00:00.000Z',
  refundedAt: null,
};

describe('paymentListView', () => {
  it('keeps the filters chosen, in the pager and the CSV link', () => {
    const view = paymentListView(
      { items: [item], total: 120, page: 2, pageSize: 50 },
      { status: 'PAID', from: '2026-11-01', to: '' },
      'vi',
    );
    expect(view.statuses.find((s) => s.selected)).toEqual({ value: 'PAID', label: 'Đã nộp', selected: true });
    expect(view.channels[0]).toEqual({ value: '', label: 'Tất cả', selected: true });
    expect(view.csvHref).toBe('/payments/export.csv?status=PAID&from=2026-11-01');
    expect(view.previousHref).toBe('/payments?status=PAID&from=2026-11-01&page=1');
    expect(view.nextHref).toBe('/payments?status=PAID&from=2026-11-01&page=3');
    expect(view.pageLabel).toBe('Trang 2/3');
  });

  it('shows each payment in words, with its receipt', () => {
    const [row] = paymentListView({ items: [item], total: 1, page: 1, pageSize: 50 }, {}, 'en').rows;
    expect(row).toMatchObject({
      when: '21/11/2026 09:00',
      dossier: 'H12.05-261121-0001',
      amount: '50,000 VND',
      status: 'Paid',
      channel: 'Cash',
      receiptHref: '/payments/p1/e-receipt.pdf',
    });
    expect(paymentListView({ items: [], total: 0, page: 1, pageSize: 50 }, {}, 'vi')).toMatchObject({
      previousHref: null,
      nextHref: null,
      csvHref: '/payments/export.csv',
    });
  });
});
