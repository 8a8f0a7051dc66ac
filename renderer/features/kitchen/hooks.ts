// Reference data and notices the kitchen screens share, read live from the local store.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRxQuery } from '../../db/hooks';
import type { DocumentDoc, EventDoc, ProductDoc, ShipmentDoc, ShipmentType, SiteDoc } from '../../../shared/schemas';
import { buildProductSearchIndex, type ProductSearchIndex } from '../../../shared/ops/search';

export function useProducts(): ProductDoc[] | null {
  return useRxQuery<ProductDoc>((db) => db.products.find(), []);
}

export function useProductIndex(products: readonly ProductDoc[] | null): ProductSearchIndex | null {
  return useMemo(() => (products ? buildProductSearchIndex(products) : null), [products]);
}

export function useSites(): SiteDoc[] | null {
  return useRxQuery<SiteDoc>((db) => db.sites.find(), []);
}

/** The screen a kind of shipment lives on: a kitchen's dispatches, a store's transfers (issue 17). */
export type ShipmentRoute = 'dispatch' | 'transfers';
export const shipmentRoutes: Record<ShipmentType, ShipmentRoute> = { dispatch: 'dispatch', transfer: 'transfers' };

/** Dispatches (or transfers) written by this site, newest first. */
export function useDispatches(siteId: string | undefined, type: ShipmentType = 'dispatch'): ShipmentDoc[] | null {
  const rows = useRxQuery<DocumentDoc>((db) => (siteId ? db.documents.find({ selector: { siteId, type } }) : null), [siteId, type]);
  return useMemo(
    () =>
      rows
        ? rows
            .filter((doc): doc is ShipmentDoc => doc.type === type)
            .sort((a, b) => (a.at === b.at ? (a.number < b.number ? 1 : -1) : a.at < b.at ? 1 : -1))
        : null,
    [rows, type],
  );
}

/** Discrepancy notices (from store receipts) addressed to this kitchen, newest first. */
export function useDiscrepancies(kitchenId: string | undefined): EventDoc[] | null {
  const rows = useRxQuery<EventDoc>((db) => db.events.find({ selector: { kind: 'discrepancy' } }), []);
  return useMemo(
    () => (rows ? rows.filter((event) => event.toSiteId === kitchenId).sort((a, b) => (a.at < b.at ? 1 : -1)) : null),
    [rows, kitchenId],
  );
}

/** The dispatch a discrepancy notice is about (store receipts put it in `data.dispatchId`). */
export function discrepancyDispatchId(event: EventDoc): string | undefined {
  const value = (event.data as Record<string, unknown>)['dispatchId'];
  return typeof value === 'string' ? value : undefined;
}

export function siteLabel(site: SiteDoc | undefined, language: string, fallback: string): string {
  if (!site) return fallback;
  return language === 'en' && site.nameEn ? site.nameEn : site.name;
}

/** Site names in the UI language, by id (the id itself until the site has synced). */
export function useSiteNames(): (siteId: string | undefined) => string {
  const sites = useSites();
  const { i18n } = useTranslation();
  return useMemo(() => {
    const byId = new Map((sites ?? []).map((site) => [site.id, site]));
    return (siteId) => (siteId ? siteLabel(byId.get(siteId), i18n.language, siteId) : '—');
  }, [sites, i18n.language]);
}
