/** The e-receipt on A5 landscape, with the same Vietnamese font as the one-stop forms. */
import PDFDocument from 'pdfkit';
import { FONTS, registerFonts } from '../../documents/pdf/fonts.js';
import type { EReceipt } from './e-receipt.js';

const MARGIN = 40;

export function renderEReceipt(r: EReceipt): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A5',
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: `${r.title} ${r.series} ${r.number}`,
      Author: r.agency,
      Creator: 'Cổng dịch vụ công một cửa',
      // The payment's own instant: the same payment gives the same file.
      CreationDate: r.paidAt,
    },
  });
  registerFonts(doc);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const half = width / 2 - 5;
  const top = MARGIN;
  doc.font(FONTS.regular).fontSize(9);
  if (r.parentAgency) doc.text(r.parentAgency.toUpperCase(), MARGIN, top, { width: half, align: 'center' });
  doc.font(FONTS.bold).text(r.agency.toUpperCase(), MARGIN, doc.y, { width: half, align: 'center' });
  doc.font(FONTS.bold).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', MARGIN + half + 10, top, { width: half, align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', MARGIN + half + 10, doc.y, { width: half, align: 'center' });

  doc.y = top + 48;
  doc.font(FONTS.bold).fontSize(14).text(r.title, MARGIN, doc.y, { width, align: 'center' });
  doc.font(FONTS.italic).fontSize(9).text('(Biên lai điện tử)', { width, align: 'center' });
  doc.moveDown(0.3);
  doc
    .font(FONTS.regular)
    .fontSize(10)
    .text(`Mẫu số: ${r.formSymbol}     Ký hiệu: ${r.series}     Số: ${r.number}`, MARGIN, doc.y, { width, align: 'center' });
  doc.moveDown(0.8);

  for (const [label, value] of r.lines) {
    doc.font(FONTS.regular).fontSize(10).text(`${label}: `, MARGIN, doc.y, { continued: true, width });
    doc.font(FONTS.bold).text(value);
    doc.moveDown(0.15);
  }

  doc.moveDown(0.6);
  const signX = MARGIN + half + 10;
  doc
    .font(FONTS.italic)
    .fontSize(10)
    .text(r.placeAndDate.charAt(0).toUpperCase() + r.placeAndDate.slice(1), signX, doc.y, {
      width: half,
      align: 'center',
    });
  doc.font(FONTS.bold).text('ĐƠN VỊ THU', signX, doc.y, { width: half, align: 'center' });
  doc.font(FONTS.italic).fontSize(9).text('(Ký số)', signX, doc.y, { width: half, align: 'center' });
  doc.end();
  return done;
}
