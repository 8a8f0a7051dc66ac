/**
 * Master-data sheets (issue 14, "Import and export"): the columns of an import template in both
 * languages, matching a file's header row to them, and reading cells into values with a problem
 * per bad cell that names row, column and what is wrong. The words are the renderer's (i18n keys
 * `import.problem.<kind>`); a problem here carries only what they need.
 */
import type { JsonValue } from '../protocol/wire';
import { sameJson } from '../schemas/versions';
import { parseCsv } from './csv';
import { parsePosNumber } from './pos-import';

export type SheetLanguage = 'zh-CN' | 'en';

export interface SheetColumn<K extends string = string> {
  key: K;
  zh: string;
  en: string;
  /** The key column: a file without it is refused, a row without a value too. */
  /** A row of a new record needs a value here (the template says so). */
  required?: boolean;
  /** Other headers shops write for this column (名称, 品名, 货号 …), matched like the titles. */
  aliases?: readonly string[];
  /** What a cell holds, shown under the header of the template (both languages). */
  hintZh?: string;
  hintEn?: string;
}

export type ProblemKind =
  | 'missing-column'
  | 'required'
  | 'not-a-number'
  | 'negative'
  | 'not-whole'
  | 'out-of-range'
  | 'too-long'
  | 'unknown-value'
  | 'unknown-category'
  | 'bad-packs'
  | 'duplicate-in-file'
  | 'duplicate-code'
  | 'unknown-product'
  | 'bad-date'
  | 'expired'
  | 'lot-held'
  | 'needs-expiry'
  | 'duplicate-batch'
  | 'invalid';

export interface SheetProblem {
  /** The row as a spreadsheet numbers it (header = 1). */
  row: number;
  /** The column's key (the screen shows its title in the user's language). */
  column: string;
  kind: ProblemKind;
  /** The cell as written. */
  value?: string;
  /** More words: the allowed values, the row or product that holds a code, the rule broken. */
  detail?: string;
}

export function columnTitle(column: SheetColumn, language: SheetLanguage): string {
  return language === 'zh-CN' ? column.zh : column.en;
}

const headerKey = (header: string): string => header.toLowerCase().replace(/[\s_\-()（）[\]]/g, '');

/** Column index per key: a header matches a column's Chinese or English title (or its key). */
export function matchHeaders<K extends string>(headers: readonly string[], columns: readonly SheetColumn<K>[]): Map<K, number> {
  const found = new Map<K, number>();
  headers.forEach((header, index) => {
    const key = headerKey(header);
    const column = columns.find(
      (c) => !found.has(c.key) && [c.zh, c.en, c.key, ...(c.aliases ?? [])].some((title) => headerKey(title) === key),
    );
    if (column) found.set(column.key, index);
  });
  return found;
}

/** A file's rows as text cells: CSV (any of , ; tab) or, read by the caller, a worksheet. */
export function csvRows(text: string): string[][] {
  return parseCsv(text).records;
}

/**
 * One data row read column by column; each reader records its problem and returns undefined, so
 * a row shows every bad cell at once rather than the first.
 */
export class RowReader<K extends string> {
  readonly problems: SheetProblem[] = [];

  constructor(
    readonly row: number,
    private readonly cells: readonly string[],
    private readonly columns: ReadonlyMap<K, number>,
  ) {}

  has(key: K): boolean {
    return this.columns.has(key);
  }

  problem(column: K, kind: ProblemKind, value?: string, detail?: string): undefined {
    this.problems.push({ row: this.row, column, kind, ...(value !== undefined ? { value } : {}), ...(detail ? { detail } : {}) });
    return undefined;
  }

  /** The trimmed cell, or undefined when the column is absent or the cell empty. */
  text(key: K, options: { required?: boolean; maxLength?: number } = {}): string | undefined {
    const index = this.columns.get(key);
    const value = index === undefined ? '' : (this.cells[index] ?? '').trim();
    if (value === '') return options.required ? this.problem(key, 'required') : undefined;
    if (options.maxLength !== undefined && [...value].length > options.maxLength)
      return this.problem(key, 'too-long', value, String(options.maxLength));
    return value;
  }

  number(key: K, options: { whole?: boolean; min?: number; max?: number } = {}): number | undefined {
    const raw = this.text(key);
    if (raw === undefined) return undefined;
    const value = parsePosNumber(raw.replace(/%$/, ''));
    if (value === undefined || !Number.isFinite(value)) return this.problem(key, 'not-a-number', raw);
    if (value < (options.min ?? 0)) return this.problem(key, 'negative', raw);
    if (options.whole && !Number.isInteger(value)) return this.problem(key, 'not-whole', raw);
    if (options.max !== undefined && value > options.max) return this.problem(key, 'out-of-range', raw, `0–${options.max}`);
    return value;
  }

  /** A cell naming one of `choices` by any of its words (case-insensitive). */
  choice<V extends string>(key: K, choices: Readonly<Record<V, readonly string[]>>): V | undefined {
    const raw = this.text(key);
    if (raw === undefined) return undefined;
    const wanted = headerKey(raw);
    const hit = (Object.keys(choices) as V[]).find((value) => choices[value].some((word) => headerKey(word) === wanted));
    if (hit === undefined) {
      const allowed = (Object.values(choices) as string[][]).map((words) => words.slice(0, 2).join('/')).join(', ');
      return this.problem(key, 'unknown-value', raw, allowed);
    }
    return hit;
  }

  /** A list cell: items separated by `;`, `；`, `,`, `，` or line breaks. */
  list(key: K): string[] {
    const raw = this.text(key);
    if (raw === undefined) return [];
    return raw
      .split(/[;；,，\n]+/)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
}

/** Yes / no words a shop writes (状态, 启用, active …). */
export const activeWords = {
  active: ['启用', '在用', '是', 'active', 'yes', 'y', 'true', '1'],
  inactive: ['停用', '禁用', '否', 'inactive', 'no', 'n', 'false', '0'],
} as const;

/** Rows that hold nothing (a spreadsheet's trailing formatted rows). */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * The template's hint row (“必填”, “YYYY-MM-DD” …) left in the file: every filled cell holds its
 * column's hint in either language. The dry run skips it rather than report it as a bad row.
 */
export function isTemplateHintRow<K extends string>(
  cells: readonly string[],
  found: ReadonlyMap<K, number>,
  columns: readonly SheetColumn<K>[],
): boolean {
  let filled = 0;
  for (const column of columns) {
    const index = found.get(column.key);
    const cell = index === undefined ? '' : (cells[index] ?? '').trim();
    if (cell === '') continue;
    filled += 1;
    const hints = [column.hintZh, column.hintEn, ...(column.required ? ['必填', 'required'] : [])];
    if (!hints.includes(cell)) return false;
  }
  return filled > 0;
}

/** What a dry run found, per row; `apply` holds only the rows that change something. */
export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
  invalid: number;
}

/**
 * Whether a row's record is what is already saved: deep equality, key order and absent keys
 * ignored, the stored stamp left out. (JSON.stringify with a sorted key list looked equal, since
 * that list filters nested keys too: a case of 24 becoming 12 read as unchanged.)
 */
export function sameAsSaved(draft: object, saved: { updatedAt: string }): boolean {
  const { updatedAt: _updatedAt, ...rest } = saved;
  return sameJson(draft as JsonValue, rest as JsonValue);
}

/** The template's second row: what each column holds, or that it is required, in `language`. */
export function templateHints(columns: readonly SheetColumn[], language: SheetLanguage): Record<string, string> {
  const zh = language === 'zh-CN';
  return Object.fromEntries(
    columns.map((column) => [column.key, (zh ? column.hintZh : column.hintEn) ?? (column.required ? (zh ? '必填' : 'required') : '')]),
  );
}
