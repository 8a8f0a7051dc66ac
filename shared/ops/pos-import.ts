/**
 * POS CSV import (issue 6): till exports become `sale` documents, one per business date and
 * site. Document ids derive from the content of the rows they carry, so importing the same file
 * again yields the same ids and nothing posts twice (sync and posting are idempotent by id).
 */
import { addDays, DEFAULT_SITE_TIME_ZONE, derivedId, salePriceOn, sha1Hex, startOfBusinessDate } from '../domain';
import type { ProductDoc, SaleDoc } from '../schemas';
import { parseCsv } from './csv';
import { findProductByCode } from './scan';

export type PosField = 'date' | 'productCode' | 'barcode' | 'quantity' | 'amount';
export type ColumnMapping = Partial<Record<PosField, number>>;

/** Header words per field, compared after lower-casing and dropping spaces, `_` and brackets. */
const headerSynonyms: Readonly<Record<PosField, readonly string[]>> = {
  date: ['日期', '销售日期', '营业日期', '业务日期', '交易日期', 'date', 'businessdate', 'saledate', 'salesdate'],
  productCode: ['商品编码', '编码', '商品代码', '货号', '物料编码', 'sku', 'productcode', 'itemcode', 'code', 'plu'],
  barcode: ['条码', '条形码', '商品条码', 'barcode', 'ean', 'gtin', 'upc'],
  quantity: ['数量', '销量', '销售数量', 'qty', 'quantity', 'count'],
  amount: ['金额', '销售额', '销售金额', '实收', '实收金额', '小计', 'amount', 'total', 'sales', 'netsales'],
};

const headerKey = (header: string): string => header.toLowerCase().replace(/[\s_\-()（）[\]]/g, '');

/** Column index per field from the header row; exact synonyms win over "contains" matches. */
export function guessColumnMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  for (const exact of [true, false]) {
    for (const field of Object.keys(headerSynonyms) as PosField[]) {
      if (mapping[field] !== undefined) continue;
      const index = keys.findIndex(
        (key, i) => !taken.has(i) && headerSynonyms[field].some((word) => (exact ? key === word : word.length > 1 && key.includes(word))),
      );
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
      }
    }
  }
  return mapping;
}

/** `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYYMMDD`, `YYYY年M月D日`, optionally followed by a time. */
export function parsePosDate(text: string): string | undefined {
  const match = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))(?:[ T].*)?$/.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2] ?? match[4]);
  const day = Number(match[3] ?? match[5]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A number as tills print it: `1,234.50`, `¥12.5`, `1.234,50` (decimal comma under `;`). */
export function parsePosNumber(text: string, decimalComma = false): number | undefined {
  let cleaned = text
    .trim()
    .replace(/^[¥￥$]|元$/g, '')
    .replace(/\s/g, '');
  if (decimalComma && /^-?[\d.]*,\d+$/.test(cleaned)) cleaned = cleaned.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/,/g, '');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

export interface RowError {
  rowNumber: number;
  field: PosField | 'row';
  reason: string;
}

export interface PreviewRow {
  /** Record number in the file, header = 1, as a spreadsheet shows it. */
  rowNumber: number;
  values: string[];
  businessDate?: string;
  productId?: string;
  /** In base units (a pack barcode multiplies). */
  qty?: number;
  amount?: number;
  /** Per base unit: the till's amount ÷ quantity, else the store's price list on the row's date. */
  unitPrice?: number;
  errors: RowError[];
  /** The sale document this row goes into, when the row is valid. */
  documentId?: string;
  alreadyImported: boolean;
}

export interface PosImportOptions {
  siteId: string;
  terminalId: string;
  products: readonly ProductDoc[];
  /** Overrides the guessed mapping. */
  mapping?: ColumnMapping;
  /** Ids of documents that already exist locally; their rows are reported as imported. */
  existingDocumentIds?: ReadonlySet<string>;
  /** The site's IANA zone: sales are timed at the end of their business day there. Default Asia/Shanghai. */
  timeZone?: string;
  /** When the import runs; stamped as `updatedAt`. */
  importedAt: string;
}

export interface PosImportPreview {
  headers: string[];
  mapping: ColumnMapping;
  /** Fields the mapping lacks to import at all. */
  missing: PosField[];
  rows: PreviewRow[];
  documents: SaleDoc[];
  /** Rows whose document already exists: re-importing posts nothing for them. */
  alreadyImportedRows: number[];
}

/**
 * Rows of one (site, business date) form one sale; its id hashes what those rows say (product,
 * quantity, amount, in file order), so the same export re-saved with `;` or other number
 * formatting still matches, while any changed row makes a new document.
 */
function saleDocumentId(siteId: string, businessDate: string, rows: readonly PreviewRow[]): string {
  const content = sha1Hex(rows.map((row) => `${row.productId ?? ''}\u001f${row.qty ?? ''}\u001f${row.amount ?? ''}`).join('\u001e'));
  return derivedId('pos-import', siteId, businessDate, content);
}

/** 23:59:59 at the site: one second before the next business date starts (a day may last 23 or 25 h). */
function endOfBusinessDay(businessDate: string, timeZone: string): string {
  return new Date(Date.parse(startOfBusinessDate(addDays(businessDate, 1), timeZone)) - 1000).toISOString();
}

/** Parses, maps and checks a POS export, and builds the sale documents for the valid rows. */
export function previewPosImport(text: string, options: PosImportOptions): PosImportPreview {
  const parsed = parseCsv(text);
  const [headerRecord = [], ...dataRecords] = parsed.records;
  const headers = headerRecord.map((header) => header.trim());
  const mapping = options.mapping ?? guessColumnMapping(headers);
  const missing: PosField[] = [];
  if (mapping.date === undefined) missing.push('date');
  if (mapping.productCode === undefined && mapping.barcode === undefined) missing.push('productCode');
  if (mapping.quantity === undefined) missing.push('quantity');
  const decimalComma = parsed.delimiter === ';';

  const rows: PreviewRow[] = dataRecords.map((values, i) => {
    const rowNumber = parsed.lineNumbers[i + 1] ?? i + 2;
    const row: PreviewRow = { rowNumber, values: values.map((value) => value.trim()), errors: [], alreadyImported: false };
    const cell = (field: PosField): string | undefined => {
      const index = mapping[field];
      return index === undefined ? undefined : row.values[index];
    };
    const fail = (field: RowError['field'], reason: string): void => void row.errors.push({ rowNumber, field, reason });
    if (missing.length > 0) return row;

    const dateText = cell('date') ?? '';
    row.businessDate = parsePosDate(dateText);
    if (!row.businessDate) fail('date', dateText === '' ? 'bad date: empty' : `bad date: "${dateText}"`);

    const code = cell('productCode') ?? '';
    const barcode = cell('barcode') ?? '';
    const match =
      (code !== '' ? findProductByCode(code, options.products) : undefined) ??
      (barcode !== '' ? findProductByCode(barcode, options.products) : undefined);
    if (match) row.productId = match.product.id;
    else if (code === '' && barcode === '')
      fail(mapping.productCode !== undefined ? 'productCode' : 'barcode', 'no product code or barcode');
    else fail(code !== '' ? 'productCode' : 'barcode', `unknown product "${code !== '' ? code : barcode}"`);

    const qtyText = cell('quantity') ?? '';
    const qty = parsePosNumber(qtyText, decimalComma);
    if (qty === undefined) fail('quantity', `bad quantity: "${qtyText}"`);
    else if (qty <= 0) fail('quantity', `bad quantity: ${qty} (only positive sales are imported; refunds go through returns)`);
    else row.qty = qty * (match?.pack?.qtyInBase ?? 1);

    const amountText = cell('amount');
    if (amountText !== undefined && amountText !== '') {
      const amount = parsePosNumber(amountText, decimalComma);
      if (amount === undefined || amount < 0) fail('amount', `bad amount: "${amountText}"`);
      else row.amount = amount;
    }
    if (row.amount !== undefined && row.qty) row.unitPrice = row.amount / row.qty;
    else if (match && row.businessDate && row.qty) {
      const price = salePriceOn(match.product, options.siteId, row.businessDate);
      // A sale without a price would post at ¥0 and make revenue and margin silently wrong.
      if (price === undefined || price <= 0) fail('amount', `no sale price for "${match.product.sku}" on ${row.businessDate}`);
      else row.unitPrice = price;
    }
    return row;
  });

  const groups = new Map<string, PreviewRow[]>();
  for (const row of rows) {
    if (row.errors.length > 0 || row.businessDate === undefined) continue;
    const group = groups.get(row.businessDate);
    if (group) group.push(row);
    else groups.set(row.businessDate, [row]);
  }
  const documents: SaleDoc[] = [];
  const existing = options.existingDocumentIds ?? new Set<string>();
  for (const [businessDate, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const id = saleDocumentId(options.siteId, businessDate, group);
    for (const row of group) {
      row.documentId = id;
      row.alreadyImported = existing.has(id);
    }
    documents.push({
      id,
      type: 'sale',
      siteId: options.siteId,
      number: `POS-${businessDate.replace(/-/g, '')}-${id.slice(0, 6)}`,
      status: 'draft',
      businessDate,
      at: endOfBusinessDay(businessDate, options.timeZone ?? DEFAULT_SITE_TIME_ZONE),
      terminalId: options.terminalId,
      paymentMethod: 'cash',
      // Without an amount the price list priced the row (rows without either were refused above).
      lines: group.map((row) => ({
        productId: row.productId as string,
        qty: row.qty as number,
        unitPrice: row.unitPrice as number,
        note: `POS row ${row.rowNumber}`,
      })),
      updatedAt: options.importedAt,
    });
  }
  return {
    headers,
    mapping,
    missing,
    rows,
    documents,
    alreadyImportedRows: rows.filter((row) => row.alreadyImported).map((row) => row.rowNumber),
  };
}

/** The documents still to post: those whose id does not exist yet. */
export function documentsToPost(preview: PosImportPreview, existingDocumentIds: ReadonlySet<string>): SaleDoc[] {
  return preview.documents.filter((document) => !existingDocumentIds.has(document.id));
}
