/**
 * Scanner input (issue 6): a keyboard-wedge scanner types a string; this decides what it is.
 * Retail codes (EAN-13, EAN-8, UPC-A, GTIN-14) are checked by their check digit; GS1 element
 * strings (GS1-128, GS1 DataMatrix / QR) carry GTIN, lot, dates and quantities. Nothing here
 * throws: a garbled read becomes an `unknown` result with the reason, so the screen can beep.
 */
import type { BatchDoc, ProductDoc } from '../schemas';

export type RetailSymbology = 'ean13' | 'ean8' | 'upca' | 'gtin14';
export type Gs1Symbology = 'gs1-128' | 'gs1-datamatrix' | 'gs1-qr' | 'gs1-unprefixed' | 'gs1-human-readable';

export interface Gs1Element {
  ai: string;
  value: string;
}

export interface RetailScan {
  kind: 'retail';
  symbology: RetailSymbology;
  /** The digits as scanned. */
  code: string;
  /** Zero-padded to 14 digits, the form every GTIN compares in. */
  gtin14: string;
}

export interface Gs1Scan {
  kind: 'gs1';
  symbology: Gs1Symbology;
  elements: Gs1Element[];
  gtin14?: string;
  lot?: string;
  serial?: string;
  /** (17) as a business date; day 00 means the last day of the month. */
  expiryDate?: string;
  /** (11) production date. */
  productionDate?: string;
  /** (30) variable count of the trade item. */
  variableCount?: number;
  /** (310n) net weight in kilograms. */
  netWeightKg?: number;
  /** (37) count of trade items contained in a logistic unit. */
  itemCount?: number;
}

export interface UnknownScan {
  kind: 'unknown';
  raw: string;
  reason: string;
}

export type ScanResult = RetailScan | Gs1Scan | UnknownScan;

/** GS1 check digit (mod 10, weights 3/1 from the right) of the digits before it. */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  for (let i = 0; i < digitsWithoutCheck.length; i++) {
    const digit = Number(digitsWithoutCheck[digitsWithoutCheck.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function hasValidCheckDigit(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && gs1CheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}

/** GTIN of any length as 14 digits, or undefined when it is not a GTIN-8/12/13/14. */
export function toGtin14(code: string): string | undefined {
  return /^(\d{8}|\d{12,14})$/.test(code) ? code.padStart(14, '0') : undefined;
}

const GS = '\u001d';

interface AiRule {
  /** Fixed data length, or undefined for variable length up to `maxLength`. */
  fixed?: number;
  maxLength: number;
  numeric: boolean;
}

/** AI rules by AI; 4-digit AIs (310n, 320n …) are looked up by their first 3 digits + 'n'. */
const aiRules: Readonly<Record<string, AiRule>> = {
  '00': { fixed: 18, maxLength: 18, numeric: true },
  '01': { fixed: 14, maxLength: 14, numeric: true },
  '02': { fixed: 14, maxLength: 14, numeric: true },
  '10': { maxLength: 20, numeric: false },
  '11': { fixed: 6, maxLength: 6, numeric: true },
  '13': { fixed: 6, maxLength: 6, numeric: true },
  '15': { fixed: 6, maxLength: 6, numeric: true },
  '16': { fixed: 6, maxLength: 6, numeric: true },
  '17': { fixed: 6, maxLength: 6, numeric: true },
  '20': { fixed: 2, maxLength: 2, numeric: true },
  '21': { maxLength: 20, numeric: false },
  '22': { maxLength: 20, numeric: false },
  '30': { maxLength: 8, numeric: true },
  '37': { maxLength: 8, numeric: true },
  '240': { maxLength: 30, numeric: false },
  '241': { maxLength: 30, numeric: false },
  '400': { maxLength: 30, numeric: false },
  '310n': { fixed: 6, maxLength: 6, numeric: true },
  '320n': { fixed: 6, maxLength: 6, numeric: true },
  '330n': { fixed: 6, maxLength: 6, numeric: true },
  '410': { fixed: 13, maxLength: 13, numeric: true },
  '414': { fixed: 13, maxLength: 13, numeric: true },
};

/** The AI at the start of `text` and its rule; internal company AIs 90–99 are variable up to 90. */
function matchAi(text: string): { ai: string; rule: AiRule } | undefined {
  const four = text.slice(0, 4);
  if (/^3[123]\d\d$/.test(four)) {
    const rule = aiRules[`${four.slice(0, 3)}n`];
    if (rule && /^\d$/.test(four[3] ?? '')) return { ai: four, rule };
  }
  for (const length of [2, 3]) {
    const ai = text.slice(0, length);
    const rule = aiRules[ai];
    if (rule) return { ai, rule };
  }
  const two = text.slice(0, 2);
  if (/^9\d$/.test(two)) return { ai: two, rule: { maxLength: 90, numeric: false } };
  return undefined;
}

type ElementsOrError = { ok: true; elements: Gs1Element[] } | { ok: false; reason: string };

/** Splits an element string (FNC1 sent as GS) into AI/value pairs. */
function splitElementString(data: string): ElementsOrError {
  const elements: Gs1Element[] = [];
  let rest = data.startsWith(GS) ? data.slice(1) : data;
  while (rest.length > 0) {
    const match = matchAi(rest);
    if (!match) return { ok: false, reason: `unknown GS1 application identifier at "${rest.slice(0, 4)}"` };
    const afterAi = rest.slice(match.ai.length);
    let value: string;
    if (match.rule.fixed !== undefined) {
      value = afterAi.slice(0, match.rule.fixed);
      if (value.length < match.rule.fixed)
        return { ok: false, reason: `AI (${match.ai}) needs ${match.rule.fixed} characters, got ${value.length}` };
      rest = afterAi.slice(match.rule.fixed);
      if (rest.startsWith(GS)) rest = rest.slice(1); // a GS after a fixed-length field is tolerated
    } else {
      const end = afterAi.indexOf(GS);
      value = end < 0 ? afterAi : afterAi.slice(0, end);
      rest = end < 0 ? '' : afterAi.slice(end + 1);
      if (value.length > match.rule.maxLength) {
        return {
          ok: false,
          reason: `AI (${match.ai}) is at most ${match.rule.maxLength} characters, got ${value.length} (missing GS separator?)`,
        };
      }
    }
    const checked = checkValue(match.ai, value, match.rule);
    if (checked !== null) return { ok: false, reason: checked };
    elements.push({ ai: match.ai, value });
  }
  return elements.length > 0 ? { ok: true, elements } : { ok: false, reason: 'empty GS1 element string' };
}

/** Splits the human-readable form `(01)…(10)…`. */
function splitParenthesised(data: string): ElementsOrError {
  const elements: Gs1Element[] = [];
  const pattern = /\((\d{2,4})\)([^(]*)/gy;
  let consumed = 0;
  for (let match = pattern.exec(data); match; match = pattern.exec(data)) {
    const ai = match[1] as string;
    const value = (match[2] as string).trim();
    consumed = pattern.lastIndex;
    const aiMatch = matchAi(ai);
    if (!aiMatch || aiMatch.ai !== ai) return { ok: false, reason: `unknown GS1 application identifier (${ai})` };
    const { rule } = aiMatch;
    if (rule.fixed !== undefined ? value.length !== rule.fixed : value.length === 0 || value.length > rule.maxLength) {
      return { ok: false, reason: `AI (${ai}) has a value of wrong length: "${value}"` };
    }
    const checked = checkValue(ai, value, rule);
    if (checked !== null) return { ok: false, reason: checked };
    elements.push({ ai, value });
  }
  if (consumed !== data.length || elements.length === 0) return { ok: false, reason: 'malformed (AI) element string' };
  return { ok: true, elements };
}

function checkValue(ai: string, value: string, rule: AiRule): string | null {
  if (rule.numeric && !/^\d+$/.test(value)) return `AI (${ai}) must be digits, got "${value}"`;
  if ((ai === '01' || ai === '02' || ai === '00') && !hasValidCheckDigit(value)) return `AI (${ai}) ${value} has a wrong check digit`;
  if (/^1[1-7]$/.test(ai) && yymmddToDate(value) === undefined) return `AI (${ai}) ${value} is not a valid YYMMDD date`;
  return null;
}

/**
 * YYMMDD to `YYYY-MM-DD`; day 00 is the last day of the month (GS1 General Specifications).
 * Years are taken as 20YY: food dates sit within a few years of today, and shared/ reads no clock.
 */
export function yymmddToDate(value: string): string | undefined {
  const match = /^(\d\d)(\d\d)(\d\d)$/.exec(value);
  if (!match) return undefined;
  const year = 2000 + Number(match[1]);
  const month = Number(match[2]);
  let day = Number(match[3]);
  if (month < 1 || month > 12) return undefined;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day === 0) day = lastDay;
  if (day > lastDay) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toGs1Scan(symbology: Gs1Symbology, elements: Gs1Element[]): Gs1Scan {
  const scan: Gs1Scan = { kind: 'gs1', symbology, elements };
  for (const { ai, value } of elements) {
    if (ai === '01' || ai === '02') scan.gtin14 = value;
    else if (ai === '10') scan.lot = value;
    else if (ai === '21') scan.serial = value;
    else if (ai === '17') scan.expiryDate = yymmddToDate(value);
    else if (ai === '11') scan.productionDate = yymmddToDate(value);
    else if (ai === '30') scan.variableCount = Number(value);
    else if (ai === '37') scan.itemCount = Number(value);
    else if (ai.startsWith('310')) scan.netWeightKg = Number(value) / 10 ** Number(ai[3]);
  }
  return scan;
}

const symbologyPrefixes: readonly (readonly [string, Gs1Symbology])[] = [
  [']C1', 'gs1-128'],
  [']d2', 'gs1-datamatrix'],
  [']Q3', 'gs1-qr'],
];

/** Classifies one scanned string. Never throws. */
export function parseScan(input: string): ScanResult {
  // Scanners end reads with CR/LF; some keyboard layouts add spaces. FNC1 must survive.
  const raw = input.replace(/^[\r\n\t ]+|[\r\n\t ]+$/g, '');
  if (raw === '') return { kind: 'unknown', raw: input, reason: 'empty scan' };
  for (const [prefix, symbology] of symbologyPrefixes) {
    if (raw.startsWith(prefix)) {
      const split = splitElementString(raw.slice(prefix.length));
      return split.ok ? toGs1Scan(symbology, split.elements) : { kind: 'unknown', raw, reason: split.reason };
    }
  }
  if (raw.startsWith(']')) return { kind: 'unknown', raw, reason: `symbology ${raw.slice(0, 3)} is not a GS1 or retail barcode` };
  if (raw.startsWith('(')) {
    const split = splitParenthesised(raw);
    return split.ok ? toGs1Scan('gs1-human-readable', split.elements) : { kind: 'unknown', raw, reason: split.reason };
  }
  if (/^\d+$/.test(raw)) {
    const symbology: RetailSymbology | undefined =
      raw.length === 13 ? 'ean13' : raw.length === 8 ? 'ean8' : raw.length === 12 ? 'upca' : raw.length === 14 ? 'gtin14' : undefined;
    if (symbology) {
      if (!hasValidCheckDigit(raw)) {
        return {
          kind: 'unknown',
          raw,
          reason: `${symbology.toUpperCase()} ${raw} has a wrong check digit (expected ${gs1CheckDigit(raw.slice(0, -1))})`,
        };
      }
      return { kind: 'retail', symbology, code: raw, gtin14: raw.padStart(14, '0') };
    }
  }
  // A GS1 element string read without symbology identifier: has a GS, or is long and starts with an AI.
  if (raw.includes(GS) || (raw.length > 14 && matchAi(raw) !== undefined)) {
    const split = splitElementString(raw);
    return split.ok ? toGs1Scan('gs1-unprefixed', split.elements) : { kind: 'unknown', raw, reason: split.reason };
  }
  if (/^\d+$/.test(raw)) return { kind: 'unknown', raw, reason: `${raw.length} digits is no EAN-8, UPC-A, EAN-13 or GTIN-14` };
  return { kind: 'unknown', raw, reason: 'not a retail barcode or GS1 element string' };
}

// ---------------------------------------------------------------------------------------------
// Resolving a scan against reference data

export interface ScannedPack {
  unit: string;
  qtyInBase: number;
}

export type ScanResolution =
  | { status: 'unknown-code'; raw: string; reason: string }
  | { status: 'unknown-product'; code: string; message: string }
  | { status: 'no-batch'; product: ProductDoc; lot?: string; expiryDate?: string; message: string }
  | {
      status: 'resolved';
      product: ProductDoc;
      /** Set when the code was a pack's barcode (a case of 12 …). */
      pack?: ScannedPack;
      /** The batch the code names, when lot or expiry single it out. */
      batch?: BatchDoc;
      /** Several batches share the scanned expiry: the user picks one. */
      batchCandidates: BatchDoc[];
      /** Base units this one scan stands for. */
      quantity: number;
      lot?: string;
      expiryDate?: string;
    };

/** A code as compared with product barcodes: GTINs as 14 digits (so 0+EAN-13 matches), others as typed. */
function codeKey(code: string): string {
  return toGtin14(code) ?? code.trim().toUpperCase();
}

interface ProductMatch {
  product: ProductDoc;
  pack?: ScannedPack;
}

/** Finds the product (and pack) a code names: product barcodes, pack barcodes, then SKU. */
export function findProductByCode(code: string, products: Iterable<ProductDoc>): ProductMatch | undefined {
  const key = codeKey(code);
  let bySku: ProductMatch | undefined;
  for (const product of products) {
    if (product.barcodes.some((barcode) => codeKey(barcode) === key)) return { product };
    const pack = product.packs.find((candidate) => candidate.barcode !== undefined && codeKey(candidate.barcode) === key);
    if (pack) return { product, pack: { unit: pack.unit, qtyInBase: pack.qtyInBase } };
    if (!bySku && product.sku.toUpperCase() === key) bySku = { product };
  }
  return bySku;
}

/** Kilograms in one base unit, for (310n) net weights; undefined for count units. */
function kilogramsPerBaseUnit(baseUnit: string): number | undefined {
  const unit = baseUnit.trim().toLowerCase();
  if (unit === 'kg' || unit === '千克' || unit === '公斤') return 1;
  if (unit === 'g' || unit === '克') return 0.001;
  if (unit === '斤') return 0.5;
  return undefined;
}

function scannedQuantity(scan: Gs1Scan | RetailScan, match: ProductMatch): number {
  const perUnit = match.pack?.qtyInBase ?? 1;
  if (scan.kind === 'gs1') {
    const kgPerBase = kilogramsPerBaseUnit(match.product.baseUnit);
    if (scan.netWeightKg !== undefined && kgPerBase !== undefined) return scan.netWeightKg / kgPerBase;
    const count = scan.variableCount ?? scan.itemCount;
    if (count !== undefined) return count * perUnit;
  }
  return perUnit;
}

/**
 * Turns a parsed scan into product, batch and quantity. Batches are matched by lot code within
 * the product; without a lot, by expiry date. Batches are not filtered by site: a store holds
 * batches that the kitchen created.
 */
export function resolveScan(parsed: ScanResult, products: Iterable<ProductDoc>, batches: Iterable<BatchDoc>): ScanResolution {
  let match: ProductMatch | undefined;
  let code: string;
  if (parsed.kind === 'unknown') {
    // Internal codes (Code 128 shelf labels, SKUs) are no GS1 code but may still name a product.
    match = findProductByCode(parsed.raw, products);
    if (!match) return { status: 'unknown-code', raw: parsed.raw, reason: parsed.reason };
    return {
      status: 'resolved',
      product: match.product,
      ...(match.pack ? { pack: match.pack } : {}),
      batchCandidates: [],
      quantity: match.pack?.qtyInBase ?? 1,
    };
  }
  if (parsed.kind === 'retail') code = parsed.gtin14;
  else if (parsed.gtin14 !== undefined) code = parsed.gtin14;
  else
    return {
      status: 'unknown-code',
      raw: parsed.elements.map((e) => `(${e.ai})${e.value}`).join(''),
      reason: 'GS1 code without a GTIN (01)',
    };
  match = findProductByCode(code, products);
  if (!match) return { status: 'unknown-product', code, message: `unknown code ${code}: no product or pack has this barcode` };

  const product = match.product;
  const quantity = scannedQuantity(parsed, match);
  const base = { product, ...(match.pack ? { pack: match.pack } : {}), quantity };
  if (parsed.kind === 'retail') return { status: 'resolved', ...base, batchCandidates: [] };

  const ofProduct = [...batches].filter((batch) => batch.productId === product.id);
  const dates = parsed.expiryDate !== undefined ? { expiryDate: parsed.expiryDate } : {};
  if (parsed.lot !== undefined) {
    const lot = parsed.lot;
    const batch = ofProduct.find((candidate) => candidate.lotCode === lot);
    if (!batch)
      return { status: 'no-batch', product, lot, ...dates, message: `no batch with lot ${lot} for product ${product.sku} ${product.name}` };
    return { status: 'resolved', ...base, batch, batchCandidates: [batch], lot, ...dates };
  }
  if (parsed.expiryDate !== undefined) {
    const sameExpiry = ofProduct.filter((candidate) => candidate.expiryDate === parsed.expiryDate);
    if (sameExpiry.length === 0) {
      return {
        status: 'no-batch',
        product,
        expiryDate: parsed.expiryDate,
        message: `no batch expiring ${parsed.expiryDate} for product ${product.sku} ${product.name}`,
      };
    }
    return {
      status: 'resolved',
      ...base,
      ...(sameExpiry.length === 1 ? { batch: sameExpiry[0] } : {}),
      batchCandidates: sameExpiry,
      ...dates,
    };
  }
  return { status: 'resolved', ...base, batchCandidates: [] };
}
