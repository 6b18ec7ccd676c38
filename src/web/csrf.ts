import { randomBytes } from 'node:crypto';
import { doubleCsrf } from 'csrf-csrf';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/config.js';
import { deriveKey } from '../common/secrets.js';

/** A random id per browser: what the CSRF tokens are bound to, since pages keep no server session. */
export const BROWSER_ID_COOKIE = 'bid';

export interface CsrfTools {
  /** Express middleware: gives each browser an id and each page its `csrfToken`. */
  middleware: (req: Request, res: Response, next: NextFunction) => void;
  /** True when an unsafe request carries the token of its browser. */
  isValid: (req: Request) => boolean;
}

/** Double-submit CSRF tokens (csrf-csrf), signed with a key derived from APP_SECRET. */
export function createCsrf(config: AppConfig): CsrfTools {
  const secure = config.cookieSecure;
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => deriveKey(config.appSecret!, 'csrf'),
    getSessionIdentifier: (req) => String(req.cookies?.[BROWSER_ID_COOKIE] ?? ''),
    cookieName: secure ? '__Host-csrf' : 'csrf',
    cookieOptions: { sameSite: 'lax', path: '/', secure, httpOnly: true },
    getCsrfTokenFromRequest: (req) =>
      ((req.body as Record<string, unknown> | undefined)?._csrf as string | undefined) ??
      req.headers['x-csrf-token'] ??
      // A multipart body is parsed (by multer) only after the guard: such forms carry the token in their action's query.
      (req.is('multipart/form-data') ? ((req.query as Record<string, unknown>)._csrf as string | undefined) : undefined),
  });

  return {
    middleware(req, res, next) {
      if (!req.cookies[BROWSER_ID_COOKIE]) {
        const id = randomBytes(18).toString('base64url');
        res.cookie(BROWSER_ID_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
        req.cookies[BROWSER_ID_COOKIE] = id;
      }
      res.locals.csrfToken = generateCsrfToken(req, res);
      next();
    },
    isValid: (req) => validateRequest(req),
  };
}
