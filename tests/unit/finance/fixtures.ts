// Finance fixtures: the domain fixtures re-exported, plus builders for journal entries and movements.
import type { JournalDoc, MovementDoc } from '../../../shared/schemas';

export { KITCHEN, STORE, T0, batch, doc, ledgerWith, ok, perishable, product } from '../domain/fixtures';

/** A journal entry with the given lines, dated `businessDate`. */
export function entry(id: string, fields: Partial<JournalDoc> & Pick<JournalDoc, 'lines'>): JournalDoc {
  const businessDate = fields.businessDate ?? '2025-03-01';
  return {
    id,
    siteId: 'site-kitchen',
    docType: 'goods-receipt',
    docId: `doc-${id}`,
    docNumber: `NO-${id}`,
    businessDate,
    at: `${businessDate}T08:00:00.000Z`,
    updatedAt: `${businessDate}T08:00:00.000Z`,
    ...fields,
  };
}

let movementCounter = 0;
/** A movement at 08:00 on `date` (UTC) of `qty` at `unitCost`. */
export function movement(
  fields: Partial<MovementDoc> & Pick<MovementDoc, 'kind' | 'qty' | 'batchId' | 'productId'>,
  date = '2025-03-01',
): MovementDoc {
  movementCounter += 1;
  const at = fields.at ?? `${date}T08:00:00.000Z`;
  return {
    id: `mv-${movementCounter}`,
    siteId: 'site-kitchen',
    unitCost: 1,
    docType: 'goods-receipt',
    docId: `mdoc-${movementCounter}`,
    lineNo: 0,
    terminalId: 'term-1',
    updatedAt: at,
    ...fields,
    at,
  };
}
