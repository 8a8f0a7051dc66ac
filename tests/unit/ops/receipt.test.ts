// The quick sale's receipt (小票, issue 17): one line per product and price however many batches
// the sale took, quantities in the product's units, weighed goods priced per kg, the total of the
// printed amounts.
import { describe, expect, it } from 'vitest';
import { formatQuantity } from '../../../shared/ops/quantity';
import { saleReceipt } from '../../../shared/ops/receipt';
import type { SaleDoc } from '../../../shared/schemas';
import { doc, product } from '../domain/fixtures';

const cola = product('cola', { name: '可乐', baseUnit: '瓶', packs: [{ unit: '箱', qtyInBase: 24 }] });
const beef = product('beef', { name: '卤牛肉', baseUnit: 'g' });
const products = new Map([cola, beef].map((p) => [p.id, p]));

describe('sale receipt', () => {
  it('merges batches of a product, prints packs, prices weighed goods per kg and totals the printed amounts', () => {
    const sale = doc<SaleDoc>({
      type: 'sale',
      siteId: 'store',
      paymentMethod: 'cash',
      at: '2025-03-01T04:05:00.000Z',
      lines: [
        { productId: 'cola', qty: 20, unitPrice: 3.5, batchId: 'b1' },
        { productId: 'cola', qty: 4, unitPrice: 3.5, batchId: 'b2' },
        { productId: 'beef', qty: 333, unitPrice: 0.0888, batchId: 'b3' },
      ],
    });
    const receipt = saleReceipt(sale, {
      store: '人民路店',
      product: (id) => products.get(id),
      productName: (p, id) => p?.name ?? id,
      siteTime: () => '2025-03-01 12:05',
      quantity: (qty, p) => (p ? formatQuantity(qty, p) : String(qty)),
      unitName: (unit) => unit,
    });
    expect(receipt.lines).toEqual([
      { name: '可乐', qty: '1 箱', price: 3.5, priceUnit: '瓶', amount: 84 },
      { name: '卤牛肉', qty: '333 g', price: 88.8, priceUnit: 'kg', amount: 29.57 },
    ]);
    expect(receipt).toMatchObject({ store: '人民路店', time: '2025-03-01 12:05', itemCount: 2, total: 113.57, payment: 'cash' });
  });
});
