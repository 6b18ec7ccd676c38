import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** ISO 8601 date-time with seconds optional and an explicit offset: an instant, never a floating local time. */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/i;

/**
 * The instant an ISO 8601 string with an offset names, or null (no offset,
 * 30 February, 24:00…). JavaScript's own parser is too lenient for input: it
 * rolls 30 February over to March and reads a string without offset as local time.
 */
export function parseIsoInstant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = ISO_INSTANT.exec(value);
  if (!m) return null;
  const [, year, month, day] = m.map(Number);
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  if (calendarDay.getUTCFullYear() !== year || calendarDay.getUTCMonth() !== month - 1 || calendarDay.getUTCDate() !== day) return null;
  const instant = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/**
 * In a query string an unencoded `+` arrives as a space (`?start=2026-02-16T09:00+07:00`):
 * put it back before the offset, so the form people type by hand works.
 */
export const PlusInOffset = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().replace(/ (\d{2}:?\d{2})$/, '+$1') : value));

export const IsIsoInstant = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isIsoInstant', validator: { validate: (value) => parseIsoInstant(value) !== null } }, options);
