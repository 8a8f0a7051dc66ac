// Master data at HQ (issue 14): products with their units, barcodes and price list, the category
// tree, suppliers and customers. HQ writes, every site reads (the write guard and the endpoint
// refuse other sites). Codes a scanner or a person looks things up by stay unique.
import {
  CATEGORY_CONFIG_ID,
  categoriesFromConfig,
  checkCustomValues,
  customFieldsFrom,
  DuplicateCodeError,
  isValidBusinessDate,
  ValidationError,
  type CategoryNode,
} from '../domain';
import { packBarcodes, scanCodeKey } from '../ops/scan';
import type { ConfigDoc, PartnerDoc, ProductDoc } from '../schemas';
import { defineCommand } from './types';

/** A product as the editor sends it: without `id` it is a new one; `updatedAt` is stamped. */
export type ProductDraft = Omit<ProductDoc, 'id' | 'updatedAt'> & { id?: string };
export type PartnerDraft = Omit<PartnerDoc, 'id' | 'updatedAt'> & { id?: string };

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

/** The rules every saved product keeps (editor, import): throws a ValidationError naming the field. */
export function checkProduct(draft: ProductDraft): void {
  if (blank(draft.name)) throw new ValidationError('name', 'a product needs a name');
  if (blank(draft.sku)) throw new ValidationError('sku', 'a product needs a code');
  if (blank(draft.baseUnit)) throw new ValidationError('baseUnit', 'a product needs a base unit');
  const units = new Set([draft.baseUnit.trim()]);
  draft.packs.forEach((pack, index) => {
    if (blank(pack.unit)) throw new ValidationError(`packs[${index}].unit`, 'a pack needs a unit');
    if (units.has(pack.unit.trim())) throw new ValidationError(`packs[${index}].unit`, `${pack.unit} is already a unit of this product`);
    units.add(pack.unit.trim());
    if (!Number.isFinite(pack.qtyInBase) || pack.qtyInBase <= 0)
      throw new ValidationError(`packs[${index}].qtyInBase`, 'must be a positive number of base units');
  });
  if (draft.taxRate !== undefined && !(draft.taxRate >= 0 && draft.taxRate <= 1))
    throw new ValidationError('taxRate', 'a tax rate is between 0 and 100 %');
  if (draft.purchasePrice !== undefined && !(draft.purchasePrice >= 0)) throw new ValidationError('purchasePrice', 'must not be negative');
  const priceKeys = new Set<string>();
  (draft.salePrices ?? []).forEach((entry, index) => {
    if (!isValidBusinessDate(entry.from)) throw new ValidationError(`salePrices[${index}].from`, `${entry.from} is no date`);
    if (!(entry.price >= 0) || !Number.isFinite(entry.price))
      throw new ValidationError(`salePrices[${index}].price`, 'must not be negative');
    const key = `${entry.siteId ?? '*'}@${entry.from}`;
    if (priceKeys.has(key)) throw new ValidationError(`salePrices[${index}]`, `two prices for the same store from ${entry.from}`);
    priceKeys.add(key);
  });
  if (draft.pinyin !== undefined && !/^[a-z0-9]*$/.test(draft.pinyin))
    throw new ValidationError('pinyin', 'pinyin initials are lower-case letters and digits');
}

/** Every code a product is looked up by: its SKU and all its barcodes (as scans compare them). */
export function barcodesOf(product: Pick<ProductDoc, 'barcodes' | 'packs'>): string[] {
  return [...product.barcodes, ...product.packs.flatMap(packBarcodes)];
}

/** 商品: saves a product whole (new when it has no id). SKU and every barcode stay unique. */
export const productSave = defineCommand({
  reads: (_input: { product: ProductDraft }) => ({ products: true, config: true }),
  run(input, { stamp, products = [], config }) {
    const draft = input.product;
    checkProduct(draft);
    const custom = checkCustomValues(customFieldsFrom(config, 'product'), draft.custom, { requireAll: true });
    const id = draft.id ?? stamp.newId();
    const others = products.filter((product) => product.id !== id);
    const sku = draft.sku.trim();
    const sameSku = others.find((product) => product.sku.toUpperCase() === sku.toUpperCase());
    if (sameSku) throw new DuplicateCodeError('sku', sku, sameSku.name);
    const seen = new Set<string>();
    for (const code of barcodesOf(draft)) {
      const key = scanCodeKey(code);
      if (seen.has(key)) throw new DuplicateCodeError('barcode', code, draft.name);
      seen.add(key);
      const owner = others.find((product) => barcodesOf(product).some((other) => scanCodeKey(other) === key));
      if (owner) throw new DuplicateCodeError('barcode', code, owner.name);
    }
    const existing = products.find((product) => product.id === id);
    // The recipe is the kitchen's (recipe.save): the editor never drops it.
    const { custom: _typed, ...rest } = draft;
    const saved: ProductDoc = {
      ...rest,
      ...(existing?.recipe && !draft.recipe ? { recipe: existing.recipe } : {}),
      ...(Object.keys(custom).length > 0 ? { custom } : {}),
      id,
      sku,
      name: draft.name.trim(),
      updatedAt: stamp.at,
    };
    return { writes: { products: [saved] }, result: { id } };
  },
});

/** 分类: the whole category tree. Ids unique, parents exist, no cycle; a node in use stays. */
export const categorySave = defineCommand({
  reads: (_input: { categories: readonly CategoryNode[] }) => ({ config: true, products: true }),
  run(input, { stamp, config, products = [] }) {
    const ids = new Set<string>();
    input.categories.forEach((node, index) => {
      if (blank(node.id) || !/^[\x21-\x7E]{1,64}$/.test(node.id))
        throw new ValidationError(`categories[${index}].id`, 'a code of letters, digits and signs');
      if (blank(node.name)) throw new ValidationError(`categories[${index}].name`, 'a category needs a name');
      if (ids.has(node.id)) throw new DuplicateCodeError('category', node.id, node.name);
      ids.add(node.id);
    });
    const byId = new Map(input.categories.map((node) => [node.id, node]));
    for (const node of input.categories) {
      if (node.parentId !== undefined && !byId.has(node.parentId))
        throw new ValidationError(`categories.${node.id}.parentId`, `no category ${node.parentId}`);
      const path = new Set<string>();
      for (let at: CategoryNode | undefined = node; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
        if (path.has(at.id)) throw new ValidationError(`categories.${node.id}.parentId`, 'a category cannot sit below itself');
        path.add(at.id);
      }
    }
    const before = categoriesFromConfig(config);
    for (const removed of before.filter((node) => !ids.has(node.id))) {
      const user = products.find((product) => product.category === removed.id);
      if (user) throw new ValidationError(`categories.${removed.id}`, `still used by ${user.name}`);
    }
    const existing = config.find((doc) => doc.key === 'product-categories' && doc.siteId === undefined);
    const saved: ConfigDoc = {
      id: existing?.id ?? CATEGORY_CONFIG_ID,
      key: 'product-categories',
      value: { ...(existing?.value ?? {}), categories: input.categories.map((node) => ({ ...node })) },
      updatedAt: stamp.at,
    };
    return { writes: { config: [saved] }, result: null };
  },
});

function checkPartner(draft: PartnerDraft): void {
  if (blank(draft.name)) throw new ValidationError('name', 'a partner needs a name');
  if (blank(draft.code)) throw new ValidationError('code', 'a partner needs a code');
  if (draft.paymentTermsDays !== undefined && !(Number.isInteger(draft.paymentTermsDays) && draft.paymentTermsDays >= 0))
    throw new ValidationError('paymentTermsDays', 'whole days, 0 or more');
  if (draft.creditLimit !== undefined && !(Number.isFinite(draft.creditLimit) && draft.creditLimit >= 0))
    throw new ValidationError('creditLimit', 'yuan, 0 or more');
  const agreed = new Set<string>();
  (draft.prices ?? []).forEach((entry, index) => {
    if (!entry.productId) throw new ValidationError(`prices[${index}].productId`, 'choose the product');
    if (!(Number.isFinite(entry.price) && entry.price > 0)) throw new ValidationError(`prices[${index}].price`, 'more than ¥0');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.from)) throw new ValidationError(`prices[${index}].from`, 'a date, YYYY-MM-DD');
    const key = `${entry.productId}@${entry.from}`;
    if (agreed.has(key)) throw new ValidationError(`prices[${index}].from`, 'the product has another price from the same day');
    agreed.add(key);
  });
}

/** 往来单位: a supplier or customer, saved whole; codes unique. */
export const partnerSave = defineCommand({
  reads: (_input: { partner: PartnerDraft }) => ({ partners: true, config: true }),
  run(input, { stamp, partners = [], config }) {
    const { custom: typed, ...draft } = input.partner;
    checkPartner(draft);
    const custom = checkCustomValues(customFieldsFrom(config, 'partner'), typed, { requireAll: true });
    const id = draft.id ?? stamp.newId();
    const code = draft.code.trim();
    const same = partners.find((partner) => partner.id !== id && partner.code.toUpperCase() === code.toUpperCase());
    if (same) throw new DuplicateCodeError('code', code, same.name);
    const saved: PartnerDoc = {
      ...draft,
      ...(Object.keys(custom).length > 0 ? { custom } : {}),
      id,
      code,
      name: draft.name.trim(),
      updatedAt: stamp.at,
    };
    return { writes: { partners: [saved] }, result: { id } };
  },
});

/**
 * 商品导入: saves many products at once (a checked import, shared/ops/product-sheet.ts), each by
 * the same rules as `product.save`; codes stay unique over the products after the import. All or
 * nothing: a refused product names its code and nothing of the batch is written.
 */
export const productImport = defineCommand({
  reads: (_input: { products: readonly ProductDraft[] }) => ({ products: true }),
  run(input, { stamp, products = [] }) {
    const saved = new Map(products.map((product) => [product.id, product]));
    const byCode = new Map(products.map((product) => [product.sku.toUpperCase(), product.id]));
    const written: ProductDoc[] = [];
    for (const draft of input.products) {
      try {
        checkProduct(draft);
      } catch (error) {
        if (error instanceof ValidationError)
          throw new ValidationError(`${draft.sku}.${error.field}`, error.message.replace(/^[^:]*: /, ''));
        throw error;
      }
      const id = draft.id ?? stamp.newId();
      const existing = saved.get(id);
      const sku = draft.sku.trim();
      const holder = byCode.get(sku.toUpperCase());
      if (holder !== undefined && holder !== id) throw new DuplicateCodeError('sku', sku, saved.get(holder)?.name ?? holder);
      if (existing) byCode.delete(existing.sku.toUpperCase());
      byCode.set(sku.toUpperCase(), id);
      const product: ProductDoc = {
        ...draft,
        ...(existing?.recipe && !draft.recipe ? { recipe: existing.recipe } : {}),
        // A sheet has no custom-field columns: the values HQ typed in the editor stay.
        ...(existing?.custom && !draft.custom ? { custom: existing.custom } : {}),
        id,
        sku,
        name: draft.name.trim(),
        updatedAt: stamp.at,
      };
      saved.set(id, product);
      written.push(product);
    }
    const owners = new Map<string, ProductDoc>();
    for (const product of saved.values())
      for (const code of barcodesOf(product)) {
        const key = scanCodeKey(code);
        const owner = owners.get(key);
        if (owner && owner.id !== product.id) throw new DuplicateCodeError('barcode', code, owner.name);
        owners.set(key, product);
      }
    return { writes: { products: written }, result: { saved: written.length } };
  },
});

/** 往来单位导入: many suppliers and customers at once, each by `partner.save`'s rules; codes stay unique. */
export const partnerImport = defineCommand({
  reads: (_input: { partners: readonly PartnerDraft[] }) => ({ partners: true }),
  run(input, { stamp, partners = [] }) {
    const saved = new Map(partners.map((partner) => [partner.id, partner]));
    const byCode = new Map(partners.map((partner) => [partner.code.toUpperCase(), partner.id]));
    const written: PartnerDoc[] = [];
    for (const draft of input.partners) {
      checkPartner(draft);
      const id = draft.id ?? stamp.newId();
      const code = draft.code.trim();
      const holder = byCode.get(code.toUpperCase());
      if (holder !== undefined && holder !== id) throw new DuplicateCodeError('code', code, saved.get(holder)?.name ?? holder);
      const existing = saved.get(id);
      if (existing) byCode.delete(existing.code.toUpperCase());
      byCode.set(code.toUpperCase(), id);
      const partner: PartnerDoc = {
        ...draft,
        ...(existing?.custom && !draft.custom ? { custom: existing.custom } : {}),
        // A sheet has no credit-limit column: the limit HQ set in the editor stays.
        ...(existing?.creditLimit !== undefined && draft.creditLimit === undefined ? { creditLimit: existing.creditLimit } : {}),
        // Nor agreed prices: the customer's 协议价 stay as HQ set them.
        ...(existing?.prices && !draft.prices ? { prices: existing.prices } : {}),
        id,
        code,
        name: draft.name.trim(),
        updatedAt: stamp.at,
      };
      saved.set(id, partner);
      written.push(partner);
    }
    return { writes: { partners: written }, result: { saved: written.length } };
  },
});
