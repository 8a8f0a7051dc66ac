/** Book-keeping for the demo history: clock, document numbers, posting against one ledger. */
import {
  addDays,
  DEFAULT_SITE_TIME_ZONE,
  derivedId,
  isExpired,
  Ledger,
  parseBusinessDate,
  pickingCandidates,
  postDocument,
  siteInstant,
  sitePolicyFromConfig,
} from '../domain';
import type { BatchDoc, DocumentDoc, DocumentRecord, DocumentType, EventDoc, JournalDoc, MovementDoc } from '../schemas';
import type { DemoCatalog, ProductPlan } from './catalog';
import { DemoRandom } from './random';

/**
 * The ISO instant of a business time at the demo's sites, e.g. 2026-11-30 07:30. They keep the
 * default zone (Asia/Shanghai); the site's zone, not a fixed +08:00, is what dates everything.
 */
export function chinaInstant(date: string, hour: number, minute = 0): string {
  const total = hour * 60 + minute; // callers step minutes past 59 (07:30 + 5 × slot)
  const day = addDays(date, Math.floor(total / 1440));
  const inDay = ((total % 1440) + 1440) % 1440;
  const hhmm = `${String(Math.floor(inDay / 60)).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}`;
  return siteInstant(day, hhmm, DEFAULT_SITE_TIME_ZONE);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(parseBusinessDate(date)).getUTCDay();
}

/** Restaurants trade more at weekends (Friday dinner to Sunday). */
const weekFactors = [1.3, 0.85, 0.85, 0.9, 0.95, 1.15, 1.35] as const;
/** A week's worth of ordinary days. */
export const WEEK_OF_FACTORS = weekFactors.reduce((sum, factor) => sum + factor, 0);
export function weekFactor(date: string): number {
  return weekFactors[weekday(date)] ?? 1;
}

/** 单号 prefixes by document type (pinyin initials, as Chinese ERPs print them). */
const numberPrefixes: Partial<Record<DocumentType, string>> = {
  'goods-receipt': 'RK',
  'production-run': 'SC',
  dispatch: 'PS',
  'store-receipt': 'SH',
  sale: 'XS',
  consumption: 'XH',
  waste: 'BS',
  'stock-count': 'PD',
  'store-request': 'YH',
};

/** Header fields every document carries; the caller adds `type`, `lines` and kind-specific fields. */
export type DocumentHeader = Omit<DocumentRecord, 'type' | 'lines'>;

export interface Refusal {
  number: string;
  reason: string;
}

export class HistoryWriter {
  readonly ledger: Ledger;
  readonly random: DemoRandom;
  readonly documents: DocumentDoc[] = [];
  readonly batches: BatchDoc[] = [];
  readonly movements: MovementDoc[] = [];
  readonly journal: JournalDoc[] = [];
  readonly events: EventDoc[] = [];
  readonly refusals: Refusal[] = [];
  readonly plans: ReadonlyMap<string, ProductPlan>;
  private readonly counters = new Map<string, number>();

  constructor(
    catalog: DemoCatalog,
    private readonly seed: number,
    private readonly terminals: Readonly<Record<string, string>>,
  ) {
    this.random = new DemoRandom(seed);
    this.ledger = new Ledger({ products: catalog.products, config: catalog.config });
    for (const config of catalog.config)
      if (config.siteId !== undefined) this.ledger.setPolicy(config.siteId, sitePolicyFromConfig(config));
    this.plans = new Map(catalog.plans.map((plan) => [plan.product.id, plan]));
  }

  plan(productId: string): ProductPlan {
    const plan = this.plans.get(productId);
    if (!plan) throw new RangeError(`no plan for product ${productId}`);
    return plan;
  }

  terminalOf(siteId: string): string {
    const terminal = this.terminals[siteId];
    if (terminal === undefined) throw new RangeError(`no terminal given for site ${siteId}`);
    return terminal;
  }

  /** A header numbered `<prefix>-<yyyymmdd>-<nnnn>`, counted per prefix and day across the organisation. */
  header(type: DocumentType, siteId: string, date: string, hour: number, minute: number): DocumentHeader {
    const prefix = numberPrefixes[type] ?? 'DJ';
    const key = `${prefix}-${date.replaceAll('-', '')}`;
    const count = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, count);
    const number = `${key}-${String(count).padStart(4, '0')}`;
    const at = chinaInstant(date, hour, minute);
    return {
      id: derivedId('demo', this.seed, 'document', number),
      siteId,
      number,
      status: 'draft',
      businessDate: date,
      at,
      terminalId: this.terminalOf(siteId),
      updatedAt: at,
    };
  }

  /** Posts through the ledger rules; a refusal is recorded and the document left out (never forced). */
  post<D extends DocumentDoc>(document: D): D | null {
    const outcome = postDocument(document, this.ledger);
    if (!outcome.ok) {
      this.refusals.push({ number: document.number, reason: outcome.error.message });
      return null;
    }
    const result = outcome.result;
    // Applied to the in-memory ledger only after the posting succeeded as a whole.
    this.ledger.commit(result);
    this.documents.push(result.document);
    this.batches.push(...result.batches);
    this.movements.push(...result.movements);
    this.journal.push(...result.journal);
    this.events.push(...result.events);
    return result.document as D;
  }

  /** Documents that move no stock (store requests) are stored as written. */
  record(document: DocumentDoc): void {
    this.documents.push(document);
    this.ledger.upsertDocument(document);
  }

  /** Stock of a product that may leave the site now (released, unexpired), in picking order. */
  usable(siteId: string, productId: string, date: string, at: string): number {
    let total = 0;
    for (const candidate of pickingCandidates(this.ledger, { siteId, productId, businessDate: date, at })) total += candidate.onHand;
    return total;
  }

  /** Positions with stock whose batch expired at least `graceDays` before `date` (staff clear them with a delay). */
  expiredPositions(siteId: string, date: string, at: string, graceDays: number): { productId: string; batchId: string; qty: number }[] {
    const cutoff = addDays(date, -graceDays);
    const result: { productId: string; batchId: string; qty: number }[] = [];
    for (const position of this.ledger.positions()) {
      if (position.siteId !== siteId || position.qty <= 1e-9) continue;
      const batch = this.ledger.batch(position.batchId);
      if (!batch) continue;
      const expiredLongEnough =
        batch.expiresAt !== undefined ? isExpired(batch, date, at) : batch.expiryDate !== undefined && batch.expiryDate < cutoff;
      if (expiredLongEnough) result.push({ productId: position.productId, batchId: position.batchId, qty: position.qty });
    }
    return result;
  }

  /** Positions with stock at a site, in a stable order. */
  stockAt(siteId: string): { productId: string; batchId: string; qty: number }[] {
    return this.ledger
      .positions()
      .filter((position) => position.siteId === siteId && position.qty > 1e-9)
      .map(({ productId, batchId, qty }) => ({ productId, batchId, qty }));
  }
}

/** Whole units for countable products, tens of grams or millilitres for measured ones. */
export function roundForUnit(qty: number, baseUnit: string): number {
  return baseUnit === 'g' || baseUnit === 'ml' ? Math.round(qty / 10) * 10 : Math.round(qty);
}
