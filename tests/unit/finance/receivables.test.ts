// A customer's account (issue 17): sales on account raise what it owes, its returns (credit notes)
// and payments lower it; a supplier's payable falls by payments to it. The statement (对账单)
// brings the balance forward and carries it to the ledger's figure. A property test: for random
// mixes, each customer's receivable equals invoices − payments − credit notes, every entry
// balances, and the statement's closing balance is the ledger's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerBalance, postDocument, ValidationError, type PostingResult } from '../../../shared/domain';
import { partnerLedgers, partnerStatement } from '../../../shared/finance';
import type { ConfigDoc, DocumentDoc, JournalDoc, PartnerDoc, PersonDoc, SaleDoc } from '../../../shared/schemas';
import { run, stampFor } from '../commands/harness';
import { batch, ledgerWith, ok, product, sumBy } from '../domain/fixtures';

const partner = (id: string, kind: PartnerDoc['kind']): PartnerDoc => ({
  id,
  kind,
  code: id.toUpperCase(),
  name: id,
  active: true,
  updatedAt: '2025-03-01T00:00:00.000Z',
});
const partners = [partner('franchise-1', 'customer'), partner('franchise-2', 'both'), partner('mill', 'supplier')];
const rice = product('rice');

function books() {
  const ledger = ledgerWith([rice], [batch('r1', 'rice', { unitCost: 3 })], [{ batchId: 'r1', qty: 10_000 }]);
  const journal: JournalDoc[] = [];
  const documents: DocumentDoc[] = [];
  let day = 0;
  const post = (document: DocumentDoc): PostingResult => {
    const result = ok(postDocument(document, ledger));
    ledger.commit(result);
    journal.push(...result.journal);
    documents.push(result.document);
    return result;
  };
  // One day per document, ids and numbers running on across them.
  const numbering = stampFor();
  const stamp = () => ({
    ...stampFor({ businessDate: `2025-03-${String(++day).padStart(2, '0')}` }),
    newId: numbering.newId,
    nextNumber: numbering.nextNumber,
  });
  return {
    ledger,
    journal,
    documents,
    sell: (customer: string, qty: number, price: number) =>
      post(
        run(
          'sale.post',
          { kind: 'sale', partnerId: customer, lines: [{ productId: 'rice', qty, unitPrice: price }] },
          { ledger, partners, stamp: stamp() },
        ).post!.document,
      ),
    pay: (partnerId: string, amount: number, direction: 'from-customer' | 'to-supplier' = 'from-customer') =>
      post(run('payment.record', { partnerId, direction, amount, method: 'wechat' }, { ledger, partners, stamp: stamp() }).post!.document),
    giveBack: (sale: DocumentDoc, qty: number) =>
      post(
        run(
          'customer-return.post',
          { saleId: sale.id, reason: '破袋', lines: [{ productId: 'rice', batchId: sale.lines[0]!.batchId!, qty }] },
          { ledger, documents, stamp: stamp() },
        ).post!.document,
      ),
  };
}

const receivableOf = (b: ReturnType<typeof books>, partnerId: string) =>
  partnerLedgers({ journal: b.journal, documents: b.documents, asOf: '2025-12-31' }).find(
    (row) => row.side === 'receivable' && row.partnerId === partnerId,
  )?.balance ?? 0;

describe('a customer’s account', () => {
  it('a sale on account, a credit note and a WeChat payment: Dr 1122, Cr 1122, Dr 1012 / Cr 1122', () => {
    const b = books();
    const sale = b.sell('franchise-1', 100, 5).document as SaleDoc;
    expect(sale).toMatchObject({ partnerId: 'franchise-1', paymentMethod: 'credit' });
    const credit = b.giveBack(sale, 10);
    expect(credit.journal[0]?.lines).toContainEqual({ accountCode: '1122', debit: 0, credit: 50 });
    const paid = b.pay('franchise-1', 200);
    expect(paid.document).toMatchObject({ type: 'payment', number: 'SK-1', amount: 200, status: 'posted' });
    expect(paid.journal[0]?.lines).toEqual([
      { accountCode: '1012', debit: 200, credit: 0 },
      { accountCode: '1122', debit: 0, credit: 200 },
    ]);
    expect(paid.movements).toEqual([]);
    expect(receivableOf(b, 'franchise-1')).toBe(250);
    // A supplier paid by bank transfer: Dr 2202 / Cr 1002.
    const out = run('payment.record', { partnerId: 'mill', direction: 'to-supplier', amount: 80, method: 'transfer' }, { partners }).post!
      .document;
    expect(ok(postDocument(out, b.ledger)).journal[0]?.lines).toEqual([
      { accountCode: '2202', debit: 80, credit: 0 },
      { accountCode: '1002', debit: 0, credit: 80 },
    ]);
  });

  it('refuses what would corrupt it: a payment of nothing, to a supplier as a customer, a return of more than was sold', () => {
    const b = books();
    expect(() =>
      run('payment.record', { partnerId: 'franchise-1', direction: 'from-customer', amount: 0, method: 'cash' }, { partners }),
    ).toThrow(ValidationError);
    expect(() => run('payment.record', { partnerId: 'mill', direction: 'from-customer', amount: 5, method: 'cash' }, { partners })).toThrow(
      /not a customer/,
    );
    expect(() =>
      run('sale.post', { kind: 'sale', partnerId: 'mill', lines: [{ productId: 'rice', qty: 1, unitPrice: 5 }] }, { partners }),
    ).toThrow(/customers/);
    const sale = b.sell('franchise-1', 4, 5).document;
    expect(() => b.giveBack(sale, 5)).toThrow(/more than the 4 sold/);
  });

  it('the statement brings the balance forward and carries the ledger’s balance', () => {
    const b = books();
    b.sell('franchise-1', 10, 5); // 03-01: 50
    b.pay('franchise-1', 20); // 03-02
    const sale = b.sell('franchise-1', 20, 5).document; // 03-03: 100
    b.giveBack(sale, 2); // 03-04: −10
    b.pay('franchise-1', 60); // 03-05
    const statement = partnerStatement({
      journal: b.journal,
      documents: b.documents,
      partnerId: 'franchise-1',
      side: 'receivable',
      from: '2025-03-03',
      to: '2025-03-31',
    });
    expect(statement.opening).toBe(30);
    expect(statement.lines.map((line) => [line.businessDate, line.kind, line.increase, line.decrease, line.balance])).toEqual([
      ['2025-03-03', 'invoice', 100, null, 130],
      ['2025-03-04', 'credit-note', null, 10, 120],
      ['2025-03-05', 'payment', null, 60, 60],
    ]);
    expect([statement.totalIncrease, statement.totalDecrease, statement.closing]).toEqual([100, 70, 60]);
    expect(statement.closing).toBe(receivableOf(b, 'franchise-1'));
  });

  it('receivable = invoices − payments − credit notes for any mix; every entry balances (property)', () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('sell' as const),
        customer: fc.constantFrom('franchise-1', 'franchise-2'),
        qty: fc.integer({ min: 1, max: 50 }),
        price: fc.integer({ min: 1, max: 2000 }).map((cents) => cents / 100),
      }),
      fc.record({
        kind: fc.constant('pay' as const),
        customer: fc.constantFrom('franchise-1', 'franchise-2'),
        cents: fc.integer({ min: 1, max: 50_000 }),
      }),
      fc.record({ kind: fc.constant('return' as const), pick: fc.nat(), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 20 }), (steps) => {
        const b = books();
        const sales: { doc: DocumentDoc; left: number }[] = [];
        const expected = new Map<string, number>();
        const add = (customer: string, amount: number) => expected.set(customer, (expected.get(customer) ?? 0) + amount);
        for (const s of steps) {
          if (s.kind === 'sell') {
            const doc = b.sell(s.customer, s.qty, s.price).document;
            sales.push({ doc, left: s.qty });
            add(s.customer, s.qty * s.price);
          } else if (s.kind === 'pay') {
            b.pay(s.customer, s.cents / 100);
            add(s.customer, -s.cents / 100);
          } else if (sales.length > 0) {
            const target = sales[s.pick % sales.length]!;
            const qty = Math.min(target.left, Math.max(1, Math.floor(target.left * s.share)));
            if (target.left === 0) continue;
            b.giveBack(target.doc, qty);
            target.left -= qty;
            add(target.doc.partnerId!, -qty * target.doc.lines[0]!.unitPrice!);
          }
        }
        for (const entry of b.journal) expect(sumBy(entry.lines, (line) => line.debit - line.credit)).toBeCloseTo(0, 6);
        for (const [customer, amount] of expected) {
          expect(receivableOf(b, customer)).toBeCloseTo(amount, 2);
          const statement = partnerStatement({
            journal: b.journal,
            documents: b.documents,
            partnerId: customer,
            side: 'receivable',
            from: '2025-03-01',
            to: '2025-12-31',
          });
          expect(statement.closing).toBeCloseTo(receivableOf(b, customer), 2);
          expect(statement.opening).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('a customer’s credit limit', () => {
  const limited = { ...partner('franchise-1', 'customer'), creditLimit: 300 };
  const overLimit: ConfigDoc = {
    id: 'approval-rules',
    key: 'approval-rules',
    value: {
      rules: [{ id: 'credit', documentType: 'sale', condition: 'over-credit-limit', threshold: 0, approverRoles: ['store-manager'] }],
    },
    updatedAt: '2025-03-01T00:00:00.000Z',
  };
  const person = (personId: string, roles: string[]): PersonDoc => ({
    id: `${personId}@k`,
    personId,
    siteId: stampFor().siteId,
    name: personId,
    roles,
    active: true,
    updatedAt: '2025-03-01T00:00:00.000Z',
  });
  const people = [person('fang', ['clerk']), person('li', ['store-manager'])];
  const sale = (qty: number, operator: string, documents: DocumentDoc[] = []) =>
    run(
      'sale.post',
      { kind: 'sale', partnerId: 'franchise-1', lines: [{ productId: 'rice', qty, unitPrice: 10 }] },
      {
        ledger: ledgerWith([rice], [batch('r1', 'rice')], [{ batchId: 'r1', qty: 100 }]),
        partners: [limited],
        config: [overLimit],
        people,
        documents,
        stamp: stampFor({ operator }),
      },
    );

  it('holds a sale on account that takes the customer past it for the rule’s role; within it, or by that role, it posts', () => {
    expect(sale(30, 'fang').post?.document.status).toBe('draft');
    const held = sale(31, 'fang');
    expect(held.result.heldFor).toEqual(['store-manager']);
    expect(held.writes?.documents?.[0]).toMatchObject({ status: 'submitted', partnerId: 'franchise-1' });
    expect(held.writes?.events?.[0]?.data).toMatchObject({ tripped: [{ condition: 'over-credit-limit', measured: 10 }] });
    expect(sale(31, 'li').post).toBeDefined();
  });

  it('counts what the customer already owes at the site: sales on account less credit notes and payments', () => {
    const owed: DocumentDoc[] = [
      { ...(sale(20, 'li').post!.document as SaleDoc), id: 's-1', status: 'posted' },
      {
        id: 'p-1',
        type: 'payment',
        siteId: stampFor().siteId,
        number: 'SK-1',
        status: 'posted',
        businessDate: '2025-03-01',
        at: '2025-03-01T00:00:00.000Z',
        terminalId: 't',
        partnerId: 'franchise-1',
        paymentDirection: 'from-customer',
        paymentMethod: 'cash',
        amount: 50,
        lines: [],
        updatedAt: '2025-03-01T00:00:00.000Z',
      },
    ];
    expect(customerBalance(owed, 'franchise-1', stampFor().siteId)).toBe(150);
    expect(sale(15, 'fang', owed).post).toBeDefined();
    expect(sale(16, 'fang', owed).result.heldFor).toEqual(['store-manager']);
  });
});
