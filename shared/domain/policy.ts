import type { ConfigDoc } from '../schemas';

export type NegativeStockPolicy = 'block' | 'allow-and-flag';
/** `batch`: each issue costed at its batch's cost (FIFO layers); `moving-average` per site. */
export type CostingMethod = 'batch' | 'moving-average';

export interface SitePolicy {
  negativeStock: NegativeStockPolicy;
  costing: CostingMethod;
  /** Warn when a receipt price deviates from the last price by more than this percentage. */
  priceDeviationPct: number;
}

export const defaultSitePolicy: SitePolicy = { negativeStock: 'block', costing: 'batch', priceDeviationPct: 10 };

/** Reads a `site-policy` config document, falling back to the defaults field by field. */
export function sitePolicyFromConfig(config: ConfigDoc | undefined): SitePolicy {
  if (!config || config.key !== 'site-policy') return defaultSitePolicy;
  const value = config.value;
  return {
    negativeStock: value.negativeStock === 'allow-and-flag' ? 'allow-and-flag' : 'block',
    costing: value.costing === 'moving-average' ? 'moving-average' : 'batch',
    priceDeviationPct:
      typeof value.priceDeviationPct === 'number' && value.priceDeviationPct >= 0
        ? value.priceDeviationPct
        : defaultSitePolicy.priceDeviationPct,
  };
}
