import { describe, expect, it } from 'vitest';
import { parseBound, paymentsCsv, type PaymentListItem } from './payments-report.js';

const item: PaymentListItem = {
  id: 'p1',
  dossierId: 'd1',
  dossierCode: 'H12.05-261121-0001',
  dossierStatus: 'IN_PROGRESS',
  procedureCode: '1.001193',
  procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  agencyCode: 'H12.05',
  payerName: 'Nguyễn Văn "An", con',
  status: 'PAID',
  channel: 'ONLINE',
  provider: 'STRIPE',
  amount: 50000,
  receipt: 'BL-26E 0000001',
  createdAt: '2026-11-21T02:00:00.000Z',
  paidAt: '2026-11-21T02:01:00.000Z',
  refundedAt: null,
};

describe('paymentsCsv', () => {
  it('writes a header and quotes what needs it, with a BOM', () => {
    const csv = paymentsCsv([item]);
    expect(csv.startsWith('\uFEFFcreatedAt,paidAt,refundedAt,dossierCode')).toBe(true);
    expect(csv).toContain('"Nguyễn Văn ""An"", con",50000,PAID,ONLINE,STRIPE,BL-26E 0000001,p1\r\n');
  });

  it('defuses a cell that a spreadsheet would run as a formula', () => {
    expect(paymentsCsv([{ ...item, payerName: '=HYPERLINK("x")' }])).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('parseBound', () => {
  it('reads a local date as its midnight in Vietnam, and an instant as is', () => {
    expect(parseBound('2026-11-21')?.toISOString()).toBe('2026-11-20T17:00:00.000Z');
    expect(parseBound('2026-11-21T02:00:00Z')?.toISOString()).toBe('2026-11-21T02:00:00.000Z');
    expect(parseBound('soon')).toBeUndefined();
    expect(parseBound(undefined)).toBeUndefined();
  });
});
