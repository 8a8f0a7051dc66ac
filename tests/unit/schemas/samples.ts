import type {
  BatchDoc,
  CollectionDocTypes,
  CollectionName,
  ConfigDoc,
  PersonDoc,
  DispatchDoc,
  EventDoc,
  JournalDoc,
  MovementDoc,
  PartnerDoc,
  ProductDoc,
  SiteDoc,
} from '../../../shared/schemas';

/** One valid document per collection, typed with the derived types (so they also typecheck). */
const at = '2025-03-01T08:00:00.000Z';

const site: SiteDoc = { id: 'site-k', code: 'K1', name: '中央厨房', kind: 'kitchen', active: true, updatedAt: at };
const product: ProductDoc = {
  id: 'p-milk',
  sku: 'MILK-1L',
  name: '牛奶',
  nameEn: 'Milk',
  baseUnit: 'ml',
  packs: [{ unit: '箱', qtyInBase: 12000, barcode: '6900000000001' }],
  barcodes: ['6900000000002'],
  category: 'dairy',
  perishable: true,
  shelfLifeDays: 7,
  nearExpiryDays: 2,
  storageClass: 'chilled',
  recipe: { outputQty: 1000, lines: [{ productId: 'p-powder', qty: 120 }] },
  active: true,
  updatedAt: at,
};
const partner: PartnerDoc = { id: 'sup-1', kind: 'supplier', code: 'S1', name: '光明乳业', active: true, updatedAt: at };
const batch: BatchDoc = {
  id: 'b-1',
  productId: 'p-milk',
  siteId: 'site-k',
  lotCode: 'L20250301',
  productionDate: '2025-03-01',
  expiryDate: '2025-03-08',
  receivedAt: at,
  unitCost: 0.012,
  supplierId: 'sup-1',
  certificateHashes: ['a'.repeat(64)],
  qcStatus: 'released',
  updatedAt: at,
};
const movement: MovementDoc = {
  id: 'm-1',
  siteId: 'site-k',
  productId: 'p-milk',
  batchId: 'b-1',
  qty: -500,
  kind: 'dispatch-out',
  unitCost: 0.012,
  docType: 'dispatch',
  docId: 'd-1',
  lineNo: 0,
  at,
  terminalId: 't-1',
  updatedAt: at,
};
const dispatch: DispatchDoc = {
  id: 'd-1',
  type: 'dispatch',
  siteId: 'site-k',
  toSiteId: 'site-s',
  number: 'PS-20250301-0001',
  status: 'shipped',
  businessDate: '2025-03-01',
  at,
  terminalId: 't-1',
  lines: [{ productId: 'p-milk', qty: 500, batchId: 'b-1' }],
  updatedAt: at,
};
const journal: JournalDoc = {
  id: 'j-1',
  siteId: 'site-k',
  docType: 'dispatch',
  docId: 'd-1',
  docNumber: 'PS-20250301-0001',
  businessDate: '2025-03-01',
  at,
  lines: [
    { accountCode: '1404', debit: 6, credit: 0 },
    { accountCode: '1405', debit: 0, credit: 6 },
  ],
  updatedAt: at,
};
const event: EventDoc = {
  id: 'e-1',
  siteId: 'site-k',
  kind: 'fifo-override',
  severity: 'warning',
  at,
  message: 'later batch chosen',
  data: { reason: 'customer asked' },
  updatedAt: at,
};
const config: ConfigDoc = { id: 'cfg-1', key: 'site-policy', siteId: 'site-k', value: { negativeStock: 'block' }, updatedAt: at };

const person: PersonDoc = {
  id: 'person-1@site-k',
  personId: 'person-1',
  siteId: 'site-k',
  name: '王芳',
  roles: ['clerk'],
  pinHash: 'scrypt$16384$8$1$00$00',
  active: true,
  updatedAt: at,
};

export const sampleDocs: { [K in CollectionName]: CollectionDocTypes[K] } = {
  sites: site,
  products: product,
  partners: partner,
  batches: batch,
  movements: movement,
  documents: dispatch,
  journal,
  events: event,
  config,
  people: person,
};
