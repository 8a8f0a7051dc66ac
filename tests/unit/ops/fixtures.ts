import type { DocumentDoc, MovementDoc, ProductDoc } from '../../../shared/schemas';

import { product as ledgerProduct, T0 } from '../domain/fixtures';

export { batch, KITCHEN, STORE, T0 } from '../domain/fixtures';

/** The domain fixtures' product, counted in pieces (个) as the scan and count tests expect. */
export function product(id: string, overrides: Partial<ProductDoc> = {}): ProductDoc {
  return ledgerProduct(id, { baseUnit: '个', ...overrides });
}

let movementCounter = 0;
/** A movement with defaults; tests state only what matters. */
export function movement(
  fields: Pick<MovementDoc, 'siteId' | 'productId' | 'batchId' | 'qty' | 'kind'> & Partial<MovementDoc>,
): MovementDoc {
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
