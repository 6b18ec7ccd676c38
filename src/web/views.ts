import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import hbs from 'hbs';
import { parseLang, t } from '../i18n/i18n.js';

/**
 * Handlebars set-up for the pages: partials read synchronously (so the first
 * request never races them) and the helpers the templates use.
 */
export function setUpViews(viewsDir: string): void {
  const partialsDir = path.join(viewsDir, 'partials');
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
    hbs.registerPartial(path.basename(file, '.hbs'), readFileSync(path.join(partialsDir, file), 'utf8'));
  }

  /** `{{t "key"}}` or `{{t "key" name=value}}`, in the page's language. */
  hbs.registerHelper('t', function (key: string, options: { hash?: Record<string, string>; data?: { root?: { lang?: string } } }) {
    return t(parseLang(options?.data?.root?.lang) ?? 'vi', String(key), options?.hash ?? {});
  });
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
  hbs.registerHelper('encode', (value: unknown) => encodeURIComponent(String(value ?? '')));
}
