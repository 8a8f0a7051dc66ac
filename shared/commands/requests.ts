// 门店要货: a store asks its kitchen for goods. A request moves no stock; it is submitted at once
// and answered by the kitchen's dispatch (`requestIds`).
import { UnknownReferenceError, ValidationError } from '../domain';
import { overrideEvents } from '../forecast/overrides';
import type { DocumentLine, StoreRequestDoc } from '../schemas';
import { defineCommand } from './types';

export interface RequestLineInput {
  productId: string;
  /** In `unit` when given (a pack unit of the product), else in the product's base unit. */
  qty: number;
  unit?: string;
  /** The forecast's suggestion in base units, when the line came from one: a change is kept as an override. */
  suggestedQty?: number;
}

export interface RequestSubmitInput {
  kitchenId: string;
  /** The day the store wants the goods; today or later. */
  deliveryDate?: string;
  note?: string;
  lines: readonly RequestLineInput[];
}

export const requestSubmit = defineCommand({
  run(input: RequestSubmitInput, { stamp, ledger }) {
    if (input.deliveryDate !== undefined && input.deliveryDate < stamp.businessDate)
      throw new ValidationError('deliveryDate', `must be ${stamp.businessDate} or later`);
    const confirmed: { productId: string; suggestedQty: number; confirmedQty: number }[] = [];
    const lines: DocumentLine[] = [];
    input.lines.forEach((line, index) => {
      if (!Number.isFinite(line.qty) || line.qty < 0) throw new ValidationError(`lines[${index}].qty`, 'must be zero or more');
      const product = ledger.product(line.productId);
      if (!product) throw new UnknownReferenceError('products', line.productId);
      const pack = line.unit === undefined || line.unit === product.baseUnit ? undefined : product.packs.find((p) => p.unit === line.unit);
      if (line.unit !== undefined && line.unit !== product.baseUnit && !pack)
        throw new ValidationError(`lines[${index}].unit`, `${line.unit} is not a unit of ${product.sku}`);
      const qty = line.qty * (pack?.qtyInBase ?? 1);
      if (line.suggestedQty !== undefined)
        confirmed.push({ productId: line.productId, suggestedQty: line.suggestedQty, confirmedQty: qty });
      if (qty > 0) lines.push({ productId: line.productId, qty, ...(pack ? { unit: pack.unit, unitQty: line.qty } : {}) });
    });
    if (lines.length === 0) throw new ValidationError('lines', 'nothing to request');
    const note = input.note?.trim();
    const request: StoreRequestDoc = {
      id: stamp.newId(),
      type: 'store-request',
      siteId: stamp.siteId,
      toSiteId: input.kitchenId,
      number: stamp.nextNumber('YH'),
      status: 'submitted',
      businessDate: stamp.businessDate,
      at: stamp.at,
      terminalId: stamp.terminalId,
      ...(input.deliveryDate ? { deliveryDate: input.deliveryDate } : {}),
      ...(note ? { note } : {}),
      lines,
      updatedAt: stamp.at,
    };
    const events = overrideEvents(
      confirmed,
      {
        siteId: stamp.siteId,
        terminalId: stamp.terminalId,
        at: stamp.at,
        docType: 'store-request',
        docId: request.id,
        docNumber: request.number,
      },
      () => stamp.newId(),
    );
    return { writes: { documents: [request], events }, result: { id: request.id, number: request.number, overrides: events.length } };
  },
});
