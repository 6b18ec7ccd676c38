import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Pages of a PDF written by pdfkit (uncompressed object dictionaries): one `/Type /Page` object each. */
export function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

/**
 * The text of a PDF through poppler's `pdftotext` (CI installs poppler-utils),
 * or null where it is not installed, so that text checks are skipped, not failed.
 */
export async function pdfText(pdf: Buffer): Promise<string | null> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pdf-text-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    return stdout;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What poppler's `pdfsig` says of a PDF's signatures (CI installs poppler-utils; its exit code is non-zero for a broken one). */
export async function pdfSignatures(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pdf-sig-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    const result = await run('pdfsig', [file]).catch((err: { stdout?: string; code?: unknown }) => {
      if (err.code === 'ENOENT') throw new Error('pdfsig is not installed (apt-get install poppler-utils)');
      return { stdout: err.stdout ?? '' };
    });
    return result.stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
