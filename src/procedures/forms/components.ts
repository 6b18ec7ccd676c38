/**
 * The documents of a dossier ("thành phần hồ sơ"): which are needed, which
 * files are acceptable, and the content sniffing that tells a file's real type.
 * Pure: no framework (file-type reads bytes, nothing else).
 */
import { fileTypeFromBuffer } from 'file-type';
import { DEFAULT_ACCEPT, DEFAULT_MAX_BYTES, resultProcedureOf, type ComponentDefinition } from './definition.js';
import { formError, type FormError } from './messages.js';

export interface ProvidedFile {
  code: string;
  /** The type found by content sniffing (`sniffFile`), never the one the browser claims; `undefined`: unknown. */
  mimeType: string | undefined;
  size: number;
}

export interface SatisfiedBy {
  /** Profile facts the portal holds for this citizen (`citizenId`, `fullName`, `residence`). */
  profile: ReadonlySet<string>;
  /** Procedure codes of results already issued to this citizen (their document wallet). */
  results: ReadonlySet<string>;
}

const MIME_NAMES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/tiff': 'TIFF',
  'image/heic': 'HEIC',
  'image/webp': 'WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/zip': 'ZIP',
};

/** A short name people know (`PDF`, `JPEG`) for a MIME type, or the MIME type itself. */
export function mimeName(mime: string): string {
  return Object.hasOwn(MIME_NAMES, mime) ? MIME_NAMES[mime] : mime;
}

/** "PDF, JPEG, PNG": the accepted types as people name them, for hints and errors alike. */
export function mimeNames(mimeTypes: readonly string[]): string {
  return mimeTypes.map(mimeName).join(', ');
}

/** Megabytes (MiB) with at most two decimals, rounded up so that a file over the limit never reads as equal to it. */
function megabytes(bytes: number): number {
  return Math.ceil((bytes / (1024 * 1024)) * 100) / 100;
}

/** Whether a component needs no upload because the portal already holds the data. */
export function isSatisfiedByData(def: ComponentDefinition, satisfied: SatisfiedBy): boolean {
  const by = def.satisfiedBy;
  if (by === undefined) return false;
  return 'profile' in by ? satisfied.profile.has(by.profile) : satisfied.results.has(resultProcedureOf(def) ?? '');
}

/**
 * Every problem with a dossier's documents, at `components.<code>`: a required
 * component neither uploaded nor satisfied by data; a file of a type the
 * component does not accept (or of an unrecognised type), empty or too large;
 * a file for a component the procedure does not have. A component may have
 * several files (the pages of a scan); each is checked.
 */
export function checkComponents(
  defs: readonly ComponentDefinition[],
  provided: readonly ProvidedFile[],
  satisfied: SatisfiedBy,
): FormError[] {
  const errors: FormError[] = [];
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const filesOf = new Map<string, ProvidedFile[]>();
  for (const file of provided) {
    const list = filesOf.get(file.code);
    if (list === undefined) filesOf.set(file.code, [file]);
    else list.push(file);
  }
  for (const def of defs) {
    const path = `components.${def.code}`;
    const files = filesOf.get(def.code);
    if (files === undefined) {
      if (def.required && !isSatisfiedByData(def, satisfied)) errors.push(formError(path, 'component.required'));
      continue;
    }
    const accept = def.accept ?? DEFAULT_ACCEPT;
    const maxBytes = def.maxBytes ?? DEFAULT_MAX_BYTES;
    const acceptNames = [...new Set(accept.map(mimeName))].join(', ');
    for (const file of files) {
      if (file.size <= 0) errors.push(formError(path, 'component.empty'));
      else if (file.mimeType === undefined) errors.push(formError(path, 'component.unrecognisedType', { accept: acceptNames }));
      else if (!accept.includes(file.mimeType))
        errors.push(formError(path, 'component.type', { type: mimeName(file.mimeType), accept: acceptNames }));
      else if (file.size > maxBytes)
        errors.push(formError(path, 'component.tooLarge', { size: megabytes(file.size), max: megabytes(maxBytes) }));
    }
  }
  for (const code of filesOf.keys()) {
    if (!byCode.has(code)) errors.push(formError(`components.${code}`, 'component.unknown', { code }));
  }
  return errors;
}

/** The type of a file from its content (magic numbers), or `undefined` when it is not recognised (plain text, say). */
export async function sniffFile(bytes: Uint8Array): Promise<{ mime: string; ext: string } | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  return found === undefined ? undefined : { mime: found.mime, ext: found.ext };
}
