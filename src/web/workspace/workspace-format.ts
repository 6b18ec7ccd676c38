/**
 * Small formatting shared by the workspace pages: instants in Vietnam's time,
 * localized names from procedure definitions, status and action labels.
 */
import { t, type Lang } from '../../i18n/i18n.js';
import { localized, type LocalizedText } from '../../procedures/forms/definition.js';
import { formatInstant, formatWorkingHours } from '../procedures/format.js';

export function instant(d: Date | string | null | undefined, lang: Lang): string | null {
  return d ? formatInstant(new Date(d), lang) : null;
}

export function named(text: LocalizedText | string | null | undefined, lang: Lang, fallback = ''): string {
  if (!text) return fallback;
  return typeof text === 'string' ? text : localized(text, lang);
}

export function statusLabel(status: string, lang: Lang): string {
  return t(lang, `workspace.status.${status}`);
}

export function actionLabel(action: string, lang: Lang): string {
  return t(lang, `workspace.action.${action}`);
}

/** "6 giờ làm việc", "1,5 ngày làm việc"; "quá 2 giờ làm việc" once past. */
export function hoursLeftText(hours: number, lang: Lang): string {
  return hours >= 0 ? formatWorkingHours(hours, lang) : t(lang, 'workspace.clock.pastBy', { time: formatWorkingHours(-hours, lang) });
}
