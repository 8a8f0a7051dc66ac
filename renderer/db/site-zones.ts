import { useMemo } from 'react';
import { DEFAULT_SITE_TIME_ZONE, siteTimeZone, zoneLookup, type ZoneOf } from '../../shared/domain';
import type { SiteDoc } from '../../shared/schemas';
import { useRxQuery } from './hooks';

export interface SiteZones {
  /** The zone a site keeps time in (the default for a site not synced yet). */
  zoneOf: ZoneOf;
  /** Every zone some site keeps, the default included: an index read by date must start early enough for all. */
  zones: readonly string[];
}

/**
 * The zone each site keeps time in, from the synced site documents: HQ's reports date a London
 * store's movements by London's calendar and a Shanghai store's by Shanghai's (DOMAIN.md, Site time).
 */
export function useSiteZones(): SiteZones {
  const sites = useRxQuery<SiteDoc>((db) => db.sites.find(), []);
  return useMemo(
    () => ({
      zoneOf: zoneLookup(sites ?? []),
      zones: [...new Set([DEFAULT_SITE_TIME_ZONE, ...(sites ?? []).map((site) => siteTimeZone(site))])],
    }),
    [sites],
  );
}
