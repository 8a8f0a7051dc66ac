/**
 * A scan on the sale and waste screens: the product, how many base units, and the batch when a
 * GS1 label names it. Unknown codes come back as a message key and values, never a silent miss.
 */
import type { BatchDoc, ProductDoc } from '../../../shared/schemas';
import { lookupScan, splitQuantityPrefix, type ScanCatalog } from '../counts/scan-lookup';

export type ScanEntry =
  { ok: true; product: ProductDoc; qty: number; batch?: BatchDoc } | { ok: false; messageKey: string; values: Record<string, string> };

export function scanEntry(text: string, catalog: ScanCatalog): ScanEntry {
  const { multiplier, code } = splitQuantityPrefix(text);
  const resolution = lookupScan(code, catalog);
  switch (resolution.status) {
    case 'unknown-code':
      return { ok: false, messageKey: 'counts.scan.unknownCode', values: { code: resolution.raw, reason: resolution.reason } };
    case 'unknown-product':
      return { ok: false, messageKey: 'counts.scan.unknownProduct', values: { code: resolution.code } };
    case 'no-batch':
      // The product is known; its lot is not: take the product and let FEFO or the clerk choose.
      return { ok: true, product: resolution.product, qty: multiplier };
    case 'resolved':
      return {
        ok: true,
        product: resolution.product,
        qty: resolution.quantity * multiplier,
        ...(resolution.batch ? { batch: resolution.batch } : {}),
      };
  }
}
