import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildProductSearchIndex, pinyinInitials, searchProducts } from '../../../shared/ops/search';
import { PINYIN_INITIAL_CHARS } from '../../../shared/ops/pinyin-initials';
import { product } from './fixtures';

describe('pinyinInitials', () => {
  it.each([
    ['鸡蛋', 'jd'],
    ['牛肉', 'nr'],
    ['酱油', 'jy'],
    ['白糖', 'bt'],
    ['西红柿', 'xhs'],
    ['五花肉', 'whr'],
    ['红烧肉', 'hsr'],
    ['土豆', 'td'],
    ['大米', 'dm'],
    ['生菜', 'sc'],
    ['猪肉 500g', 'zr500g'],
  ])('%s → %s', (name, initials) => {
    expect(pinyinInitials(name)).toBe(initials);
  });

  it('the table covers the 3,755 level-1 characters, each once', () => {
    const all = Object.values(PINYIN_INITIAL_CHARS).join('');
    expect([...all].length).toBe(3755);
    expect(new Set(all).size).toBe(3755);
    expect(Object.keys(PINYIN_INITIAL_CHARS)).not.toContain('i');
  });
});

describe('searchProducts', () => {
  const products = [
    product('p1', { sku: 'MEAT-001', name: '红烧肉', nameEn: 'Braised pork belly', barcodes: ['6901234567892'] }),
    product('p2', { sku: 'MEAT-002', name: '五花肉', nameEn: 'Pork belly' }),
    product('p3', { sku: 'EGG-01', name: '鸡蛋', nameEn: 'Eggs', packs: [{ unit: '箱', qtyInBase: 360, barcode: '09501101530003' }] }),
    product('p4', { sku: 'VEG-01', name: '西红柿', nameEn: 'Tomato' }),
    product('p5', { sku: 'SAUCE-01', name: '生抽酱油', nameEn: 'Light soy sauce' }),
    product('p6', { sku: 'OLD', name: '虾仁', active: false }),
  ];
  const index = buildProductSearchIndex(products);
  const ids = (query: string, options = {}) => searchProducts(index, query, options).map((hit) => hit.product.id);

  it('finds by pinyin initials, prefix before substring', () => {
    expect(ids('hsr')).toEqual(['p1']);
    expect(ids('xhs')).toEqual(['p4']);
    expect(ids('jy')).toEqual(['p5']); // 生抽酱油 = scjy, matched inside
    expect(searchProducts(index, 'jy')[0]).toMatchObject({ field: 'pinyin', rank: 4 });
  });

  it('finds by Chinese and English name, SKU and barcode (pack barcodes, EAN inside GTIN-14)', () => {
    expect(ids('肉')).toEqual(['p1', 'p2']);
    expect(ids('pork belly')).toEqual(['p2', 'p1']);
    expect(ids('meat-002')).toEqual(['p2']);
    expect(ids('06901234567892')).toEqual(['p1']);
    expect(ids('09501101530003')).toEqual(['p3']);
    expect(searchProducts(index, '6901234567892')[0]).toMatchObject({ field: 'barcode', rank: 0 });
  });

  it('hides inactive products unless asked; tolerates full-width input', () => {
    expect(ids('xr')).toEqual([]);
    expect(ids('xr', { includeInactive: true })).toEqual(['p6']);
    expect(ids('ＨＳＲ')).toEqual(['p1']);
  });

  it('every product is found by its own initials and its own SKU', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...products.filter((p) => p.active)),
        (p) => ids(pinyinInitials(p.name)).includes(p.id) && ids(p.sku).includes(p.id),
      ),
    );
  });
});
