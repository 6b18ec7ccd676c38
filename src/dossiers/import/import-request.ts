/**
 * The body of `POST /admin/dossiers/import` (API.md), checked in full before
 * anything is read from the database: every bad field of every dossier at
 * once, each with a path like `dossiers[3].events[2].at`. Pure.
 */
import { z } from 'zod';
import type { FieldError } from '../../common/problem.js';
import { parseIsoInstant } from '../../common/instant.js';
import { IMPORT_EVENT_TYPES, type ImportEvent } from './replay.js';

/** One request stays well under the 1 MB body limit and one transaction's comfortable size; larger imports come in batches. */
export const MAX_DOSSIERS_PER_IMPORT = 1000;
export const MAX_EVENTS_PER_DOSSIER = 100;

const instant = z.string().transform((value, ctx) => {
  const at = parseIsoInstant(value);
  if (!at) {
    ctx.addIssue({ code: 'custom', message: 'isoInstant' });
    return z.NEVER;
  }
  return at;
});

const text = (max: number) => z.string().trim().min(1).max(max);

const event = z.strictObject({
  type: z.enum(IMPORT_EVENT_TYPES),
  at: instant,
  by: text(200).optional(),
  comment: text(2000).optional(),
});

/** A rating as the rating endpoint takes it, or just its score. */
const rating = z.union([
  z.number().int().min(1).max(5),
  z.strictObject({ score: z.number().int().min(1).max(5), comment: text(2000).optional(), at: instant.optional() }),
]);

const dossier = z.strictObject({
  // Codes of the old system are kept as they are: any readable code up to the column's 64 characters.
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, { message: 'code' })
    .optional(),
  procedureCode: text(64),
  agencyCode: text(40),
  channel: z.enum(['ONLINE', 'COUNTER']),
  applicant: z.strictObject({
    citizenId: z.string().regex(/^\d{12}$/, { message: 'citizenId' }),
    fullName: text(200),
    email: z.email({ message: 'email' }).max(254).toLowerCase().optional(),
  }),
  formData: z.record(z.string(), z.unknown()).optional(),
  fee: z.strictObject({ amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), currency: z.literal('VND').optional() }).optional(),
  paidOnline: z.boolean().optional(),
  rating: rating.optional(),
  events: z.array(event).min(1).max(MAX_EVENTS_PER_DOSSIER),
});

const body = z.strictObject({ dossiers: z.array(dossier).min(1).max(MAX_DOSSIERS_PER_IMPORT) });

type ParsedDossier = z.infer<typeof dossier>;

export interface ImportDossier extends Omit<ParsedDossier, 'rating' | 'events'> {
  rating?: { score: number; comment?: string; at?: Date };
  events: ImportEvent[];
}

export type ParsedImport = { ok: true; dossiers: ImportDossier[] } | { ok: false; errors: FieldError[] };

export function parseImportRequest(input: unknown): ParsedImport {
  // reportInput: a missing field (`input` undefined) is told as required, a wrong one as invalid.
  const parsed = body.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap(toFieldErrors) };
  const dossiers = parsed.data.dossiers.map((d) => ({
    ...d,
    rating: typeof d.rating === 'number' ? { score: d.rating } : d.rating,
  }));
  const errors = duplicateCodes(dossiers);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, dossiers };
}

/** The same code twice in one request is ambiguous (which events are right?): refused, both named. */
function duplicateCodes(dossiers: { code?: string }[]): FieldError[] {
  const first = new Map<string, number>();
  const errors: FieldError[] = [];
  dossiers.forEach((d, i) => {
    if (d.code === undefined) return;
    const seen = first.get(d.code);
    if (seen === undefined) first.set(d.code, i);
    else errors.push({ path: `dossiers[${i}].code`, code: 'import.duplicateCode', message: duplicateMessage(seen) });
  });
  return errors;
}

const duplicateMessage = (i: number) => ({
  vi: `Mã hồ sơ trùng với dossiers[${i}] trong cùng yêu cầu.`,
  en: `The same code as dossiers[${i}] in this request.`,
});

/** `['dossiers', 3, 'events', 2, 'at']` → `dossiers[3].events[2].at`. */
export function pathOf(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((path, s) => (typeof s === 'number' ? `${path}[${s}]` : path ? `${path}.${String(s)}` : String(s)), '');
}

const MESSAGES: Record<string, { vi: string; en: string }> = {
  isoInstant: {
    vi: 'Phải là thời điểm ISO 8601 có múi giờ, ví dụ 2025-03-03T09:00:00+07:00.',
    en: 'Must be an ISO 8601 instant with an offset, e.g. 2025-03-03T09:00:00+07:00.',
  },
  code: {
    vi: 'Mã chỉ gồm chữ, chữ số, dấu chấm, gạch ngang, gạch dưới, gạch chéo (tối đa 64 ký tự).',
    en: 'Letters, digits, dots, dashes, underscores and slashes only (at most 64 characters).',
  },
  tooMany: { vi: 'Quá nhiều phần tử.', en: 'Too many items.' },
  range: { vi: 'Giá trị nằm ngoài khoảng cho phép.', en: 'The value is out of range.' },
};

/** A zod issue as the portal's field errors: existing message keys where one fits, else a message of its own. */
function toFieldErrors(issue: z.core.$ZodIssue): FieldError[] {
  const path = pathOf(issue.path) || '$';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), code: 'validation.whitelistValidation' }));
    case 'invalid_type':
      return [{ path, code: issue.input === undefined ? 'validation.isNotEmpty' : 'validation.invalid' }];
    case 'invalid_value':
      return [{ path, code: 'validation.isIn' }];
    case 'invalid_union':
      return [{ path, code: 'validation.invalid' }];
    case 'too_small':
      if (issue.origin === 'string') return [{ path, code: 'validation.isNotEmpty' }];
      if (issue.origin === 'array') return [{ path, code: 'validation.arrayNotEmpty' }];
      return [{ path, code: 'import.range', message: MESSAGES.range }];
    case 'too_big':
      if (issue.origin === 'string') return [{ path, code: 'validation.maxLength' }];
      if (issue.origin === 'array') return [{ path, code: 'import.tooMany', message: MESSAGES.tooMany }];
      return [{ path, code: 'import.range', message: MESSAGES.range }];
    default: {
      if (issue.message === 'citizenId') return [{ path, code: 'validation.citizenId' }];
      if (issue.message === 'email') return [{ path, code: 'validation.isEmail' }];
      const own = MESSAGES[issue.message];
      return [own ? { path, code: `import.${issue.message}`, message: own } : { path, code: 'validation.invalid' }];
    }
  }
}
