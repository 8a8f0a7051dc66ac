/**
 * An import file's rows as text cells: the first worksheet of an .xlsx, or a CSV (UTF-8, or GBK as
 * Excel on a Chinese Windows saves it). Cells are read as a person sees them typed, not as Excel
 * formats them: 24000 stays "24000" (not "24,000"), a date cell is YYYY-MM-DD.
 */
import ExcelJS from 'exceljs';
import { csvRows } from '../../shared/ops/master-sheet';
import { decodeCsvBytes } from '../features/sales/read-text-file';

type CellValue = ExcelJS.CellValue;

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('result' in value) return cellText(value.result as CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

export async function readXlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type (an ArrayBuffer at run time); hand it exactly these bytes.
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** Reads the file by its name's extension; anything not .xlsx is read as CSV. */
export async function readSheetFile(name: string, bytes: Uint8Array): Promise<string[][]> {
  if (/\.xlsx$/i.test(name)) return readXlsxRows(bytes);
  if (/\.xls$/i.test(name)) throw new Error('.xls (Excel 97–2003) cannot be read: save the file as .xlsx or CSV');
  return csvRows(decodeCsvBytes(bytes).text);
}
