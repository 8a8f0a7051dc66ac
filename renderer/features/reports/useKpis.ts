import { useMemo } from 'react';
import { dailyClosingValues, kpiDashboard, kpiStockFromLog, type KpiDashboard } from '../../../shared/finance';
import type { BatchDoc, DocumentDoc, EventDoc, ProductDoc } from '../../../shared/schemas';
import { useLedger, useRxQuery } from '../../db/hooks';
import type { BusinessDateRange } from '../finance/DateRange';

export interface KpiResult {
  dashboard: KpiDashboard;
  daily: { date: string; value: number }[];
  /** Wall time of the computation, shown so a slow terminal is visible. */
  ms: number;
}

/** Documents whose lines the KPIs read (sales revenue, reversals, customer returns, receipt qty). */
const kpiDocTypes: DocumentDoc['type'][] = ['sale', 'reversal', 'return', 'goods-receipt'];

/** The dashboard figures, recomputed only when the ledger changes or the range or sites do. */
export function useKpis(
  range: BusinessDateRange,
  siteIds: readonly string[] | undefined,
): { result: KpiResult | null; products: ProductDoc[] } {
  const { ledger, version } = useLedger();
  const documents = useRxQuery<DocumentDoc>((db) => db.documents.find({ selector: { type: { $in: kpiDocTypes } } }), []);
  const batches = useRxQuery<BatchDoc>((db) => db.batches.find(), []);
  const products = useRxQuery<ProductDoc>((db) => db.products.find(), []);
  const events = useRxQuery<EventDoc>((db) => db.events.find({ selector: { kind: { $in: ['fifo-override', 'price-deviation'] } } }), []);
  const siteKey = siteIds?.join(',') ?? '*';
  const result = useMemo(() => {
    if (!ledger || !documents || !batches || !products || !events) return null;
    void version; // the ledger's movement log grows in place; version marks a change
    const started = performance.now();
    // The ledger still holds every movement; the range's share is cut from it until the terminal
    // reads movements by index (issue 12).
    const input = {
      ...kpiStockFromLog(ledger.ledger.positions(), ledger.ledger.movements(), range.from),
      documents,
      batches,
      products,
      events,
      from: range.from,
      to: range.to,
      ...(siteIds ? { siteIds } : {}),
      policy: (siteId: string) => ledger.ledger.policy(siteId),
    };
    const dashboard = kpiDashboard(input);
    const daily = dailyClosingValues(input);
    return { dashboard, daily, ms: Math.round(performance.now() - started) };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- siteKey stands for siteIds' content
  }, [ledger, version, documents, batches, products, events, range.from, range.to, siteKey]);
  return { result, products: products ?? [] };
}
