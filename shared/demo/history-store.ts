/** A store's day in the demo history: receiving the dispatch, trading, waste, the stock count. */
import type {
  ConsumptionDoc,
  DispatchDoc,
  DocumentLine,
  SaleDoc,
  StockCountDoc,
  StoreReceiptDoc,
  StoreRequestDoc,
  WasteDoc,
} from '../schemas';
import { chinaInstant, roundForUnit, weekday, weekFactor, WEEK_OF_FACTORS, type HistoryWriter } from './history-support';
import { KITCHEN } from './history-kitchen';

const countable = (baseUnit: string): boolean => baseUnit !== 'g' && baseUnit !== 'ml';

/** Mostly accepted in full; a few lines short (lost in transit) or rejected at the door. */
export function storeReceipt(w: HistoryWriter, dispatch: DispatchDoc, hour: number, minute: number): void {
  const header = w.header('store-receipt', dispatch.toSiteId, dispatch.businessDate, hour, minute);
  // Most deliveries arrive complete; about one in four has a short line, one in twenty a refusal.
  const shortLine = w.random.chance(0.25) ? w.random.int(0, dispatch.lines.length - 1) : -1;
  const rejectedLine = w.random.chance(0.05) ? w.random.int(0, dispatch.lines.length - 1) : -1;
  const lines = dispatch.lines.map((line, index): StoreReceiptDoc['lines'][number] => {
    const batchId = line.batchId;
    if (batchId === undefined) throw new RangeError(`posted dispatch ${dispatch.number} has a line without a batch`);
    const baseUnit = w.plan(line.productId).product.baseUnit;
    let short = 0;
    let rejected = 0;
    let rejectReason: string | undefined;
    if (index === rejectedLine) {
      rejected = line.qty;
      rejectReason = w.random.pick(['冷链温度超标 cold chain above 4 °C', '包装破损 damaged packaging', '数量与单据不符 wrong item']);
    } else if (index === shortLine) {
      const portion = countable(baseUnit)
        ? w.random.int(1, 2)
        : Math.max(10, roundForUnit(line.qty * w.random.between(0.02, 0.08), baseUnit));
      short = Math.min(portion, line.qty);
    }
    return {
      productId: line.productId,
      qty: line.qty,
      batchId,
      ...(line.unitCost === undefined ? {} : { unitCost: line.unitCost }),
      accepted: line.qty - short - rejected,
      short,
      rejected,
      ...(rejectReason === undefined ? {} : { rejectReason }),
    };
  });
  w.post<StoreReceiptDoc>({ ...header, type: 'store-receipt', toSiteId: KITCHEN, dispatchId: dispatch.id, lines });
}

/**
 * The store's day at the till (日结, one sale document with the day's takings) and in its
 * kitchen (消耗: goods that keep a week or less daily, the rest and packaging once a week on Sunday night),
 * following the weekly pattern and never more than the usable stock: a sell-out is a
 * stock-out, never a negative balance.
 */
export function storeTrading(w: HistoryWriter, storeId: string, date: string, storeScale: number): void {
  const sunday = weekday(date) === 0;
  const sessions = [
    { type: 'sale', hour: 21, minute: 30 },
    { type: 'consumption', hour: 21, minute: 45 },
  ] as const;
  for (const session of sessions) {
    const at = chinaInstant(date, session.hour, session.minute);
    const lines: DocumentLine[] = [];
    for (const plan of w.plans.values()) {
      if (plan.storeUse <= 0 || plan.channel !== session.type) continue;
      const daily = session.type === 'sale' || (plan.product.shelfLifeDays ?? Infinity) <= 7;
      if (!daily && !sunday) continue;
      const days = daily ? weekFactor(date) : WEEK_OF_FACTORS;
      const wanted = plan.storeUse * storeScale * days * w.random.between(0.7, 1.2);
      const usable = w.usable(storeId, plan.product.id, date, at);
      const qty = Math.min(roundForUnit(wanted, plan.product.baseUnit), usable);
      if (qty <= 0) continue;
      lines.push(
        session.type === 'sale' ? { productId: plan.product.id, qty, unitPrice: plan.unitPrice } : { productId: plan.product.id, qty },
      );
    }
    if (lines.length === 0) continue;
    const header = w.header(session.type, storeId, date, session.hour, session.minute);
    if (session.type === 'sale') w.post<SaleDoc>({ ...header, type: 'sale', paymentMethod: 'cash', lines: lines as SaleDoc['lines'] });
    else w.post<ConsumptionDoc>({ ...header, type: 'consumption', lines });
  }
}

/** Expired stock cleared two days late (so "today" still shows some), plus the odd breakage. */
export function siteWaste(w: HistoryWriter, siteId: string, date: string, hour: number, damageChance: number): void {
  const at = chinaInstant(date, hour, 0);
  const expired = w.expiredPositions(siteId, date, at, 2);
  if (expired.length > 0) {
    const header = w.header('waste', siteId, date, hour, 0);
    w.post<WasteDoc>({
      ...header,
      type: 'waste',
      wasteReason: 'expired',
      lines: expired.map(({ productId, batchId, qty }) => ({ productId, batchId, qty })),
    });
  }
  if (!w.random.chance(damageChance)) return;
  const stock = w.stockAt(siteId).filter((position) => w.ledger.batch(position.batchId)?.qcStatus === 'released');
  if (stock.length === 0) return;
  const position = w.random.pick(stock);
  const baseUnit = w.plan(position.productId).product.baseUnit;
  const qty = Math.min(position.qty, countable(baseUnit) ? 1 : Math.max(10, roundForUnit(position.qty * 0.1, baseUnit)));
  const reason = siteId === KITCHEN ? 'prep-loss' : w.random.pick(['damaged', 'spoiled'] as const);
  const header = w.header('waste', siteId, date, hour, 10);
  w.post<WasteDoc>({
    ...header,
    type: 'waste',
    wasteReason: reason,
    lines: [{ productId: position.productId, batchId: position.batchId, qty }],
  });
}

/** A full count after closing: most lines match, some show the usual small losses. */
export function storeCount(w: HistoryWriter, storeId: string, date: string): void {
  const header = w.header('stock-count', storeId, date, 22, 30);
  const started = Date.parse(header.at);
  const lines = w.stockAt(storeId).map((position, index): StockCountDoc['lines'][number] => {
    const baseUnit = w.plan(position.productId).product.baseUnit;
    let counted = position.qty;
    if (w.random.chance(0.15))
      counted = countable(baseUnit)
        ? Math.max(0, position.qty - 1)
        : Math.max(0, roundForUnit(position.qty * w.random.between(0.94, 0.99), baseUnit));
    return {
      productId: position.productId,
      batchId: position.batchId,
      qty: counted,
      countedAt: new Date(started + index * 20_000).toISOString(),
    };
  });
  if (lines.length === 0) return;
  w.post<StockCountDoc>({ ...header, type: 'stock-count', countScope: 'full', blind: false, lines });
}

/** 要货单 sent this morning and not yet answered: they wait in the kitchen's inbox. */
export function storeRequest(w: HistoryWriter, storeId: string, date: string, minute: number): void {
  const header = w.header('store-request', storeId, date, 7, minute);
  const wanted = [...w.plans.values()].filter(
    (plan) => plan.storeUse > 0 && (plan.supplierId === null || plan.product.category === 'drinks'),
  );
  const lines: DocumentLine[] = [];
  for (let i = 0; i < 6 && wanted.length > 0; i++) {
    const index = Math.floor(w.random.next() * wanted.length);
    const [plan] = wanted.splice(index, 1);
    if (plan) lines.push({ productId: plan.product.id, qty: plan.shipQty * w.random.int(1, 4), note: '周末备货 stock-up for the weekend' });
  }
  const document: StoreRequestDoc = { ...header, type: 'store-request', status: 'submitted', toSiteId: KITCHEN, lines };
  w.record(document);
}
