/**
 * Scan → product and batch, fast enough for a 5,000-product count: barcodes are looked up in a
 * map built once per catalog instead of walking every product per scan, and only the scanned
 * product's batches are handed to `resolveScan`. Pure, shared by the count, sale and waste screens.
 */
import {
  findProductByCode,
  parseScan,
  pluKey,
  resolveScan,
  scanCodeKey,
  type ParseScanOptions,
  type ScanResolution,
  type ScanResult,
} from '../../../shared/ops';
import type { BatchDoc, ProductDoc, SiteDoc } from '../../../shared/schemas';

export interface ScanCatalog {
  products: readonly ProductDoc[];
  /** Product barcodes and pack barcodes, keyed as `resolveScan` compares them (GTIN-14 or upper-case). */
  byCode: ReadonlyMap<string, ProductDoc>;
  /** Products by scale PLU without leading zeros (`pluKey`). */
  byPlu: ReadonlyMap<string, ProductDoc>;
  batchesByProduct: ReadonlyMap<string, readonly BatchDoc[]>;
  /** How this site's scans are read: its scale label layouts. */
  parseOptions: ParseScanOptions;
}

export function buildScanCatalog(
  products: readonly ProductDoc[],
  batches: readonly BatchDoc[],
  site?: Pick<SiteDoc, 'scaleBarcodeLayouts'> | null,
): ScanCatalog {
  const byCode = new Map<string, ProductDoc>();
  for (const product of products) {
    for (const code of [...product.barcodes, ...product.packs.flatMap((pack) => (pack.barcode === undefined ? [] : [pack.barcode]))]) {
      const key = scanCodeKey(code);
      if (!byCode.has(key)) byCode.set(key, product);
    }
  }
  const byPlu = new Map<string, ProductDoc>();
  for (const product of products) if (product.scale && !byPlu.has(pluKey(product.scale.plu))) byPlu.set(pluKey(product.scale.plu), product);
  const batchesByProduct = new Map<string, BatchDoc[]>();
  for (const batch of batches) {
    const list = batchesByProduct.get(batch.productId);
    if (list) list.push(batch);
    else batchesByProduct.set(batch.productId, [batch]);
  }
  const layouts = site?.scaleBarcodeLayouts;
  return { products, byCode, byPlu, batchesByProduct, parseOptions: layouts && layouts.length > 0 ? { scaleLayouts: layouts } : {} };
}

/** The GTIN (or raw code) a parsed scan names, for the map lookup. */
function scannedCode(parsed: ScanResult): string | undefined {
  if (parsed.kind === 'retail' || parsed.kind === 'gs1') return parsed.gtin14;
  if (parsed.kind === 'scale') return parsed.code;
  return parsed.raw;
}

/** Like `resolveScan` over the whole catalog, but O(batches of one product); read with the site's scale layouts. */
export function lookupScan(text: string, catalog: ScanCatalog): ScanResolution {
  const parsed = parseScan(text, catalog.parseOptions);
  const byPlu = parsed.kind === 'scale' ? catalog.byPlu.get(pluKey(parsed.plu)) : undefined;
  if (byPlu) return resolveScan(parsed, [byPlu], []);
  const code = scannedCode(parsed);
  const hit = code === undefined ? undefined : catalog.byCode.get(scanCodeKey(code));
  if (hit) return resolveScan(parsed, [hit], catalog.batchesByProduct.get(hit.id) ?? []);
  // SKUs and anything the map does not key: the full (slower) walk, still correct.
  const match = code === undefined ? undefined : findProductByCode(code, catalog.products);
  return resolveScan(
    parsed,
    match ? [match.product] : catalog.products,
    match ? (catalog.batchesByProduct.get(match.product.id) ?? []) : [],
  );
}

/**
 * `12*6901234567890` or `12x…`: a quantity typed before the code, as tills accept it, so a clerk
 * counting a shelf of 12 scans once. Returns the multiplier and the code.
 */
export function splitQuantityPrefix(text: string): { multiplier: number; code: string } {
  const match = /^(\d+(?:\.\d+)?)\s*[*xX×]\s*(.+)$/.exec(text.trim());
  if (!match) return { multiplier: 1, code: text.trim() };
  const multiplier = Number(match[1]);
  return multiplier > 0 ? { multiplier, code: (match[2] as string).trim() } : { multiplier: 1, code: text.trim() };
}
