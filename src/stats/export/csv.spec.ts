import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';
import type { Table } from './table.js';

const table = (rows: Table['rows']): Table => ({
  title: 'Theo cơ quan',
  columns: [
    { key: 'name', header: 'Tên', kind: 'text' },
    { key: 'n', header: 'Tiếp nhận', kind: 'count' },
    { key: 'rate', header: 'Tỷ lệ đúng hạn', kind: 'rate' },
  ],
  rows,
});

describe('CSV export', () => {
  it('starts with a byte-order mark and keeps Vietnamese text, with CRLF lines', () => {
    expect(toCsv(table([['Xã An Phú', 12, 0.75]]))).toBe('\uFEFFTên,Tiếp nhận,Tỷ lệ đúng hạn\r\nXã An Phú,12,0.75\r\n');
  });

  it('quotes commas, quotes and line breaks, leaves an empty cell for no value, and rounds rates', () => {
    expect(
      toCsv(
        table([
          ['Sở "Tư pháp", tỉnh', 0, null],
          ['a\nb', 3, 1 / 3],
        ]),
      )
        .split('\r\n')
        .slice(1, 3),
    ).toEqual(['"Sở ""Tư pháp"", tỉnh",0,', '"a\nb",3,0.3333']);
  });

  it('never lets a cell start a spreadsheet formula', () => {
    expect(toCsv(table([['=HYPERLINK("x")', -1, null]])).split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",-1,`);
    expect(toCsv(table([['@SUM(A1)', 1, null]])).split('\r\n')[1]).toBe("'@SUM(A1),1,");
  });
});
