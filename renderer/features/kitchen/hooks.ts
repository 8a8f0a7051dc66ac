// Reference data and notices the kitchen screens share, read live from the local store.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRxQuery } from '../../db/hooks';
import type { DispatchDoc, DocumentDoc, EventDoc, ProductDoc, SiteDoc } from '../../../shared/schemas';
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

/** Dispatches written by this kitchen, newest first. */
export function useDispatches(kitchenId: string | undefined): DispatchDoc[] | null {
  const rows = useRxQuery<DocumentDoc>(
    (db) => (kitchenId ? db.documents.find({ selector: { siteId: kitchenId, type: 'dispatch' } }) : null),
    [kitchenId],
  );
  return useMemo(
    () =>
      rows
        ? rows
            .filter((doc): doc is DispatchDoc => doc.type === 'dispatch')
            .sort((a, b) => (a.at === b.at ? (a.number < b.number ? 1 : -1) : a.at < b.at ? 1 : -1))
        : null,
    [rows],
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
