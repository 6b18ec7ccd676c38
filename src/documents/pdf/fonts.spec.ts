import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/helpers/pdf.js';
import { FONTS, parsedFonts } from './fonts.js';

const VIETNAMESE =
  'aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ ' +
  'AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ Đ';

function render(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  for (const [name, font] of parsedFonts()) doc.registerFont(name, font as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const font of Object.values(FONTS)) for (const line of lines) doc.font(font).text(line);
  doc.end();
  return done;
}

describe('fonts parsed once and shared by documents', () => {
  it('are parsed once per process', () => {
    expect(parsedFonts()).toBe(parsedFonts());
    expect([...parsedFonts().keys()]).toEqual(Object.values(FONTS));
  });

  it('keep every Vietnamese letter in the text layer of each document, not only the first', async () => {
    // First a document of letters with tone marks only: subsetting them reaches the letters inside (O in Ồ, ơ in ờ) without their characters.
    const first = await pdfText(
      await render([[...VIETNAMESE].filter((c) => c.normalize('NFD').length > 2 || /[àáảãạìíỉĩịòóỏõọùúủũụỳýỷỹỵèéẻẽẹ]/i.test(c)).join('')]),
    );
    if (first === null) return; // poppler-utils not installed here
    for (const lines of [['HOÀN THIỆN HỒ SƠ, theo trước, ơ ư ă â ê ô'], [VIETNAMESE], [VIETNAMESE]]) {
      const text = (await pdfText(await render(lines)))!.replace(/\s+/g, ' ').trim();
      expect(text).toBe(
        Object.values(FONTS)
          .map(() => lines.join(' '))
          .join(' '),
      );
    }
  });
});
