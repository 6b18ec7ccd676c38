import ExcelJS from 'exceljs';
import type { Table } from './table.js';

/** One worksheet per table: a bold header row, numbers as numbers, rates as percentages. */
export async function toXlsx(tables: readonly Table[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Cổng dịch vụ công';
  tables.forEach((table, i) => {
    const sheet = book.addWorksheet(sheetName(table.title, i));
    sheet.columns = table.columns.map((c) => ({ header: c.header, key: c.key, width: c.kind === 'text' ? 32 : 14 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? null));
    table.columns.forEach((c, j) => {
      if (c.kind === 'rate') sheet.getColumn(j + 1).numFmt = '0.00%';
      if (c.kind === 'number') sheet.getColumn(j + 1).numFmt = '0.00';
    });
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string, i: number): string {
  return (title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28) || 'Sheet') + (i > 0 ? ` ${i + 1}` : '');
}
