import { useMemo } from 'react';
import { buildProductSearchIndex, type ProductSearchIndex } from '../../../shared/ops';
import type { BatchDoc, ProductDoc } from '../../../shared/schemas';
import { useRxQuery, useSite, useTerminal } from '../../db/hooks';
import { buildScanCatalog, type ScanCatalog } from './scan-lookup';

export interface LoadedCatalog {
  scan: ScanCatalog;
  search: ProductSearchIndex;
  products: readonly ProductDoc[];
}

/**
 * Products and batches this terminal holds, indexed for scans (read with this site's scale label
 * layouts) and name search; null while loading.
 */
export function useScanCatalog(): LoadedCatalog | null {
  const site = useSite(useTerminal()?.siteId);
  const products = useRxQuery<ProductDoc>((db) => db.products.find(), []);
  const batches = useRxQuery<BatchDoc>((db) => db.batches.find(), []);
  return useMemo(() => {
    if (!products || !batches) return null;
    return { scan: buildScanCatalog(products, batches, site), search: buildProductSearchIndex(products), products };
  }, [products, batches, site]);
}
