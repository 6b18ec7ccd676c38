import hbs from 'hbs';

/** A Handlebars environment of its own: no helper or partial of the pages leaks into results. */
const engine = hbs.create().handlebars;

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#x60;': '`',
  '&#x3D;': '=',
};

/** What a result body template may use. */
export interface ResultTemplateData {
  formData: Record<string, unknown>;
  applicant: { fullName: string; citizenId: string | null };
  dossier: { code: string | null };
  documentNo: string;
  agency: { name: string };
}

/**
 * The body of a result from the version's Handlebars template, as the lines
 * of text the PDF prints. The dossier's data is HTML-escaped by Handlebars
 * (so the same text is safe wherever HTML shows it) and the PDF prints the
 * characters themselves, so `Lê & Con` reads as written. A template error
 * (an admin's typo) comes back as `null` rather than a failed approval.
 */
export function renderResultBody(body: string, data: ResultTemplateData): string[] | null {
  let html: string;
  try {
    html = engine.compile(body, { strict: false, knownHelpersOnly: false })(data, { allowProtoPropertiesByDefault: false });
  } catch {
    return null;
  }
  return unescapeHtml(html)
    .split(/\r?\n/)
    .map((line) => line.trimEnd());
}

export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#x27|#x60|#x3D);/g, (e) => ENTITIES[e]);
}
