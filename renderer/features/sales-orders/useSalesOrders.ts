// A site's customer orders with what each has delivered (shared/domain/sales-orders.ts), read live
// from the local store: the orders, the sales on account that name one, and the site's reversals.
import { useMemo } from 'react';
import { salesOrderProgress, type SalesOrderProgress } from '../../../shared/domain';
import type { DocumentDoc, SalesOrderDoc } from '../../../shared/schemas';
import { useRxQuery } from '../../db/hooks';

export interface SalesOrderRow {
  order: SalesOrderDoc;
  progress: SalesOrderProgress;
}

export function useSalesOrders(siteId: string | undefined): SalesOrderRow[] | null {
  const orders = useRxQuery<DocumentDoc>(
    (db) => (siteId ? db.documents.find({ selector: { siteId, type: 'sales-order' } }) : null),
    [siteId],
  );
  const deliveries = useRxQuery<DocumentDoc>(
    (db) => (siteId ? db.documents.find({ selector: { siteId, type: 'sale', salesOrderId: { $exists: true } } }) : null),
    [siteId],
  );
  const reversals = useRxQuery<DocumentDoc>(
    (db) => (siteId ? db.documents.find({ selector: { siteId, type: 'reversal' } }) : null),
    [siteId],
  );
  return useMemo(() => {
    if (!orders || !deliveries || !reversals) return null;
    const related = [...deliveries, ...reversals];
    return orders
      .filter((doc): doc is SalesOrderDoc => doc.type === 'sales-order')
      .map((order) => ({ order, progress: salesOrderProgress(order, related) }))
      .sort((a, b) => b.order.at.localeCompare(a.order.at));
  }, [orders, deliveries, reversals]);
}
