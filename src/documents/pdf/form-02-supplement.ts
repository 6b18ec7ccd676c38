import type { SupplementView } from '../document-view.js';
import { applicantLines } from './form-01-receipt.js';
import { field, numbered, paragraph, signatures, type Doc } from './layout.js';

/** Form 02: what is missing and why, all at once, with the time allowed to supplement. */
export function drawSupplementRequest(doc: Doc, v: SupplementView): void {
  paragraph(doc, 'Hồ sơ của:');
  applicantLines(doc, v.applicant);
  field(doc, 'Nội dung yêu cầu giải quyết', v.procedureName);
  field(doc, 'Giai đoạn', v.stage);
  paragraph(doc, 'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', { bold: true });
  numbered(doc, v.items);
  if (v.reason) field(doc, 'Lý do', v.reason);
  field(doc, 'Thời hạn bổ sung, hoàn thiện hồ sơ', `trước ${v.deadline}`);
  if (v.note) paragraph(doc, v.note, { italic: true });
  paragraph(doc, `Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ Bộ phận một cửa — ${v.head.agency} để được hướng dẫn.`);
  signatures(doc, v.signatures);
}
