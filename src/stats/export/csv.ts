import { plain, type Table } from './table.js';

/** RFC 4180 CSV, UTF-8 with a byte-order mark so that Excel shows Vietnamese text intact. */
export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => c.header), ...table.rows.map((r) => r.map(plain))].map((cells) => cells.map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function quote(value: string): string {
  // A leading =, +, - or @ would be a formula in a spreadsheet: prefixed with a quote (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
