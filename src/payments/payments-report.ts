/** The managers' payments list as CSV. Pure. */
import type { DossierStatus } from '../dossiers/lifecycle.js';
import type { LocalizedText } from '../procedures/forms/definition.js';

export interface PaymentListItem {
  id: string;
  dossierId: string;
  /** Null until the dossier is received (a draft paying on submission has none). */
  dossierCode: string | null;
  dossierStatus: DossierStatus;
  procedureCode: string;
  /** The name in the procedure version the dossier is bound to. */
  procedureName: LocalizedText;
  agencyCode: string;
  payerName: string;
  status: string;
  channel: string;
  provider: string;
  amount: number;
  receipt: string | null;
  createdAt: string;
  paidAt: string | null;
  refundedAt: string | null;
}

const HEADER: (keyof PaymentListItem)[] = [
  'createdAt',
  'paidAt',
  'refundedAt',
  'dossierCode',
  'procedureCode',
  'agencyCode',
  'payerName',
  'amount',
  'status',
  'channel',
  'provider',
  'receipt',
  'id',
];

/** RFC 4180, with a BOM so spreadsheet programs read the Vietnamese letters; formulas are defused. */
export function paymentsCsv(items: readonly PaymentListItem[]): string {
  const cell = (v: unknown): string => {
    let text = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(text) && typeof v === 'string') text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [HEADER.join(','), ...items.map((item) => HEADER.map((k) => cell(item[k])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A period bound: a local date (its 00:00 in Vietnam) or an instant with its offset. */
export function parseBound(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+07:00` : value;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
