/**
 * The e-receipt of a fee (biên lai điện tử, Decree 123/2020/NĐ-CP as amended):
 * what it says, from the stored payment. Pure: the same payment always gives
 * the same receipt.
 */
import { dateInWords } from '../../documents/vietnamese-date.js';
import { amountInWords } from '../amount-in-words.js';
import type { PaymentChannel, PaymentProviderName } from '../payment-state.js';
import { formatReceiptNo, RECEIPT_FORM_SYMBOL } from '../receipt-numbering.js';

export interface EReceiptSource {
  paymentId: string;
  receiptSeries: string;
  receiptNo: number;
  paidAt: Date;
  amount: number;
  channel: PaymentChannel;
  provider: PaymentProviderName;
  agency: { name: string; code: string; parentName: string | null };
  payer: { name: string; citizenId: string | null };
  dossierCode: string | null;
  procedureName: string;
  feeName: string | null;
}

export interface EReceipt {
  title: string;
  formSymbol: string;
  series: string;
  number: string;
  agency: string;
  parentAgency: string | null;
  lines: [label: string, value: string][];
  placeAndDate: string;
  paidAt: Date;
  fileName: string;
}

const METHOD: Record<PaymentProviderName, string> = {
  STRIPE: 'Trực tuyến (thẻ, ví điện tử qua Stripe)',
  SANDBOX: 'Trực tuyến (THANH TOÁN THỬ NGHIỆM — không có giá trị)',
  CASH: 'Tiền mặt tại Bộ phận một cửa',
};

const money = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} đồng`;

export function toEReceipt(s: EReceiptSource): EReceipt {
  const number = formatReceiptNo(s.receiptNo);
  return {
    title: 'BIÊN LAI THU PHÍ, LỆ PHÍ',
    formSymbol: RECEIPT_FORM_SYMBOL,
    series: s.receiptSeries,
    number,
    agency: s.agency.name,
    parentAgency: s.agency.parentName,
    lines: [
      ['Tổ chức thu phí, lệ phí', s.agency.name],
      ['Người nộp', s.payer.name],
      ...(s.payer.citizenId ? [['Số định danh cá nhân', s.payer.citizenId] as [string, string]] : []),
      ['Hồ sơ', s.dossierCode ? `${s.dossierCode} — ${s.procedureName}` : s.procedureName],
      ['Tên loại phí, lệ phí', s.feeName ?? `Phí, lệ phí thủ tục ${s.procedureName}`],
      ['Số tiền', money(s.amount)],
      ['Bằng chữ', amountInWords(s.amount)],
      ['Hình thức thanh toán', METHOD[s.provider]],
    ],
    placeAndDate: dateInWords(s.paidAt),
    paidAt: s.paidAt,
    fileName: `bien-lai-${s.receiptSeries}-${number}.pdf`,
  };
}
