import { StreamableFile } from '@nestjs/common';
import type { ResultFile } from './results.service.js';

/** The signed result as a download (personal data: never cached by proxies). */
export function resultPdf(file: ResultFile): StreamableFile {
  return new StreamableFile(file.pdf, {
    type: 'application/pdf',
    disposition: `attachment; filename="${file.fileName}"`,
    length: file.pdf.length,
  });
}
