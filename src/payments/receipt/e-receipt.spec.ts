import { describe, expect, it } from 'vitest';
import { pageCount, pdfText } from '../../../test/helpers/pdf.js';
import { renderEReceipt } from './e-receipt-pdf.js';
import { toEReceipt, type EReceiptSource } from './e-receipt.js';

const source: EReceiptSource = {
  paymentId: 'p1',
  receiptSeries: 'BL-26E',
  receiptNo: 42,
  paidAt: new Date('2026-11-21T02:30:00Z'),
  amount: 50_000,
  channel: 'ONLINE',
  provider: 'STRIPE',
  agency: { name: 'UBND xã Tân Phong', code: 'H12.05', parentName: 'UBND tỉnh Lai Châu' },
  payer: { name: 'Nguyễn Văn An', citizenId: '001090000001' },
  dossierCode: 'H12.05-261121-0001',
  procedureName: 'Đăng ký khai sinh',
  feeName: 'Lệ phí đăng ký khai sinh',
};

describe('toEReceipt', () => {
  it('carries the fields of an e-receipt of fees (Decree 123/2020)', () => {
    const r = toEReceipt(source);
    expect(r).toMatchObject({ formSymbol: '01BLP0-001', series: 'BL-26E', number: '0000042', placeAndDate: 'ngày 21 tháng 11 năm 2026' });
    expect(Object.fromEntries(r.lines)).toEqual({
      'Tổ chức thu phí, lệ phí': 'UBND xã Tân Phong',
      'Người nộp': 'Nguyễn Văn An',
      'Số định danh cá nhân': '001090000001',
      'Hồ sơ': 'H12.05-261121-0001 — Đăng ký khai sinh',
      'Tên loại phí, lệ phí': 'Lệ phí đăng ký khai sinh',
      'Số tiền': '50.000 đồng',
      'Bằng chữ': 'Năm mươi nghìn đồng',
      'Hình thức thanh toán': 'Trực tuyến (thẻ, ví điện tử qua Stripe)',
    });
    expect(r.fileName).toBe('bien-lai-BL-26E-0000042.pdf');
  });

  it('names the fee after the procedure when the version gives it no name, and says when it was a test payment', () => {
    const r = toEReceipt({ ...source, feeName: null, provider: 'SANDBOX', payer: { name: 'B', citizenId: null } });
    const lines = Object.fromEntries(r.lines);
    expect(lines['Tên loại phí, lệ phí']).toBe('Phí, lệ phí thủ tục Đăng ký khai sinh');
    expect(lines['Hình thức thanh toán']).toContain('THỬ NGHIỆM');
    expect(lines).not.toHaveProperty('Số định danh cá nhân');
  });
});

describe('renderEReceipt', () => {
  it('writes a one-page PDF with the receipt in Vietnamese, the same bytes every time', async () => {
    const receipt = toEReceipt(source);
    const pdf = await renderEReceipt(receipt);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    expect((await renderEReceipt(receipt)).equals(pdf)).toBe(true);
    const text = await pdfText(pdf);
    if (text !== null) {
      const flat = text.replace(/\s+/g, ' ');
      for (const words of [
        'BIÊN LAI THU PHÍ, LỆ PHÍ',
        'Mẫu số: 01BLP0-001',
        'Ký hiệu: BL-26E',
        'Số: 0000042',
        'Năm mươi nghìn đồng',
        'UBND XÃ TÂN PHONG',
      ]) {
        expect(flat).toContain(words);
      }
    }
  });
});
