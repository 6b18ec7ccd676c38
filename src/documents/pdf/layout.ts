/**
 * The shared layout of the one-stop forms on A4, after the administrative
 * document presentation of Decree 30/2020/NĐ-CP: agency at the top left, the
 * national motto at the top right with the place and date under it, the title
 * centred, signatures at the bottom right. Every helper writes at the
 * document's cursor and moves it on; none decides wording.
 */
import PDFDocument from 'pdfkit';
import type { DocumentHead, Signature } from '../document-view.js';
import { FONTS, registerFonts } from './fonts.js';

export type Doc = PDFKit.PDFDocument;

/** Points (1/72 in): margins of 30 mm left, 20 mm right, ~18 mm top and bottom. */
const MARGINS = { top: 50, bottom: 56, left: 85, right: 57 };
const BODY_SIZE = 11;
const LINE_GAP = 3;
const GREY = '#444444';

export function openDocument(head: DocumentHead): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true, // page footers ("Trang 1/2") are written once the page count is known
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: head.title,
      Author: head.agency,
      Subject: head.code ? `Hồ sơ ${head.code}` : 'Hồ sơ',
      Creator: 'Cổng dịch vụ công một cửa',
      // The document's own date, not the rendering time: the same dossier gives the same document.
      CreationDate: head.issuedAt,
    },
  });
  registerFonts(doc);
  doc.font(FONTS.regular).fontSize(BODY_SIZE).lineGap(LINE_GAP);
  return doc;
}

/** The finished file. Call before `doc.end()`. */
export function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const left = (doc: Doc) => doc.page.margins.left;
const bottomLimit = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when `height` points would not fit below the cursor. */
export function keepTogether(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

/** Form number, issuing agency and dossier code (left), national motto and place and date (right), then the title. */
export function drawHeader(doc: Doc, head: DocumentHead): void {
  const top = doc.page.margins.top;
  const width = contentWidth(doc);
  doc
    .font(FONTS.italic)
    .fontSize(9)
    .fillColor(GREY)
    .text(`Mẫu số ${head.form}`, left(doc), top - 28, { width, align: 'right' })
    .fillColor('black');

  const leftWidth = 185;
  const rightX = left(doc) + leftWidth + 10;
  const rightWidth = width - leftWidth - 10;

  doc.x = left(doc);
  doc.y = top;
  if (head.parentAgency)
    doc.font(FONTS.regular).fontSize(10).text(upper(head.parentAgency), left(doc), doc.y, { width: leftWidth, align: 'center' });
  doc.font(FONTS.bold).fontSize(10).text(upper(head.agency), left(doc), doc.y, { width: leftWidth, align: 'center' });
  rule(doc, left(doc) + leftWidth / 2, doc.y + 2, 60);
  doc.moveDown(0.6);
  doc
    .font(FONTS.regular)
    .fontSize(9.5)
    .text(head.code ? `Mã hồ sơ: ${head.code}` : 'Mã hồ sơ: chưa cấp', left(doc), doc.y, { width: leftWidth, align: 'center' });
  const leftBottom = doc.y;

  doc.y = top;
  doc.font(FONTS.bold).fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, doc.y, { width: rightWidth, align: 'center' });
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  doc.font(FONTS.bold).fontSize(10.5).text(motto, rightX, doc.y, { width: rightWidth, align: 'center' });
  rule(doc, rightX + rightWidth / 2, doc.y + 2, doc.widthOfString(motto));
  doc.moveDown(0.6);
  doc.font(FONTS.italic).fontSize(10).text(head.placeAndDate, rightX, doc.y, { width: rightWidth, align: 'center' });
  const rightBottom = doc.y;

  doc.x = left(doc);
  doc.y = Math.max(leftBottom, rightBottom) + 24;
  doc.font(FONTS.bold).fontSize(13).text(head.title, left(doc), doc.y, { width, align: 'center' });
  doc.moveDown(0.8);
  body(doc);
}

/** A centred line of fine print under the title. */
export function subtitle(doc: Doc, text: string): void {
  doc.moveUp(0.4);
  doc
    .font(FONTS.italic)
    .fontSize(10)
    .text(text, left(doc), doc.y, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.8);
  body(doc);
}

export function paragraph(doc: Doc, text: string, options: { bold?: boolean; italic?: boolean; indent?: number } = {}): void {
  doc.font(options.bold ? FONTS.bold : options.italic ? FONTS.italic : FONTS.regular).fontSize(BODY_SIZE);
  const indent = options.indent ?? 0;
  doc.text(text, left(doc) + indent, doc.y, { width: contentWidth(doc) - indent, align: 'justify' });
  doc.moveDown(0.25);
  body(doc);
}

/** "Label: value", the value in bold. */
export function field(doc: Doc, label: string, value: string, indent = 0): void {
  doc
    .font(FONTS.regular)
    .fontSize(BODY_SIZE)
    .text(`${label}: `, left(doc) + indent, doc.y, { width: contentWidth(doc) - indent, continued: true })
    .font(FONTS.bold)
    .text(value);
  doc.moveDown(0.15);
  body(doc);
}

/** A numbered list, "1." … with hanging text; an item may carry a second, lighter line. */
export function numbered(doc: Doc, items: readonly (string | { text: string; detail?: string })[], indent = 14): void {
  const width = contentWidth(doc) - indent - 18;
  items.forEach((item, i) => {
    const { text, detail } = typeof item === 'string' ? { text: item, detail: undefined } : item;
    const y = doc.y;
    doc
      .font(FONTS.regular)
      .fontSize(BODY_SIZE)
      .text(`${i + 1}.`, left(doc) + indent, y, { width: 18 });
    doc.text(text, left(doc) + indent + 18, y, { width });
    if (detail) {
      doc
        .font(FONTS.italic)
        .fontSize(9.5)
        .fillColor(GREY)
        .text(detail, left(doc) + indent + 18, doc.y, { width })
        .fillColor('black');
    }
    doc.moveDown(0.15);
  });
  body(doc);
}

/** Signature blocks side by side at the bottom right (one) or across the page (several). */
export function signatures(doc: Doc, blocks: readonly Signature[]): void {
  if (blocks.length === 0) return;
  doc.moveDown(1);
  keepTogether(doc, 110);
  const width = contentWidth(doc);
  const columns = Math.max(blocks.length, 2);
  const columnWidth = width / columns;
  const top = doc.y;
  let lowest = top;
  blocks.forEach((block, i) => {
    // A single signature takes the right-hand column, as on printed forms.
    const x = left(doc) + columnWidth * (columns - blocks.length + i);
    doc.font(FONTS.bold).fontSize(10.5).text(block.title, x, top, { width: columnWidth, align: 'center' });
    doc
      .font(FONTS.italic)
      .fontSize(9.5)
      .text(block.hint ?? '(Ký và ghi rõ họ tên)', x, doc.y, { width: columnWidth, align: 'center' });
    doc.y += 48;
    doc
      .font(FONTS.bold)
      .fontSize(BODY_SIZE)
      .text(block.name ?? '', x, doc.y, { width: columnWidth, align: 'center' });
    lowest = Math.max(lowest, doc.y);
  });
  doc.x = left(doc);
  doc.y = lowest;
  body(doc);
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'center';
}

/** A ruled table that continues on the next page with its header repeated. Widths are shares of the content width. */
export function table(doc: Doc, columns: readonly Column[], rows: readonly (readonly string[])[]): void {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const pad = 3;
  const size = 8;
  const heightOf = (cells: readonly string[], font: string) =>
    Math.max(
      ...cells.map((cell, i) =>
        doc
          .font(font)
          .fontSize(size)
          .heightOfString(cell || ' ', { width: widths[i] - 2 * pad, lineGap: 1 }),
      ),
    ) +
    2 * pad;

  const drawRow = (cells: readonly string[], font: string, shade: boolean) => {
    const height = heightOf(cells, font);
    let x = left(doc);
    const y = doc.y;
    cells.forEach((cell, i) => {
      if (shade) doc.rect(x, y, widths[i], height).fillColor('#eeeeee').fill().fillColor('black');
      doc.rect(x, y, widths[i], height).lineWidth(0.5).strokeColor('#555555').stroke();
      doc
        .font(font)
        .fontSize(size)
        .text(cell, x + pad, y + pad, { width: widths[i] - 2 * pad, lineGap: 1, align: columns[i].align ?? 'left' });
      x += widths[i];
    });
    doc.x = left(doc);
    doc.y = y + height;
  };

  const headers = columns.map((c) => c.header);
  keepTogether(doc, heightOf(headers, FONTS.bold) + 30);
  drawRow(headers, FONTS.bold, true);
  for (const row of rows) {
    if (doc.y + heightOf(row, FONTS.regular) > bottomLimit(doc)) {
      doc.addPage();
      drawRow(headers, FONTS.bold, true);
    }
    drawRow(row, FONTS.regular, false);
  }
  doc.moveDown(0.5);
  body(doc);
}

/**
 * The QR code of the public lookup page, after the content of the last page,
 * with the address written out for those who cannot scan it.
 */
export function lookupBlock(doc: Doc, head: DocumentHead, qrPng: Buffer | null): void {
  const size = 68;
  doc.moveDown(1.2);
  keepTogether(doc, size + 4);
  const y = doc.y;
  const textX = left(doc) + (qrPng ? size + 10 : 0);
  const width = contentWidth(doc) - (textX - left(doc));
  if (qrPng && head.lookupUrl) {
    doc.image(qrPng, left(doc), y, { width: size, height: size });
    doc.link(left(doc), y, size, size, head.lookupUrl);
    doc.font(FONTS.italic).fontSize(9).fillColor(GREY);
    doc.text('Tra cứu tình trạng giải quyết hồ sơ: quét mã QR hoặc truy cập', textX, y + 8, { width });
    doc.font(FONTS.regular).text(head.lookupUrl, textX, doc.y, { width, link: head.lookupUrl });
  } else {
    doc.font(FONTS.italic).fontSize(9).fillColor(GREY);
    doc.text('Hồ sơ chưa được tiếp nhận nên chưa có mã hồ sơ để tra cứu.', textX, y, { width });
  }
  doc.font(FONTS.italic).text('Văn bản được lập từ dữ liệu hồ sơ trên Cổng dịch vụ công một cửa.', textX, doc.y + 2, { width });
  doc.fillColor('black');
  doc.x = left(doc);
  doc.y = Math.max(doc.y, y + size);
  body(doc);
}

/** "H12.05-251121-0007 · Mẫu số 01 · Trang 1/2" at the foot of every page. */
export function pageFooters(doc: Doc, head: DocumentHead): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise make pdfkit open a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const text = [head.code, `Mẫu số ${head.form}`, `Trang ${i - range.start + 1}/${range.count}`].filter(Boolean).join(' · ');
    doc
      .font(FONTS.regular)
      .fontSize(8)
      .fillColor(GREY)
      .text(text, left(doc), doc.page.height - margin + 20, { width: contentWidth(doc), align: 'center', lineBreak: false })
      .fillColor('black');
    doc.page.margins.bottom = margin;
  }
}

function body(doc: Doc): void {
  doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor('black');
  doc.x = left(doc);
}

/** A short centred line under a heading, as under the motto. */
export function rule(doc: Doc, centreX: number, y: number, width: number): void {
  doc
    .moveTo(centreX - width / 2, y)
    .lineTo(centreX + width / 2, y)
    .lineWidth(0.7)
    .strokeColor('black')
    .stroke();
}

/** Capitals as Vietnamese writes them (letterheads). */
export function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}
