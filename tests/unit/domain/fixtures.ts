import type { BatchDoc, DocumentDoc, ProductDoc } from '../../../shared/schemas';
import { Ledger, type PostingOutcome, type PostingResult, type SitePolicy } from '../../../shared/domain';

export const KITCHEN = 'site-kitchen';
export const STORE = 'site-store';
export const T0 = '2025-03-01T08:00:00.000Z';

export function product(id: string, overrides: Partial<ProductDoc> = {}): ProductDoc {
  return {
    id,
    sku: id.toUpperCase(),
    name: id,
    baseUnit: 'g',
    packs: [],
    barcodes: [],
    category: 'general',
    perishable: false,
    nearExpiryDays: 2,
    storageClass: 'ambient',
    active: true,
    updatedAt: T0,
    ...overrides,
  };
}

export function perishable(id: string, shelfLifeDays = 7, overrides: Partial<ProductDoc> = {}): ProductDoc {
  return product(id, { perishable: true, shelfLifeDays, storageClass: 'chilled', ...overrides });
}

export function batch(id: string, productId: string, overrides: Partial<BatchDoc> = {}): BatchDoc {
  return {
    id,
    productId,
    siteId: KITCHEN,
    lotCode: `LOT-${id}`,
    receivedAt: T0,
    unitCost: 1,
    certificateHashes: [],
    qcStatus: 'released',
    updatedAt: T0,
    ...overrides,
  };
}

let docCounter = 0;
/** A document of any kind with sensible defaults; `fields` supplies kind-specific ones. */
export function doc<D extends DocumentDoc>(
  fields: Omit<D, 'id' | 'number' | 'status' | 'businessDate' | 'at' | 'terminalId' | 'updatedAt'> & Partial<DocumentDoc>,
): D {
  docCounter += 1;
  return {
    id: `doc-${docCounter}`,
    number: `NO-${docCounter}`,
    status: 'draft',
    businessDate: '2025-03-01',
    at: T0,
    terminalId: 'term-1',
    updatedAt: T0,
    ...fields,
  } as D;
}

/** A ledger holding the given products and batches, with `stock` received as opening movements. */
export function ledgerWith(
  products: ProductDoc[],
  batches: BatchDoc[],
  stock: { siteId?: string; batchId: string; qty: number }[] = [],
  policies: Record<string, SitePolicy> = {},
): Ledger {
  const ledger = new Ledger({ products, batches });
  for (const [siteId, policy] of Object.entries(policies)) ledger.setPolicy(siteId, policy);
  stock.forEach((entry, index) => {
    const b = batches.find((candidate) => candidate.id === entry.batchId);
    if (!b) throw new Error(`fixture: unknown batch ${entry.batchId}`);
    ledger.apply({
      id: `opening-${entry.batchId}-${index}`,
      siteId: entry.siteId ?? KITCHEN,
      productId: b.productId,
      batchId: b.id,
      qty: entry.qty,
      kind: 'receipt',
      unitCost: b.unitCost,
      docType: 'goods-receipt',
      docId: 'opening',
      lineNo: index,
      at: '2025-02-01T00:00:00.000Z',
      terminalId: 'term-0',
      updatedAt: T0,
    });
  });
  return ledger;
}

/** Unwraps a successful outcome (fails the test with the domain error otherwise). */
export function ok(outcome: PostingOutcome): PostingResult {
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}

export function sumBy<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((sum, item) => sum + value(item), 0);
}
