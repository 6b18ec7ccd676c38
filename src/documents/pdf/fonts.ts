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

/** A font parsed by fontkit: pdfkit's `registerFont` and `font` option take it in place of the file (their types only name files). */
export interface ParsedFont {
  layout(text: string): unknown;
}

interface FontkitFont extends ParsedFont {
  readonly characterSet: number[];
  glyphForCodePoint(codePoint: number): unknown;
}

/** fontkit exactly as pdfkit resolves it, so that pdfkit accepts its font objects as its own. */
const fontkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as { create(bytes: Buffer): FontkitFont };

/**
 * A font parsed for sharing between documents. fontkit keeps each glyph with
 * the characters it was first asked for, and pdfkit builds a document's text
 * layer (ToUnicode) from them; subsetting asks for the plain letters inside
 * accented ones (O in Ô, ơ in ờ) with no character. In a font shared by
 * documents, a later document would then print those letters but lose them
 * from its extractable text. Asking for every mapped character once, first,
 * ties each glyph to its own character (Public Sans maps no glyph twice).
 */
function parseForSharing(bytes: Buffer): ParsedFont {
  const font = fontkit.create(bytes);
  for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
  return font;
}

let parsed: ReadonlyMap<string, ParsedFont> | undefined;

/**
 * The fonts parsed once per process, for the one-stop forms and the results.
 * Given bytes, pdfkit parses the whole TrueType file again for every document
 * (about half of a form's rendering time); given a parsed font it only lays
 * out and subsets, which is per document anyway.
 */
export function parsedFonts(): ReadonlyMap<string, ParsedFont> {
  parsed ??= new Map([...fontFiles()].map(([name, bytes]) => [name, parseForSharing(bytes)]));
  return parsed;
}

/** Registers the shared parsed fonts on a new document under the names of `FONTS`. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, font] of parsedFonts()) doc.registerFont(name, font as unknown as Buffer);
}
