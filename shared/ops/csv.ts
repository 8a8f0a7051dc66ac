/**
 * RFC 4180 CSV reading and writing shared by the imports and exports of store operations.
 * Exports start with a UTF-8 BOM: Excel on a zh-CN Windows reads BOM-less CSV as GBK and garbles
 * every Chinese product name.
 */

export type CsvDelimiter = ',' | ';' | '\t';

export const UTF8_BOM = '\uFEFF';

/**
 * Text that Excel would run as a formula (=, +, -, @, tab, CR first) is prefixed with `'`: lot
 * codes and names come from scans and suppliers (CSV injection). Plain numbers stay numbers.
 */
function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^[-+]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

/** Quotes a field only when it has to (delimiter, quote, line break, or edge spaces). */
export function csvField(value: string | number | boolean | null | undefined, delimiter: CsvDelimiter = ',', formulaSafe = true): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && formulaSafe ? defuseFormula(value) : String(value);
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text: CRLF line ends (RFC 4180), BOM first unless `bom: false`, formulas defused unless `formulaSafe: false`. */
export function toCsv(
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
  options: { bom?: boolean; delimiter?: CsvDelimiter; formulaSafe?: boolean } = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const body = rows.map((row) => row.map((field) => csvField(field, delimiter, options.formulaSafe ?? true)).join(delimiter)).join('\r\n');
  return (options.bom === false ? '' : UTF8_BOM) + body + (rows.length > 0 ? '\r\n' : '');
}

/**
 * Picks the delimiter that occurs most in the first record outside quotes; POS exports in China
 * use `,`, European tills `;`, and copy-paste from Excel gives tabs.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
  return counts[best] > 0 ? best : ',';
}

export interface ParsedCsv {
  delimiter: CsvDelimiter;
  /** Records as fields; blank lines are dropped. */
  records: string[][];
  /** 1-based line number where each record starts, for error messages (a quoted field may span lines). */
  lineNumbers: number[];
}

/** Parses CSV text: BOM stripped, `"` quoting with `""` escapes, CRLF / LF / CR line ends. */
export function parseCsv(text: string, delimiter?: CsvDelimiter): ParsedCsv {
  const source = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const sep = delimiter ?? detectDelimiter(source);
  const records: string[][] = [];
  const lineNumbers: number[] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldWasQuoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = (): void => {
    record.push(field);
    const blank = record.length === 1 && record[0] === '' && !fieldWasQuoted;
    if (!blank) {
      records.push(record);
      lineNumbers.push(recordLine);
    }
    record = [];
    field = '';
    fieldWasQuoted = false;
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && source[i + 1] !== '\n')) line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      fieldWasQuoted = true;
    } else if (char === sep) {
      record.push(field);
      field = '';
      fieldWasQuoted = false;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += char;
  }
  if (field !== '' || record.length > 0 || fieldWasQuoted) endRecord();
  return { delimiter: sep, records, lineNumbers };
}
