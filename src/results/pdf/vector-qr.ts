import type { Doc } from '../../documents/pdf/layout.js';

export interface QrModules {
  size: number;
  get(row: number, col: number): number | boolean;
}

/**
 * The QR code as vector squares, a run of dark modules per rectangle, with
 * the two-module quiet zone scanners need: sharp at any zoom or print size,
 * and no PNG to encode and decode again.
 */
export function drawQr(doc: Doc, qr: QrModules, x: number, y: number, size: number): void {
  const quiet = 2;
  const cell = size / (qr.size + 2 * quiet);
  for (let row = 0; row < qr.size; row++) {
    let col = 0;
    while (col < qr.size) {
      if (!qr.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < qr.size && qr.get(row, col)) col++;
      // A hair of overlap, so that no seam shows between neighbouring squares.
      doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (col - start) * cell + 0.05, cell + 0.05);
    }
  }
  doc.fillColor('black').fill();
}
