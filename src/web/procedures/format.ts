import { t, type Lang } from '../../i18n/i18n.js';
import { mimeNames } from '../../procedures/forms/components.js';
import { formatLocalDateTime } from '../dossiers/local-time.js';
import type { ProcedureDefinition } from '../../procedures/forms/definition.js';

/** Vietnamese writes 50.000 and 0,5; English 50,000 and 0.5. */
const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatNumber(n: number, lang: Lang, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: maxFractionDigits }).format(n);
}

/** "Miễn phí" / "50.000 đồng"; "Free" / "50,000 VND". Amounts are whole đồng. */
export function formatFee(amount: number, lang: Lang): string {
  return amount === 0 ? t(lang, 'procedures.fee.free') : t(lang, 'procedures.fee.amount', { amount: formatNumber(amount, lang, 0) });
}

/** "1 ngày làm việc", "0,5 ngày làm việc", "4 giờ làm việc" (and the English with its plurals). */
export function formatProcessingTime(time: ProcedureDefinition['processingTime'], lang: Lang): string {
  return 'workingHours' in time ? hoursText(time.workingHours, lang) : daysText(time.workingDays, lang);
}

/**
 * A share of the processing time, e.g. a workflow step's: in whole hours
 * below a day, else in days (8 working hours each), as people count them.
 */
export function formatWorkingHours(hours: number, lang: Lang): string {
  const rounded = Math.round(hours * 100) / 100;
  return rounded < 8 ? hoursText(rounded, lang) : daysText(rounded / 8, lang);
}

function daysText(days: number, lang: Lang): string {
  return t(lang, days === 1 ? 'procedures.time.day' : 'procedures.time.days', { n: formatNumber(days, lang) });
}

function hoursText(hours: number, lang: Lang): string {
  return t(lang, hours === 1 ? 'procedures.time.hour' : 'procedures.time.hours', { n: formatNumber(hours, lang) });
}

/** "PDF, JPEG, PNG" from MIME types. */
export function formatFileTypes(mimeTypes: string[]): string {
  return mimeNames(mimeTypes);
}

/** "10 MB", "2,5 MB" (MiB, as upload limits are set). */
export function formatMegabytes(bytes: number, lang: Lang): string {
  return `${formatNumber(bytes / (1024 * 1024), lang, 1)} MB`;
}

/** An ISO date `YYYY-MM-DD` as dd/mm/yyyy, the way it is written in Vietnam; anything else as it is. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * An instant in Vietnam's time, written as every page writes it: "16/02/2026 09:00"
 * (day first, 24-hour clock, the same in both languages). The language is kept for
 * the callers' sake; PDFs have their own, time-first style (src/documents).
 */
export function formatInstant(instant: Date, _lang?: Lang): string {
  return formatLocalDateTime(instant);
}
