import { en, vi, type MessageKey } from './messages.js';

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'vi';

const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function isMessageKey(key: string): key is MessageKey {
  return key in vi;
}

/** Translates a key, filling `{name}` placeholders; an unknown key is returned as is. */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const text = isMessageKey(key) ? catalogues[lang][key] : key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function parseLang(value: unknown): Lang | undefined {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value) ? (value as Lang) : undefined;
}

/** The language of a request: the `lang` cookie set by the switch, else Accept-Language, else Vietnamese. */
export function langOf(req: { cookies?: Record<string, string>; headers: Record<string, string | string[] | undefined> }): Lang {
  const fromCookie = parseLang(req.cookies?.lang);
  if (fromCookie) return fromCookie;
  const accept = String(req.headers['accept-language'] ?? '').toLowerCase();
  const first = accept.split(',')[0]?.trim().slice(0, 2);
  return parseLang(first) ?? DEFAULT_LANG;
}
