import type { BatchDoc, DocumentDoc, DocumentLine, EventDoc, JournalDoc, MovementDoc, MovementKind, ProductDoc } from '../../schemas';
import { accountCodes } from '../accounts';
import { DomainError, NegativeStockError, ValidationError } from '../errors';
import { computeExpiry } from '../expiry';
import { derivedId } from '../ids';
import type { LedgerView, StockPosition } from '../ledger-view';
import { isPositiveQty, QTY_EPSILON, roundQty } from '../numbers';
import { affectsOnHand } from '../projection';
import { checkBatchChoice, compareForPicking, pickingRule, proposeBatches, unusableReason, type PickRequest } from '../selection';
import { issueUnitCost } from '../valuation';
import { withRoundingAdjustment } from './rounding';
import { coversForArrival } from './settlement';

/** A cover of short stock re-costs units already sold: its value difference is cost of goods sold. */
export const coverCounterOverride = { 'count-adjust': accountCodes.costOfSales } as const;

/** Everything one posting writes, in one local transaction. */
export interface PostingResult {
  /** The document as posted: lines resolved to batches and costs, status advanced. */
  document: DocumentDoc;
  batches: BatchDoc[];
  movements: MovementDoc[];
  journal: JournalDoc[];
  events: EventDoc[];
}

export type PostingOutcome = { ok: true; result: PostingResult } | { ok: false; error: DomainError };

/** A view that sees the stock this posting has already taken, so two lines cannot both take the last unit. */
class PendingView implements LedgerView {
  readonly pending = new Map<string, number>();
  /** Per site and product: what this posting moved, so a later line issues at the average it left. */
  readonly pendingTotals = new Map<string, { qty: number; value: number }>();
  constructor(readonly base: LedgerView) {}
  private key(siteId: string, id: string): string {
    return `${siteId}\u0000${id}`;
  }
  add(siteId: string, productId: string, batchId: string, qty: number, unitCost: number): void {
    const key = this.key(siteId, batchId);
    this.pending.set(key, (this.pending.get(key) ?? 0) + qty);
    const productKey = this.key(siteId, productId);
    const totals = this.pendingTotals.get(productKey) ?? { qty: 0, value: 0 };
    this.pendingTotals.set(productKey, { qty: totals.qty + qty, value: totals.value + qty * unitCost });
  }
  onHand(siteId: string, batchId: string): number {
    return this.base.onHand(siteId, batchId) + (this.pending.get(this.key(siteId, batchId)) ?? 0);
  }
  productTotals(siteId: string, productId: string): { qty: number; value: number } {
    const base = this.base.productTotals(siteId, productId);
    const pending = this.pendingTotals.get(this.key(siteId, productId));
    return pending ? { qty: base.qty + pending.qty, value: base.value + pending.value } : base;
  }
  product = (id: string) => this.base.product(id);
  batch = (id: string) => this.base.batch(id);
  document = (id: string) => this.base.document(id);
  policy = (siteId: string) => this.base.policy(siteId);
  siteTimeZone = (siteId: string) => this.base.siteTimeZone(siteId);
  onHandAt = (siteId: string, batchId: string, at: string) => this.base.onHandAt(siteId, batchId, at);
  positionsOf = (siteId: string, productId: string): readonly StockPosition[] => this.base.positionsOf(siteId, productId);
  movementsOfDocument = (id: string) => this.base.movementsOfDocument(id);
  journalOfDocument = (id: string) => this.base.journalOfDocument(id);
  lastReceiptCost = (siteId: string, productId: string) => this.base.lastReceiptCost(siteId, productId);
}

export interface MovementSpec {
  kind: MovementKind;
  productId: string;
  batchId: string;
  qty: number;
  unitCost: number;
  /** Index of the line in the posted (resolved) document; with `kind` it makes the id. */
  lineNo: number;
  siteId?: string;
  at?: string;
  reversalOf?: string;
  /** Counts record reality: they may flag a negative balance but are never refused for it. */
  neverBlock?: boolean;
  /**
   * A cover of short stock by an arrival on the same line (settlement.ts): which batch it covers and
   * which side of the pair this is, part of its id. It moves no net stock, so it is never refused.
   */
  cover?: { batchId: string; side: 'from-arrival' | 'into-short' };
}

export interface EventSpec {
  key: string;
  kind: EventDoc['kind'];
  severity: EventDoc['severity'];
  message: string;
  data: Record<string, unknown>;
  productId?: string;
  batchId?: string;
  toSiteId?: string;
}

export interface TakenStock {
  batchId: string;
  qty: number;
  unitCost: number;
  lineNo: number;
}

/** Collects what a posting writes; ids derive from the document id so re-posting is idempotent. */
export class PostingContext {
  readonly view: PendingView;
  readonly movements: MovementDoc[] = [];
  readonly events: EventDoc[] = [];
  readonly batches: BatchDoc[] = [];
  /**
   * Lines of the document as posted, one per batch taken. Movements reference these indexes,
   * so posting the resolved document again derives the same movement ids.
   */
  readonly lines: DocumentLine[] = [];

  constructor(
    readonly document: DocumentDoc,
    base: LedgerView,
  ) {
    this.view = new PendingView(base);
  }

  get siteId(): string {
    return this.document.siteId;
  }

  pushLine(line: DocumentLine): number {
    this.lines.push(line);
    return this.lines.length - 1;
  }

  addMovement(spec: MovementSpec): MovementDoc {
    const siteId = spec.siteId ?? this.document.siteId;
    const qty = roundQty(spec.qty);
    if (affectsOnHand(spec.kind) && qty < 0 && spec.cover === undefined)
      this.guardNegative(siteId, spec.productId, spec.batchId, qty, spec.lineNo, spec.neverBlock ?? false);
    const movement: MovementDoc = {
      id:
        spec.cover === undefined
          ? derivedId(this.document.id, 'movement', spec.lineNo, spec.kind)
          : derivedId(this.document.id, 'movement', spec.lineNo, spec.kind, spec.cover.side, spec.cover.batchId),
      siteId,
      productId: spec.productId,
      batchId: spec.batchId,
      qty,
      kind: spec.kind,
      unitCost: spec.unitCost,
      docType: this.document.type,
      docId: this.document.id,
      lineNo: spec.lineNo,
      at: spec.at ?? this.document.at,
      terminalId: this.document.terminalId,
      updatedAt: this.document.at,
      ...(spec.reversalOf === undefined ? {} : { reversalOf: spec.reversalOf }),
    };
    if (affectsOnHand(spec.kind)) this.view.add(siteId, spec.productId, spec.batchId, qty, spec.unitCost);
    this.movements.push(movement);
    return movement;
  }

  /**
   * Stock arriving at `spec.unitCost` into `spec.batchId`, whole; where the product is short at the
   * site, a `count-adjust` pair then covers the short batches and re-costs the units sold short at
   * the arriving cost (settlement.ts). Postings book `count-adjust` against cost of goods sold
   * (`coverCounterOverride`).
   */
  addArrival(spec: MovementSpec): void {
    const siteId = spec.siteId ?? this.document.siteId;
    const covers = coversForArrival(this.view, { ...spec, siteId });
    this.addMovement(spec);
    for (const cover of covers) {
      if (cover.batchId === spec.batchId && Math.abs(cover.qty * (cover.unitCost - spec.unitCost)) < 1e-9) continue;
      const pair = { kind: 'count-adjust' as const, productId: spec.productId, lineNo: spec.lineNo, siteId, at: spec.at };
      this.addMovement({
        ...pair,
        batchId: cover.batchId,
        qty: cover.qty,
        unitCost: cover.unitCost,
        cover: { batchId: cover.batchId, side: 'into-short' },
      });
      this.addMovement({
        ...pair,
        batchId: spec.batchId,
        qty: -cover.qty,
        unitCost: spec.unitCost,
        cover: { batchId: cover.batchId, side: 'from-arrival' },
      });
    }
  }

  addEvent(spec: EventSpec): void {
    this.events.push({
      id: derivedId(this.document.id, 'event', spec.key),
      siteId: this.document.siteId,
      kind: spec.kind,
      severity: spec.severity,
      at: this.document.at,
      docType: this.document.type,
      docId: this.document.id,
      message: spec.message,
      data: spec.data,
      terminalId: this.document.terminalId,
      ...(this.document.operatorId === undefined ? {} : { operatorId: this.document.operatorId }),
      updatedAt: this.document.at,
      ...(spec.toSiteId === undefined ? {} : { toSiteId: spec.toSiteId }),
      ...(spec.productId === undefined ? {} : { productId: spec.productId }),
      ...(spec.batchId === undefined ? {} : { batchId: spec.batchId }),
    });
  }

  /** Under `block` refuse, under `allow-and-flag` flag, a movement that takes a batch below zero. */
  private guardNegative(siteId: string, productId: string, batchId: string, qty: number, lineNo: number, neverBlock: boolean): void {
    const after = this.view.onHand(siteId, batchId) + qty;
    if (after >= -QTY_EPSILON) return;
    const shortfall = roundQty(Math.min(-after, -qty));
    if (!neverBlock && this.view.policy(siteId).negativeStock === 'block')
      throw new NegativeStockError(siteId, productId, batchId, shortfall);
    this.addEvent({
      key: `negative:${lineNo}:${batchId}`,
      kind: 'negative-stock',
      severity: 'warning',
      message: `Batch ${batchId} went below zero by ${shortfall} (allow-and-flag)`,
      data: { shortfall, lineNo },
      productId,
      batchId,
    });
  }

  /**
   * Takes a line's quantity out of stock. With a chosen batch the picking rule is enforced
   * (`enforcePicking`), an override becoming an audit event; without one the quantity is split
   * across batches by FEFO/FIFO. Waste, returns and counts may take expired or held stock.
   */
  takeStock(line: DocumentLine, lineNo: number, kind: MovementKind, enforcePicking: boolean): TakenStock[] {
    requirePositiveQty(line.qty, `lines[${lineNo}].qty`);
    const siteId = this.document.siteId;
    const request = { siteId, productId: line.productId, businessDate: this.document.businessDate, at: this.document.at };
    let allocations: { batchId: string; qty: number }[];
    if (line.batchId !== undefined) {
      if (enforcePicking) {
        const override = checkBatchChoice(this.view, { ...request, batchId: line.batchId, overrideReason: line.fifoOverrideReason });
        if (override) {
          this.addEvent({
            key: `fifo-override:${lineNo}`,
            kind: 'fifo-override',
            severity: 'warning',
            message: `Batch ${override.chosenBatchId} picked before ${override.earlierBatchId}: ${override.reason}`,
            data: { ...override, lineNo },
            productId: line.productId,
            batchId: line.batchId,
          });
        }
      } else if (!this.view.batch(line.batchId)) {
        throw new ValidationError(`lines[${lineNo}].batchId`, `unknown batch ${line.batchId}`);
      }
      allocations = [{ batchId: line.batchId, qty: line.qty }];
    } else {
      const proposal = proposeBatches(this.view, { ...request, qty: line.qty });
      allocations = proposal.allocations;
      if (proposal.shortfall > 0) {
        // allow-and-flag: the last batch drawn carries the overdraft, flagged by guardNegative; with
        // no usable stock at all, the latest usable batch the site has held of the product does.
        const last = allocations[allocations.length - 1] ?? overdraftBatch(this.view, request);
        if (this.view.policy(siteId).negativeStock === 'block' || !last) {
          throw new NegativeStockError(siteId, line.productId, last?.batchId ?? null, roundQty(proposal.shortfall));
        }
        if (allocations.length === 0) allocations.push(last);
        last.qty += proposal.shortfall;
      }
    }
    return allocations.map((allocation) => {
      const unitCost = issueUnitCost(this.view, siteId, line.productId, allocation.batchId);
      const resolvedLineNo = this.pushLine({ ...line, batchId: allocation.batchId, qty: roundQty(allocation.qty), unitCost });
      this.addMovement({
        kind,
        productId: line.productId,
        batchId: allocation.batchId,
        qty: -allocation.qty,
        unitCost,
        lineNo: resolvedLineNo,
      });
      return { batchId: allocation.batchId, qty: allocation.qty, unitCost, lineNo: resolvedLineNo };
    });
  }

  /** The result, with the document's lines replaced by the resolved ones and its status advanced. */
  result(status: DocumentDoc['status'], journal: readonly (JournalDoc | null)[], document: DocumentDoc = this.document): PostingResult {
    const entries = journal.filter((entry): entry is JournalDoc => entry !== null);
    return {
      document: { ...document, status, lines: this.lines } as DocumentDoc,
      batches: this.batches,
      movements: this.movements,
      journal: withRoundingAdjustment(this.document, entries, this.movements, this.view.base),
      events: this.events,
    };
  }
}

/** The latest usable batch of the product the site has held, for an overdraft at zero usable stock. */
function overdraftBatch(view: LedgerView, request: PickRequest): { batchId: string; qty: number } | undefined {
  const product = view.product(request.productId);
  if (!product) return undefined;
  const rule = pickingRule(product);
  const usable = view
    .positionsOf(request.siteId, request.productId)
    .flatMap((position) => {
      const batch = view.batch(position.batchId);
      return batch && unusableReason(batch, request.businessDate, request.at) === null ? [batch] : [];
    })
    .sort((a, b) => compareForPicking(a, b, rule));
  const latest = usable[usable.length - 1];
  return latest ? { batchId: latest.id, qty: 0 } : undefined;
}

export function requirePositive(value: number | undefined, field: string): number {
  if (value === undefined || !Number.isFinite(value) || value <= 0) throw new ValidationError(field, 'must be a positive number');
  return value;
}

/** An arriving line's expiry: as written, else from its production date and the product's shelf life; a perishable needs one. */
export function arrivalExpiry(
  product: ProductDoc,
  line: Pick<DocumentLine, 'productionDate' | 'expiryDate'>,
  field: string,
): string | undefined {
  const computed = line.productionDate ? computeExpiry(product, line.productionDate) : {};
  const expiryDate = line.expiryDate ?? computed.expiryDate;
  if (product.perishable && expiryDate === undefined)
    throw new ValidationError(`${field}.expiryDate`, 'a perishable product needs an expiry or production date');
  return expiryDate;
}

/** A quantity that is positive at the kept precision (one that rounds to zero would post nothing). */
export function requirePositiveQty(value: number | undefined, field: string): number {
  if (value === undefined || !isPositiveQty(value)) throw new ValidationError(field, 'must be a positive number');
  return value;
}

export function requireNonNegative(value: number | undefined, field: string): number {
  if (value === undefined || !Number.isFinite(value) || value < 0) throw new ValidationError(field, 'must be zero or more');
  return value;
}

/** Runs a posting rule, turning domain errors into values; anything else is a bug and throws. */
export function runPosting(document: DocumentDoc, view: LedgerView, rule: (context: PostingContext) => PostingResult): PostingOutcome {
  try {
    // A reversal names its document, a production run its output, a payment its amount: no lines needed.
    if (document.lines.length === 0 && document.type !== 'reversal' && document.type !== 'production-run' && document.type !== 'payment') {
      throw new ValidationError('lines', 'a document needs at least one line');
    }
    return { ok: true, result: rule(new PostingContext(document, view)) };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}
