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

/** Default idle time before a shared terminal signs its person out (issue 15). */
export const DEFAULT_IDLE_SIGN_OUT_MINUTES = 10;

/** The site's idle sign-out in minutes (`site-policy` value `idleSignOutMinutes`; 0 = never). */
export function idleSignOutMinutesFrom(config: ConfigDoc | undefined): number {
  const value = config?.key === 'site-policy' ? config.value.idleSignOutMinutes : undefined;
  return typeof value === 'number' && value >= 0 && value <= 24 * 60 ? value : DEFAULT_IDLE_SIGN_OUT_MINUTES;
}
