import type { ApologyView } from '../document-view.js';
import { field, paragraph, signatures, type Doc } from './layout.js';

/** Form 04: the apology, its reason and the new appointment (the legal due date stays for the statistics). */
export function drawApology(doc: Doc, v: ApologyView): void {
  field(doc, 'Kính gửi', `Ông/Bà ${v.applicant.name}`);
  paragraph(
    doc,
    `Vào lúc ${v.receivedAt}, ${v.head.agency} đã tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục hành chính: ${v.procedureName}.`,
  );
  field(doc, 'Mã hồ sơ', v.head.code ?? '');
  field(doc, 'Thời gian hẹn trả kết quả giải quyết hồ sơ', v.dueAt);
  paragraph(doc, `Tuy nhiên, ${v.head.agency} không thể trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hẹn.`);
  field(doc, 'Lý do', v.reason);
  paragraph(doc, `Sự chậm trễ này gây phiền hà cho Ông/Bà. ${v.head.agency} xin lỗi Ông/Bà và hẹn trả kết quả giải quyết hồ sơ vào:`);
  paragraph(doc, v.newDueAt, { bold: true, indent: 14 });
  paragraph(doc, 'Xin trân trọng cảm ơn./.');
  signatures(doc, v.signatures);
}
