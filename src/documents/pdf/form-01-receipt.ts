import type { Applicant, ReceiptView } from '../document-view.js';
import { field, numbered, paragraph, signatures, type Doc } from './layout.js';

/** Form 01: the receipt with the appointment, issued at reception. */
export function drawReceipt(doc: Doc, v: ReceiptView): void {
  paragraph(doc, `Bộ phận một cửa — ${v.head.agency} đã tiếp nhận hồ sơ của:`);
  applicantLines(doc, v.applicant);
  field(doc, 'Nội dung yêu cầu giải quyết', v.procedureName);
  paragraph(doc, '1. Thành phần hồ sơ nộp gồm:');
  if (v.components.length > 0)
    numbered(
      doc,
      v.components.map((c) => ({ text: c.name, detail: c.detail })),
    );
  else paragraph(doc, 'Không có thành phần hồ sơ phải nộp.', { italic: true, indent: 14 });
  field(doc, '2. Số lượng hồ sơ', '01 (bộ)');
  field(doc, '3. Thời gian giải quyết hồ sơ theo quy định', v.processingTime);
  field(doc, '4. Thời gian nhận hồ sơ', v.receivedAt);
  field(doc, '5. Thời gian trả kết quả giải quyết hồ sơ', v.dueAt);
  if (v.rescheduledAt) field(doc, 'Hẹn lại theo Phiếu xin lỗi và hẹn lại ngày trả kết quả', v.rescheduledAt, 14);
  field(doc, '6. Hình thức nộp hồ sơ', v.channel);
  paragraph(doc, `7. Ông/Bà theo dõi tình trạng hồ sơ bằng mã hồ sơ ${v.head.code ?? ''} hoặc mã QR trên phiếu này.`);
  signatures(doc, v.signatures);
}

/** Who filed: the name, then whichever contact details the portal holds. */
export function applicantLines(doc: Doc, a: Applicant): void {
  field(doc, 'Ông/Bà', a.name);
  if (a.citizenId) field(doc, 'Số định danh cá nhân', a.citizenId);
  if (a.phone) field(doc, 'Số điện thoại', a.phone);
  if (a.email) field(doc, 'Thư điện tử', a.email);
}
