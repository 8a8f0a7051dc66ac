// Several companies (issue 17): a kitchen's dispatch to a franchise store of another company is a
// sale at cost for the kitchen's company and, by the store's receipt, a purchase for the
// franchise's, with matching receivable and payable; each company's books balance, and the group's
// books — with the inter-company amounts eliminated — read exactly as if it were one company (a
// property over random shipments, receipts with losses, shipments still on their way and payments).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDispatchDoc } from '../../../shared/dispatch/store-receipt';
import { companiesFrom, companyLabel, postDocument, type PostingResult } from '../../../shared/domain';
import { companyTrialBalance, consolidatedTrialBalance, partnerLedgers, trialBalance, type TrialBalance } from '../../../shared/finance';
import type { ConfigDoc, DocumentDoc, JournalDoc, PartnerDoc } from '../../../shared/schemas';
import { run, stampFor } from '../commands/harness';
import { batch, KITCHEN, ledgerWith, ok, perishable, STORE } from '../domain/fixtures';

const FRANCHISE = 'site-franchise';
const AT = '2025-03-01T00:00:00.000Z';
const companies: ConfigDoc = {
  id: 'companies',
  key: 'companies',
  value: {
    companies: [
      { id: 'main', name: '中央厨房有限公司', partnerId: 'p-main' },
      { id: 'west-lake', name: '西湖加盟店', partnerId: 'p-west-lake' },
    ],
    sites: { [FRANCHISE]: 'west-lake' },
  },
  updatedAt: AT,
};
const partners: PartnerDoc[] = [
  { id: 'p-main', kind: 'both', code: 'MAIN', name: '中央厨房有限公司', active: true, updatedAt: AT },
  { id: 'p-west-lake', kind: 'both', code: 'WL', name: '西湖加盟店', active: true, updatedAt: AT },
];
const milk = perishable('milk', 30);

/** A world of one kitchen, a company store and a franchise store; `config` says whether companies exist. */
function group(config: ConfigDoc[]) {
  const ledger = ledgerWith([milk], [batch('m1', 'milk', { expiryDate: '2025-03-30', unitCost: 2.35 })], [{ batchId: 'm1', qty: 100_000 }]);
  const journal: JournalDoc[] = [];
  const documents: DocumentDoc[] = [];
  const numbering = stampFor();
  const stamp = (siteId: string, siteKind: 'kitchen' | 'store') => ({
    ...stampFor({ siteId, siteKind }),
    newId: numbering.newId,
    nextNumber: numbering.nextNumber,
  });
  const post = (document: DocumentDoc): PostingResult => {
    const result = ok(postDocument(document, ledger));
    ledger.commit(result);
    journal.push(...result.journal);
    documents.push(result.document);
    return result;
  };
  return {
    journal,
    documents,
    ship(toSiteId: string, qty: number): PostingResult {
      const world = { ledger, config, stamp: stamp(KITCHEN, 'kitchen') };
      const draft = run('dispatch.create', { toSiteId }, world).writes!.documents![0]!;
      const picked = run('dispatch.pick', { dispatchId: draft.id, lines: [{ productId: 'milk', qty }] }, { ...world, documents: [draft] })
        .writes!.documents![0]!;
      return post(run('dispatch.ship', { dispatchId: picked.id }, { ...world, documents: [picked] }).post!.document);
    },
    receive(shipped: PostingResult, accepted: number, rejected: number): PostingResult {
      const incoming = fromDispatchDoc(shipped.document as never, ledger);
      const entries = [{ accepted, rejected, ...(rejected > 0 ? { rejectReason: '破损' } : {}) }];
      return post(
        run('receipt.receive', { incoming, entries }, { ledger, config, stamp: stamp(incoming.toSiteId, 'store') }).post!.document,
      );
    },
    pay(amount: number): void {
      // The franchise pays the kitchen's company; each side records it in its own books.
      post(
        run(
          'payment.record',
          { partnerId: 'p-main', direction: 'to-supplier', amount, method: 'transfer' },
          { partners, stamp: stamp(FRANCHISE, 'store') },
        ).post!.document,
      );
      post(
        run(
          'payment.record',
          { partnerId: 'p-west-lake', direction: 'from-customer', amount, method: 'transfer' },
          { partners, stamp: stamp(KITCHEN, 'kitchen') },
        ).post!.document,
      );
    },
  };
}

const balances = (trial: TrialBalance) =>
  Object.fromEntries(
    trial.rows.map((row) => [row.accountCode, Math.round((row.debit - row.credit) * 100) / 100]).filter(([, value]) => value !== 0),
  );

describe('companies', () => {
  it('an organisation that names none is one company, shown by the caller’s word for it until HQ names it', () => {
    const [main] = companiesFrom([]).companies;
    expect(companyLabel(main!, 'zh-CN', '本组织公司')).toBe('本组织公司');
    const named = companiesFrom([companies]).companies;
    expect(named.map((company) => companyLabel(company, 'zh-CN', '本组织公司'))).toEqual(['中央厨房有限公司', '西湖加盟店']);
  });

  it('a dispatch to the franchise is the kitchen company’s sale and, received, the franchise’s purchase', () => {
    const g = group([companies]);
    const shipped = g.ship(FRANCHISE, 10); // 10 × ¥2.35
    expect(shipped.document.partnerId).toBe('p-west-lake');
    expect(shipped.journal[0]?.lines).toEqual([
      { accountCode: '6401', debit: 23.5, credit: 0 },
      { accountCode: '1405', debit: 0, credit: 23.5 },
      { accountCode: '1122', debit: 23.5, credit: 0 },
      { accountCode: '6001', debit: 0, credit: 23.5 },
    ]);
    const received = g.receive(shipped, 8, 2);
    expect(received.document.partnerId).toBe('p-main');
    expect(received.journal[0]?.lines).toEqual([
      { accountCode: '1405', debit: 18.8, credit: 0 },
      { accountCode: '2202', debit: 0, credit: 18.8 },
      { accountCode: '1901', debit: 4.7, credit: 0 },
      { accountCode: '2202', debit: 0, credit: 4.7 },
    ]);
    // Within one company a dispatch stays internal: no partner, through in transit.
    expect(g.ship(STORE, 1).journal[0]?.lines.map((line) => line.accountCode)).toEqual(['1402', '1405']);
    const ledgers = partnerLedgers({ journal: g.journal, documents: g.documents, asOf: '2025-12-31' });
    expect(ledgers.find((row) => row.side === 'receivable' && row.partnerId === 'p-west-lake')?.balance).toBe(23.5);
    expect(ledgers.find((row) => row.side === 'payable' && row.partnerId === 'p-main')?.balance).toBe(23.5);
    const group_ = consolidatedTrialBalance(g.journal, g.documents, [companies]);
    expect(group_.balanced).toBe(true);
    expect(balances(group_)).toEqual({ '1402': 2.35, '1405': -7.05, '1901': 4.7 });
  });

  it('every company’s books balance, and the group’s read as one company’s, for any mix (property)', () => {
    const op = fc.record({
      to: fc.constantFrom(FRANCHISE, STORE),
      qty: fc.integer({ min: 1, max: 40 }),
      receive: fc.boolean(),
      lost: fc.nat(5),
      pay: fc.integer({ min: 0, max: 3000 }).map((cents) => cents / 100),
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
        const split = group([companies]);
        const single = group([]);
        for (const o of ops) {
          for (const g of [split, single]) {
            const shipped = g.ship(o.to, o.qty);
            if (o.receive) g.receive(shipped, o.qty - Math.min(o.lost, o.qty), Math.min(o.lost, o.qty));
          }
          if (o.pay > 0) split.pay(o.pay);
        }
        for (const company of ['main', 'west-lake']) expect(companyTrialBalance(split.journal, [companies], company).balanced).toBe(true);
        const consolidated = consolidatedTrialBalance(split.journal, split.documents, [companies]);
        expect(consolidated.balanced).toBe(true);
        const asOne = trialBalance(single.journal);
        // Payments between the companies move money from one bank account to the other: the group's bank nets to zero.
        const expected = balances(asOne);
        const got = balances(consolidated);
        for (const account of new Set([...Object.keys(expected), ...Object.keys(got)]))
          expect(got[account] ?? 0, `account ${account}`).toBeCloseTo(expected[account] ?? 0, 2);
        const ledgers = partnerLedgers({ journal: split.journal, documents: split.documents, asOf: '2025-12-31' });
        const receivable = ledgers.find((row) => row.side === 'receivable' && row.partnerId === 'p-west-lake')?.balance ?? 0;
        const payable = ledgers.find((row) => row.side === 'payable' && row.partnerId === 'p-main')?.balance ?? 0;
        const unreceived = split.documents.filter(
          (doc) =>
            doc.type === 'dispatch' && doc.partnerId && !split.documents.some((r) => r.type === 'store-receipt' && r.dispatchId === doc.id),
        );
        const inTransit = unreceived.reduce((sum, doc) => sum + doc.lines.reduce((s, line) => s + line.qty * (line.unitCost ?? 0), 0), 0);
        // The kitchen's receivable is the franchise's payable, plus what it has not received yet.
        expect(receivable).toBeCloseTo(payable + inTransit, 2);
      }),
      { numRuns: 100 },
    );
  });
});
