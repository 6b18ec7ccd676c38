/**
 * Instants as people in Vietnam read them: local time (UTC+7, no daylight
 * saving), day first, 24-hour clock — "16/02/2026 09:00", the same in both
 * languages. Pure.
 */
const OFFSET_MS = 7 * 3_600_000;

const two = (n: number) => String(n).padStart(2, '0');

function local(instant: Date) {
  const d = new Date(instant.getTime() + OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, day: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() };
}

/** DD/MM/YYYY HH:mm in Vietnam's time; empty for no instant. */
export function formatLocalDateTime(instant: Date | null | undefined): string {
  if (!instant) return '';
  const l = local(instant);
  return `${two(l.day)}/${two(l.m)}/${l.y} ${two(l.h)}:${two(l.min)}`;
}

/** DD/MM/YYYY in Vietnam's time; empty for no instant. */
export function formatLocalDate(instant: Date | null | undefined): string {
  if (!instant) return '';
  const l = local(instant);
  return `${two(l.day)}/${two(l.m)}/${l.y}`;
}

/** A file's size as people read it: "820 B", "12 KB", "2,4 MB" (vi) / "2.4 MB" (en); kilobytes rounded up. */
export function formatBytes(bytes: number, lang: 'vi' | 'en'): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  const mb = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
  return `${mb} MB`;
}
