/** The central kitchen's day in the demo history: goods receipts, production, dispatches. */
import { addDays, derivedId } from '../domain';
import type { ConsumptionDoc, DispatchDoc, DocumentLine, GoodsReceiptDoc, ProductionRunDoc } from '../schemas';
import type { ProductPlan } from './catalog';
import { chinaInstant, roundForUnit, weekday, weekFactor, WEEK_OF_FACTORS, type HistoryWriter } from './history-support';

export const KITCHEN = 'kitchen';

/** Days of demand the kitchen keeps on hand, by shelf life: fresh goods daily, pantry weekly. */
function kitchenCover(plan: ProductPlan): number {
  const shelf = plan.product.shelfLifeDays;
  if (shelf === undefined) return 10;
  if (shelf <= 3) return 1.6;
  if (shelf <= 7) return 2.5;
  if (shelf <= 30) return 5;
  return 12;
}

/** Days of use a store holds after a delivery: the kitchen delivers every morning. */
function storeCover(plan: ProductPlan): number {
  const shelf = plan.product.shelfLifeDays;
  if (plan.supplierId === null || (shelf !== undefined && shelf <= 3)) return 1.2;
  if (shelf !== undefined && shelf <= 7) return 2;
  if (shelf !== undefined && shelf <= 30) return 5;
  // Pantry goods and packaging come with the weekly top-up rather than every morning.
  return 10;
}

/** Base units per weekday the kitchen needs of each raw product: the stores' use plus production. */
export function kitchenDemand(plans: readonly ProductPlan[], storeCount: number): Map<string, number> {
  const demand = new Map<string, number>();
  const add = (productId: string, qty: number) => demand.set(productId, (demand.get(productId) ?? 0) + qty);
  for (const plan of plans) {
    if (plan.supplierId !== null) add(plan.product.id, plan.storeUse * storeCount + plan.kitchenUse);
    const recipe = plan.product.recipe;
    if (!recipe) continue;
    // 15 % over the stores' use: production runs in whole recipe batches.
    const runsPerDay = (plan.storeUse * storeCount * 1.15) / recipe.outputQty;
    for (const line of recipe.lines) add(line.productId, line.qty * runsPerDay);
  }
  return demand;
}

/** A supplier's lot: mostly fresh, now and then short-dated (临期 stock sold cheap happens). */
function lotDates(w: HistoryWriter, plan: ProductPlan, date: string): { productionDate?: string; expiryDate?: string } {
  const shelf = plan.product.shelfLifeDays;
  if (shelf === undefined || shelf === 0) return {};
  let age: number;
  if (shelf <= 7) age = w.random.chance(0.3) ? 1 : 0;
  else if (w.random.chance(0.06)) age = Math.floor(shelf * w.random.between(0.88, 0.99));
  else age = Math.floor(shelf * w.random.between(0.03, 0.35));
  const productionDate = addDays(date, -age);
  return { productionDate, expiryDate: addDays(productionDate, shelf) };
}

export function kitchenReceipts(w: HistoryWriter, date: string, demand: ReadonlyMap<string, number>): void {
  const at = chinaInstant(date, 6, 0);
  const bySupplier = new Map<string, { plan: ProductPlan; qty: number }[]>();
  for (const [productId, perDay] of demand) {
    const plan = w.plan(productId);
    if (plan.supplierCode === null || perDay <= 0) continue;
    const need = perDay * weekFactor(date) * kitchenCover(plan);
    const onHand = w.usable(KITCHEN, productId, date, at);
    if (onHand >= need * 0.5) continue;
    const qty = Math.ceil((need - onHand) / plan.orderQty) * plan.orderQty;
    const lines = bySupplier.get(plan.supplierCode) ?? [];
    lines.push({ plan, qty });
    bySupplier.set(plan.supplierCode, lines);
  }
  [...bySupplier.entries()].forEach(([supplierCode, wanted], index) => {
    const header = w.header('goods-receipt', KITCHEN, date, 6, 10 + index * 7);
    const lotPrefix = `${supplierCode.slice(4)}${date.replaceAll('-', '').slice(2)}`;
    const lines = wanted.map(({ plan, qty }, lineNo): GoodsReceiptDoc['lines'][number] => {
      // Contract price ± 3 %, and now and then a jump the price-deviation control should flag.
      const drift = w.random.chance(0.01) ? 1.14 : w.random.between(0.97, 1.03);
      return {
        productId: plan.product.id,
        qty,
        batchId: derivedId(header.id, 'batch', lineNo),
        lotCode: `${lotPrefix}${String(lineNo + 1).padStart(2, '0')}`,
        unitCost: Math.round(plan.unitCost * plan.orderQty * drift * 100) / 100 / plan.orderQty,
        qcStatus: 'released',
        ...lotDates(w, plan, date),
      };
    });
    const partnerId = wanted[0]?.plan.supplierId;
    if (!partnerId) return;
    w.post<GoodsReceiptDoc>({ ...header, type: 'goods-receipt', partnerId, lines });
  });
}

export function kitchenProduction(w: HistoryWriter, date: string, storeCount: number): void {
  let slot = 0;
  for (const plan of w.plans.values()) {
    const recipe = plan.product.recipe;
    if (!recipe) continue;
    const at = chinaInstant(date, 7, 30 + slot * 5);
    // Longer-lived products are made for two or three days at a time.
    const shelf = plan.product.shelfLifeDays ?? 0;
    const cover = shelf >= 7 ? 3 : shelf >= 3 ? 2 : 1.15;
    const stock = w.usable(KITCHEN, plan.product.id, date, at);
    const daily = plan.storeUse * storeCount * weekFactor(date);
    if (stock >= daily * 1.1) continue;
    const need = daily * cover - stock;
    let runs = Math.ceil(need / recipe.outputQty);
    for (const line of recipe.lines) runs = Math.min(runs, Math.floor(w.usable(KITCHEN, line.productId, date, at) / line.qty));
    if (runs < 1) continue;
    const header = w.header('production-run', KITCHEN, date, 7, 30 + slot * 5);
    slot += 1;
    w.post<ProductionRunDoc>({
      ...header,
      type: 'production-run',
      outputProductId: plan.product.id,
      outputQty: runs * recipe.outputQty,
      outputBatchId: derivedId(header.id, 'output-batch'),
      outputLotCode: `SC${date.replaceAll('-', '')}${String(slot).padStart(2, '0')}`,
      // Ingredients derive from the recipe at posting: the posted document lists them per batch.
      lines: [],
    });
  }
}

/** Ships what brings the store back to its cover, in shipping packs, out of what the kitchen has. */
export function kitchenDispatch(w: HistoryWriter, date: string, storeId: string, minute: number): DispatchDoc | null {
  const at = chinaInstant(date, 9, minute);
  const lines: DocumentLine[] = [];
  for (const plan of w.plans.values()) {
    if (plan.storeUse <= 0) continue;
    const target = plan.storeUse * weekFactor(date) * storeCover(plan);
    const need = target - w.usable(storeId, plan.product.id, date, at);
    // Reorder point at half the cover: a store is topped up when it runs low, not every day.
    if (need <= target * 0.5) continue;
    const available = w.usable(KITCHEN, plan.product.id, date, at);
    const qty = Math.min(Math.ceil(need / plan.shipQty), Math.floor(available / plan.shipQty)) * plan.shipQty;
    if (qty > 0) lines.push({ productId: plan.product.id, qty });
  }
  if (lines.length === 0) return null;
  const header = w.header('dispatch', KITCHEN, date, 9, minute);
  // Lines name no batch: the posting picks by FEFO/FIFO, as the kitchen's picking list does.
  return w.post<DispatchDoc>({ ...header, type: 'dispatch', toSiteId: storeId, lines });
}

/** Catering days (团餐: Sunday, Tuesday, Thursday, Saturday) and the days each covers since the last. */
const cateringDays: Readonly<Record<number, number>> = { 0: 1, 2: 2, 4: 2, 6: 2 };

/** The kitchen's own use (catering orders): fresh goods every catering day, the rest on Sunday for the week. */
export function kitchenConsumption(w: HistoryWriter, date: string): void {
  const covers = cateringDays[weekday(date)];
  if (covers === undefined) return;
  const at = chinaInstant(date, 15, 0);
  const sunday = weekday(date) === 0;
  const lines: DocumentLine[] = [];
  for (const plan of w.plans.values()) {
    if (plan.kitchenUse <= 0) continue;
    const fresh = (plan.product.shelfLifeDays ?? Infinity) <= 7;
    if (!fresh && !sunday) continue;
    const wanted = plan.kitchenUse * (fresh ? weekFactor(date) * covers : WEEK_OF_FACTORS) * w.random.between(0.8, 1.1);
    const qty = Math.min(roundForUnit(wanted, plan.product.baseUnit), w.usable(KITCHEN, plan.product.id, date, at));
    if (qty > 0) lines.push({ productId: plan.product.id, qty });
  }
  if (lines.length === 0) return;
  w.post<ConsumptionDoc>({ ...w.header('consumption', KITCHEN, date, 15, 0), type: 'consumption', lines });
}
