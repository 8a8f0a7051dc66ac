/**
 * The product category tree (issue 14): one organisation-wide config document (key
 * `product-categories`) holding every node; a product's `category` is a node's id. Nodes are
 * never deleted while products use them (the command refuses), so history keeps its labels.
 */
import type { ConfigDoc } from '../schemas';

export interface CategoryNode {
  id: string;
  name: string;
  nameEn?: string;
  parentId?: string;
}

export const CATEGORY_CONFIG_ID = 'product-categories:org';

function isNode(value: unknown): value is CategoryNode {
  if (value === null || typeof value !== 'object') return false;
  const node = value as Record<string, unknown>;
  return (
    typeof node.id === 'string' &&
    typeof node.name === 'string' &&
    (node.nameEn === undefined || typeof node.nameEn === 'string') &&
    (node.parentId === undefined || typeof node.parentId === 'string')
  );
}

/** The tree's nodes as stored (malformed entries are skipped, never thrown on a reader). */
export function categoriesFromConfig(configs: readonly ConfigDoc[]): CategoryNode[] {
  const doc = configs.find((config) => config.key === 'product-categories' && config.siteId === undefined);
  const nodes = doc?.value.categories;
  return Array.isArray(nodes) ? nodes.filter(isNode) : [];
}

/** "冷藏 / 乳制品": the node's path from the root, in the given language. */
export function categoryPath(nodes: readonly CategoryNode[], id: string, language: string): string {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let node = byId.get(id); node && !seen.has(node.id); node = node.parentId ? byId.get(node.parentId) : undefined) {
    seen.add(node.id);
    names.unshift(language === 'en' && node.nameEn ? node.nameEn : node.name);
  }
  return names.length > 0 ? names.join(' / ') : id;
}

/** The ids of a node and everything below it (a filter on 肉类 includes 牛肉). */
export function categoryAndDescendants(nodes: readonly CategoryNode[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of nodes)
      if (node.parentId !== undefined && out.has(node.parentId) && !out.has(node.id)) {
        out.add(node.id);
        grew = true;
      }
  }
  return out;
}
