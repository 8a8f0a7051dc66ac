import type { BatchDoc, DocumentDoc, MovementDoc, ProductDoc } from '../../../shared/schemas';

export const KITCHEN = 'site-kitchen';
export const STORE = 'site-store';
export const T0 = '2025-03-01T08:00:00.000Z';

export function product(id: string, overrides: Partial<ProductDoc> = {}): ProductDoc {
  return {
    id,
    sku: id.toUpperCase(),
    name: id,
    baseUnit: '个',
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

let movementCounter = 0;
/** A movement with defaults; tests state only what matters. */
export function movement(fields: Pick<MovementDoc, 'siteId' | 'productId' | 'batchId' | 'qty' | 'kind'> & Partial<MovementDoc>): MovementDoc {
  movementCounter += 1;
  return {
    id: `mv-${movementCounter}`,
    unitCost: 1,
    docType: 'goods-receipt',
    docId: `doc-${movementCounter}`,
    lineNo: 0,
    at: T0,
    terminalId: 'term-1',
    updatedAt: T0,
    ...fields,
  };
}

/** A document of any kind with sensible defaults. */
export function document<D extends DocumentDoc>(fields: Pick<D, 'id' | 'type' | 'siteId'> & Partial<DocumentDoc>): D {
  return {
    number: fields.id.toUpperCase(),
    status: 'posted',
    businessDate: '2025-03-01',
    at: T0,
    terminalId: 'term-1',
    lines: [],
    updatedAt: T0,
    ...fields,
  } as D;
}
