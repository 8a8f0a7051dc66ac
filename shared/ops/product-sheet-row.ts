/**
 * One row of a product sheet read into the product it saves. A column the file does not have
 * leaves the field as the stored product has it (new products get the editor's defaults); a
 * column present but empty clears an optional field. What HQ set elsewhere and the sheet does not
 * show stays: pack barcodes, store prices, the kitchen's recipe, the scale PLU.
 */
import type { ProductDraft } from '../commands/master-data';
import type { CategoryNode } from '../domain';
import type { ProductDoc } from '../schemas';
import { activeWords, type RowReader } from './master-sheet';
import type { ProductColumnKey, ProductSheetContext } from './product-sheet';

const storageWords = {
  ambient: ['常温', 'ambient', 'dry'],
  chilled: ['冷藏', 'chilled', 'fridge'],
  frozen: ['冷冻', 'frozen', 'freezer'],
} as const;
const pickingWords = { fefo: ['FEFO', '先到期先出', '效期'], fifo: ['FIFO', '先进先出'] } as const;

type Reader = RowReader<ProductColumnKey>;

function findCategory(categories: readonly CategoryNode[], text: string): CategoryNode | undefined {
  const wanted = text.trim().toLowerCase();
  return (
    categories.find((node) => node.id.toLowerCase() === wanted) ??
    categories.find((node) => node.name.toLowerCase() === wanted || node.nameEn?.toLowerCase() === wanted)
  );
}

/** `箱=24000; 包=500` (also `箱:24000`, full-width signs): each pack unit and its base units. */
function readPacks(reader: Reader, existing: ProductDoc | undefined): ProductDoc['packs'] | undefined {
  const items = reader.list('packs');
  const packs: ProductDoc['packs'] = [];
  for (const item of items) {
    const match = /^(.+?)\s*[=:：＝×x*]\s*([\d.]+)$/.exec(item);
    const qty = match ? Number(match[2]) : NaN;
    if (!match || !Number.isFinite(qty) || qty <= 0) return reader.problem('packs', 'bad-packs', item);
    const unit = match[1]!.trim();
    const before = existing?.packs.find((pack) => pack.unit === unit);
    // Pack barcodes are set in the editor; the sheet keeps them for a unit it still lists.
    packs.push({ ...(before ?? {}), unit, qtyInBase: qty });
  }
  return packs;
}

/** Sets `key` from the column when the file has it: a value, or nothing when the cell is empty. */
function optional<K extends keyof ProductDraft>(draft: ProductDraft, key: K, present: boolean, value: ProductDraft[K] | undefined): void {
  if (!present) return;
  if (value === undefined) delete draft[key];
  else draft[key] = value;
}

export function readProductRow(reader: Reader, existing: ProductDoc | undefined, context: ProductSheetContext): ProductDraft | undefined {
  const before = reader.problems.length;
  const sku = reader.text('sku', { maxLength: 64 }) ?? '';
  const name = reader.text('name', { required: !existing, maxLength: 120 });
  const nameEn = reader.text('nameEn', { maxLength: 120 });
  const categoryText = reader.text('category', { required: !existing });
  const category = categoryText === undefined ? undefined : findCategory(context.categories, categoryText);
  if (categoryText !== undefined && !category) reader.problem('category', 'unknown-category', categoryText);
  const baseUnit = reader.text('baseUnit', { required: !existing, maxLength: 16 });
  const packs = reader.has('packs') ? readPacks(reader, existing) : existing?.packs;
  const barcodes = reader.has('barcodes') ? reader.list('barcodes') : existing?.barcodes;
  const shelfLifeDays = reader.number('shelfLifeDays', { whole: true });
  const shelfLifeHours = reader.number('shelfLifeHours', { whole: true });
  const nearExpiryDays = reader.number('nearExpiryDays', { whole: true });
  const storageClass = reader.choice('storageClass', storageWords);
  const picking = reader.choice('picking', pickingWords);
  const taxPercent = reader.number('taxRate', { max: 100 });
  const purchasePrice = reader.number('purchasePrice');
  const salePrice = reader.number('salePrice');
  const active = reader.choice('active', activeWords);
  if (reader.problems.length > before) return undefined;

  const draft: ProductDraft = {
    ...(existing ?? {}),
    sku,
    name: name ?? existing?.name ?? '',
    baseUnit: baseUnit ?? existing?.baseUnit ?? '',
    packs: packs ?? [],
    barcodes: barcodes ?? [],
    category: category?.id ?? existing?.category ?? '',
    // Without a picking column: a stored product keeps its rule; a new one with a shelf life is FEFO.
    perishable: picking ? picking === 'fefo' : existing ? existing.perishable : shelfLifeDays !== undefined || shelfLifeHours !== undefined,
    nearExpiryDays: nearExpiryDays ?? existing?.nearExpiryDays ?? 0,
    storageClass: storageClass ?? existing?.storageClass ?? 'ambient',
    active: active ? active === 'active' : (existing?.active ?? true),
  };
  if (existing) draft.id = existing.id;
  delete (draft as Partial<ProductDoc>).updatedAt;
  optional(draft, 'nameEn', reader.has('nameEn'), nameEn);
  optional(draft, 'shelfLifeDays', reader.has('shelfLifeDays'), shelfLifeDays);
  optional(draft, 'shelfLifeHours', reader.has('shelfLifeHours'), shelfLifeHours);
  optional(draft, 'taxRate', reader.has('taxRate'), taxPercent === undefined ? undefined : Math.round(taxPercent * 1e4) / 1e6);
  optional(draft, 'purchasePrice', reader.has('purchasePrice'), purchasePrice);
  if (salePrice !== undefined) draft.salePrices = withAllStoresPrice(existing?.salePrices ?? [], salePrice, context.today);
  return draft;
}

/**
 * The price list with `price` for every store from `today`, unless that is already the price in
 * force: the history stays (a receipt of last month still shows last month's price).
 */
function withAllStoresPrice(
  entries: NonNullable<ProductDoc['salePrices']>,
  price: number,
  today: string,
): NonNullable<ProductDoc['salePrices']> {
  const inForce = entries
    .filter((entry) => entry.siteId === undefined && entry.from <= today)
    .reduce<(typeof entries)[number] | undefined>((latest, entry) => (!latest || entry.from > latest.from ? entry : latest), undefined);
  if (inForce?.price === price) return entries;
  return [...entries.filter((entry) => !(entry.siteId === undefined && entry.from === today)), { price, from: today }];
}
