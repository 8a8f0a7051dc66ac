// What the bench posts at HQ: a 20-line goods receipt (采购入库). HQ holds stock like any site and
// may write its own transactional documents (shared/schemas/write-scope.ts), so a goods receipt is
// a stock posting an HQ terminal may make — batches, movements and journal entries, through the
// same executor and posting intent as a screen's.
import { buildDemoCatalog } from '../../shared/demo/catalog';
import { addDays } from '../../shared/domain';

export const LINES = 20;
export const COMMAND = 'goods-receipt.post';

/** Input of the n-th posting: 20 products from the demo catalog (seeded with the fixture), new lots each time. */
export function receiptInputs(today: string): (n: number) => unknown {
  const catalog = buildDemoCatalog({ updatedAt: `${today}T00:00:00.000Z` });
  const raw = catalog.plans.filter((plan) => plan.supplierId !== null && plan.unitCost > 0);
  const partnerId = raw[0]?.supplierId;
  return (n) => ({
    partnerId,
    lines: Array.from({ length: LINES }, (_, i) => {
      const plan = raw[(n * LINES + i) % raw.length] ?? raw[0];
      return {
        productId: plan?.product.id,
        qty: 12,
        unitCost: plan?.unitCost,
        lotCode: `BENCH${n}L${i}`,
        expiryDate: addDays(today, 60),
      };
    }),
  });
}
