import { earliestStartOfBusinessDate } from '../../../shared/domain';
import { dailyClosingValues, kpiDashboard, kpiStockFromLog, stockoutLookbackStart, type KpiDashboard } from '../../../shared/finance';
import type { BatchDoc, DocumentDoc, EventDoc, ProductDoc } from '../../../shared/schemas';
import { useLedgerRead, useRxQuery } from '../../db/hooks';
import { useSiteZones } from '../../db/site-zones';
import type { BusinessDateRange } from '../finance/DateRange';

export interface KpiResult {
  dashboard: KpiDashboard;
  daily: { date: string; value: number }[];
  /** Wall time of reading the movements by index and computing, shown so a slow terminal is visible. */
  ms: number;
  /** Movements read for it. */
  movements: number;
}

/** Documents whose lines the KPIs read (sales revenue, reversals, customer returns, receipt qty). */
const kpiDocTypes: DocumentDoc['type'][] = ['sale', 'reversal', 'return', 'goods-receipt'];

/** The dashboard figures, recomputed only when the ledger changes or the range or sites do. */
export function useKpis(
  range: BusinessDateRange,
  siteIds: readonly string[] | undefined,
): { result: KpiResult | null; products: ProductDoc[] } {
  const documents = useRxQuery<DocumentDoc>((db) => db.documents.find({ selector: { type: { $in: kpiDocTypes } } }), []);
  const batches = useRxQuery<BatchDoc>((db) => db.batches.find(), []);
  const products = useRxQuery<ProductDoc>((db) => db.products.find(), []);
  const events = useRxQuery<EventDoc>((db) => db.events.find({ selector: { kind: { $in: ['fifo-override', 'price-deviation'] } } }), []);
  const { zoneOf, zones } = useSiteZones();
  const siteKey = siteIds?.join(',') ?? '*';
  const result = useLedgerRead(
    async (ledger): Promise<KpiResult | null> => {
      if (!documents || !batches || !products || !events) return null;
      const started = performance.now();
      // By index: the movements since the stockout look-back before `from` (opening = current
      // positions minus what moved since `from`), never the whole history. One read from the
      // earliest site's start of the day; kpiStockFromLog cuts each site at its own midnight.
      const since = await ledger.movementsBetween(earliestStartOfBusinessDate(stockoutLookbackStart(range.from), zones));
      const input = {
        ...kpiStockFromLog(ledger.ledger.positions(), since, range.from, zoneOf),
        documents,
        batches,
        products,
        events,
        from: range.from,
        to: range.to,
        ...(siteIds ? { siteIds } : {}),
        policy: (siteId: string) => ledger.ledger.policy(siteId),
        zoneOf,
      };
      const dashboard = kpiDashboard(input);
      const daily = dailyClosingValues(input);
      return { dashboard, daily, ms: Math.round(performance.now() - started), movements: since.length };
    },
    [documents, batches, products, events, range.from, range.to, siteKey, zoneOf, zones],
  );
  return { result, products: products ?? [] };
}
