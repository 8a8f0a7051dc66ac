// Live master data the HQ screens read from the local store (writes go through commands).
import { useMemo } from 'react';
import { categoriesFromConfig, categoryPath, type CategoryNode } from '../../../shared/domain';
import type { ConfigDoc, PartnerDoc, ProductDoc, SiteDoc } from '../../../shared/schemas';
import { useRxQuery } from '../../db/hooks';

/** Every product, inactive ones too (HQ edits them; pickers elsewhere leave them out). */
export function useAllProducts(): ProductDoc[] | null {
  const products = useRxQuery<ProductDoc>((db) => db.products.find(), []);
  return useMemo(() => products?.slice().sort((a, b) => (a.sku < b.sku ? -1 : 1)) ?? null, [products]);
}

export function useCategories(): CategoryNode[] | null {
  const configs = useRxQuery<ConfigDoc>((db) => db.config.find({ selector: { key: 'product-categories' } }), []);
  return useMemo(() => (configs ? categoriesFromConfig(configs) : null), [configs]);
}

export function usePartners(): PartnerDoc[] | null {
  const partners = useRxQuery<PartnerDoc>((db) => db.partners.find(), []);
  return useMemo(() => partners?.slice().sort((a, b) => (a.code < b.code ? -1 : 1)) ?? null, [partners]);
}

export function useStores(): SiteDoc[] {
  const sites = useRxQuery<SiteDoc>((db) => db.sites.find({ selector: { kind: 'store' } }), []);
  return sites ?? [];
}

/** Tree-select options: every node under its parent. */
export interface CategoryOption {
  value: string;
  title: string;
  children: CategoryOption[];
}

export function categoryTreeOptions(nodes: readonly CategoryNode[], language: string): CategoryOption[] {
  const label = (node: CategoryNode) => (language === 'en' && node.nameEn ? node.nameEn : node.name);
  const ids = new Set(nodes.map((node) => node.id));
  const build = (parentId: string | undefined, seen: Set<string>): CategoryOption[] =>
    nodes
      .filter((node) => (parentId === undefined ? node.parentId === undefined || !ids.has(node.parentId) : node.parentId === parentId))
      .filter((node) => !seen.has(node.id))
      .map((node) => ({ value: node.id, title: label(node), children: build(node.id, new Set([...seen, node.id])) }));
  return build(undefined, new Set());
}

/** A category's path from the tree; a code the tree lacks yet (the demo's) by its known name. */
export function categoryLabel(
  nodes: readonly CategoryNode[],
  id: string,
  language: string,
  t: (key: string, options: { defaultValue: string }) => string,
): string {
  return nodes.some((node) => node.id === id) ? categoryPath(nodes, id, language) : t(`finance.categories.${id}`, { defaultValue: id });
}
