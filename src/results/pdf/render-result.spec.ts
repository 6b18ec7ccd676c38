import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/helpers/pdf.js';
import { toResultView } from '../result-view.js';
import { renderResult } from './render-result.js';

const LINES = [
  'Họ và tên: Nguyễn Thị Ánh Dương',
  'Ngày sinh: 01/02/2026 — nơi sinh: Bệnh viện Đa khoa tỉnh Minh Hà',
  'Quê quán: xã Ẩn Thượng, huyện Ỷ Lan; dân tộc: Kinh; quốc tịch: Việt Nam',
  'Ghi chú: ơ ư đ ế ộ ữ ẵ ặ ỷ ỹ ỵ Ơ Ư Đ Ế Ộ Ữ Ẵ Ặ Ỷ Ỹ Ỵ',
];

describe('renderResult', () => {
  it('prints every Vietnamese letter as rendered, the letterhead, the number, the signer and the verification address', async () => {
    const view = toResultView({
      title: 'Giấy khai sinh',
      agency: { name: 'UBND xã An Phú', parentName: 'UBND tỉnh Minh Hà' },
      documentNo: '0042/2026/KQ-H12.05',
      dossierCode: 'H12.05-261121-0007',
      issuedAt: new Date('2026-11-21T03:00:00Z'),
      bodyLines: LINES,
      signerName: 'Trần Văn Lãnh',
      publicUrl: 'https://dvc.example.vn',
      verifyToken: 'Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4',
    });
    const pdf = await renderResult(view);
    const text = await pdfText(pdf);
    expect(text).not.toBeNull();
    const lines = text!.split('\n').map((l) => l.trim());
    for (const line of LINES) expect(lines).toContain(line);
    const flat = text!.replace(/\s+/g, ' ');
    for (const words of [
      'UBND TỈNH MINH HÀ',
      'UBND XÃ AN PHÚ',
      'Số: 0042/2026/KQ-H12.05',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'An Phú, ngày 21 tháng 11 năm 2026',
      'GIẤY KHAI SINH',
      'Trần Văn Lãnh',
      'https://dvc.example.vn/verify/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4',
    ]) {
      expect(flat).toContain(words);
    }
    // The body keeps its order.
    expect(lines.indexOf(LINES[0])).toBeLessThan(lines.indexOf(LINES[3]));
  });
});
