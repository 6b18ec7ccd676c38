import { t, type Lang } from '../../i18n/i18n.js';
import type { FileComparison, Verification } from '../../results/verification.js';
import { formatLocalDateTime } from '../dossiers/local-time.js';

export type Tone = 'valid' | 'invalid';

/** The public verification page: the verdict first, then what the document says, then the file check. */
export function verifyPageView(token: string, v: Verification, lang: Lang, check?: { comparison?: FileComparison; error?: string }) {
  const state = v.revoked ? 'revoked' : v.superseded ? 'superseded' : 'valid';
  return {
    title: t(lang, 'results.verify.title'),
    token,
    verdict: {
      tone: (state === 'valid' ? 'valid' : 'invalid') as Tone,
      heading: t(lang, `results.verify.${state}.heading`),
      text: t(lang, `results.verify.${state}.text`),
      reason: v.reason,
      when: v.statusChangedAt ? formatLocalDateTime(new Date(v.statusChangedAt)) : null,
      replacement: v.supersededBy,
    },
    facts: [
      { label: t(lang, 'results.field.documentNo'), value: v.documentNo },
      { label: t(lang, 'results.field.title'), value: v.title },
      { label: t(lang, 'results.field.issuer'), value: v.issuer },
      { label: t(lang, 'results.field.issuedAt'), value: formatLocalDateTime(new Date(v.issuedAt)), iso: v.issuedAt },
      { label: t(lang, 'results.field.holder'), value: v.holderName },
    ],
    // Multipart: the CSRF token rides in the action's query (see web/csrf.ts).
    uploadAction: `/verify/${encodeURIComponent(token)}`,
    uploadError: check?.error ?? null,
    comparison: check?.comparison ? comparisonView(check.comparison, lang) : null,
  };
}

export function comparisonView(c: FileComparison, lang: Lang) {
  return {
    tone: (c.verdict === 'EXACT' ? 'valid' : 'invalid') as Tone,
    heading: t(lang, `results.compare.${c.verdict}.heading`),
    text: t(lang, `results.compare.${c.verdict}.text`),
    sha256: c.sha256,
  };
}
