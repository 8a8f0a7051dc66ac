/**
 * A `TableModel` (shared/finance/export.ts) as an .xlsx workbook: one sheet, bold frozen header,
 * a number format per column kind and widths from the content, so the file opens ready to read
 * and cells stay numbers (sortable, summable) rather than text.
 */
import ExcelJS from 'exceljs';
import type { CellValue, ColumnKind, TableModel } from '../../shared/finance/export';

/** Excel number formats per kind; percent cells hold fractions (0.125 shows as 12.50%). */
export const numberFormats: Readonly<Record<ColumnKind, string | undefined>> = {
  text: '@',
  number: '#,##0.####',
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  percent: '0.00%',
};

/** Sheet names: at most 31 characters and none of : \ / ? * [ ] (Excel refuses the file otherwise). */
export function sheetName(title: string): string {
  const cleaned = title
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31);
  return cleaned === '' ? 'Sheet1' : cleaned;
}

function cellValue(value: CellValue, kind: ColumnKind): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    // Business dates are calendar dates: build them in UTC, which is how exceljs serialises.
    const [year, month, day] = value.slice(0, 10).split('-').map(Number);
    return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

function displayWidth(text: string): number {
  // CJK characters take about two columns in Excel's default font.
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1;
  return width;
}

export async function tableToXlsx(table: TableModel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Larder';
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => {
    const samples = table.rows.slice(0, 500).map((row) => String(row[column.key] ?? ''));
    const width = Math.min(60, Math.max(10, displayWidth(column.title), ...samples.map(displayWidth)) + 2);
    const numFmt = numberFormats[column.kind];
    return { header: column.title, key: column.key, width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  for (const row of table.rows) {
    const values: Record<string, string | number | Date | null> = {};
    for (const column of table.columns) values[column.key] = cellValue(row[column.key], column.kind);
    sheet.addRow(values);
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    // The header row is text whatever its column's number format.
    cell.numFmt = '@';
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
