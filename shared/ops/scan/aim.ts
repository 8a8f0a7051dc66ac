/**
 * AIM symbology identifiers (ISO/IEC 15424): scanners set to send them prefix every read with
 * `]` + a code character + a modifier, which says which symbology was read and how the data is
 * to be taken. Shops' scanners send them for every symbology once the option is on, so each one
 * a shop meets is known here; the rest of the read is the data.
 */

/** How the data after the identifier is to be read. */
export type AimContent =
  /** A GS1 element string (FNC1 in first position; further FNC1 transmitted as GS). */
  | 'gs1'
  /** EAN/UPC digits (EAN-13, UPC-A as 13 digits, UPC-E expanded, EAN-8), maybe with an add-on. */
  | 'ean-upc'
  /** ITF: ITF-14 carries a GTIN-14. */
  | 'itf'
  /** Anything else: plain text (Code 128 without FNC1, Code 39, QR and DataMatrix without FNC1 …). */
  | 'text';

export interface AimSymbology {
  /** The identifier as sent, e.g. `]E0`. */
  identifier: string;
  name: string;
  content: AimContent;
}

const known: Readonly<Record<string, Omit<AimSymbology, 'identifier'>>> = {
  ']E0': { name: 'EAN-13 / UPC-A / UPC-E', content: 'ean-upc' },
  ']E1': { name: 'EAN/UPC two-digit add-on', content: 'text' },
  ']E2': { name: 'EAN/UPC five-digit add-on', content: 'text' },
  ']E3': { name: 'EAN-13 / UPC-A with add-on', content: 'ean-upc' },
  ']E4': { name: 'EAN-8', content: 'ean-upc' },
  ']e0': { name: 'GS1 DataBar', content: 'gs1' },
  ']e1': { name: 'GS1 Composite', content: 'gs1' },
  ']e2': { name: 'GS1 Composite (escaped)', content: 'gs1' },
  ']e3': { name: 'GS1 DataBar / Composite (ISO/IEC 24724 e3)', content: 'gs1' },
  ']C0': { name: 'Code 128', content: 'text' },
  ']C1': { name: 'GS1-128', content: 'gs1' },
  ']C2': { name: 'Code 128 (FNC1 in second position)', content: 'text' },
  ']C4': { name: 'Code 128 (ISO/IEC 15417 C4)', content: 'text' },
  ']d1': { name: 'Data Matrix', content: 'text' },
  ']d2': { name: 'GS1 DataMatrix', content: 'gs1' },
  ']d3': { name: 'Data Matrix (FNC1 in second position)', content: 'text' },
  ']Q1': { name: 'QR Code', content: 'text' },
  ']Q3': { name: 'GS1 QR Code', content: 'gs1' },
  ']Q5': { name: 'QR Code (FNC1 in second position)', content: 'text' },
  ']I0': { name: 'ITF', content: 'text' },
  ']I1': { name: 'ITF (check digit checked)', content: 'itf' },
  ']A0': { name: 'Code 39', content: 'text' },
  ']X0': { name: 'other symbology', content: 'text' },
};

/** The identifier at the start of a read and the data after it, or undefined without one. */
export function splitAimIdentifier(read: string): { symbology: AimSymbology; data: string } | undefined {
  if (!/^\][A-Za-z]\w/.test(read)) return undefined;
  const identifier = read.slice(0, 3);
  const entry = known[identifier];
  // An unlisted identifier still marks its symbology: its data is plain text, not a GS1 string.
  const symbology: AimSymbology = entry ? { identifier, ...entry } : { identifier, name: `symbology ${identifier}`, content: 'text' };
  return { symbology, data: read.slice(3) };
}
