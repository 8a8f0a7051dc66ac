/**
 * Scanner input (issues 6, 13): a keyboard-wedge scanner types a string; this decides what it is.
 * Reads may carry an AIM symbology identifier (aim.ts). Retail codes (EAN-13, EAN-8, UPC-A/E,
 * GTIN-14) are checked by their check digit; GS1 element strings (GS1-128, DataBar, DataMatrix,
 * QR) carry GTIN, lot, dates and quantities; in-store scale labels carry PLU, weight and amount.
 * Nothing here throws: a garbled read becomes an `unknown` result with a typed error naming the
 * code, so the screen can beep and say why.
 */
import { splitAimIdentifier, type AimSymbology } from './aim';
import { gs1CheckDigit, hasValidCheckDigit } from './check-digit';
import { BadScanError } from './errors';
import { GS, gs1Fields, splitElementString, splitParenthesised, type Gs1Element, type Gs1Fields } from './gs1';
import { matchAi } from './gs1-ai';
import { defaultScaleLayouts, parseScaleBarcode, type ScaleBarcode } from './scale-barcode';

export type RetailSymbology = 'ean13' | 'ean8' | 'upca' | 'upce' | 'gtin14';
export type Gs1Symbology =
  'gs1-128' | 'gs1-databar' | 'gs1-composite' | 'gs1-datamatrix' | 'gs1-qr' | 'gs1-unprefixed' | 'gs1-human-readable';

export interface RetailScan {
  kind: 'retail';
  symbology: RetailSymbology;
  /** The digits as scanned (without identifier and add-on). */
  code: string;
  /** Zero-padded to 14 digits, the form every GTIN compares in. */
  gtin14: string;
  /** A 2- or 5-digit add-on (`]E3`): issue or price, not part of the GTIN. */
  addOn?: string;
}

export interface Gs1Scan extends Gs1Fields {
  kind: 'gs1';
  symbology: Gs1Symbology;
  elements: Gs1Element[];
}

export interface ScaleScan extends ScaleBarcode {
  kind: 'scale';
}

export interface UnknownScan {
  kind: 'unknown';
  /** The read without its symbology identifier, for a lookup by SKU or internal code. */
  raw: string;
  /** Why, in English (logs, tests); screens translate `error.reason`. */
  reason: string;
  /** What is wrong, naming the code (check digit, field length, no barcode at all …). */
  error: BadScanError;
}

export type ScanResult = RetailScan | Gs1Scan | ScaleScan | UnknownScan;

export interface ParseScanOptions {
  /** The site's scale label layouts (scale-barcode.ts); the built-in defaults when omitted. */
  scaleLayouts?: readonly string[];
  /** The business year, for the century of GS1 dates (GS1 General Specifications 7.12). */
  referenceYear?: number;
}

const gs1SymbologyOf: Readonly<Record<string, Gs1Symbology>> = {
  ']C1': 'gs1-128',
  ']e0': 'gs1-databar',
  ']e3': 'gs1-databar',
  ']e1': 'gs1-composite',
  ']e2': 'gs1-composite',
  ']d2': 'gs1-datamatrix',
  ']Q3': 'gs1-qr',
};

/** UPC-E (number system, 6 digits, check) expanded to its 12-digit UPC-A. */
export function expandUpcE(upce: string): string | undefined {
  const match = /^([01])(\d)(\d)(\d)(\d)(\d)(\d)(\d)$/.exec(upce);
  if (!match) return undefined;
  const [, system, d1, d2, d3, d4, d5, d6, check] = match as unknown as string[];
  let body: string;
  if (d6 === '0' || d6 === '1' || d6 === '2') body = `${d1}${d2}${d6}0000${d3}${d4}${d5}`;
  else if (d6 === '3') body = `${d1}${d2}${d3}00000${d4}${d5}`;
  else if (d6 === '4') body = `${d1}${d2}${d3}${d4}00000${d5}`;
  else body = `${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  return `${system}${body}${check}`;
}

function unknown(raw: string, error: BadScanError): UnknownScan {
  return { kind: 'unknown', raw, reason: error.detail, error };
}

function retail(symbology: RetailSymbology, code: string, addOn?: string): RetailScan {
  if (!hasValidCheckDigit(code)) {
    const name = symbology === 'gtin14' ? 'GTIN-14' : symbology.toUpperCase().replace(/^(EAN|UPC)/, '$1-');
    throw new BadScanError(code, 'check-digit', {
      key: 'checkDigit',
      values: { name, code, expected: String(gs1CheckDigit(code.slice(0, -1))) },
    });
  }
  return { kind: 'retail', symbology, code, gtin14: code.padStart(14, '0'), ...(addOn ? { addOn } : {}) };
}

const retailByLength: Readonly<Record<number, RetailSymbology>> = { 8: 'ean8', 12: 'upca', 13: 'ean13', 14: 'gtin14' };

/** EAN/UPC data after `]E0`, `]E3` or `]E4`. */
function parseEanUpc(symbology: AimSymbology, data: string, layouts: readonly string[]): RetailScan | ScaleScan {
  const id = symbology.identifier;
  if (!/^\d+$/.test(data)) throw new BadScanError(data, 'not-a-code', { key: 'notBarcode', values: {} });
  if (id === ']E4') {
    if (data.length !== 8)
      throw new BadScanError(data, 'length', { key: 'digitCount', values: { count: String(data.length), accepted: `EAN-8 (${id})` } });
    return retail('ean8', data);
  }
  if (id === ']E3' && (data.length === 15 || data.length === 18 || data.length === 14 || data.length === 17)) {
    const mainLength = data.length === 15 || data.length === 18 ? 13 : 12;
    return retail(mainLength === 13 ? 'ean13' : 'upca', data.slice(0, mainLength), data.slice(mainLength));
  }
  if (data.length === 8) {
    const upca = expandUpcE(data);
    if (upca) return { ...retail('upca', upca), symbology: 'upce', code: data };
  }
  if (data.length === 13 || data.length === 12) {
    const scale = parseScaleBarcode(data, layouts);
    if (scale) return { kind: 'scale', ...scale };
    return retail(data.length === 13 ? 'ean13' : 'upca', data);
  }
  throw new BadScanError(data, 'length', {
    key: 'digitCount',
    values: { count: String(data.length), accepted: `EAN-13, UPC-A or UPC-E (${id})` },
  });
}

function parseGs1(symbology: Gs1Symbology, data: string, scanned: string, options: ParseScanOptions): Gs1Scan {
  const elements = symbology === 'gs1-human-readable' ? splitParenthesised(data) : splitElementString(data, scanned);
  return { kind: 'gs1', symbology, elements, ...gs1Fields(elements, options.referenceYear) };
}

/** Digits or text without an identifier (or with a plain-text one). */
function parseUnmarked(raw: string, options: ParseScanOptions, layouts: readonly string[]): ScanResult {
  if (raw.startsWith('(')) return parseGs1('gs1-human-readable', raw, raw, options);
  if (/^\d+$/.test(raw)) {
    const scale = parseScaleBarcode(raw, layouts);
    if (scale) return { kind: 'scale', ...scale };
    const symbology = retailByLength[raw.length];
    if (symbology) return retail(symbology, raw);
  }
  // A GS1 element string read without symbology identifier: has a GS, or is long and starts with an AI.
  if (raw.includes(GS) || (raw.length > 14 && matchAi(raw) !== undefined)) return parseGs1('gs1-unprefixed', raw, raw, options);
  if (/^\d+$/.test(raw))
    throw new BadScanError(raw, 'length', {
      key: 'digitCount',
      values: { count: String(raw.length), accepted: 'EAN-8, UPC-A, EAN-13, GTIN-14 or scale barcode' },
    });
  throw new BadScanError(raw, 'not-a-code', { key: 'notBarcode', values: {} });
}

/** Classifies one scanned string. Never throws. */
export function parseScan(input: string, options: ParseScanOptions = {}): ScanResult {
  // Scanners end reads with CR/LF; some keyboard layouts add spaces. FNC1 must survive.
  const read = input.replace(/^[\r\n\t ]+|[\r\n\t ]+$/g, '');
  const layouts = options.scaleLayouts ?? defaultScaleLayouts;
  if (read === '') return unknown(input, new BadScanError(input, 'empty', { key: 'empty', values: {} }));
  const aim = splitAimIdentifier(read);
  const raw = aim ? aim.data : read;
  try {
    if (!aim) return parseUnmarked(raw, options, layouts);
    const { symbology } = aim;
    switch (symbology.content) {
      case 'gs1':
        return parseGs1(gs1SymbologyOf[symbology.identifier] ?? 'gs1-unprefixed', raw, read, options);
      case 'ean-upc':
        return parseEanUpc(symbology, raw, layouts);
      case 'itf':
        if (/^\d{14}$/.test(raw)) return retail('gtin14', raw);
        break;
      case 'text':
        break;
    }
    // Plain symbologies (Code 128 shelf labels, 18-digit scale labels, Code 39 …): scale layouts, else text.
    const scale = /^\d+$/.test(raw) ? parseScaleBarcode(raw, layouts) : undefined;
    if (scale) return { kind: 'scale', ...scale };
    return unknown(
      raw,
      new BadScanError(raw, 'not-a-code', { key: 'symbology', values: { value: `${symbology.identifier} (${symbology.name})` } }),
    );
  } catch (error) {
    if (error instanceof BadScanError) return unknown(raw, error);
    throw error;
  }
}
