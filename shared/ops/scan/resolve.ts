/**
 * A parsed scan against reference data: which product (by barcode, pack barcode, scale PLU or
 * SKU), which batch (by lot or expiry), and how many base units the one scan stands for. A
 * weighed product's quantity comes from the weight the code carries — GS1 (310n)/(320n), a scale
 * label's weight, or its amount ÷ the price per kg — converted to the product's base unit; a
 * weighed product scanned without a weight is flagged, never counted as 1 g.
 */
import { roundQty } from '../../domain/numbers';
import type { BatchDoc, ProductDoc } from '../../schemas';
import { toGtin14 } from './check-digit';
import { scanReasonEnglish, type ScanProblem, type ScanReason } from './errors';
import { KG_PER_POUND, toHumanReadable, type NetWeight } from './gs1';
import type { Gs1Scan, ScaleScan, ScanResult } from './parse';

export interface ScannedPack {
  unit: string;
  qtyInBase: number;
}

export type ScanResolution =
  /** `reason` in English (logs, tests); `why` for the screens to say it in the user's language. */
  | { status: 'unknown-code'; raw: string; reason: string; why: ScanReason; problem: ScanProblem }
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
      /** Base units this one scan stands for (0 when `needsWeight`). */
      quantity: number;
      /**
       * A weighed product read without a weight (its plain EAN, its SKU): the screen asks for the
       * weight instead of adding one base unit.
       */
      needsWeight?: true;
      lot?: string;
      expiryDate?: string;
    };

/** Grams in one unit of the mass units products are kept in; undefined for count units. */
const gramsPerUnit: Readonly<Record<string, number>> = {
  g: 1,
  克: 1,
  kg: 1000,
  千克: 1000,
  公斤: 1000,
  斤: 500,
  两: 50,
  lb: KG_PER_POUND * 1000,
  磅: KG_PER_POUND * 1000,
};

function gramsPer(baseUnit: string): number | undefined {
  return gramsPerUnit[baseUnit.trim().toLowerCase()] ?? gramsPerUnit[baseUnit.trim()];
}

/** A weighed product: one kept in a mass unit (DOMAIN.md, Weighed goods). */
export function isWeighedProduct(product: Pick<ProductDoc, 'baseUnit'>): boolean {
  return gramsPer(product.baseUnit) !== undefined;
}

/** A weight in the product's base unit; same unit → as encoded, so 1.5 lb stays 1.5 lb. */
export function weightInBaseUnit(weight: NetWeight, baseUnit: string): number | undefined {
  const per = gramsPer(baseUnit);
  if (per === undefined) return undefined;
  const sameUnit = (weight.unit === 'kg' && per === 1000) || (weight.unit === 'lb' && per === KG_PER_POUND * 1000);
  if (sameUnit) return weight.value;
  const grams = weight.unit === 'kg' ? weight.value * 1000 : weight.value * KG_PER_POUND * 1000;
  return roundQty(grams / per);
}

/** A code as compared with product barcodes: GTINs as 14 digits (so 0+EAN-13 matches), others as typed. */
export function scanCodeKey(code: string): string {
  return toGtin14(code) ?? code.trim().toUpperCase();
}

/** PLUs compare without leading zeros: a 5-digit and a 6-digit layout print 01234 and 001234. */
export function pluKey(plu: string): string {
  return plu.replace(/^0+(?=\d)/, '');
}

interface ProductMatch {
  product: ProductDoc;
  pack?: ScannedPack;
}

/** Every barcode a pack carries. */
export function packBarcodes(pack: ProductDoc['packs'][number]): string[] {
  return [...(pack.barcode === undefined ? [] : [pack.barcode]), ...(pack.barcodes ?? [])];
}

/** Finds the product (and pack) a code names: product barcodes, pack barcodes, then SKU. */
export function findProductByCode(code: string, products: Iterable<ProductDoc>): ProductMatch | undefined {
  const key = scanCodeKey(code);
  let bySku: ProductMatch | undefined;
  for (const product of products) {
    if (product.barcodes.some((barcode) => scanCodeKey(barcode) === key)) return { product };
    // A pack's first barcode and (products v2) its further ones: a case scan adds the case's quantity.
    const pack = product.packs.find((candidate) => packBarcodes(candidate).some((barcode) => scanCodeKey(barcode) === key));
    if (pack) return { product, pack: { unit: pack.unit, qtyInBase: pack.qtyInBase } };
    if (!bySku && product.sku.toUpperCase() === key) bySku = { product };
  }
  return bySku;
}

export function findProductByPlu(plu: string, products: Iterable<ProductDoc>): ProductDoc | undefined {
  const key = pluKey(plu);
  for (const product of products) if (product.scale && pluKey(product.scale.plu) === key) return product;
  return undefined;
}

type Resolved = Extract<ScanResolution, { status: 'resolved' }>;

/** One scan of a product without a quantity in the code: one pack or one unit — or a weight to ask for. */
function plainQuantity(match: ProductMatch): Pick<Resolved, 'quantity' | 'needsWeight'> {
  if (match.pack) return { quantity: match.pack.qtyInBase };
  return isWeighedProduct(match.product) ? { quantity: 0, needsWeight: true } : { quantity: 1 };
}

function gs1Quantity(scan: Gs1Scan, match: ProductMatch): Pick<Resolved, 'quantity' | 'needsWeight'> {
  if (scan.netWeight) {
    const weight = weightInBaseUnit(scan.netWeight, match.product.baseUnit);
    if (weight !== undefined) return { quantity: weight };
  }
  const count = scan.variableCount ?? scan.itemCount;
  if (count !== undefined) return { quantity: count * (match.pack?.qtyInBase ?? 1) };
  return plainQuantity(match);
}

/** A scale label's quantity: its weight, else its amount ÷ the product's price per kg. */
function scaleQuantity(scan: ScaleScan, product: ProductDoc): Pick<Resolved, 'quantity' | 'needsWeight'> {
  const pricePerKg = product.scale?.pricePerKg;
  const kg = scan.weightKg ?? (scan.amount !== undefined && pricePerKg ? scan.amount / pricePerKg : undefined);
  if (kg !== undefined) {
    const weight = weightInBaseUnit({ value: kg, unit: 'kg' }, product.baseUnit);
    if (weight !== undefined) return { quantity: weight };
  }
  return plainQuantity({ product });
}

function resolvedPlain(match: ProductMatch): ScanResolution {
  return {
    status: 'resolved',
    product: match.product,
    ...(match.pack ? { pack: match.pack } : {}),
    batchCandidates: [],
    ...plainQuantity(match),
  };
}

/**
 * Turns a parsed scan into product, batch and quantity. Batches are matched by lot code within
 * the product; without a lot, by expiry date. Batches are not filtered by site: a store holds
 * batches that the kitchen created.
 */
export function resolveScan(parsed: ScanResult, products: Iterable<ProductDoc>, batches: Iterable<BatchDoc>): ScanResolution {
  if (parsed.kind === 'unknown') {
    // Internal codes (Code 128 shelf labels, SKUs) are no GS1 code but may still name a product.
    const match = findProductByCode(parsed.raw, products);
    return match
      ? resolvedPlain(match)
      : { status: 'unknown-code', raw: parsed.raw, reason: parsed.reason, why: parsed.error.reason, problem: parsed.error.problem };
  }
  if (parsed.kind === 'scale') return resolveScale(parsed, products);
  if (parsed.kind === 'gs1' && parsed.gtin14 === undefined) {
    const why: ScanReason = { key: 'noGtin', values: {} };
    return { status: 'unknown-code', raw: toHumanReadable(parsed.elements), reason: scanReasonEnglish(why), why, problem: 'no-gtin' };
  }
  const code = parsed.gtin14 as string;
  const match = findProductByCode(code, products);
  if (!match) return { status: 'unknown-product', code, message: `unknown code ${code}: no product or pack has this barcode` };
  if (parsed.kind === 'retail') return resolvedPlain(match);
  return resolveGs1(parsed, match, batches);
}

function resolveScale(scan: ScaleScan, products: Iterable<ProductDoc>): ScanResolution {
  const product = findProductByPlu(scan.plu, products);
  if (!product) {
    // A store's own 2-prefixed labels (not from a scale) may be product barcodes as they stand.
    const match = findProductByCode(scan.code, products);
    if (match) return resolvedPlain(match);
    return { status: 'unknown-product', code: scan.code, message: `scale barcode ${scan.code}: no product has scale PLU ${scan.plu}` };
  }
  return { status: 'resolved', product, batchCandidates: [], ...scaleQuantity(scan, product) };
}

function resolveGs1(parsed: Gs1Scan, match: ProductMatch, batches: Iterable<BatchDoc>): ScanResolution {
  const product = match.product;
  const base = { product, ...(match.pack ? { pack: match.pack } : {}), ...gs1Quantity(parsed, match) };
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
