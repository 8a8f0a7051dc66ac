/**
 * A scan on the sale and waste screens: the product, how many base units, and the batch when a
 * GS1 label names it. Unknown codes come back as a message key and values, never a silent miss.
 */
import type { TFunction } from 'i18next';
import type { ScanReason } from '../../../shared/ops/scan/errors';
import type { BatchDoc, ProductDoc } from '../../../shared/schemas';
import { lookupScan, splitQuantityPrefix, type ScanCatalog } from '../counts/scan-lookup';
import { scanReasonText } from '../counts/scan-reasons';

export type ScanEntry =
  /** `qty` is absent for a weighed product read without a weight: the weight is to be entered. */
  | { ok: true; product: ProductDoc; qty?: number; batch?: BatchDoc }
  /** `reason`: why the code was not understood, put into the user's language by `scanEntryText`. */
  | { ok: false; messageKey: string; values: Record<string, string>; reason?: ScanReason };

/** The refusal in the user's language. */
export function scanEntryText(entry: Extract<ScanEntry, { ok: false }>, t: TFunction): string {
  return t(entry.messageKey, {
    ...entry.values,
    ...(entry.reason === undefined ? {} : { reason: scanReasonText(entry.reason, t) }),
  });
}

export function scanEntry(text: string, catalog: ScanCatalog): ScanEntry {
  const { multiplier, code } = splitQuantityPrefix(text);
  const resolution = lookupScan(code, catalog);
  switch (resolution.status) {
    case 'unknown-code':
      return { ok: false, messageKey: 'counts.scan.unknownCode', values: { code: resolution.raw }, reason: resolution.why };
    case 'unknown-product':
      return { ok: false, messageKey: 'counts.scan.unknownProduct', values: { code: resolution.code } };
    case 'no-batch':
      // The product is known; its lot is not: take the product and let FEFO or the clerk choose.
      return { ok: true, product: resolution.product, qty: multiplier };
    case 'resolved':
      // A weighed product's plain barcode carries no weight: the clerk types it (never 1 g).
      if (resolution.needsWeight)
        return { ok: true, product: resolution.product, ...(resolution.batch ? { batch: resolution.batch } : {}) };
      return {
        ok: true,
        product: resolution.product,
        qty: resolution.quantity * multiplier,
        ...(resolution.batch ? { batch: resolution.batch } : {}),
      };
  }
}
