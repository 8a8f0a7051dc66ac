import { useEffect, useState } from 'react';
import type { SiteDoc } from '../../shared/schemas';
import { useDatabase } from './session';

/** The site document as pulled from the endpoint; null until it has arrived (or offline at first run). */
export function useSite(siteId: string | undefined): SiteDoc | null {
  const db = useDatabase();
  const [site, setSite] = useState<SiteDoc | null>(null);
  useEffect(() => {
    if (!db || !siteId) {
      setSite(null);
      return;
    }
    const subscription = db.sites.findOne(siteId).$.subscribe((doc) => setSite(doc ? (doc.toJSON() as SiteDoc) : null));
    return () => subscription.unsubscribe();
  }, [db, siteId]);
  return site;
}
