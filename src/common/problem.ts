import { t, type Lang } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

/** One bad field: `path` like `formData.fullName`, `code` a message key translated on the way out. */
export interface FieldError {
  path: string;
  code: MessageKey | string;
  params?: Record<string, string | number>;
  /** Set by modules with their own catalogue (the form validator); else `code` is looked up. */
  message?: { vi: string; en?: string };
}

/**
 * The one exception type of the portal's rules. The API turns it into
 * application/problem+json (RFC 9457); the pages into a friendly page or
 * errors beside the form fields.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly errors: FieldError[] = [],
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'Problem';
  }

  static validation(errors: FieldError[]): Problem {
    return new Problem(422, 'error.422', errors);
  }
  static conflict(code: MessageKey, path?: string): Problem {
    return new Problem(409, code, path ? [{ path, code }] : []);
  }
  static notFound(code: MessageKey = 'error.404'): Problem {
    return new Problem(404, code);
  }
  static unauthenticated(code: MessageKey = 'auth.unauthenticated'): Problem {
    return new Problem(401, code);
  }
  static forbidden(code: MessageKey = 'auth.forbidden'): Problem {
    return new Problem(403, code);
  }
  static tooManyRequests(code: MessageKey = 'error.429'): Problem {
    return new Problem(429, code);
  }
  static badRequest(code: MessageKey = 'error.400'): Problem {
    return new Problem(400, code);
  }
}

/** A field error in the reader's language. */
export function fieldMessage(e: FieldError, lang: Lang): string {
  return (lang === 'en' ? e.message?.en : undefined) || e.message?.vi || t(lang, e.code, e.params);
}
