import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/config.js';
import { langOf, t, type Lang } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

const FLASH_COOKIE = 'flash';

/** Locals every page template can use: language, current path, the one-time flash message. */
export function pageContext(config: AppConfig) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const lang = langOf(req);
    res.locals.lang = lang;
    res.locals.otherLang = lang === 'vi' ? 'en' : 'vi';
    res.locals.path = req.originalUrl;
    const flash = req.cookies?.[FLASH_COOKIE] as string | undefined;
    if (flash) {
      const [key, ...rest] = flash.split('|');
      res.locals.flash = t(lang, key, rest.length ? { value: rest.join('|') } : {});
      res.clearCookie(FLASH_COOKIE, { path: '/', secure: config.cookieSecure, httpOnly: true, sameSite: 'lax' });
    }
    next();
  };
}

/** A message shown once on the next page (after a redirect). `value` fills `{value}`. */
export function setFlash(res: Response, key: MessageKey, value?: string): void {
  res.cookie(FLASH_COOKIE, value ? `${key}|${value}` : key, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60_000 });
}

export function pageLang(res: Response): Lang {
  return (res.locals.lang as Lang | undefined) ?? 'vi';
}

/**
 * Only same-site paths: `next` must never send people to another site. Control
 * characters are refused too, since browsers drop tabs and newlines inside URLs
 * (`/\t/evil.example` would become `//evil.example`).
 */
export function safeNext(next: unknown, fallback = '/'): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\u0000-\u001f\u007f]*$/.test(next) ? next : fallback;
}
