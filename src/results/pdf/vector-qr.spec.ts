import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { collect } from '../../documents/pdf/layout.js';
import { drawQr } from './vector-qr.js';

const run = promisify(execFile);

/** A page of `pt` points square rasterised by poppler at `dpi`, as grey levels (PGM). */
async function rasterise(pdf: Buffer, dpi: number): Promise<{ width: number; pixels: Buffer }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'qr-'));
  try {
    await writeFile(path.join(dir, 'qr.pdf'), pdf);
    await run('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', path.join(dir, 'qr.pdf'), path.join(dir, 'page')]);
    const pgm = await readFile(path.join(dir, 'page.pgm'));
    // "P5\n<width> <height>\n255\n" then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    return { width: Number(header[1]), pixels: pgm.subarray(header[0].length) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('drawQr', () => {
  it.each(['https://dichvucong.example.gov.vn/verify/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4', 'x'])(
    'draws every module of %j where a scanner reads it, with a light quiet zone',
    async (text) => {
      const qr = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
      const size = 144; // points
      const doc = new PDFDocument({ size: [size, size], margin: 0 });
      const done = collect(doc);
      drawQr(doc, qr, 0, 0, size);
      doc.end();
      const dpi = 288; // 4 pixels per point
      const { width, pixels } = await rasterise(await done, dpi);
      const cell = (size * 4) / (qr.size + 4);
      const dark = (row: number, col: number) => pixels[Math.floor((row + 0.5) * cell) * width + Math.floor((col + 0.5) * cell)] < 128;
      for (let row = -2; row < qr.size + 2; row++) {
        for (let col = -2; col < qr.size + 2; col++) {
          const inside = row >= 0 && col >= 0 && row < qr.size && col < qr.size;
          expect(dark(row + 2, col + 2), `module ${row},${col}`).toBe(inside && Boolean(qr.get(row, col)));
        }
      }
    },
  );
});
