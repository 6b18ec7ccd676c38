import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Public Sans, shipped by the USWDS package the pages already use: a TrueType
 * font with every Vietnamese letter (ơ, ư, đ, ế, ộ …), which pdfkit's built-in
 * PDF fonts lack. Resolved through the package so it works from src/ and dist/.
 */
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('@uswds/uswds')), '..', 'fonts', 'public-sans');

export const FONTS = {
  regular: 'PublicSans-Regular',
  bold: 'PublicSans-Bold',
  italic: 'PublicSans-Italic',
} as const;

let loaded: Map<string, Buffer> | undefined;

/** The font files, read once per process (every document embeds a subset of them). */
export function fontFiles(): ReadonlyMap<string, Buffer> {
  loaded ??= new Map(Object.values(FONTS).map((name) => [name, readFileSync(path.join(FONT_DIR, `${name}.ttf`))]));
  return loaded;
}
