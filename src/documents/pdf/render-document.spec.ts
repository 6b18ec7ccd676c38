import { describe, expect, it } from 'vitest';
import { event, refusedAfterProcessing, source } from '../../../test/helpers/document-view-fixtures.js';
import { pageCount, pdfText } from '../../../test/helpers/pdf.js';
import { DOCUMENT_FORMS, type DocumentView } from '../document-view.js';
import { toDocumentView } from '../to-document-view.js';
import { renderDocument } from './render-document.js';

function views(): DocumentView[] {
  const detail = refusedAfterProcessing();
  const stopped = refusedAfterProcessing();
  stopped.events = [
    ...stopped.events.slice(0, 4),
    event({ at: new Date('2026-12-16T01:00:00Z'), action: 'stop', fromStatus: 'SUPPLEMENT_REQUESTED', toStatus: 'STOPPED' }),
  ];
  return DOCUMENT_FORMS.map((form) => toDocumentView(form, source(form === '05' ? stopped : detail))!);
}

describe('the PDF of each form', () => {
  it.each(views().map((v) => [v.form, v] as const))(
    'Form %s is an A4 PDF with the motto, the title, the code and the lookup address',
    async (_form, view) => {
      const pdf = await renderDocument(view);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.2\d+ 841\.8\d+\]/);
      const text = await pdfText(pdf);
      if (text === null) return; // poppler-utils not installed here: the structure checks above still ran
      const flat = text.replace(/\s+/g, ' ');
      for (const words of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'UBND XÃ AN PHÚ',
        view.head.title,
        'H12.05-261123-0007',
        view.head.placeAndDate,
        'https://dichvucong.example.vn/lookup/H12.05-261123-0007',
      ]) {
        expect(flat).toContain(words);
      }
    },
  );

  it('continues a long tracking slip on further pages, numbered', async () => {
    const view = views()[5];
    if (view.form !== '06') throw new Error('expected the tracking slip');
    const many = { ...view, rows: Array.from({ length: 60 }, (_, i) => ({ ...view.rows[i % view.rows.length] })) };
    const pdf = await renderDocument(many);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = await pdfText(pdf);
    if (text !== null) expect(text).toContain(`Trang ${pages}/${pages}`);
  });
});
