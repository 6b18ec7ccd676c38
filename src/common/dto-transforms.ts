import { Transform } from 'class-transformer';

/** Trims and NFC-normalises text, so "Nguyễn" typed on any keyboard is stored one way. */
export const CleanText = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ') : value));

export const LowerCaseEmail = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** Drops the spaces, dots and dashes people type inside numbers. */
export const Digits = () => Transform(({ value }) => (typeof value === 'string' ? value.replace(/[\s.-]/g, '') : value));

/** An empty form field means "not given". */
export const EmptyAsUndefined = () => Transform(({ value }) => (value === '' || value === null ? undefined : value));

export const CITIZEN_ID = /^\d{12}$/;
/** Vietnamese mobile (03x, 05x, 07x, 08x, 09x) and landline (02x) numbers, national or +84 form. */
export const VN_PHONE = /^(?:0|\+84)(?:[35789]\d{8}|2\d{9})$/;
