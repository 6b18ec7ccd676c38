import { en, vi, type MessageKey } from './messages.js';

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'vi';

const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** Own keys only: `toString` or `__proto__` are not messages. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}

/** Translates a key, filling `{name}` placeholders; an unknown key is returned as is. */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  if (!isMessageKey(key)) return key;
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export function parseLang(value: unknown): Lang | undefined {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value) ? (value as Lang) : undefined;
}

/** The language of a request: the `lang` cookie set by the switch, else Accept-Language, else Vietnamese. */
export function langOf(req: { cookies?: Record<string, string>; headers: Record<string, string | string[] | undefined> }): Lang {
  return parseLang(req.cookies?.lang) ?? fromAcceptLanguage(req.headers['accept-language']) ?? DEFAULT_LANG;
}

/** The supported language the browser ranks highest (by `q`, then by order), if any. */
function fromAcceptLanguage(header: string | string[] | undefined): Lang | undefined {
  const ranges = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((part, index) => {
    const [tag = '', ...attributes] = part.split(';').map((s) => s.trim());
    const q = attributes.find((a) => /^q=/i.test(a));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    return { lang: parseLang(tag.toLowerCase().split(/[-_]/)[0]), weight: Number.isFinite(weight) ? weight : 0, index };
  });
  const best = ranges.filter((r) => r.lang && r.weight > 0).sort((a, b) => b.weight - a.weight || a.index - b.index)[0];
  return best?.lang;
}
