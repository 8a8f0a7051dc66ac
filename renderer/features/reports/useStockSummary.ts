import { earliestStartOfBusinessDate } from '../../../shared/domain';
import { kpiStockFromLog, stockSummary, type StockSummary, type SummaryGrouping } from '../../../shared/finance';
import type { BatchDoc, ProductDoc } from '../../../shared/schemas';
import { useLedgerRead, useRxQuery } from '../../db/hooks';
import { useSiteZones } from '../../db/site-zones';
import type { BusinessDateRange } from '../finance/DateRange';

/**
 * The 收发存汇总 of a range: the stock at the start of `from` worked back from today's positions
 * and the movements since (read by index), then the range's movements by kind.
 */
export function useStockSummary(
  range: BusinessDateRange,
  siteIds: readonly string[] | undefined,
  grouping: SummaryGrouping,
): { summary: StockSummary | null; products: ProductDoc[] } {
  const batches = useRxQuery<BatchDoc>((db) => db.batches.find(), []);
  const products = useRxQuery<ProductDoc>((db) => db.products.find(), []);
  const { zoneOf, zones } = useSiteZones();
  const siteKey = siteIds?.join(',') ?? '*';
  const summary = useLedgerRead(
    async (ledger): Promise<StockSummary | null> => {
      if (!batches || !products) return null;
      const since = await ledger.movementsBetween(earliestStartOfBusinessDate(range.from, zones));
      const { opening, movements } = kpiStockFromLog(ledger.ledger.positions(), since, range.from, zoneOf);
      return stockSummary(
        {
          opening,
          movements,
          batches,
          products,
          from: range.from,
          to: range.to,
          ...(siteIds ? { siteIds } : {}),
          policy: (siteId: string) => ledger.ledger.policy(siteId),
          zoneOf,
        },
        grouping,
      );
    },
    [batches, products, range.from, range.to, siteKey, grouping, zoneOf, zones],
  );
  return { summary, products: products ?? [] };
}
