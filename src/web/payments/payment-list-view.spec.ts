import { describe, expect, it } from 'vitest';
import type { PaymentListItem } from '../../payments/payments-report.js';
import { paymentListView, throughDay } from './payment-list-view.js';

const item: PaymentListItem = {
  id: 'p1',
  dossierId: 'd1',
  dossierCode: 'H12.05-261121-0001',
  dossierStatus: 'IN_PROGRESS',
  procedureCode: '1.001193',
  procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
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

  it('names a dossier not received yet by where it stands and its procedure, linking only what staff may open', () => {
    const row = (dossierStatus: PaymentListItem['dossierStatus'], lang: 'vi' | 'en') =>
      paymentListView({ items: [{ ...item, dossierCode: null, dossierStatus }], total: 1, page: 1, pageSize: 50 }, {}, lang).rows[0];
    expect(row('DRAFT', 'vi')).toMatchObject({ dossier: 'Bản nháp', procedure: 'Đăng ký khai sinh', dossierHref: null });
    expect(row('DRAFT', 'en')).toMatchObject({ dossier: 'Draft', procedure: 'Birth registration', dossierHref: null });
    expect(row('SUBMITTED', 'vi')).toMatchObject({
      dossier: 'Chưa có mã',
      procedure: 'Đăng ký khai sinh',
      dossierHref: '/dashboard/dossiers/d1',
    });
    // With its code, the code alone, as before.
    expect(paymentListView({ items: [item], total: 1, page: 1, pageSize: 50 }, {}, 'vi').rows[0]).toMatchObject({
      dossier: 'H12.05-261121-0001',
      procedure: null,
    });
  });
});

describe('throughDay', () => {
  it('counts the whole "to" day, up to the next midnight in Vietnam; an instant stays as given', () => {
    expect(throughDay('2026-11-21')?.toISOString()).toBe('2026-11-21T17:00:00.000Z');
    expect(throughDay('2026-11-21T02:00:00Z')?.toISOString()).toBe('2026-11-21T02:00:00.000Z');
    expect(throughDay(undefined)).toBeUndefined();
  });
});
