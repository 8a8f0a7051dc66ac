// The bench organisation: a year of trading at N sites, posted through the ledger rules against
// one in-memory ledger (as shared/demo does for `npm start`), so every balance, cost and journal
// entry is one the app itself would have produced. Written straight into the endpoint's SQLite
// file with seedDocuments: pushing a million movements through the protocol would take longer
// than the bench itself, and the terminal then pulls them like any other data.
import { addSite, addTerminal, seedDocuments } from '../../server/admin-ops';
import { openStorage } from '../../server/storage/index';
import type { Storage } from '../../server/storage/types';
import { buildDemoCatalog, type ProductPlan } from '../../shared/demo/catalog';
import { chinaInstant, HistoryWriter } from '../../shared/demo/history-support';
import { addDays } from '../../shared/domain';
import type { ConsumptionDoc, DocumentLine, GoodsReceiptDoc, SaleDoc, WasteDoc } from '../../shared/schemas';

export interface FixtureSite {
  id: string;
  kind: 'hq' | 'kitchen' | 'store';
}

export interface SeededFixture {
  sites: FixtureSite[];
  hqToken: string;
  kitchenToken: string;
  kitchenId: string;
  counts: { movements: number; documents: number; batches: number; journal: number; events: number; refusals: number };
  ms: number;
}

const LINES = 20;
/** A receipt covers this many sales of its lines, so roughly one document in ten makes batches. */
const SALES_PER_RECEIPT = 8;

/** 1 HQ, one kitchen per ~16 sites, the rest stores; the demo's own ids come first so its per-site config applies. */
export function benchSites(count: number): FixtureSite[] {
  const kitchens = Math.max(1, Math.round(count / 16));
  const sites: FixtureSite[] = [{ id: 'hq', kind: 'hq' }];
  for (let k = 0; k < kitchens; k++) sites.push({ id: k === 0 ? 'kitchen' : `kitchen-${k + 1}`, kind: 'kitchen' });
  const demoStores = ['store-renmin', 'store-riverside'];
  for (let s = 0; sites.length < count; s++) sites.push({ id: demoStores[s] ?? `store-${String(s + 1).padStart(2, '0')}`, kind: 'store' });
  return sites;
}

interface SiteState {
  site: FixtureSite;
  /** The lines of its latest receipt: what it sells from until the next one. */
  stocked: { plan: ProductPlan; batchId: string; saleQty: number }[];
  sinceReceipt: number;
}

/** Whole units for countable products, tens for grams and millilitres. */
const rounded = (qty: number, unit: string) =>
  unit === 'g' || unit === 'ml' ? Math.max(10, Math.round(qty / 10) * 10) : Math.max(1, Math.round(qty));

class Generator {
  readonly w: HistoryWriter;
  private readonly raw: ProductPlan[];
  private cursor = 0;

  constructor(
    catalog: ReturnType<typeof buildDemoCatalog>,
    terminals: Record<string, string>,
    private readonly days: number,
  ) {
    this.w = new HistoryWriter(catalog, 20_261_206, terminals);
    this.raw = catalog.plans.filter((plan) => plan.supplierId !== null && plan.unitCost > 0);
  }

  receipt(state: SiteState, date: string, minute: number): void {
    const w = this.w;
    const header = w.header('goods-receipt', state.site.id, date, 6, minute % 60);
    const plans = Array.from({ length: LINES }, () => this.raw[this.cursor++ % this.raw.length] as ProductPlan);
    const lines: GoodsReceiptDoc['lines'] = plans.map((plan, lineNo) => {
      const shelf = plan.product.shelfLifeDays ?? 0;
      // Long enough to be sold from until the next receipt, so sales are rarely refused; short-lived
      // products still expire now and then and show up as near-expiry, expired and waste.
      const life = shelf > 0 ? Math.max(shelf, Math.ceil(this.days / 6)) : 0;
      const saleQty = rounded(plan.storeUse > 0 ? plan.storeUse : plan.orderQty / 4, plan.product.baseUnit);
      return {
        productId: plan.product.id,
        qty: saleQty * (SALES_PER_RECEIPT + 2),
        batchId: `${header.id}-${lineNo}`.slice(0, 64),
        lotCode: `${header.number.replaceAll('-', '').slice(2)}${String(lineNo + 1).padStart(2, '0')}`,
        unitCost: Math.round(plan.unitCost * w.random.between(0.97, 1.03) * 10_000) / 10_000,
        qcStatus: 'released',
        ...(life > 0 ? { productionDate: date, expiryDate: addDays(date, life) } : {}),
      };
    });
    const partnerId = plans[0]?.supplierId;
    if (!partnerId) return;
    const posted = w.post<GoodsReceiptDoc>({ ...header, type: 'goods-receipt', partnerId, lines });
    if (!posted) return;
    state.stocked = posted.lines.map((line, i) => ({
      plan: plans[i] as ProductPlan,
      batchId: line.batchId,
      saleQty: line.qty / (SALES_PER_RECEIPT + 2),
    }));
    state.sinceReceipt = 0;
  }

  /** A sale (stores) or consumption (kitchens, HQ) of what is usable; a receipt when too little is. */
  outgoing(state: SiteState, date: string, minute: number): void {
    const w = this.w;
    const at = chinaInstant(date, 20, minute % 60);
    const usable = state.stocked.filter((line) => w.usable(state.site.id, line.plan.product.id, date, at) >= line.saleQty);
    if (usable.length < LINES / 2 || state.sinceReceipt >= SALES_PER_RECEIPT) return this.receipt(state, date, minute);
    state.sinceReceipt++;
    const lines: DocumentLine[] = usable.map((line) => ({ productId: line.plan.product.id, qty: line.saleQty }));
    if (state.site.kind === 'store') {
      const header = w.header('sale', state.site.id, date, 20, minute % 60);
      const priced = usable.map((line, i) => ({ ...lines[i], unitPrice: line.plan.unitPrice })) as SaleDoc['lines'];
      w.post<SaleDoc>({ ...header, type: 'sale', paymentMethod: 'cash', lines: priced });
    } else {
      const header = w.header('consumption', state.site.id, date, 20, minute % 60);
      w.post<ConsumptionDoc>({ ...header, type: 'consumption', lines });
    }
  }

  /** Expired stock of the latest receipt, cleared as waste (the loss-rate KPI needs some). */
  waste(state: SiteState, date: string): void {
    const w = this.w;
    const lines = state.stocked.flatMap((line) => {
      const batch = w.ledger.batch(line.batchId);
      const qty = w.ledger.onHand(state.site.id, line.batchId);
      return batch?.expiryDate !== undefined && batch.expiryDate < date && qty > 0
        ? [{ productId: line.plan.product.id, batchId: line.batchId, qty }]
        : [];
    });
    if (lines.length === 0) return;
    const header = w.header('waste', state.site.id, date, 22, 0);
    w.post<WasteDoc>({ ...header, type: 'waste', wasteReason: 'expired', lines });
  }
}

async function flush(storage: Storage, w: HistoryWriter, counts: SeededFixture['counts']): Promise<void> {
  // Batches and documents before the movements that name them, as a terminal would push them.
  for (const [name, docs] of [
    ['batches', w.batches],
    ['documents', w.documents],
    ['movements', w.movements],
    ['journal', w.journal],
    ['events', w.events],
  ] as const) {
    if (docs.length === 0) continue;
    counts[name] += docs.length;
    await seedDocuments(storage, name, docs.splice(0));
  }
}

/**
 * Seeds `dataDir` (a fresh endpoint directory) with `movements` movements across `siteCount`
 * sites over `days` days ending `today`, and issues the bench's HQ and kitchen terminals.
 */
export async function seedFixture(
  dataDir: string,
  options: { movements: number; sites: number; today: string; days?: number; log(line: string): void },
): Promise<SeededFixture> {
  const started = performance.now();
  const days = options.days ?? 365;
  const storage = await openStorage({ dataDir });
  try {
    const sites = benchSites(options.sites);
    for (const site of sites) await addSite(storage, { id: site.id, kind: site.kind, name: site.id });
    const hq = await addTerminal(storage, { siteId: 'hq', name: 'bench hq terminal' });
    const kitchenId = sites.find((s) => s.kind === 'kitchen')?.id ?? 'kitchen';
    const kitchen = await addTerminal(storage, { siteId: kitchenId, name: 'bench load client' });
    const terminals = Object.fromEntries(sites.map((s) => [s.id, s.id === 'hq' ? hq.terminalId : `seed-${s.id}`]));
    const catalog = buildDemoCatalog({ updatedAt: `${addDays(options.today, -days - 2)}T01:00:00.000Z` });
    for (const [name, docs] of [
      ['config', catalog.config],
      ['partners', catalog.partners],
      ['products', catalog.products],
    ] as const)
      await seedDocuments(storage, name, docs);
    const gen = new Generator(catalog, terminals, days);
    const states: SiteState[] = sites.map((site) => ({ site, stocked: [], sinceReceipt: 0 }));
    const counts = { movements: 0, documents: 0, batches: 0, journal: 0, events: 0, refusals: 0 };
    const perDay = options.movements / days;
    const w = gen.w;
    let site = 0;
    let made = 0;
    for (let offset = days - 1; offset >= 0 && made < options.movements; offset--) {
      const date = addDays(options.today, -offset);
      const dayEnd = options.movements - perDay * offset;
      for (let minute = 0; made < Math.min(dayEnd, options.movements); minute++) {
        const state = states[site++ % states.length] as SiteState;
        const before = w.movements.length;
        if (state.stocked.length === 0) gen.receipt(state, date, minute);
        else gen.outgoing(state, date, minute);
        if (state.sinceReceipt === SALES_PER_RECEIPT) gen.waste(state, date);
        made += w.movements.length - before;
      }
      if (w.movements.length >= 20_000 || offset === 0) await flush(storage, w, counts);
      if (offset % 30 === 0) options.log(`  seeded ${made.toLocaleString('en')} movements up to ${date}`);
    }
    await flush(storage, w, counts);
    counts.refusals = w.refusals.length;
    return { sites, hqToken: hq.token, kitchenToken: kitchen.token, kitchenId, counts, ms: performance.now() - started };
  } finally {
    await storage.close();
  }
}
