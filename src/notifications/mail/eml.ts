/**
 * Reads the parts of a MIME message a person needs to see: subject, from, to,
 * date, Message-ID and the plain text. Enough for the mail this portal writes
 * (nodemailer: encoded-word headers, quoted-printable or base64 bodies,
 * possibly multipart) — for the dev mailbox page and the tests' SMTP server,
 * not a general mail parser.
 */
export interface ReadMail {
  subject: string;
  from: string;
  to: string;
  date: Date | null;
  messageId: string;
  text: string;
}

export function readEml(raw: string | Buffer): ReadMail {
  // Work on bytes (one char per byte) and decode each piece by its own charset.
  const part = splitPart((typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw).toString('latin1'));
  const header = (name: string) => decodeWords(part.headers.get(name) ?? '');
  const date = part.headers.has('date') ? new Date(part.headers.get('date')!) : null;
  return {
    subject: header('subject'),
    from: header('from'),
    to: header('to'),
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    messageId: header('message-id'),
    text: plainText(part),
  };
}

interface Part {
  headers: Map<string, string>;
  /** Undecoded body, one JS char per byte (latin1). */
  body: string;
}

/** Headers (unfolded, names lower-cased, first occurrence wins) and the body; bytes kept as latin1. */
function splitPart(raw: string): Part {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** The first text/plain part, decoded; '' when there is none. */
function plainText(part: Part): string {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const pieces = part.body.split(new RegExp(`^--${escapeRegExp(boundary)}(?:--)?[ \\t]*\\r?$`, 'm')).slice(1, -1);
    for (const piece of pieces) {
      const text = plainText(splitPart(piece.replace(/^\r?\n/, '')));
      if (text) return text;
    }
    return '';
  }
  if (!/^text\/plain/i.test(type)) return '';
  const bytes = decodeTransfer(part.body, part.headers.get('content-transfer-encoding') ?? '7bit');
  return decodeCharset(bytes, /charset="?([^";]+)"?/i.exec(type)?.[1] ?? 'utf-8')
    .replace(/\r\n/g, '\n')
    .replace(/\n$/, '');
}

function decodeTransfer(body: string, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return qp(body.replace(/=\r?\n/g, ''));
    default:
      return Buffer.from(body, 'latin1');
  }
}

/** Quoted-printable (and the Q encoding of headers, once `_` is a space): `=XX` is a byte. */
function qp(text: string): Buffer {
  return Buffer.from(
    text.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
}

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.trim().toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

const ENCODED_WORD = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;

/**
 * RFC 2047 encoded words. Adjacent words are joined byte-wise before decoding
 * (a UTF-8 character may be split across two) and the space between them dropped.
 */
function decodeWords(value: string): string {
  const raw = value.replace(/(\?=)\s+(?==\?)/g, '$1');
  const tokens: ({ text: string } | { charset: string; bytes: Buffer })[] = [];
  let last = 0;
  for (const m of raw.matchAll(ENCODED_WORD)) {
    if (m.index > last) tokens.push({ text: raw.slice(last, m.index) });
    const [, charset, enc, data] = m;
    const bytes = enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : qp(data.replace(/_/g, ' '));
    const cs = charset.replace(/\*.*$/, '').toLowerCase(); // RFC 2231 language suffix: utf-8*vi
    const prev = tokens.at(-1);
    if (prev && 'bytes' in prev && prev.charset === cs) prev.bytes = Buffer.concat([prev.bytes, bytes]);
    else tokens.push({ charset: cs, bytes });
    last = m.index + m[0].length;
  }
  if (last < raw.length) tokens.push({ text: raw.slice(last) });
  // Text outside encoded words may still be raw UTF-8 (read here as latin1).
  return tokens.map((t) => ('text' in t ? Buffer.from(t.text, 'latin1').toString('utf8') : decodeCharset(t.bytes, t.charset))).join('');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
