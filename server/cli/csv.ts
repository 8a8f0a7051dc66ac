/**
 * Minimal RFC 4180 CSV for the command-line tools: quoted fields with "" escapes and commas,
 * one record per line (no line breaks inside fields: series ids and dates never have them, and
 * refusing them keeps error line numbers equal to file line numbers).
 */

export class CsvError extends Error {}

/** Splits one line into fields; throws CsvError on an unterminated or misplaced quote. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) throw new CsvError('unterminated quoted field');
        value += line.slice(i, quote);
        i = quote + 1;
        if (line[i] === '"') {
          value += '"';
          i++;
          continue;
        }
        break;
      }
      if (i < line.length && line[i] !== ',') throw new CsvError('text after a closing quote');
      fields.push(value);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      const value = line.slice(i, end);
      if (value.includes('"')) throw new CsvError('quote inside an unquoted field');
      fields.push(value);
      i = end;
    }
    if (i >= line.length) return fields;
    i++; // skip the comma
  }
}

export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

export function formatCsvRow(values: readonly string[]): string {
  return values.map(formatCsvField).join(',');
}

/** Text lines with their 1-based line numbers; strips a UTF-8 BOM (Excel adds one) and CR of CRLF. */
export function csvLines(text: string): { lineNumber: number; text: string }[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split('\n').map((line, index) => ({ lineNumber: index + 1, text: line.endsWith('\r') ? line.slice(0, -1) : line }));
}
