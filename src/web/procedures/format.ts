import { t, type Lang } from '../../i18n/i18n.js';
import { mimeName } from '../../procedures/forms/components.js';
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
  return mimeTypes.map(mimeName).join(', ');
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

const INSTANT_OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const INSTANT_FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat('vi-VN', INSTANT_OPTIONS),
  en: new Intl.DateTimeFormat('en-GB', INSTANT_OPTIONS),
};

/** An instant in Vietnam's time, e.g. "09:00 16/02/2026". */
export function formatInstant(instant: Date, lang: Lang): string {
  return INSTANT_FORMATS[lang].format(instant);
}
