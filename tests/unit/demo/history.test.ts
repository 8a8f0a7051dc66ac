import { beforeAll, describe, expect, it } from 'vitest';
import { Validators } from '../../../server/collections';
import { buildDemoCatalog } from '../../../shared/demo/catalog';
import { generateDemoHistory, type DemoHistory } from '../../../shared/demo/history';
import { affectsOnHand, expiryStatus, positionKey, recomputePositions } from '../../../shared/domain';
import type { CollectionName } from '../../../shared/schemas';

const TODAY = '2026-11-30';
const terminals = { hq: 'term-hq', kitchen: 'term-kitchen', 'store-renmin': 'term-renmin', 'store-riverside': 'term-riverside' };
const catalog = buildDemoCatalog({ updatedAt: '2026-10-31T01:00:00.000Z' });
let history: DemoHistory;

beforeAll(() => {
  history = generateDemoHistory(catalog, { today: TODAY, terminals });
});

describe('demo history', () => {
  it('is deterministic for a seed and differs for another', () => {
    const again = generateDemoHistory(catalog, { today: TODAY, terminals, days: 10, seed: 7 });
    const same = generateDemoHistory(catalog, { today: TODAY, terminals, days: 10, seed: 7 });
    const other = generateDemoHistory(catalog, { today: TODAY, terminals, days: 10, seed: 8 });
    const fingerprint = (h: DemoHistory) => JSON.stringify([h.documents, h.movements, h.batches, h.journal, h.events]);
    expect(fingerprint(same)).toBe(fingerprint(again));
    expect(fingerprint(other)).not.toBe(fingerprint(again));
  });

  it('posts every kind of document, refusing none, over four weeks', () => {
    const types = new Set(history.documents.map((d) => d.type));
    for (const type of [
      'goods-receipt',
      'production-run',
      'dispatch',
      'store-receipt',
      'sale',
      'consumption',
      'waste',
      'stock-count',
      'store-request',
    ]) {
      expect(types.has(type as never), type).toBe(true);
    }
    expect(history.refusals).toEqual([]);
    expect(history.movements.length).toBeGreaterThan(3000);
    const dates = new Set(history.documents.map((d) => d.businessDate));
    expect(dates.size).toBe(28);
  });

  it('writes only documents the shared schemas accept', () => {
    const validators = new Validators();
    const check = (collection: CollectionName, docs: readonly { id: string }[]) => {
      for (const doc of docs) expect(validators.validate(collection, doc), `${collection} ${doc.id}`).toBeNull();
    };
    check('documents', history.documents);
    check('movements', history.movements);
    check('batches', history.batches);
    check('journal', history.journal);
    check('events', history.events);
  });

  it('numbers documents readably, once each, written by the site terminal in business hours (UTC+8)', () => {
    const numbers = history.documents.map((d) => d.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const prefixes: Record<string, string> = {
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
    for (const d of history.documents) {
      expect(d.number).toMatch(new RegExp(`^${prefixes[d.type]}-${d.businessDate.replaceAll('-', '')}-\\d{4}$`));
      expect(d.terminalId).toBe(terminals[d.siteId as keyof typeof terminals]);
      const localHour = (new Date(d.at).getUTCHours() + 8) % 24;
      expect(localHour, d.number).toBeGreaterThanOrEqual(6);
      expect(localHour, d.number).toBeLessThanOrEqual(23);
      expect(new Date(Date.parse(d.at) + 8 * 3_600_000).toISOString().slice(0, 10)).toBe(d.businessDate);
    }
  });

  it('balances every journal entry', () => {
    expect(history.journal.length).toBeGreaterThan(100);
    for (const entry of history.journal) {
      const debit = entry.lines.reduce((sum, line) => sum + line.debit, 0);
      const credit = entry.lines.reduce((sum, line) => sum + line.credit, 0);
      expect(Math.round(debit * 100), entry.docNumber).toBe(Math.round(credit * 100));
    }
  });

  it('never takes on-hand below zero at any site (block), and the projection equals a recompute', () => {
    const running = new Map<string, number>();
    for (const m of history.movements) {
      if (!affectsOnHand(m.kind)) continue;
      const key = positionKey(m);
      const after = (running.get(key) ?? 0) + m.qty;
      running.set(key, after);
      expect(after, `${m.kind} ${m.docId}`).toBeGreaterThanOrEqual(-1e-6);
    }
    const recomputed = recomputePositions(history.movements);
    for (const p of history.ledger.positions()) expect(recomputed.get(positionKey(p))?.qty ?? 0).toBeCloseTo(p.qty, 6);
  });

  it('closes every received dispatch per batch: out + in + loss = 0, with a few short lines', () => {
    const receipts = history.documents.filter((d) => d.type === 'store-receipt');
    expect(receipts.length).toBeGreaterThan(40);
    let losses = 0;
    for (const receipt of receipts) {
      if (receipt.type !== 'store-receipt') continue;
      const perBatch = new Map<string, number>();
      for (const m of history.movements) {
        if (m.docId !== receipt.dispatchId && m.docId !== receipt.id) continue;
        perBatch.set(m.batchId, (perBatch.get(m.batchId) ?? 0) + m.qty);
        if (m.kind === 'transit-loss') losses += 1;
      }
      expect(perBatch.size).toBeGreaterThan(0);
      for (const [batchId, sum] of perBatch) expect(Math.abs(sum), `${receipt.number} ${batchId}`).toBeLessThan(1e-6);
    }
    expect(losses).toBeGreaterThan(0);
    expect(losses).toBeLessThan(receipts.length);
  });

  it('leaves some stock near expiry and some expired at today', () => {
    const statuses = new Map<string, number>();
    for (const p of history.ledger.positions()) {
      if (p.qty <= 0) continue;
      const batch = history.ledger.batch(p.batchId);
      const product = history.ledger.product(p.productId);
      if (!batch || !product) throw new Error('position without batch or product');
      const status = expiryStatus(batch, product, TODAY);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(statuses.get('near-expiry') ?? 0).toBeGreaterThan(5);
    expect(statuses.get('expired') ?? 0).toBeGreaterThan(2);
    expect(statuses.get('ok') ?? 0).toBeGreaterThan((statuses.get('expired') ?? 0) * 3);
  });

  it('has a shipped dispatch on the road to each store, and store requests waiting in the kitchen', () => {
    const answered = new Set(history.documents.flatMap((d) => (d.type === 'store-receipt' ? [d.dispatchId] : [])));
    const open = history.documents.filter((d) => d.type === 'dispatch' && d.status === 'shipped' && !answered.has(d.id));
    expect(open.map((d) => d.toSiteId).sort()).toEqual(['store-renmin', 'store-riverside']);
    expect(open.every((d) => d.businessDate === TODAY && d.lines.length > 0)).toBe(true);
    const requests = history.documents.filter((d) => d.type === 'store-request');
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(requests.every((d) => d.status === 'submitted' && d.toSiteId === 'kitchen')).toBe(true);
  });

  it('counts each store once, and sells more at weekends', () => {
    const counts = history.documents.filter((d) => d.type === 'stock-count');
    expect(counts.map((d) => d.siteId).sort()).toEqual(['store-renmin', 'store-riverside']);
    const takings = { weekend: [] as number[], weekday: [] as number[] };
    for (const d of history.documents) {
      if (d.type !== 'sale') continue;
      const day = new Date(`${d.businessDate}T00:00:00Z`).getUTCDay();
      const total = d.lines.reduce((sum, line) => sum + line.qty * line.unitPrice, 0);
      (day === 0 || day === 6 ? takings.weekend : takings.weekday).push(total);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(takings.weekend)).toBeGreaterThan(mean(takings.weekday));
  });
});
