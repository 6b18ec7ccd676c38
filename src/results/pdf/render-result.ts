/**
 * A result on A4 after Decree 30/2020/NĐ-CP: the issuing agency (its parent in
 * capitals above it) and the document number at the top left, the national
 * motto with the place and date at the top right, the title, the body, the
 * signer, and the QR code of the public verification page.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { FONTS, parsedFonts, registerFonts } from '../../documents/pdf/fonts.js';
import { collect, keepTogether, paragraph, rule, signatures, upper, type Doc } from '../../documents/pdf/layout.js';
import { drawQr, type QrModules } from './vector-qr.js';
import type { ResultView } from '../result-view.js';

const MARGINS = { top: 50, bottom: 56, left: 85, right: 57 };
const GREY = '#444444';

export async function renderResult(view: ResultView): Promise<Buffer> {
  // Medium error correction survives a crease or a poor photocopy.
  const qr = QRCode.create(view.verifyUrl, { errorCorrectionLevel: 'M' }).modules;
  const fonts = parsedFonts();
  const doc = new PDFDocument({
    size: 'A4',
    // Our own font from the start: pdfkit would otherwise load Helvetica's metrics for nothing.
    font: fonts.get(FONTS.regular) as unknown as string,
    margins: MARGINS,
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: view.title,
      Author: view.agency,
      Subject: `Số ${view.documentNo}`,
      Creator: 'Cổng dịch vụ công một cửa',
      CreationDate: view.issuedAt,
    },
  });
  registerFonts(doc);
  const done = collect(doc);
  header(doc, view);
  for (const line of view.bodyLines) {
    if (line.trim() === '') doc.moveDown(0.4);
    else paragraph(doc, line);
  }
  signatures(doc, [{ title: view.signer.title, hint: '(Đã ký số)', name: view.signer.name }]);
  verificationBlock(doc, view, qr);
  footers(doc, view);
  doc.end();
  return done;
}

const width = (doc: Doc) => doc.page.width - MARGINS.left - MARGINS.right;

function header(doc: Doc, view: ResultView): void {
  const top = MARGINS.top;
  const leftWidth = 200;
  const rightX = MARGINS.left + leftWidth + 10;
  const rightWidth = width(doc) - leftWidth - 10;
  doc.y = top;
  if (view.parentAgency)
    doc.font(FONTS.regular).fontSize(10).text(upper(view.parentAgency), MARGINS.left, doc.y, { width: leftWidth, align: 'center' });
  doc.font(FONTS.bold).fontSize(10).text(upper(view.agency), MARGINS.left, doc.y, { width: leftWidth, align: 'center' });
  rule(doc, MARGINS.left + leftWidth / 2, doc.y + 2, 60);
  doc.moveDown(0.6);
  doc.font(FONTS.regular).fontSize(10).text(`Số: ${view.documentNo}`, MARGINS.left, doc.y, { width: leftWidth, align: 'center' });
  const leftBottom = doc.y;

  doc.y = top;
  doc.font(FONTS.bold).fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, doc.y, { width: rightWidth, align: 'center' });
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  doc.font(FONTS.bold).fontSize(10.5).text(motto, rightX, doc.y, { width: rightWidth, align: 'center' });
  rule(doc, rightX + rightWidth / 2, doc.y + 2, doc.widthOfString(motto));
  doc.moveDown(0.6);
  doc.font(FONTS.italic).fontSize(10).text(view.placeAndDate, rightX, doc.y, { width: rightWidth, align: 'center' });

  doc.y = Math.max(leftBottom, doc.y) + 28;
  doc
    .font(FONTS.bold)
    .fontSize(14)
    .text(view.title, MARGINS.left, doc.y, { width: width(doc), align: 'center' });
  if (view.dossierCode) {
    doc
      .font(FONTS.italic)
      .fontSize(10)
      .text(`Hồ sơ số ${view.dossierCode}`, MARGINS.left, doc.y, { width: width(doc), align: 'center' });
  }
  doc.moveDown(1);
  doc.font(FONTS.regular).fontSize(11).fillColor('black');
  doc.x = MARGINS.left;
}

/** The QR code of the verification page, with its address written out for those who cannot scan it. */
function verificationBlock(doc: Doc, view: ResultView, qr: QrModules): void {
  const size = 72;
  doc.moveDown(1.5);
  keepTogether(doc, size + 4);
  const y = doc.y;
  const textX = MARGINS.left + size + 10;
  const textWidth = width(doc) - size - 10;
  drawQr(doc, qr, MARGINS.left, y, size);
  doc.link(MARGINS.left, y, size, size, view.verifyUrl);
  doc.font(FONTS.italic).fontSize(9).fillColor(GREY);
  doc.text('Xác thực văn bản điện tử (còn hiệu lực, đúng bản gốc): quét mã QR hoặc truy cập', textX, y + 8, { width: textWidth });
  doc.font(FONTS.regular).text(view.verifyUrl, textX, doc.y, { width: textWidth, link: view.verifyUrl });
  doc.font(FONTS.italic).text('Văn bản được ký số bởi cơ quan ban hành.', textX, doc.y + 2, { width: textWidth });
  doc.fillColor('black');
  doc.x = MARGINS.left;
  doc.y = Math.max(doc.y, y + size);
}

function footers(doc: Doc, view: ResultView): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONTS.regular)
      .fontSize(8)
      .fillColor(GREY)
      .text(`Số ${view.documentNo} · Trang ${i - range.start + 1}/${range.count}`, MARGINS.left, doc.page.height - margin + 20, {
        width: width(doc),
        align: 'center',
        lineBreak: false,
      })
      .fillColor('black');
    doc.page.margins.bottom = margin;
  }
}
