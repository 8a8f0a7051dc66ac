/**
 * The demo organisation's reference data: ~200 products a Chinese restaurant chain with a
 * central kitchen stocks, their suppliers and the per-site policies. Pure and deterministic:
 * ids derive from SKUs and codes, so seeding twice writes the same documents.
 */
import { derivedId } from '../domain/ids';
import type { ConfigDoc, PartnerDoc, ProductDoc, StorageClass } from '../schemas';
import { dairy, drinks, dryGoods, frozen, packaging, seasonings } from './catalog-pantry';
import { fruit, meat, poultry, seafood, vegetables } from './catalog-fresh';
import { semiFinished } from './catalog-recipes';
import type { CategoryTable, StorageCode, StoreChannel } from './catalog-types';
import { makeEan13 } from './ean';

/** Categories whose loose goods the stores weigh and label on their scales. */
const weighedAtScales = new Set(['meat', 'poultry', 'seafood', 'vegetables', 'fruit']);

export const demoCategories: readonly CategoryTable[] = [
  meat,
  poultry,
  seafood,
  vegetables,
  fruit,
  dryGoods,
  seasonings,
  dairy,
  frozen,
  drinks,
  packaging,
];
export const semiFinishedCategory = { key: 'semi-finished', zh: '半成品', en: 'Semi-finished', code: 'BC' } as const;

export const demoSiteIds = { hq: 'hq', kitchen: 'kitchen', stores: ['store-renmin', 'store-riverside'] } as const;
export const allDemoSiteIds: readonly string[] = [demoSiteIds.hq, demoSiteIds.kitchen, ...demoSiteIds.stores];

interface SupplierRow {
  code: string;
  name: string;
  nameEn: string;
  contact: string;
  phone: string;
  /** 统一社会信用代码 (18 characters). */
  taxId: string;
  /** GS1 China company prefix used for the barcodes of what this supplier delivers. */
  companyPrefix: string;
}

export const demoSuppliers: readonly SupplierRow[] = [
  {
    code: 'SUP-XD',
    name: '上海鲜达食品有限公司',
    nameEn: 'Shanghai Xianda Foods Co., Ltd.',
    contact: '王建国',
    phone: '021-5968 3321',
    taxId: '91310115MA1H8XD21K',
    companyPrefix: '6921581',
  },
  {
    code: 'SUP-HR',
    name: '江苏海润水产有限公司',
    nameEn: 'Jiangsu Hairun Aquatic Products Co., Ltd.',
    contact: '陈海峰',
    phone: '0513-8562 4410',
    taxId: '91320600MA1MHR8T3P',
    companyPrefix: '6923374',
  },
  {
    code: 'SUP-LY',
    name: '上海绿源农产品配送有限公司',
    nameEn: 'Shanghai Lvyuan Produce Distribution Co., Ltd.',
    contact: '李秀英',
    phone: '021-3912 7785',
    taxId: '91310117MA1J3LY64B',
    companyPrefix: '6925106',
  },
  {
    code: 'SUP-LX',
    name: '山东鲁香粮油有限公司',
    nameEn: 'Shandong Luxiang Grain & Oil Co., Ltd.',
    contact: '孙立新',
    phone: '0531-8816 2093',
    taxId: '91370100MA3C5LX07Q',
    companyPrefix: '6927350',
  },
  {
    code: 'SUP-WY',
    name: '广东味源调味品有限公司',
    nameEn: 'Guangdong Weiyuan Condiments Co., Ltd.',
    contact: '黄志强',
    phone: '0757-2283 6610',
    taxId: '91440600MA4W9WY52D',
    companyPrefix: '6920412',
  },
  {
    code: 'SUP-CL',
    name: '上海晨露乳业有限公司',
    nameEn: 'Shanghai Chenlu Dairy Co., Ltd.',
    contact: '周晓燕',
    phone: '021-6725 1049',
    taxId: '91310112MA1GCL715X',
    companyPrefix: '6926833',
  },
  {
    code: 'SUP-BC',
    name: '浙江冰川冷链食品有限公司',
    nameEn: 'Zhejiang Bingchuan Cold-Chain Foods Co., Ltd.',
    contact: '吴国平',
    phone: '0571-8692 3378',
    taxId: '91330100MA2H2BC96L',
    companyPrefix: '6928461',
  },
  {
    code: 'SUP-QQ',
    name: '杭州清泉饮品有限公司',
    nameEn: 'Hangzhou Qingquan Beverages Co., Ltd.',
    contact: '郑丽华',
    phone: '0571-8530 6672',
    taxId: '91330110MA2CQQ430R',
    companyPrefix: '6922255',
  },
  {
    code: 'SUP-HY',
    name: '苏州恒印包装材料有限公司',
    nameEn: 'Suzhou Hengyin Packaging Materials Co., Ltd.',
    contact: '徐明',
    phone: '0512-6580 9127',
    taxId: '91320500MA1YHY258U',
    companyPrefix: '6929718',
  },
];

/** Barcodes of what the central kitchen makes itself. */
const KITCHEN_COMPANY_PREFIX = '6970325';

/** How the simulation in history.ts treats a product; the product document itself is `product`. */
export interface ProductPlan {
  product: ProductDoc;
  /** Supplier partner id; null for what the kitchen makes. */
  supplierId: string | null;
  supplierCode: string | null;
  /** Base units in the first pack (what the kitchen ships in) and in the largest (what it orders). */
  shipQty: number;
  orderQty: number;
  /** Contract price per base unit (for semi-finished, the recipe's cost at contract prices). */
  unitCost: number;
  /** Menu price per base unit of till sales. */
  unitPrice: number;
  /** Base units one store uses on an ordinary weekday. */
  storeUse: number;
  /** Base units the kitchen itself uses a weekday (its canteen and catering orders, 团餐), beside recipes. */
  kitchenUse: number;
  channel: StoreChannel;
}

export interface DemoCatalog {
  products: ProductDoc[];
  partners: PartnerDoc[];
  config: ConfigDoc[];
  plans: ProductPlan[];
}

const storageClasses: Record<StorageCode, StorageClass> = { A: 'ambient', C: 'chilled', F: 'frozen' };

interface ParsedPack {
  unit: string;
  qtyInBase: number;
}

/** `瓶500 箱12` → 瓶 = 500 base units, 箱 = 12 瓶 = 6000 base units. */
export function parsePacks(spec: string): ParsedPack[] {
  const packs: ParsedPack[] = [];
  let previous = 1;
  for (const token of spec.split(' ')) {
    const match = /^(\D+?)(\d+)$/.exec(token);
    if (!match) throw new RangeError(`bad pack spec ${spec}`);
    previous *= Number(match[2]);
    packs.push({ unit: match[1] ?? '', qtyInBase: previous });
  }
  if (packs.length === 0) throw new RangeError(`empty pack spec ${spec}`);
  return packs;
}

function productPacks(baseUnit: string, spec: string, barcode: (index: number) => string): ProductDoc['packs'] {
  const packs: ProductDoc['packs'] = parsePacks(spec).map((pack, index) => ({ ...pack, barcode: barcode(index + 1) }));
  // Scales and invoices speak kilograms and litres even when the ledger counts grams and millilitres.
  if (baseUnit === 'g') packs.unshift({ unit: 'kg', qtyInBase: 1000 });
  if (baseUnit === 'ml') packs.unshift({ unit: 'L', qtyInBase: 1000 });
  return packs;
}

function largest(spec: string): number {
  return parsePacks(spec).at(-1)?.qtyInBase ?? 1;
}
function smallest(spec: string): number {
  return parsePacks(spec)[0]?.qtyInBase ?? 1;
}

/**
 * Stores carry what their menus use every day (at least half a pack); proteins below a pack a
 * day reach them only as the kitchen's semi-finished products. The rest stays in the kitchen,
 * for its recipes and its catering orders. (A wider store range also made the first-run seed
 * too slow: every store line is a dispatch, a receipt and a daily sale.)
 */
function storeRangeThreshold(categoryKey: string): number {
  return categoryKey === 'meat' || categoryKey === 'poultry' || categoryKey === 'seafood' ? 1 : 0.5;
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

export function buildDemoCatalog(options: { updatedAt: string }): DemoCatalog {
  const updatedAt = options.updatedAt;
  const partners: PartnerDoc[] = demoSuppliers.map((s) => ({
    id: derivedId('demo', 'partner', s.code),
    kind: 'supplier',
    code: s.code,
    name: s.name,
    nameEn: s.nameEn,
    contact: s.contact,
    phone: s.phone,
    taxId: s.taxId,
    active: true,
    updatedAt,
  }));
  const supplierByCode = new Map(demoSuppliers.map((s, index) => [s.code, { row: s, partner: partners[index] as PartnerDoc }]));

  const plans: ProductPlan[] = [];
  const byName = new Map<string, ProductPlan>();
  let itemReference = 0;
  // Fresh goods sold loose are weighed on the stores' label scales: each gets a scale PLU (货号)
  // and the price per kg programmed with it, as a store sets its scales up.
  let scalePlu = 10000;
  const nextBarcodes = (prefix: string) => {
    const base = (itemReference += 10);
    return (index: number) => makeEan13(prefix, base + index);
  };

  for (const table of demoCategories) {
    const supplier = supplierByCode.get(table.supplier);
    if (!supplier) throw new RangeError(`unknown supplier ${table.supplier}`);
    table.rows.forEach(([zh, en, baseUnit, packSpec, packPrice, shelfLifeDays, nearExpiryDays, storage, storeUsePacks], index) => {
      const sku = `${table.code}-${String(index + 1).padStart(3, '0')}`;
      const barcode = nextBarcodes(supplier.row.companyPrefix);
      const perishable = storage !== 'A' || (shelfLifeDays > 0 && shelfLifeDays <= 30);
      const product: ProductDoc = {
        id: derivedId('demo', 'product', sku),
        sku,
        name: zh,
        nameEn: en,
        baseUnit,
        packs: productPacks(baseUnit, packSpec, barcode),
        barcodes: [barcode(0)],
        category: table.key,
        perishable,
        ...(shelfLifeDays > 0 ? { shelfLifeDays } : {}),
        nearExpiryDays,
        storageClass: storageClasses[storage],
        active: true,
        updatedAt,
      };
      const orderQty = largest(packSpec);
      const storeUsePacksKept = storeUsePacks >= storeRangeThreshold(table.key) ? storeUsePacks : 0;
      const unitCost = packPrice / orderQty;
      const unitPrice = round4(unitCost * table.markup);
      if (baseUnit === 'g' && weighedAtScales.has(table.key))
        product.scale = { plu: String((scalePlu += 1)), pricePerKg: Math.round(unitPrice * 1000 * 100) / 100 };
      const plan: ProductPlan = {
        product,
        supplierId: supplier.partner.id,
        supplierCode: table.supplier,
        shipQty: smallest(packSpec),
        orderQty,
        unitCost,
        unitPrice,
        storeUse: storeUsePacksKept * orderQty,
        // What the stores do not carry goes to the kitchen's catering, so every product moves.
        kitchenUse: Math.max(storeUsePacks - storeUsePacksKept, storeUsePacks === 0 ? 0.05 : 0) * orderQty,
        channel: table.channel,
      };
      plans.push(plan);
      byName.set(zh, plan);
    });
  }

  semiFinished.forEach((row, index) => {
    const sku = `${semiFinishedCategory.code}-${String(index + 1).padStart(3, '0')}`;
    const lines = row.lines.map(([name, qty]) => {
      const ingredient = byName.get(name);
      if (!ingredient) throw new RangeError(`recipe ${row.zh} names an unknown product ${name}`);
      return { plan: ingredient, qty };
    });
    const unitCost = lines.reduce((sum, line) => sum + line.qty * line.plan.unitCost, 0) / row.outputQty;
    const barcode = nextBarcodes(KITCHEN_COMPANY_PREFIX);
    const product: ProductDoc = {
      id: derivedId('demo', 'product', sku),
      sku,
      name: row.zh,
      nameEn: row.en,
      baseUnit: row.baseUnit,
      packs: productPacks(row.baseUnit, row.packs, barcode),
      barcodes: [barcode(0)],
      category: semiFinishedCategory.key,
      perishable: true,
      shelfLifeDays: row.shelfLifeDays,
      ...(row.shelfLifeHours === undefined ? {} : { shelfLifeHours: row.shelfLifeHours }),
      nearExpiryDays: row.nearExpiryDays,
      storageClass: 'chilled',
      recipe: { outputQty: row.outputQty, lines: lines.map((line) => ({ productId: line.plan.product.id, qty: line.qty })) },
      active: true,
      updatedAt,
    };
    const shipQty = smallest(row.packs);
    plans.push({
      product,
      supplierId: null,
      supplierCode: null,
      shipQty,
      orderQty: shipQty,
      unitCost,
      unitPrice: round4(unitCost * 3.5),
      storeUse: row.storeUsePacks * shipQty,
      kitchenUse: 0,
      channel: 'sale',
    });
  });

  const config: ConfigDoc[] = allDemoSiteIds.map((siteId) => ({
    id: derivedId('demo', 'config', 'site-policy', siteId),
    key: 'site-policy',
    siteId,
    value: { negativeStock: 'block', costing: 'batch', priceDeviationPct: 10 },
    updatedAt,
  }));

  // Every store sells at the menu price from the start of the demo's history (price list, issue 14).
  for (const plan of plans) plan.product.salePrices = [{ price: plan.unitPrice, from: DEMO_PRICES_FROM }];
  return { products: plans.map((plan) => plan.product), partners, config, plans };
}

/** Before any business date the demo's history holds. */
const DEMO_PRICES_FROM = '2020-01-01';
