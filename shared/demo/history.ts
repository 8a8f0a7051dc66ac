/**
 * A few weeks of the demo organisation's trading, posted through the ledger rules against one
 * in-memory ledger, so every balance, cost and journal entry is one the app itself would have
 * produced. Deterministic for a seed.
 */
import { addDays, type Ledger } from '../domain';
import type { BatchDoc, DocumentDoc, EventDoc, JournalDoc, MovementDoc } from '../schemas';
import { demoSiteIds, type DemoCatalog } from './catalog';
import { HistoryWriter, type Refusal } from './history-support';
import { KITCHEN, kitchenConsumption, kitchenDemand, kitchenDispatch, kitchenProduction, kitchenReceipts } from './history-kitchen';
import { siteWaste, storeCount, storeReceipt, storeRequest, storeTrading } from './history-store';

export interface HistoryOptions {
  /** The business date the history ends on ("today", YYYY-MM-DD, China time). */
  today: string;
  /** Days of history including today; default 28. */
  days?: number;
  seed?: number;
  /** Terminal id of each site (`hq`, `kitchen`, `store-renmin`, `store-riverside`): documents name the writer. */
  terminals: Readonly<Record<string, string>>;
}

export interface DemoHistory {
  documents: DocumentDoc[];
  batches: BatchDoc[];
  movements: MovementDoc[];
  journal: JournalDoc[];
  events: EventDoc[];
  /** Postings the domain refused and the history therefore left out. */
  refusals: Refusal[];
  /** The ledger after the last posting (for checks; not written anywhere). */
  ledger: Ledger;
}

export const DEFAULT_DEMO_SEED = 20_241_130;

/** The two stores differ in size, so their figures do not mirror each other. */
const storeScales: Readonly<Record<string, number>> = { 'store-renmin': 1.1, 'store-riverside': 0.85 };

export function generateDemoHistory(catalog: DemoCatalog, options: HistoryOptions): DemoHistory {
  const days = options.days ?? 28;
  if (!Number.isInteger(days) || days < 2) throw new RangeError('a demo history needs at least two days');
  const w = new HistoryWriter(catalog, options.seed ?? DEFAULT_DEMO_SEED, options.terminals);
  const stores = demoSiteIds.stores;
  const demand = kitchenDemand(catalog.plans, stores.length);
  // One stock count per store, in the last fortnight, on different days.
  const countDays = new Map<string, string>(
    stores.map((storeId, index) => [storeId, addDays(options.today, -Math.min(days - 2, 8 - index * 3))]),
  );

  for (let offset = days - 1; offset >= 0; offset--) {
    const date = addDays(options.today, -offset);
    const isToday = offset === 0;
    if (isToday) stores.forEach((storeId, index) => storeRequest(w, storeId, date, 5 + index * 12));
    kitchenReceipts(w, date, demand);
    kitchenProduction(w, date, stores.length);
    const dispatches = stores.map((storeId, index) => kitchenDispatch(w, date, storeId, 30 + index * 15));
    // Today's dispatches are on the road: the stores receive them in the app.
    if (isToday) break;
    dispatches.forEach((dispatch, index) => {
      if (dispatch) storeReceipt(w, dispatch, 11, index * 20);
    });
    kitchenConsumption(w, date);
    siteWaste(w, KITCHEN, date, 18, 0.1);
    for (const storeId of stores) {
      storeTrading(w, storeId, date, storeScales[storeId] ?? 1);
      siteWaste(w, storeId, date, 22, 0.12);
      if (countDays.get(storeId) === date) storeCount(w, storeId, date);
    }
  }

  return {
    documents: w.documents,
    batches: w.batches,
    movements: w.movements,
    journal: w.journal,
    events: w.events,
    refusals: w.refusals,
    ledger: w.ledger,
  };
}
