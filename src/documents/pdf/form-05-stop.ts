import type { StopView } from '../document-view.js';
import { applicantLines } from './form-01-receipt.js';
import { field, numbered, paragraph, signatures, type Doc } from './layout.js';

/** Form 05: the supplement was not given in time, so processing stops. */
export function drawStopNotice(doc: Doc, v: StopView): void {
  paragraph(doc, 'Hồ sơ của:');
  applicantLines(doc, v.applicant);
  field(doc, 'Nội dung yêu cầu giải quyết', v.procedureName);
  if (v.requestedAt) {
    paragraph(doc, `Vào lúc ${v.requestedAt}, ${v.head.agency} đã có Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ với các nội dung:`);
    numbered(doc, v.items);
  }
  if (v.deadline) field(doc, 'Thời hạn bổ sung, hoàn thiện hồ sơ', v.deadline);
  paragraph(
    doc,
    `Đến hết thời hạn trên, Ông/Bà chưa bổ sung, hoàn thiện hồ sơ theo yêu cầu. Theo quy định, ${v.head.agency} dừng giải quyết hồ sơ này.`,
  );
  paragraph(doc, 'Ông/Bà có thể nộp hồ sơ mới khi đã chuẩn bị đầy đủ thành phần hồ sơ theo quy định./.');
  signatures(doc, v.signatures);
}
