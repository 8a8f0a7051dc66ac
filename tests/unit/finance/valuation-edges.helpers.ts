// A small world for the valuation-edge tests: one site, postings through the real Ledger and
// postDocument, every journal entry kept, figures read the three ways a user sees them (the
// domain's valueStock, the valuation report, the inventory account).
import type { DocumentDoc, GoodsReceiptDoc, JournalDoc, MovementDoc, ReturnDoc, ReversalDoc, SaleDoc } from '../../../shared/schemas';
import {
  DomainError,
  Ledger,
  accountCodes,
  postDocument,
  roundMoney,
  roundQty,
  valueStock,
  type CostingMethod,
  type PostingResult,
} from '../../../shared/domain';
import { accountBalance } from '../../../shared/finance/journal-view';
import { valuationReport } from '../../../shared/finance/valuation-report';
import { KITCHEN, product } from './fixtures';

export const P = product('p');
export const DATE = '2025-03-01';

export class World {
  readonly ledger = new Ledger({ products: [P] });
  readonly journal: JournalDoc[] = [];
  readonly movements: MovementDoc[] = [];
  readonly results: PostingResult[] = [];
  private next = 0;
  /** The business date postings are made on; `advance` moves it. */
  date = DATE;
  readonly dates: string[] = [];

  constructor(costing: CostingMethod) {
    this.ledger.setPolicy(KITCHEN, { negativeStock: 'allow-and-flag', costing, priceDeviationPct: 1000 });
  }

  private header(type: DocumentDoc['type']) {
    this.next += 1;
    // 00:00–09:59 UTC: within one business date at UTC+8, in posting order.
    const at = `${this.date}T0${Math.floor(this.next / 60) % 10}:${String(this.next % 60).padStart(2, '0')}:00.000Z`;
    return {
      id: `${type}-${this.next}`,
      number: `N${this.next}`,
      status: 'draft' as const,
      businessDate: this.date,
      at,
      terminalId: 't',
      updatedAt: at,
    };
  }

  post(document: DocumentDoc): PostingResult {
    const outcome = postDocument(document, this.ledger);
    if (!outcome.ok) throw outcome.error;
    this.ledger.commit(outcome.result);
    this.journal.push(...outcome.result.journal);
    this.movements.push(...outcome.result.movements);
    this.results.push(outcome.result);
    if (!this.dates.includes(this.date)) this.dates.push(this.date);
    return outcome.result;
  }

  receive(qty: number, unitCost: number, batchId = `b${this.next + 1}`): PostingResult {
    const document: GoodsReceiptDoc = {
      ...this.header('goods-receipt'),
      type: 'goods-receipt',
      siteId: KITCHEN,
      partnerId: 'sup',
      lines: [{ productId: P.id, qty, batchId, lotCode: `L-${batchId}`, unitCost, certificateHashes: ['c'] }],
    };
    return this.post(document);
  }

  sell(qty: number): PostingResult {
    const document: SaleDoc = {
      ...this.header('sale'),
      type: 'sale',
      siteId: KITCHEN,
      paymentMethod: 'cash',
      lines: [{ productId: P.id, qty, unitPrice: 100 }],
    };
    return this.post(document);
  }

  returnLine(direction: ReturnDoc['returnDirection'], batchId: string, qty: number, against?: string): PostingResult {
    const document: ReturnDoc = {
      ...this.header('return'),
      type: 'return',
      siteId: KITCHEN,
      partnerId: direction === 'to-supplier' ? 'sup' : 'cust',
      returnDirection: direction,
      ...(against === undefined ? {} : { subjectDocId: against }),
      lines: [{ productId: P.id, qty, batchId }],
    };
    return this.post(document);
  }

  reverse(docId: string): PostingResult {
    const document: ReversalDoc = { ...this.header('reversal'), type: 'reversal', siteId: KITCHEN, reversesDocId: docId, lines: [] };
    return this.post(document);
  }

  /** Tries a posting; a refusal (a domain error) is a legitimate outcome and returns null. */
  attempt(post: () => PostingResult): PostingResult | null {
    try {
      return post();
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
  }

  /** The valuation report's total and the inventory account's balance at the end of `asOf`. */
  booksAndReport(asOf: string): { report: number; books: number } {
    const batches = this.ledger.positions().flatMap((position) => this.ledger.batch(position.batchId) ?? []);
    const report = valuationReport({
      opening: [],
      movements: this.movements,
      batches,
      products: [P],
      asOf,
      policy: (siteId) => this.ledger.policy(siteId),
    }).total;
    return { report, books: accountBalance(this.journal, accountCodes.inventory, { siteIds: [KITCHEN], to: asOf }) };
  }

  /** The stock figure three ways: valueStock, the valuation report, the inventory account. */
  figures(): { qty: number; value: number; report: number; books: number } {
    const stock = valueStock(this.ledger, KITCHEN, P.id);
    return { qty: roundQty(stock.qty), value: roundMoney(stock.value), ...this.booksAndReport(this.date) };
  }

  balance(accountCode: string): number {
    return accountBalance(this.journal, accountCode, { siteIds: [KITCHEN] });
  }
}
