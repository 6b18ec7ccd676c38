import type { RefusalView } from '../document-view.js';
import { applicantLines } from './form-01-receipt.js';
import { field, paragraph, signatures, type Doc } from './layout.js';

/** Form 03: the refusal and its reason. */
export function drawRefusal(doc: Doc, v: RefusalView): void {
  paragraph(doc, v.atReception ? `Bộ phận một cửa — ${v.head.agency} nhận được hồ sơ của:` : `${v.head.agency} đã tiếp nhận hồ sơ của:`);
  applicantLines(doc, v.applicant);
  field(doc, 'Nội dung yêu cầu giải quyết', v.procedureName);
  paragraph(
    doc,
    v.atReception
      ? `Qua xem xét, Bộ phận một cửa — ${v.head.agency} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`
      : `Qua thẩm định, ${v.head.agency} thông báo từ chối giải quyết hồ sơ này với lý do cụ thể như sau:`,
  );
  paragraph(doc, v.reason, { bold: true, indent: 14 });
  paragraph(doc, 'Xin thông báo để Ông/Bà được biết và thực hiện./.');
  signatures(doc, v.signatures);
}
