// Postings made at a site's counter, shelf or line: sales, consumption, waste, counts, production,
// returns and reversals. The posting rules (shared/domain/postings) check stock, batches and
// FEFO/FIFO; these commands stamp the document and say what is posted.
import {
  creditLimitExcess,
  derivedId,
  InvalidStateError,
  NoSalePriceError,
  requireCustomerPrice,
  UnknownReferenceError,
  ValidationError,
  withTaxRates,
} from '../domain';
import { draftReversal, type ExceptionResolution } from '../ops/exceptions-view';
import type { ExpiryBoardLine } from '../ops/expiry-board';
import { expiredWasteDocument } from '../ops/expiry-actions';
import type { DocumentDoc, DocumentLine, PartnerDoc, ProductionRunDoc, ReturnDoc, SaleDoc, StockCountDoc, WasteDoc } from '../schemas';
import { approvalRuleReads, postOrHold, type PostedOrHeld } from './approvals';
import { defineCommand, type CommandOutcome, type CommandStamp, type NumberPrefix } from './types';
import type { LedgerView } from '../domain';

type Stamped = 'id' | 'type' | 'siteId' | 'number' | 'status' | 'businessDate' | 'at' | 'terminalId' | 'updatedAt';

function header(stamp: CommandStamp, prefix: NumberPrefix) {
  return {
    id: stamp.newId(),
    siteId: stamp.siteId,
    number: stamp.nextNumber(prefix),
    status: 'draft' as const,
    businessDate: stamp.businessDate,
    at: stamp.at,
    terminalId: stamp.terminalId,
    updatedAt: stamp.at,
  };
}

function posted<D extends DocumentDoc>(document: D): CommandOutcome<PostedOrHeld> {
  return { post: { document }, result: { id: document.id, number: document.number, heldFor: null } };
}

/**
 * Sale or consumption (销售出库 / 消耗) from the till: lines without a batch are taken FEFO/FIFO.
 * A sale line without a typed price takes the store's price list in force on the business date;
 * a line with neither is refused (NoSalePriceError), never posted at ¥0. A sale to a named
 * customer (wholesale, a franchise store) goes on its account: paymentMethod credit, partnerId
 * the customer, booked to its receivable (issue 17).
 */
export const salePost = defineCommand({
  // A till sale never waits for approval; a consumption may (approval rules, shared/commands/approvals.ts).
  reads: (input: {
    kind: 'sale' | 'consumption';
    lines: readonly DocumentLine[];
    paymentMethod?: 'cash' | 'credit';
    /** The customer a sale on account is to. */
    partnerId?: string;
  }) =>
    input.kind === 'consumption'
      ? approvalRuleReads()
      : // A sale on account reads the customer's account at this site, for its credit limit.
        input.partnerId
        ? { ...approvalRuleReads(), partners: true, documentTypes: ['sale', 'return', 'payment', 'reversal'] as const }
        : {},
  run(input, context) {
    const { stamp, ledger } = context;
    const lines = input.lines.filter((line) => line.qty > 0);
    if (lines.length === 0) throw new ValidationError('lines', 'nothing to post');
    const customer = input.partnerId ? context.partners?.find((partner) => partner.id === input.partnerId) : undefined;
    if (input.partnerId && (input.kind !== 'sale' || !customer || (customer.kind !== 'customer' && customer.kind !== 'both')))
      throw new ValidationError('partnerId', 'a sale on account names one of the customers');
    const base = {
      ...header(stamp, input.kind === 'sale' ? 'XS' : 'XH'),
      ...(input.partnerId ? { partnerId: input.partnerId, paymentMethod: 'credit' as const } : {}),
      ...(input.paymentMethod && !input.partnerId ? { paymentMethod: input.paymentMethod } : {}),
    };
    const document: DocumentDoc =
      input.kind === 'sale'
        ? {
            ...base,
            type: 'sale',
            lines: taxed(
              lines.map((line) => ({ ...line, unitPrice: priceOf(line, ledger, stamp, customer) })),
              ledger,
            ),
          }
        : { ...base, type: 'consumption', lines: [...lines] };
    if (document.type === 'consumption') return postOrHold(document, context);
    // Only a sale on account can wait: when it takes the customer past its credit limit and a rule says who approves that.
    if (document.partnerId) {
      return postOrHold(document, context, { creditLimitExcess: creditLimitExcess(document, customer, context.documents) });
    }
    return posted(document);
  },
});

/** Sale lines with their products' VAT rates, the tax their prices include (shared/domain/vat.ts). */
export function taxed<L extends DocumentLine>(lines: readonly L[], ledger: Pick<LedgerView, 'product'>): L[] {
  return withTaxRates(lines, (productId) => ledger.product(productId)?.taxRate);
}

/** A typed price, else the customer's agreed price (a sale on account), else the store's list. */
function priceOf(line: DocumentLine, ledger: Pick<LedgerView, 'product'>, stamp: CommandStamp, customer?: PartnerDoc): number {
  if (line.unitPrice !== undefined && line.unitPrice > 0) return line.unitPrice;
  const product = ledger.product(line.productId);
  if (!product) throw new UnknownReferenceError('products', line.productId);
  return requireCustomerPrice(product, customer, stamp.siteId, stamp.businessDate);
}

/**
 * A sale imported from the POS: its id derives from the file's rows (so importing twice posts
 * once), its number is the POS's; it must be this site's.
 */
export const saleImport = defineCommand({
  run(input: { document: SaleDoc }, context) {
    const { stamp } = context;
    if (input.document.siteId !== stamp.siteId) throw new ValidationError('siteId', `the import is for ${input.document.siteId}`);
    // The preview priced each line (the till's amount, else the price list on its date); none is posted at ¥0.
    const unpriced = input.document.lines.find((line) => !(line.unitPrice > 0));
    if (unpriced) throw new NoSalePriceError(unpriced.productId, stamp.siteId, input.document.businessDate);
    return posted({
      ...input.document,
      lines: taxed(input.document.lines, context.ledger),
      terminalId: stamp.terminalId,
      updatedAt: stamp.at,
    });
  },
});

export const wastePost = defineCommand({
  reads: (_input: Omit<WasteDoc, Stamped>) => approvalRuleReads(),
  run(input, context) {
    const note = input.note?.trim();
    const document: WasteDoc = { ...input, ...header(context.stamp, 'BS'), type: 'waste', ...(note ? { note } : {}) };
    return postOrHold(document, context);
  },
});

/** The near-expiry board's one click: the whole remaining quantity of expired batches, reason expired. */
export const wasteExpired = defineCommand({
  run(input: { lines: readonly ExpiryBoardLine[] }, { stamp }) {
    if (input.lines.length === 0) throw new ValidationError('lines', 'nothing to waste');
    const { id, number, siteId, terminalId, businessDate, at } = header(stamp, 'BS');
    return posted(expiredWasteDocument(input.lines, { id, number, siteId, terminalId, businessDate, at }));
  },
});

/** Stamps a count session when it starts (its number is shown while counting); nothing is written until it is posted. */
export const countStart = defineCommand({
  run(_input: Record<string, never>, { stamp }) {
    return { result: { id: stamp.newId(), number: stamp.nextNumber('PD'), businessDate: stamp.businessDate, startedAt: stamp.at } };
  },
});

/** Posts a count session's document (built by shared/ops/count-session.ts from what was counted). */
export const countPost = defineCommand({
  reads: (input: { document: StockCountDoc }) => approvalRuleReads(input.document),
  run(input, context) {
    const { stamp } = context;
    if (input.document.siteId !== stamp.siteId) throw new ValidationError('siteId', `the count is of ${input.document.siteId}`);
    // A count is closed as submitted (shared/ops/count-session.ts); posted or cancelled ones are done.
    if (input.document.status === 'posted' || input.document.status === 'cancelled')
      throw new InvalidStateError('stock-count', input.document.number, input.document.status, ['submitted']);
    return postOrHold({ ...input.document, updatedAt: stamp.at }, context);
  },
});

/** 生产: consumes the ingredients (FEFO) and creates the output batch, whose id derives from the run. */
export const productionPost = defineCommand({
  run(input: { outputProductId: string; outputQty: number; lines: readonly DocumentLine[] }, { stamp }) {
    if (!Number.isFinite(input.outputQty) || input.outputQty <= 0) throw new ValidationError('outputQty', 'must be a positive number');
    const base = header(stamp, 'SC');
    const run: ProductionRunDoc = {
      ...base,
      type: 'production-run',
      outputProductId: input.outputProductId,
      outputQty: input.outputQty,
      outputBatchId: derivedId(base.id, 'output-batch'),
      outputLotCode: stamp.nextNumber('P').replaceAll('-', ''),
      lines: [...input.lines],
    };
    return posted(run);
  },
});

/**
 * Goods back to the supplier from the batches of one receipt. The receipt is a link field
 * (`subjectDocId`), never a tag in the note: the note holds only the reason the clerk typed.
 */
export const returnPost = defineCommand({
  reads: (_input: { partnerId: string; receiptId: string; reason: string; lines: readonly ReturnDoc['lines'][number][] }) =>
    approvalRuleReads(),
  run(input, context) {
    const { stamp } = context;
    const note = input.reason.trim();
    const document: ReturnDoc = {
      ...header(stamp, 'RT'),
      type: 'return',
      returnDirection: 'to-supplier',
      partnerId: input.partnerId,
      subjectDocId: input.receiptId,
      subjectDocType: 'goods-receipt',
      ...(note ? { note } : {}),
      lines: input.lines.filter((line) => line.qty > 0),
    };
    if (document.lines.length === 0) throw new ValidationError('lines', 'nothing to return');
    return postOrHold(document, context);
  },
});

/** Resolves a stock exception by reversing the posting that caused it (红冲). */
export const reversalPost = defineCommand({
  run(input: { resolution: Extract<ExceptionResolution, { kind: 'reverse-posting' }> }, { stamp }) {
    const { id, number, terminalId, businessDate, at } = header(stamp, 'HC');
    return posted(draftReversal(input.resolution, { id, number, terminalId, businessDate, at }));
  },
});
