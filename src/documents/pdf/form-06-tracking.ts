import type { TrackingView } from '../document-view.js';
import { field, subtitle, table, type Doc } from './layout.js';

/** Form 06: every hand-over, with the deadline of the work handed over and whether it was met. */
export function drawTrackingSlip(doc: Doc, v: TrackingView): void {
  subtitle(doc, `(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ ${v.head.code ?? ''})`);
  field(doc, 'Hồ sơ của', v.applicant.name);
  field(doc, 'Nội dung yêu cầu giải quyết', v.procedureName);
  field(doc, 'Thời gian nhận hồ sơ', v.receivedAt);
  field(doc, 'Thời gian hẹn trả kết quả', v.dueAt);
  doc.moveDown(0.5);
  table(
    doc,
    [
      { header: 'TT', width: 4, align: 'center' },
      { header: 'Bên giao', width: 17 },
      { header: 'Bên nhận', width: 17 },
      { header: 'Bước xử lý', width: 12 },
      { header: 'Thời gian giao, nhận', width: 11 },
      { header: 'Hạn của bước', width: 11 },
      { header: 'Kết quả', width: 10 },
      { header: 'Ghi chú', width: 18 },
    ],
    v.rows.map((r, i) => [String(i + 1), r.from, r.to, r.step, r.at, r.due ?? '', r.result, r.comment ?? '']),
  );
}
