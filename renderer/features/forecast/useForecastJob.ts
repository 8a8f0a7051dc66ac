import { useEffect, useState } from 'react';
import { addDays, businessDateInZone, siteTimeZone } from '../../../shared/domain';
import { businessDateToday } from '../../ui/format';
import { useLedgerRead, useSite } from '../../db/hooks';
import { isDemandKind, type DemandRow } from './forecast-compute';
import type { ForecastJob } from './useForecastWorker';

/** Days forecast ahead: two weeks on the chart, four so a shelf-life cap can look past the order. */
export const FORECAST_HORIZON = 28;
/** Sync delivers history in bursts; wait for it to settle before forecasting. */
const SETTLE_MS = 500;
/** Demand history read for a forecast: two years, so a holiday has last year's to compare with. */
const HISTORY_DAYS = 730;

/**
 * The site's demand movements as plain objects for the worker. A new job is made when the site
 * changes, when the person asks, or when the count of demand movements changes (sync brought
 * more); other ledger changes (a request sent, a batch received) leave the forecast alone.
 */
export function useForecastJob(siteId: string | null, rerun: number): ForecastJob | null {
  // The forecast site's own calendar: HQ forecasting a store abroad dates its demand there.
  const site = useSite(siteId ?? undefined);
  const timeZone = siteTimeZone(site);
  const today = businessDateToday();
  const rows = useLedgerRead(
    async (ledger): Promise<DemandRow[] | null> => {
      if (!siteId) return null;
      const rows: DemandRow[] = [];
      for (const movement of await ledger.movementsBetween(`${addDays(today, -HISTORY_DAYS)}T00:00:00Z`)) {
        if (movement.siteId === siteId && isDemandKind(movement.kind))
          rows.push({ productId: movement.productId, kind: movement.kind, qty: movement.qty, at: movement.at });
      }
      return rows;
    },
    [siteId, today],
  );
  const [job, setJob] = useState<ForecastJob | null>(null);
  useEffect(() => {
    if (!rows || !siteId) return;
    const endDate = addDays(businessDateInZone(new Date(), timeZone), -1); // yesterday at the site, whatever the computer's zone
    const timer = setTimeout(() => {
      setJob((current) => {
        const unchanged =
          current &&
          current.siteId === siteId &&
          current.rows.length === rows.length &&
          current.endDate === endDate &&
          current.timeZone === timeZone &&
          current.rerun === rerun;
        return unchanged ? current : { siteId, endDate, timeZone, horizon: FORECAST_HORIZON, rows, rerun };
      });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [rows, siteId, rerun, timeZone]);
  return job && job.siteId === siteId ? job : null;
}
