// Products v2: a pack carries several barcodes (a case's EAN and its ITF-14), each adding the pack's
// quantity when scanned; HQ's pinyin initials are searchable beside the computed ones.
import { describe, expect, it } from 'vitest';
import { buildProductSearchIndex, findProductByCode, gs1CheckDigit, searchProducts } from '../../../shared/ops';
import { product } from '../domain/fixtures';

const ean = (twelve: string) => `${twelve}${gs1CheckDigit(twelve)}`;
const cola = product('cola', {
  name: '可乐',
  baseUnit: '瓶',
  barcodes: [ean('690123456001')],
  packs: [{ unit: '箱', qtyInBase: 24, barcode: ean('690123456002'), barcodes: [ean('690123456003')] }],
});
// 会 reads hui by the table; in 会计本 (account book) it is kuai, which HQ sets by hand.
const book = product('book', { name: '会计本', pinyin: 'kjb' });

describe('pack barcodes and pinyin', () => {
  it('each barcode of a pack names the pack, so a scan adds 24 bottles', () => {
    expect(findProductByCode(ean('690123456003'), [cola])).toEqual({ product: cola, pack: { unit: '箱', qtyInBase: 24 } });
    expect(findProductByCode(ean('690123456002'), [cola])?.pack?.qtyInBase).toBe(24);
    expect(findProductByCode(ean('690123456001'), [cola])?.pack).toBeUndefined();
  });

  it('search finds a product by any pack barcode and by HQ’s pinyin', () => {
    const index = buildProductSearchIndex([cola, book]);
    expect(searchProducts(index, ean('690123456003')).map((hit) => hit.product.id)).toEqual(['cola']);
    expect(searchProducts(index, 'kjb').map((hit) => hit.product.id)).toEqual(['book']);
    expect(searchProducts(index, 'hjb').map((hit) => hit.product.id)).toEqual(['book']);
    expect(searchProducts(buildProductSearchIndex([product('book', { name: '会计本' })]), 'kjb')).toEqual([]);
  });
});
