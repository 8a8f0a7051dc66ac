/**
 * Product search (issue 6) by name (zh/en), SKU, barcode and pinyin initials: staff type
 * "hsr" for 红烧肉 because switching input methods at a till is slow.
 */
import type { ProductDoc } from '../schemas';
import { PINYIN_INITIAL_CHARS } from './pinyin-initials';
import { packBarcodes, toGtin14 } from './scan';

/**
 * Common polyphones on menus and stock lists whose other reading matters for search
 * (长 zhang/chang, 虾 xia/ha, 咖 ka/ga …). The generated table holds one reading per character.
 */
const EXTRA_INITIALS: Readonly<Record<string, string>> = {
  长: 'z',
  重: 'c',
  行: 'h',
  调: 'd',
  便: 'p',
  单: 's',
  乐: 'y',
  朝: 'z',
  虾: 'h',
  咖: 'g',
  茄: 'j',
  卷: 'j',
  薄: 'b',
  藏: 'z',
  曾: 'z',
  仔: 'z',
  大: 'd',
  血: 'x',
  露: 'l',
  种: 'c',
};

const initialOf: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [letter, chars] of Object.entries(PINYIN_INITIAL_CHARS)) for (const char of chars) map.set(char, letter);
  return map;
})();

/** Letters a character may start with when typed as pinyin initials; '' for punctuation and spaces. */
function initialsOfChar(char: string): string {
  const initial = initialOf.get(char);
  if (initial !== undefined) return initial + (EXTRA_INITIALS[char] ?? '');
  const lower = char.toLowerCase();
  return /^[a-z0-9]$/.test(lower) ? lower : '';
}

/** Pinyin initials of a name, one letter per character (first reading): 红烧肉 → "hsr". */
export function pinyinInitials(text: string): string {
  let initials = '';
  for (const char of text) initials += initialsOfChar(char).slice(0, 1);
  return initials;
}

/** Per character the letters it may stand for; unknown characters are skipped as typists skip them. */
function initialSets(text: string): string[] {
  const sets: string[] = [];
  for (const char of text) {
    const letters = initialsOfChar(char);
    if (letters !== '') sets.push(letters);
  }
  return sets;
}

/** The computed letters per character, each also allowing HQ's letter at that position. */
function mergeInitials(sets: readonly string[], override: string): string[] {
  return sets.map((letters, index) => letters + (override[index] ?? ''));
}

/** Position where the query's letters match consecutive character initials, or -1. */
function matchInitials(sets: readonly string[], query: string): number {
  for (let start = 0; start + query.length <= sets.length; start++) {
    let i = 0;
    while (i < query.length && (sets[start + i] as string).includes(query[i] as string)) i++;
    if (i === query.length) return start;
  }
  return -1;
}

export type SearchField = 'barcode' | 'sku' | 'name' | 'nameEn' | 'pinyin' | 'custom';

export interface ProductSearchHit {
  product: ProductDoc;
  field: SearchField;
  /** Lower is better: exact code, then prefixes, then substrings. */
  rank: number;
}

interface IndexedProduct {
  product: ProductDoc;
  name: string;
  nameEn: string;
  sku: string;
  codes: string[];
  initials: string[];
  /** The values of HQ's custom fields (产地 山东 …), searched last. */
  custom: string;
}

export interface ProductSearchIndex {
  readonly entries: readonly IndexedProduct[];
}

const normalise = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Precomputes what matching needs, once per product list (thousands of items, every keystroke). */
export function buildProductSearchIndex(products: Iterable<ProductDoc>): ProductSearchIndex {
  const entries: IndexedProduct[] = [];
  for (const product of products) {
    const codes = [...product.barcodes, ...product.packs.flatMap(packBarcodes)];
    entries.push({
      product,
      name: normalise(product.name),
      nameEn: normalise(product.nameEn ?? ''),
      sku: normalise(product.sku),
      codes: codes.map((code) => toGtin14(code) ?? normalise(code)),
      // HQ's own initials (a polyphone read another way) are matched beside the computed ones.
      initials: product.pinyin ? mergeInitials(initialSets(product.name), product.pinyin) : initialSets(product.name),
      custom: normalise(
        Object.values(product.custom ?? {})
          .filter((value) => typeof value === 'string' || typeof value === 'number')
          .join('\u0000'),
      ),
    });
  }
  return { entries };
}

function rankEntry(entry: IndexedProduct, query: string): { field: SearchField; rank: number } | undefined {
  const gtin = toGtin14(query);
  if (entry.codes.includes(gtin ?? query)) return { field: 'barcode', rank: 0 };
  if (entry.sku === query) return { field: 'sku', rank: 0 };
  if (entry.name.startsWith(query)) return { field: 'name', rank: 1 };
  if (entry.nameEn.startsWith(query)) return { field: 'nameEn', rank: 1 };
  const lettersOnly = /^[a-z0-9]+$/.test(query);
  const initialsAt = lettersOnly ? matchInitials(entry.initials, query) : -1;
  if (initialsAt === 0) return { field: 'pinyin', rank: 2 };
  if (entry.sku.startsWith(query)) return { field: 'sku', rank: 2 };
  if (entry.name.includes(query)) return { field: 'name', rank: 3 };
  if (entry.nameEn.includes(query)) return { field: 'nameEn', rank: 3 };
  if (initialsAt > 0) return { field: 'pinyin', rank: 4 };
  if (entry.sku.includes(query)) return { field: 'sku', rank: 5 };
  if (query.length >= 4 && /^\d+$/.test(query) && entry.codes.some((code) => code.includes(query))) return { field: 'barcode', rank: 5 };
  if (entry.custom.includes(query)) return { field: 'custom', rank: 6 };
  return undefined;
}

export interface SearchOptions {
  limit?: number;
  includeInactive?: boolean;
}

/** Products matching the query, best first (rank, then shorter name, then SKU). */
export function searchProducts(index: ProductSearchIndex, query: string, options: SearchOptions = {}): ProductSearchHit[] {
  const needle = normalise(query);
  if (needle === '') return [];
  const hits: ProductSearchHit[] = [];
  for (const entry of index.entries) {
    if (!entry.product.active && !options.includeInactive) continue;
    const ranked = rankEntry(entry, needle);
    if (ranked) hits.push({ product: entry.product, ...ranked });
  }
  hits.sort((a, b) => a.rank - b.rank || a.product.name.length - b.product.name.length || (a.product.sku < b.product.sku ? -1 : 1));
  return hits.slice(0, options.limit ?? 50);
}
