// Purchasing (采购): orders, their budget check and approval, goods receipts against them. The
// links are fields (documents v1): a receipt names its order in `purchaseOrderId`, an order its
// delivery date in `expectedDate`, an approval its order in `subjectDocId`.
import {
  checkPurchaseLimits,
  computeExpiry,
  documentCustomValues,
  ExpiredOnReceiptError,
  InvalidStateError,
  isExpired,
  UnknownReferenceError,
  ValidationError,
} from '../domain';
import {
  budgetRulesFromConfig,
  checkBudget,
  decidePurchaseOrder,
  decisionFor,
  ordersAsDecided,
  submitPurchaseOrder,
} from '../finance/purchasing';
import { overrideEvents } from '../forecast/overrides';
import type { GoodsReceiptDoc, ProductDoc, PurchaseOrderDoc } from '../schemas';
import { approvalRuleReads, postOrHold } from './approvals';
import { defineCommand, documentIn, type CommandStamp } from './types';

export interface OrderLineInput {
  productId: string;
  qty: number;
  unitCost: number;
  /** The forecast's suggestion, when the line came from one: a change is kept as an override. */
  suggestedQty?: number;
}

function checkLines(lines: readonly { qty: number; unitCost: number }[], positiveCost: boolean): void {
  if (lines.length === 0) throw new ValidationError('lines', 'an order needs at least one line');
  lines.forEach((line, index) => {
    if (!Number.isFinite(line.qty) || line.qty <= 0) throw new ValidationError(`lines[${index}].qty`, 'must be a positive number');
    const costOk = Number.isFinite(line.unitCost) && (positiveCost ? line.unitCost > 0 : line.unitCost >= 0);
    if (!costOk) throw new ValidationError(`lines[${index}].unitCost`, positiveCost ? 'must be a positive number' : 'must be zero or more');
  });
  checkPurchaseLimits(lines);
}

function order(
  stamp: CommandStamp,
  prefix: 'PO' | 'CG',
  input: { partnerId: string; expectedDate?: string; note?: string },
  lines: readonly OrderLineInput[],
): PurchaseOrderDoc {
  const note = input.note?.trim();
  return {
    id: stamp.newId(),
    type: 'purchase-order',
    siteId: stamp.siteId,
    number: stamp.nextNumber(prefix),
    status: 'draft',
    businessDate: stamp.businessDate,
    at: stamp.at,
    terminalId: stamp.terminalId,
    partnerId: input.partnerId,
    ...(input.expectedDate ? { expectedDate: input.expectedDate } : {}),
    ...(note ? { note } : {}),
    lines: lines.map((line) => ({ productId: line.productId, qty: line.qty, unitCost: line.unitCost })),
    updatedAt: stamp.at,
  };
}

/** A draft 采购订单 to one supplier from the kitchen plan, for purchasing to check and send; changed suggestions are kept. */
export const poCreate = defineCommand({
  run(input: { partnerId: string; note?: string; lines: readonly OrderLineInput[] }, { stamp }) {
    const kept = input.lines.filter((line) => line.qty > 0);
    checkLines(kept, false);
    const draft = order(stamp, 'CG', input, kept);
    const confirmed = input.lines.flatMap((line) =>
      line.suggestedQty === undefined ? [] : [{ productId: line.productId, suggestedQty: line.suggestedQty, confirmedQty: line.qty }],
    );
    const events = overrideEvents(
      confirmed,
      {
        siteId: stamp.siteId,
        terminalId: stamp.terminalId,
        at: stamp.at,
        docType: 'purchase-order',
        docId: draft.id,
        docNumber: draft.number,
      },
      () => stamp.newId(),
    );
    return { writes: { documents: [draft], events }, result: { id: draft.id, number: draft.number } };
  },
});

const purchasingDocuments = { documentTypes: ['purchase-order', 'approval'] as const, config: true };

/** Submits a PO: within the month's budgets it is approved at once, otherwise held for HQ's decision. */
export const poSubmit = defineCommand({
  reads: (_input: {
    partnerId: string;
    expectedDate?: string;
    note?: string;
    /** Values of HQ's custom fields for purchase orders. */
    custom?: Record<string, unknown>;
    lines: readonly OrderLineInput[];
  }) => purchasingDocuments,
  run(input, { stamp, ledger, documents, config }) {
    if (!input.partnerId) throw new ValidationError('partnerId', 'choose a supplier');
    checkLines(input.lines, true);
    if (input.expectedDate !== undefined && input.expectedDate < stamp.businessDate)
      throw new ValidationError('expectedDate', `must be ${stamp.businessDate} or later`);
    const draft = {
      ...order(stamp, 'PO', input, input.lines),
      ...documentCustomValues(config, 'purchase-order', input.custom, { requireAll: true }),
    };
    const check = checkBudget(draft, {
      otherOrders: ordersAsDecided(documents, stamp.siteId),
      products: (id) => ledger.product(id),
      rules: budgetRulesFromConfig(config, stamp.siteId),
    });
    const submitted = submitPurchaseOrder(draft, check, stamp.at);
    return { writes: { documents: [submitted] }, result: { number: submitted.number, check } };
  },
});

/** HQ approves or rejects a held PO (a rejection needs a reason). */
export const poDecide = defineCommand({
  reads: (_input: { orderId: string; decision: 'approved' | 'rejected'; reason?: string }) => purchasingDocuments,
  run(input, context) {
    const { stamp, ledger, documents, config } = context;
    const held = documentIn(context, input.orderId, 'purchase-order');
    if (!held) throw new UnknownReferenceError('documents', input.orderId);
    const decided = decisionFor(held, documents);
    // Another HQ terminal decided it already: the first decision stands.
    if (decided) throw new InvalidStateError('purchase-order', held.number, decided.status, ['submitted']);
    const check = checkBudget(held, {
      otherOrders: ordersAsDecided(documents, held.siteId),
      products: (id) => ledger.product(id),
      rules: budgetRulesFromConfig(config, held.siteId),
    });
    const reason = input.reason?.trim();
    const outcome = decidePurchaseOrder(
      held,
      {
        decision: input.decision,
        siteId: stamp.siteId,
        userId: stamp.operator ?? `${stamp.siteKind}:${stamp.terminalId}`,
        ...(reason ? { reason } : {}),
        at: stamp.at,
        businessDate: stamp.businessDate,
        terminalId: stamp.terminalId,
        number: stamp.nextNumber('AP'),
      },
      check,
    );
    return { writes: { documents: [outcome.approval], events: [outcome.event] }, result: { number: held.number } };
  },
});

export interface ReceiptLineInput {
  productId: string;
  qty: number;
  unitCost: number;
  lotCode: string;
  expiryDate?: string;
  productionDate?: string;
  certificateHashes?: string[];
  /** A batch already past its expiry: take it in quarantined (held out of every sale until QC releases it) … */
  quarantine?: boolean;
  /** … or say why it is taken in as it is (kept in the line's `expiredReceiptReason`). */
  expiredReason?: string;
}

/**
 * The line as the receipt stores it. A batch whose expiry (given, or from its production date and
 * shelf life) is before the site's business date posted without a word; now it needs quarantine
 * or a reason.
 */
function receiptLine(line: ReceiptLineInput, index: number, product: ProductDoc | undefined, businessDate: string) {
  const { quarantine, expiredReason, ...rest } = line;
  const reason = expiredReason?.trim();
  const expiryDate =
    line.expiryDate ?? (product && line.productionDate ? computeExpiry(product, line.productionDate).expiryDate : undefined);
  const expired = expiryDate !== undefined && isExpired({ expiryDate }, businessDate);
  if (expired && !quarantine && !reason)
    throw new ExpiredOnReceiptError(index, line.productId, line.lotCode.trim(), expiryDate, businessDate);
  return {
    ...rest,
    lotCode: line.lotCode.trim(),
    ...(expired && quarantine ? { qcStatus: 'quarantined' as const } : {}),
    ...(expired && !quarantine && reason ? { expiredReceiptReason: reason } : {}),
  };
}

/** 采购入库: each line creates a new batch at this site; against an order when one is named. */
export const goodsReceiptPost = defineCommand({
  reads: (_input: {
    partnerId: string;
    purchaseOrderId?: string;
    /** Values of HQ's custom fields for goods receipts (the supplier's delivery note number …). */
    custom?: Record<string, unknown>;
    lines: readonly ReceiptLineInput[];
  }) => approvalRuleReads(),
  run(input, context) {
    const { stamp, ledger, config } = context;
    if (!input.partnerId) throw new ValidationError('partnerId', 'choose a supplier');
    checkLines(input.lines, false);
    input.lines.forEach((line, index) => {
      if (!line.lotCode.trim()) throw new ValidationError(`lines[${index}].lotCode`, 'a batch needs a lot code');
      if (ledger.product(line.productId)?.perishable && !line.expiryDate && !line.productionDate)
        throw new ValidationError(`lines[${index}].expiryDate`, 'a perishable batch needs an expiry or production date');
    });
    const receipt: GoodsReceiptDoc = {
      id: stamp.newId(),
      type: 'goods-receipt',
      siteId: stamp.siteId,
      number: stamp.nextNumber('GR'),
      status: 'draft',
      businessDate: stamp.businessDate,
      at: stamp.at,
      terminalId: stamp.terminalId,
      partnerId: input.partnerId,
      ...(input.purchaseOrderId ? { purchaseOrderId: input.purchaseOrderId } : {}),
      ...documentCustomValues(config, 'goods-receipt', input.custom, { requireAll: true }),
      lines: input.lines.map((line, index) => ({
        ...receiptLine(line, index, ledger.product(line.productId), stamp.businessDate),
        batchId: stamp.newId(),
      })),
      updatedAt: stamp.at,
    };
    return postOrHold(receipt, context);
  },
});
