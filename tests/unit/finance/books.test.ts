import { describe, expect, it } from 'vitest';
import type { ConfigDoc, DocumentDoc, GoodsReceiptDoc, PartnerDoc, ReversalDoc, SaleDoc } from '../../../shared/schemas';
import { defaultAccountMapping, openingPositions, recomputePositions, startOfBusinessDate } from '../../../shared/domain';
import {
  accountBalance,
  accountLabel,
  accountMappingFor,
  documentOfEntry,
  filterEntries,
  inventoryAccounts,
  journalRows,
  postingsOfDocument,
  trialBalance,
} from '../../../shared/finance/journal-view';
import { ageingBucket, ageingTotals, partnerLedgers } from '../../../shared/finance/partner-ledger';
import { valuationReport } from '../../../shared/finance/valuation-report';
import { KITCHEN, STORE, batch, doc, entry, movement, product } from './fixtures';

const line = (accountCode: string, debit: number, credit: number) => ({ accountCode, debit, credit });
const j1 = entry('j1', {
  businessDate: '2025-01-10',
  docId: 'gr1',
  docNumber: 'GR-1',
  lines: [line('1405', 300, 0), line('2202', 0, 300)],
});
const j2 = entry('j2', {
  businessDate: '2025-02-20',
  docId: 'gr2',
  docNumber: 'GR-2',
  lines: [line('1405', 100, 0), line('2202', 0, 100)],
});
const j3 = entry('j3', {
  businessDate: '2025-03-25',
  docId: 'ret1',
  docNumber: 'RT-1',
  docType: 'return',
  lines: [line('2202', 50, 0), line('1405', 0, 50)],
});
const j4 = entry('j4', {
  siteId: STORE,
  businessDate: '2025-03-01',
  docId: 's1',
  docNumber: 'S-1',
  docType: 'sale',
  lines: [line('1122', 80, 0), line('6001', 0, 80), line('6401', 30, 0), line('1405', 0, 30)],
});
const j5 = entry('j5', {
  businessDate: '2025-03-30',
  docId: 'rv1',
  docNumber: 'RV-1',
  docType: 'reversal',
  reversalOf: 'j2',
  lines: [line('2202', 100, 0), line('1405', 0, 100)],
});
const journal = [j5, j4, j3, j2, j1];

const documents: DocumentDoc[] = [
  { ...doc<GoodsReceiptDoc>({ type: 'goods-receipt', siteId: KITCHEN, partnerId: 'sup-a', lines: [] }), id: 'gr1', number: 'GR-1' },
  { ...doc<GoodsReceiptDoc>({ type: 'goods-receipt', siteId: KITCHEN, partnerId: 'sup-a', lines: [] }), id: 'gr2', number: 'GR-2' },
  {
    ...doc<GoodsReceiptDoc>({ type: 'return', siteId: KITCHEN, partnerId: 'sup-a', lines: [] } as unknown as GoodsReceiptDoc),
    id: 'ret1',
    number: 'RT-1',
  },
  { ...doc<SaleDoc>({ type: 'sale', siteId: STORE, partnerId: 'cust-1', lines: [] }), id: 's1', number: 'S-1' },
  { ...doc<ReversalDoc>({ type: 'reversal', siteId: KITCHEN, reversesDocId: 'gr2', lines: [] }), id: 'rv1', number: 'RV-1' },
];

describe('journal queries and drill-through', () => {
  it('filters by date, site and account, oldest first', () => {
    expect(filterEntries(journal, { from: '2025-02-01', to: '2025-03-25' }).map((e) => e.id)).toEqual(['j2', 'j4', 'j3']);
    expect(filterEntries(journal, { siteIds: [STORE] }).map((e) => e.id)).toEqual(['j4']);
    expect(journalRows(journal, { accountCode: '1122' }, 'en')).toEqual([
      expect.objectContaining({ entryId: 'j4', accountName: 'Accounts receivable', debit: 80, docNumber: 'S-1' }),
    ]);
  });

  it('balances and trial balance', () => {
    const trial = trialBalance(journal);
    expect(trial).toMatchObject({ totalDebit: 660, totalCredit: 660, balanced: true });
    expect(trial.rows.find((row) => row.accountCode === '2202')).toMatchObject({
      debit: 150,
      credit: 400,
      balance: -250,
      nameZh: '应付账款',
      kind: 'liability',
    });
    expect(accountBalance(journal, '1405', { siteIds: [KITCHEN], to: '2025-03-01' })).toBe(400);
    expect(accountBalance(journal, '1405', { siteIds: [KITCHEN] })).toBe(250);
    expect(trialBalance([entry('bad', { lines: [line('1405', 1, 0)] })]).balanced).toBe(false);
  });

  it('document → entries, movements and its reversal; line → document by id or number', () => {
    const m = movement({ kind: 'receipt', qty: 1, batchId: 'x', productId: 'p', docId: 'gr2' });
    const drill = postingsOfDocument('gr2', {
      documents,
      journal,
      movements: [m, movement({ kind: 'sale', qty: -1, batchId: 'x', productId: 'p' })],
    });
    expect(drill.document?.number).toBe('GR-2');
    expect(drill.entries.map((e) => e.id)).toEqual(['j2']);
    expect(drill.movements).toEqual([m]);
    expect(drill.reversedBy.map((e) => e.id)).toEqual(['j5']);
    expect(documentOfEntry(j1, documents)?.id).toBe('gr1');
    expect(documentOfEntry({ ...j1, docId: 'unsynced-id' }, documents)?.id).toBe('gr1');
    expect(documentOfEntry({ ...j1, docId: 'unsynced-id', siteId: STORE }, documents)).toBeUndefined();
  });

  it('names accounts in both languages and merges per-site mapping overrides over the default', () => {
    expect([accountLabel('6602', 'zh-CN'), accountLabel('6602', 'en'), accountLabel('9999', 'en')]).toEqual([
      '管理费用—存货损耗',
      'Inventory loss (waste)',
      '9999',
    ]);
    const configs: ConfigDoc[] = [
      { id: 'org', key: 'account-mapping', value: { waste: { counter: '6711' }, sale: 'junk' }, updatedAt: 'x' },
      {
        id: 'k',
        key: 'account-mapping',
        siteId: KITCHEN,
        value: { waste: { stock: '1406' }, receipt: { counter: '2241' } },
        updatedAt: 'x',
      },
      { id: 's', key: 'account-mapping', siteId: STORE, value: { receipt: { counter: '9' } }, updatedAt: 'x' },
    ];
    const kitchen = accountMappingFor(KITCHEN, configs);
    expect(kitchen.waste).toEqual({ stock: '1406', counter: '6711' });
    expect(kitchen.receipt).toEqual({ stock: '1405', counter: '2241' });
    expect(kitchen.sale).toEqual(defaultAccountMapping.sale);
    expect(accountMappingFor('elsewhere', configs).waste).toEqual({ stock: '1405', counter: '6711' });
    expect(inventoryAccounts(kitchen)).toEqual(['1405', '1406']);
  });
});

describe('partner ledgers', () => {
  const partners: PartnerDoc[] = [
    { id: 'sup-a', kind: 'supplier', code: 'A', name: '甲供应商', nameEn: 'Supplier A', active: true, updatedAt: 'x' },
  ];

  it('payables per supplier, reversal inherits the partner, returns settle the oldest first, aged at a date', () => {
    const ledgers = partnerLedgers({ journal, documents, partners, asOf: '2025-04-15', language: 'en' });
    const supplier = ledgers.find((row) => row.side === 'payable');
    // GR-1 300 (Jan 10) + GR-2 100 (Feb 20); the reversal cancels GR-2 itself, the return 50 settles GR-1 → 250, 95 days old.
    expect(supplier).toMatchObject({
      partnerId: 'sup-a',
      partnerName: 'Supplier A',
      balance: 250,
      ageing: { '0-30': 0, '31-60': 0, '61-90': 0, '90+': 250 },
    });
    expect(supplier?.openItems).toEqual([{ docNumber: 'GR-1', businessDate: '2025-01-10', open: 250, ageDays: 95, bucket: '90+' }]);
    const customer = ledgers.find((row) => row.side === 'receivable');
    expect(customer).toMatchObject({ partnerId: 'cust-1', balance: 80, ageing: { '31-60': 80 } });
    expect(ageingTotals(ledgers, 'payable').balance).toBe(250);
  });

  it('leaves out entries after the date and keeps the bucket edges', () => {
    const early = partnerLedgers({ journal, documents, asOf: '2025-03-01' }).find((row) => row.side === 'payable');
    expect(early).toMatchObject({ balance: 400, ageing: { '0-30': 100, '31-60': 300, '61-90': 0, '90+': 0 } });
    // GR-1 is 50 days old on 03-01, GR-2 9 days.
    expect(early?.openItems.map((item) => [item.docNumber, item.ageDays, item.bucket])).toEqual([
      ['GR-1', 50, '31-60'],
      ['GR-2', 9, '0-30'],
    ]);
    expect([0, 30, 31, 60, 61, 90, 91].map(ageingBucket)).toEqual(['0-30', '0-30', '31-60', '31-60', '61-90', '61-90', '90+']);
  });
});

describe('valuation report', () => {
  const products = [product('a', { category: 'veg' }), product('b', { category: 'meat' })];
  const batches = [batch('a1', 'a', { unitCost: 2 }), batch('a2', 'a', { unitCost: 4 }), batch('b1', 'b', { unitCost: 10 })];
  const movements = [
    movement({ kind: 'receipt', batchId: 'a1', productId: 'a', qty: 10, unitCost: 2 }, '2025-03-01'),
    movement({ kind: 'receipt', batchId: 'a2', productId: 'a', qty: 10, unitCost: 4 }, '2025-03-02'),
    // Issued at the moving average (3) under that policy; batch costing values a1's units at 2.
    movement({ kind: 'sale', batchId: 'a1', productId: 'a', qty: -5, unitCost: 3 }, '2025-03-03'),
    movement({ kind: 'receipt', siteId: STORE, batchId: 'b1', productId: 'b', qty: 2, unitCost: 10 }, '2025-03-01'),
    movement({ kind: 'transit-loss', siteId: STORE, batchId: 'b1', productId: 'b', qty: 1, unitCost: 10 }, '2025-03-01'),
  ];

  it('values at batch cost as of a date or an instant, by site and category', () => {
    const report = valuationReport({ opening: [], movements, batches, products, asOf: '2025-03-03' });
    // Kitchen: a1 5×2 + a2 10×4 = 50; store: b1 2×10 = 20 (transit loss holds no stock).
    expect(report).toMatchObject({
      total: 70,
      bySite: { [KITCHEN]: 50, [STORE]: 20 },
      byCategory: { veg: 50, meat: 20 },
      bySiteCategory: { [KITCHEN]: { veg: 50 } },
    });
    expect(report.rows[0]?.batches.map((b) => [b.batchId, b.qty, b.value])).toEqual([
      ['a1', 5, 10],
      ['a2', 10, 40],
    ]);
    expect(valuationReport({ opening: [], movements, batches, products, asOf: '2025-03-02T23:59:59.000Z', siteIds: [KITCHEN] }).total).toBe(
      60,
    );
    expect(valuationReport({ opening: [], movements, batches, products, asOf: '2025-02-28' }).rows).toEqual([]);
  });

  it('values at the costs the movements carried under moving average', () => {
    const policy = () => ({ negativeStock: 'block' as const, costing: 'moving-average' as const, priceDeviationPct: 10 });
    const report = valuationReport({ opening: [], movements, batches, products, asOf: '2025-03-03', siteIds: [KITCHEN], policy });
    // 20 + 40 − 5×3 = 45 for 15 units: average 3.
    expect(report.rows[0]).toMatchObject({ qty: 15, value: 45, unitCost: 3, costing: 'moving-average' });
    expect(() => valuationReport({ opening: [], movements, batches, products, asOf: 'soon' })).toThrow(RangeError);
  });

  it('from opening positions plus the movements since, as from every movement, under both costings', () => {
    // Opening at the start of 03-02 (16:00 UTC on 03-01): the a1 receipt, and the store's b1 (its transit loss holds nothing).
    const fromInstant = startOfBusinessDate('2025-03-02');
    const since = movements.filter((m) => m.at >= fromInstant);
    const opening = openingPositions(recomputePositions(movements).values(), since, fromInstant);
    expect(opening.map((p) => [p.batchId, p.qty, p.value])).toEqual([
      ['a1', 10, 20],
      ['a2', 0, 0],
      ['b1', 2, 20],
    ]);
    const average = () => ({ negativeStock: 'block' as const, costing: 'moving-average' as const, priceDeviationPct: 10 });
    for (const policy of [undefined, average]) {
      const full = valuationReport({ opening: [], movements, batches, products, asOf: '2025-03-03', ...(policy ? { policy } : {}) });
      expect(valuationReport({ opening, movements: since, batches, products, asOf: '2025-03-03', ...(policy ? { policy } : {}) })).toEqual(
        full,
      );
    }
  });
});
