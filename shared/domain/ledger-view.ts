import type { BatchDoc, DocumentDoc, JournalDoc, MovementDoc, ProductDoc } from '../schemas';
import type { SitePolicy } from './policy';

/** Stock of one batch at one site, as the projection keeps it. */
export interface StockPosition {
  readonly siteId: string;
  readonly productId: string;
  readonly batchId: string;
  /** On-hand in base units. */
  readonly qty: number;
  /** Σ qty × unitCost of the movements: stock value at the costs they carried. */
  readonly value: number;
}

/**
 * What a posting rule may read. Implemented by the in-memory `Ledger` (projection.ts) and by
 * the renderer over its local store; postings never write through it.
 */
export interface LedgerView {
  product(productId: string): ProductDoc | undefined;
  batch(batchId: string): BatchDoc | undefined;
  document(documentId: string): DocumentDoc | undefined;
  policy(siteId: string): SitePolicy;
  /** The site's IANA time zone (its site document's, or the default): expiry dates are the site's days. */
  siteTimeZone(siteId: string): string;
  /** Current on-hand of a batch at a site. */
  onHand(siteId: string, batchId: string): number;
  /** On-hand counting only movements with `at` ≤ the given instant (count-while-trading). */
  onHandAt(siteId: string, batchId: string, at: string): number;
  /** Every batch of the product the site has ever held (including those now at zero). */
  positionsOf(siteId: string, productId: string): readonly StockPosition[];
  /** Σ qty and Σ value over all batches of a product at a site (moving average = value ÷ qty). */
  productTotals(siteId: string, productId: string): { qty: number; value: number };
  movementsOfDocument(documentId: string): readonly MovementDoc[];
  journalOfDocument(documentId: string): readonly JournalDoc[];
  /** Last receipt unit cost of a product at a site, for the price-deviation control. */
  lastReceiptCost(siteId: string, productId: string): number | undefined;
}
