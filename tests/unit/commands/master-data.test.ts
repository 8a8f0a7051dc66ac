// product.save, category.save and partner.save: HQ's master data, checked before anything is written.
import { describe, expect, it } from 'vitest';
import { type ProductDraft } from '../../../shared/commands';
import {
  type CategoryNode,
  categoriesFromConfig,
  categoryAndDescendants,
  categoryPath,
  DuplicateCodeError,
  ValidationError,
} from '../../../shared/domain';
import type { ConfigDoc, PartnerDoc, ProductDoc } from '../../../shared/schemas';
import { product } from '../domain/fixtures';
import { AT, run, stampFor } from './harness';

const hq = () => stampFor({ siteId: 'hq', siteKind: 'hq' });
const cola = product('cola', { name: '可乐', sku: 'COLA', baseUnit: '瓶', barcodes: ['6901234567892'] });
const draft = (fields: Partial<ProductDraft> = {}): ProductDraft => {
  const { id: _id, updatedAt: _u, ...rest } = product('x', { name: '卤牛肉', sku: 'BEEF-1', baseUnit: 'g' });
  return { ...rest, ...fields };
};

function runSave(input: ProductDraft, products: ProductDoc[] = [cola]) {
  return run('product.save', { product: input }, { stamp: hq(), products });
}

describe('product.save', () => {
  it('gives a new product an id, stamps it and keeps its packs, barcodes and prices', () => {
    const input = draft({
      packs: [{ unit: '箱', qtyInBase: 24, barcode: '16901234567899', barcodes: ['06901234567908'] }],
      salePrices: [{ price: 0.2, from: '2025-03-01', siteId: 'store-a' }],
    });
    const outcome = runSave(input);
    expect(outcome.result.id).toBe('id-1');
    expect(outcome.writes?.products).toEqual([{ ...input, id: 'id-1', updatedAt: AT }]);
  });

  it('refuses a SKU or barcode another product has, naming that product', () => {
    expect(() => runSave(draft({ sku: 'cola' }))).toThrow(DuplicateCodeError);
    expect(() => runSave(draft({ sku: 'cola' }))).toThrow(/already used by 可乐/);
    // The same EAN with a leading zero is the same code to a scanner.
    expect(() => runSave(draft({ packs: [{ unit: '箱', qtyInBase: 24, barcode: '06901234567892' }] }))).toThrow(DuplicateCodeError);
    // Saving cola itself again is fine.
    const { id: _id, updatedAt: _u, ...colaDraft } = cola;
    expect(runSave({ ...colaDraft, id: 'cola', nameEn: 'Cola' }).writes?.products?.[0]).toMatchObject({ id: 'cola', nameEn: 'Cola' });
  });

  it('names the field of bad input', () => {
    expect(() => runSave(draft({ name: ' ' }))).toThrow(/^name:/);
    expect(() => runSave(draft({ packs: [{ unit: 'g', qtyInBase: 5 }] }))).toThrow(/packs\[0\]\.unit/);
    expect(() => runSave(draft({ packs: [{ unit: '箱', qtyInBase: 0 }] }))).toThrow(/packs\[0\]\.qtyInBase/);
    expect(() => runSave(draft({ taxRate: 13 }))).toThrow(/taxRate/);
    expect(() => runSave(draft({ salePrices: [{ price: 1, from: '2025-02-30' }] }))).toThrow(/salePrices\[0\]\.from/);
    expect(() =>
      runSave(
        draft({
          salePrices: [
            { price: 1, from: '2025-03-01' },
            { price: 2, from: '2025-03-01' },
          ],
        }),
      ),
    ).toThrow(ValidationError);
  });

  it('keeps the kitchen’s recipe the editor does not send', () => {
    const bread = product('bread', { recipe: { outputQty: 10, lines: [{ productId: 'flour', qty: 5 }] } });
    const { id: _id, updatedAt: _u, recipe: _r, ...breadDraft } = bread;
    expect(runSave({ ...breadDraft, id: 'bread' }, [bread]).writes?.products?.[0]?.recipe).toEqual(bread.recipe);
  });
});

describe('category.save', () => {
  const tree: CategoryNode[] = [
    { id: 'fresh', name: '生鲜', nameEn: 'Fresh' },
    { id: 'meat', name: '肉类', nameEn: 'Meat', parentId: 'fresh' },
    { id: 'beef', name: '牛肉', parentId: 'meat' },
  ];
  const saveTree = (categories: CategoryNode[], config: ConfigDoc[] = [], products: ProductDoc[] = []) =>
    run('category.save', { categories }, { stamp: hq(), config, products });

  it('writes the tree as one organisation-wide config document that readers turn back into paths', () => {
    const written = saveTree(tree).writes?.config ?? [];
    expect(written.map((doc) => [doc.id, doc.key, doc.siteId])).toEqual([['product-categories:org', 'product-categories', undefined]]);
    const nodes = categoriesFromConfig(written);
    expect(categoryPath(nodes, 'beef', 'zh-CN')).toBe('生鲜 / 肉类 / 牛肉');
    expect(categoryPath(nodes, 'meat', 'en')).toBe('Fresh / Meat');
    expect([...categoryAndDescendants(nodes, 'fresh')].sort()).toEqual(['beef', 'fresh', 'meat']);
  });

  it('refuses duplicates, unknown parents and cycles, and removing a category products use', () => {
    expect(() => saveTree([...tree, { id: 'meat', name: '又一个' }])).toThrow(DuplicateCodeError);
    expect(() => saveTree([{ id: 'a', name: 'A', parentId: 'zzz' }])).toThrow(/no category zzz/);
    expect(() =>
      saveTree([
        { id: 'a', name: 'A', parentId: 'b' },
        { id: 'b', name: 'B', parentId: 'a' },
      ]),
    ).toThrow(/below itself/);
    const stored = saveTree(tree).writes?.config ?? [];
    expect(() => saveTree(tree.slice(0, 2), stored, [product('steak', { name: '牛排', category: 'beef' })])).toThrow(/still used by 牛排/);
  });
});

describe('partner.save', () => {
  const supplier: PartnerDoc = { id: 'sup-1', kind: 'supplier', code: 'S1', name: '光明乳业', active: true, updatedAt: AT };
  const savePartner = (partner: Omit<PartnerDoc, 'id' | 'updatedAt'> & { id?: string }) =>
    run('partner.save', { partner }, { stamp: hq(), partners: [supplier] });

  it('saves payment terms and refuses a code another partner has', () => {
    expect(
      savePartner({ kind: 'customer', code: 'C1', name: '蓝湾酒店', taxId: '91310000X', paymentTermsDays: 30, active: true }).writes
        ?.partners?.[0],
    ).toMatchObject({ id: 'id-1', code: 'C1', paymentTermsDays: 30, updatedAt: AT });
    expect(() => savePartner({ kind: 'customer', code: 's1', name: 'x', active: true })).toThrow(/already used by 光明乳业/);
    expect(() => savePartner({ kind: 'customer', code: 'C2', name: 'x', paymentTermsDays: 1.5, active: true })).toThrow(/paymentTermsDays/);
  });
});
