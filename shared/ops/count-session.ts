/**
 * Stock count session (盘点, issue 6): what a count covers, what the ledger expects, what was
 * counted, the `stock-count` document to post, and the variance review. Sessions are plain
 * immutable values; every change returns a new session, so the screen can keep undo history.
 */
import { countVariance, issueUnitCost, roundMoney, roundQty, type CountVarianceLine, type LedgerView } from '../domain';
import type { ProductDoc, StockCountDoc, StorageClass } from '../schemas';
import { toCsv } from './csv';

export type CountScope =
  | { kind: 'full' }
  /** Cycle count: products in any listed category or storage class (omitted list = no filter). */
  | { kind: 'cycle'; categories?: readonly string[]; storageClasses?: readonly StorageClass[] };

export interface ExpectedCountLine {
  productId: string;
  batchId: string;
  lotCode: string;
  expiryDate?: string;
  /** On-hand when the session started; posting compares with on-hand as of each countedAt. */
  onHand: number;
}

export interface CountedLine {
  productId: string;
  batchId: string;
  qty: number;
  /** Moment of the latest scan: the line is complete then (count-while-trading). */
  countedAt: string;
  scans: number;
}

export interface CountSession {
  id: string;
  number: string;
  siteId: string;
  terminalId: string;
  businessDate: string;
  startedAt: string;
  scope: CountScope;
  blind: boolean;
  expected: readonly ExpectedCountLine[];
  counted: readonly CountedLine[];
}

export function inCountScope(product: Pick<ProductDoc, 'category' | 'storageClass'>, scope: CountScope): boolean {
  if (scope.kind === 'full') return true;
  const byCategory = scope.categories === undefined || scope.categories.includes(product.category);
  const byStorage = scope.storageClasses === undefined || scope.storageClasses.includes(product.storageClass);
  return byCategory && byStorage;
}

export interface StartCountParams {
  id: string;
  number: string;
  siteId: string;
  terminalId: string;
  businessDate: string;
  startedAt: string;
  scope: CountScope;
  blind: boolean;
}

/** Opens a session: expected lines are the in-scope batches the site holds (non-zero, negatives too). */
export function startCountSession(params: StartCountParams, view: LedgerView, products: Iterable<ProductDoc>): CountSession {
  const expected: ExpectedCountLine[] = [];
  for (const product of products) {
    if (!inCountScope(product, params.scope)) continue;
    for (const position of view.positionsOf(params.siteId, product.id)) {
      const onHand = roundQty(view.onHand(params.siteId, position.batchId));
      if (onHand === 0) continue;
      const batch = view.batch(position.batchId);
      expected.push({
        productId: product.id,
        batchId: position.batchId,
        lotCode: batch?.lotCode ?? '',
        ...(batch?.expiryDate === undefined ? {} : { expiryDate: batch.expiryDate }),
        onHand,
      });
    }
  }
  expected.sort((a, b) => (a.productId + a.lotCode < b.productId + b.lotCode ? -1 : 1));
  return { ...params, expected, counted: [] };
}

/** Expected lines as the counting screen may show them: a blind count hides the quantities. */
export function expectedForDisplay(session: CountSession): (Omit<ExpectedCountLine, 'onHand'> & { onHand?: number })[] {
  return session.expected.map(({ onHand, ...rest }) => (session.blind ? rest : { ...rest, onHand }));
}

/** `add`: each scan of a batch adds to its line (counting items one by one); `set`: the entry replaces it. */
export type RecordMode = 'add' | 'set';

export interface CountEntry {
  batchId: string;
  qty: number;
  countedAt: string;
}

/** Why a count entry was refused: `code` for the screen's words, `reason` in English for logs and tests. */
export type CountRefusal = 'negative-qty' | 'bad-instant' | 'unknown-batch' | 'unknown-product' | 'out-of-scope';

export type RecordOutcome = { ok: true; session: CountSession } | { ok: false; code: CountRefusal; reason: string; productId?: string };

export function recordCount(
  session: CountSession,
  entry: CountEntry,
  mode: RecordMode,
  view: Pick<LedgerView, 'batch' | 'product'>,
): RecordOutcome {
  if (!Number.isFinite(entry.qty) || entry.qty < 0)
    return { ok: false, code: 'negative-qty', reason: `quantity must be zero or more, got ${entry.qty}` };
  if (Number.isNaN(Date.parse(entry.countedAt)))
    return { ok: false, code: 'bad-instant', reason: `countedAt is not an instant: ${entry.countedAt}` };
  const batch = view.batch(entry.batchId);
  if (!batch) return { ok: false, code: 'unknown-batch', reason: `unknown batch ${entry.batchId}` };
  const product = view.product(batch.productId);
  if (!product) return { ok: false, code: 'unknown-product', reason: `unknown product ${batch.productId}`, productId: batch.productId };
  if (!inCountScope(product, session.scope))
    return {
      ok: false,
      code: 'out-of-scope',
      reason: `product ${product.sku} ${product.name} is outside this count's scope`,
      productId: product.id,
    };
  const existing = session.counted.find((line) => line.batchId === entry.batchId);
  const line: CountedLine = {
    productId: batch.productId,
    batchId: batch.id,
    qty: roundQty(mode === 'add' && existing ? existing.qty + entry.qty : entry.qty),
    // The later moment wins: a line is compared with on-hand when its counting finished.
    countedAt: existing && existing.countedAt > entry.countedAt ? existing.countedAt : entry.countedAt,
    scans: (existing?.scans ?? 0) + 1,
  };
  const counted = existing ? session.counted.map((other) => (other === existing ? line : other)) : [...session.counted, line];
  return { ok: true, session: { ...session, counted } };
}

/** In-scope batches expected but not counted yet: what a full count will set to zero. */
export function uncountedLines(session: CountSession): ExpectedCountLine[] {
  const counted = new Set(session.counted.map((line) => line.batchId));
  return session.expected.filter((line) => !counted.has(line.batchId));
}

/**
 * The `stock-count` document to post. A full count adds zero lines, counted at `closedAt`, for
 * expected batches nobody counted, so they are adjusted to zero; a cycle count leaves them alone
 * unless `zeroUncounted` says otherwise.
 */
export function countDocument(session: CountSession, closedAt: string, options: { zeroUncounted?: boolean } = {}): StockCountDoc {
  const zeroUncounted = options.zeroUncounted ?? session.scope.kind === 'full';
  const lines: StockCountDoc['lines'] = session.counted.map((line) => ({
    productId: line.productId,
    batchId: line.batchId,
    qty: line.qty,
    countedAt: line.countedAt,
  }));
  if (zeroUncounted) {
    for (const line of uncountedLines(session))
      lines.push({ productId: line.productId, batchId: line.batchId, qty: 0, countedAt: closedAt, note: 'not found in count' });
  }
  return {
    id: session.id,
    type: 'stock-count',
    siteId: session.siteId,
    number: session.number,
    status: 'submitted',
    businessDate: session.businessDate,
    at: closedAt,
    terminalId: session.terminalId,
    countScope: session.scope.kind,
    blind: session.blind,
    lines,
    updatedAt: closedAt,
  };
}

export interface VarianceReviewLine extends CountVarianceLine {
  sku: string;
  productName: string;
  lotCode: string;
  unitCost: number;
}

export interface VarianceReview {
  lines: VarianceReviewLine[];
  totals: { lines: number; linesDiffering: number; gainValue: number; lossValue: number; netValue: number };
}

/**
 * Variance per line in quantity and value (counted − on-hand as of counting, valued as the
 * posting will book it), largest absolute value first. Throws the domain's ValidationError on a
 * malformed document, as posting would.
 */
export function varianceReview(document: StockCountDoc, view: LedgerView): VarianceReview {
  const lines = countVariance(document, view).map((line): VarianceReviewLine => {
    const product = view.product(line.productId);
    return {
      ...line,
      sku: product?.sku ?? line.productId,
      productName: product?.name ?? line.productId,
      lotCode: view.batch(line.batchId)?.lotCode ?? '',
      unitCost: issueUnitCost(view, document.siteId, line.productId, line.batchId),
    };
  });
  lines.sort(
    (a, b) =>
      Math.abs(b.varianceValue) - Math.abs(a.varianceValue) ||
      Math.abs(b.varianceQty) - Math.abs(a.varianceQty) ||
      (a.batchId < b.batchId ? -1 : a.batchId > b.batchId ? 1 : 0),
  );
  const gainValue = roundMoney(lines.reduce((sum, line) => sum + Math.max(0, line.varianceValue), 0));
  const lossValue = roundMoney(lines.reduce((sum, line) => sum + Math.min(0, line.varianceValue), 0));
  return {
    lines,
    totals: {
      lines: lines.length,
      linesDiffering: lines.filter((line) => line.varianceQty !== 0).length,
      gainValue,
      lossValue,
      netValue: roundMoney(gainValue + lossValue),
    },
  };
}

/** The variance report as CSV for Excel (UTF-8 BOM, CRLF, RFC 4180 quoting), with a totals row. */
export function varianceCsv(review: VarianceReview): string {
  const header = [
    'SKU 商品编码',
    'Product 商品',
    'Lot 批次',
    'Counted at 盘点时间',
    'Expected 账面',
    'Counted 实盘',
    'Variance 差异',
    'Unit cost 单价',
    'Variance value 差异金额',
  ];
  const rows = review.lines.map((line) => [
    line.sku,
    line.productName,
    line.lotCode,
    line.countedAt,
    line.expected,
    line.counted,
    line.varianceQty,
    line.unitCost,
    line.varianceValue.toFixed(2),
  ]);
  const totals = ['', 'Total 合计', '', '', '', '', '', '', review.totals.netValue.toFixed(2)];
  return toCsv([header, ...rows, totals]);
}
