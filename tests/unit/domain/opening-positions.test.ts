// Opening positions worked back from the projection must equal the positions of the movements
// before the instant: reports over a range rely on it instead of reading every movement.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MovementDoc } from '../../../shared/schemas';
import { movementKinds } from '../../../shared/schemas';
import {
  businessDateOf,
  openingPositions,
  positionKey,
  recomputePositions,
  startOfBusinessDate,
  type StockPosition,
} from '../../../shared/domain';

const START = Date.UTC(2025, 2, 1);
const HOUR = 3_600_000;

interface MovementSpec {
  site: number;
  batch: number;
  kind: MovementDoc['kind'];
  qty: number;
  cost: number;
  hour: number;
  minute: number;
}

const movementArb: fc.Arbitrary<MovementSpec> = fc.record({
  site: fc.integer({ min: 0, max: 2 }),
  batch: fc.integer({ min: 0, max: 5 }),
  kind: fc.constantFrom(...movementKinds),
  qty: fc.integer({ min: -40, max: 40 }),
  cost: fc.integer({ min: 0, max: 2000 }).map((cents) => cents / 100),
  hour: fc.integer({ min: 0, max: 24 * 10 }),
  minute: fc.integer({ min: 0, max: 59 }),
});

const toMovement = (spec: MovementSpec, index: number): MovementDoc => {
  const at = new Date(START + spec.hour * HOUR + spec.minute * 60_000).toISOString();
  return {
    id: `m${index}`,
    siteId: `s${spec.site}`,
    productId: `p${spec.batch % 3}`,
    batchId: `b${spec.batch}`,
    kind: spec.kind,
    qty: spec.qty,
    unitCost: spec.cost,
    docType: 'goods-receipt',
    docId: `d${index}`,
    lineNo: 0,
    at,
    terminalId: 't',
    updatedAt: at,
  };
};

/** Positions keyed and rounded, dropping those at zero (no position and a zero one read alike). */
const normalise = (positions: Iterable<StockPosition>): Record<string, { qty: number; value: number }> => {
  const result: Record<string, { qty: number; value: number }> = {};
  for (const position of positions) {
    const qty = Math.round(position.qty * 1e6) / 1e6 || 0;
    const value = Math.round(position.value * 100) / 100 || 0;
    if (qty !== 0 || value !== 0) result[positionKey(position)] = { qty, value };
  }
  return result;
};

describe('startOfBusinessDate', () => {
  it('is the first instant that businessDateOf dates on or after the date', () => {
    expect(startOfBusinessDate('2025-03-05')).toBe('2025-03-04T16:00:00.000Z');
    expect(businessDateOf('2025-03-04T15:59:59.999Z')).toBe('2025-03-04');
    expect(businessDateOf('2025-03-04T16:00:00.000Z')).toBe('2025-03-05');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 24 * 60 }), fc.integer({ min: 0, max: 9 }), (minute, day) => {
        const at = new Date(START + minute * 60_000).toISOString();
        const from = `2025-03-${String(1 + day).padStart(2, '0')}`;
        expect(businessDateOf(at) >= from).toBe(at >= startOfBusinessDate(from));
      }),
    );
  });
});

describe('openingPositions', () => {
  it('current positions less the movements since the instant = positions of the movements before it', () => {
    fc.assert(
      fc.property(fc.array(movementArb, { maxLength: 60 }), fc.integer({ min: 0, max: 10 }), (specs, day) => {
        const movements = specs.map(toMovement);
        const fromInstant = startOfBusinessDate(`2025-03-${String(1 + day).padStart(2, '0')}`);
        const before = movements.filter((movement) => movement.at < fromInstant);
        const since = movements.filter((movement) => movement.at >= fromInstant);
        const current = recomputePositions(movements).values();
        expect(normalise(openingPositions(current, since, fromInstant))).toEqual(normalise(recomputePositions(before).values()));
        // Handing in every movement, or one twice, changes nothing: earlier ones are skipped, ids count once.
        const all = openingPositions(recomputePositions(movements).values(), [...movements, ...since], fromInstant);
        expect(normalise(all)).toEqual(normalise(recomputePositions(before).values()));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves transit-loss out: it never held stock', () => {
    const loss = toMovement({ site: 0, batch: 0, kind: 'transit-loss', qty: -3, cost: 2, hour: 30, minute: 0 }, 1);
    const current: StockPosition[] = [{ siteId: 's0', productId: 'p0', batchId: 'b0', qty: 5, value: 10 }];
    expect(openingPositions(current, [loss], startOfBusinessDate('2025-03-01'))).toEqual(current);
  });
});
