// The dispatch commands: draft → picked → shipped, requests answered by id, FEFO picking.
import { describe, expect, it } from 'vitest';
import {
  AlreadyRecordedError,
  FifoViolationError,
  InvalidStateError,
  UnknownReferenceError,
  ValidationError,
} from '../../../shared/domain';
import type { DispatchDoc, StoreRequestDoc } from '../../../shared/schemas';
import { batch, KITCHEN, ledgerWith, perishable } from '../domain/fixtures';
import { AT, run } from './harness';

const milk = perishable('milk', 7);
const early = batch('b-early', 'milk', { expiryDate: '2025-03-05', lotCode: 'EARLY' });
const late = batch('b-late', 'milk', { expiryDate: '2025-03-09', lotCode: 'LATE' });
const ledger = () =>
  ledgerWith(
    [milk],
    [early, late],
    [
      { batchId: 'b-early', qty: 10 },
      { batchId: 'b-late', qty: 10 },
    ],
  );

function draft(fields: Partial<DispatchDoc> = {}): DispatchDoc {
  return {
    id: 'd-1',
    type: 'dispatch',
    siteId: KITCHEN,
    toSiteId: 'store-a',
    number: 'PS-9',
    status: 'draft',
    businessDate: '2025-03-01',
    at: AT,
    terminalId: 'term-1',
    lines: [],
    updatedAt: AT,
    ...fields,
  };
}

function request(id: string, siteId: string, lines: [string, number][], status: StoreRequestDoc['status'] = 'submitted'): StoreRequestDoc {
  return {
    id,
    type: 'store-request',
    siteId,
    toSiteId: KITCHEN,
    number: `YH-${id}`,
    status,
    businessDate: '2025-02-28',
    deliveryDate: '2025-03-01',
    at: AT,
    terminalId: 'term-s',
    lines: lines.map(([productId, qty]) => ({ productId, qty })),
    updatedAt: AT,
  };
}

describe('dispatch commands', () => {
  it('dispatch.create stamps a draft with this terminal’s number, date and site', () => {
    const outcome = run('dispatch.create', { toSiteId: 'store-a' });
    expect(outcome.writes?.documents).toEqual([
      expect.objectContaining({ id: 'id-1', number: 'PS-1', siteId: KITCHEN, toSiteId: 'store-a', status: 'draft', at: AT, lines: [] }),
    ]);
    expect(outcome.result).toEqual({ id: 'id-1', number: 'PS-1' });
  });

  it('dispatch.from-requests answers requests by id, one draft per store, and refuses one answered already', () => {
    const a = request('r-a', 'store-a', [['milk', 5]]);
    const b = request('r-b', 'store-b', [['milk', 3]]);
    const outcome = run('dispatch.from-requests', { requestIds: ['r-a', 'r-b'] }, { documents: [a, b] });
    const drafts = outcome.writes?.documents ?? [];
    expect(drafts.map((d) => [d.toSiteId, d.type === 'dispatch' ? d.requestIds : null, d.note])).toEqual([
      ['store-a', ['r-a'], undefined],
      ['store-b', ['r-b'], undefined],
    ]);
    const answered = draft({ requestIds: ['r-a'] });
    expect(() => run('dispatch.from-requests', { requestIds: ['r-a'] }, { documents: [a, answered] })).toThrow(AlreadyRecordedError);
    expect(() => run('dispatch.from-requests', { requestIds: ['r-a'] }, { documents: [a, answered] })).toThrow(/PS-9/);
    // A cancelled answer does not count: the request is open again.
    expect(
      run('dispatch.from-requests', { requestIds: ['r-a'] }, { documents: [a, { ...answered, status: 'cancelled' }] }).result.ids,
    ).toHaveLength(1);
    expect(() => run('dispatch.from-requests', { requestIds: ['nope'] }, { documents: [a] })).toThrow(UnknownReferenceError);
    const draftRequest = request('r-c', 'store-a', [['milk', 1]], 'draft');
    expect(() => run('dispatch.from-requests', { requestIds: ['r-c'] }, { documents: [draftRequest] })).toThrow(InvalidStateError);
  });

  it('dispatch.pick splits lines FEFO over what earlier lines took, and refuses a later batch without a reason', () => {
    const world = { ledger: ledger(), documents: [draft()] };
    const picked = run(
      'dispatch.pick',
      {
        dispatchId: 'd-1',
        lines: [
          { productId: 'milk', qty: 4 },
          { productId: 'milk', qty: 8 },
        ],
      },
      world,
    );
    expect(picked.result.lines).toEqual([
      { productId: 'milk', qty: 4, batchId: 'b-early' },
      { productId: 'milk', qty: 6, batchId: 'b-early' },
      { productId: 'milk', qty: 2, batchId: 'b-late' },
    ]);
    expect(picked.writes?.documents?.[0]).toMatchObject({ status: 'picked', updatedAt: AT });
    const later = { productId: 'milk', qty: 1, batchId: 'b-late' };
    expect(() => run('dispatch.pick', { dispatchId: 'd-1', lines: [later] }, world)).toThrow(FifoViolationError);
    const overridden = run('dispatch.pick', { dispatchId: 'd-1', lines: [{ ...later, fifoOverrideReason: '客户指定' }] }, world);
    expect(overridden.result.lines).toEqual([{ ...later, fifoOverrideReason: '客户指定' }]);
    expect(() => run('dispatch.pick', { dispatchId: 'd-1', lines: [{ productId: 'milk', qty: 0 }] }, world)).toThrow(ValidationError);
  });

  it('only a draft is edited or picked, only a picked dispatch is shipped, and shipping posts it at the moment of shipping', () => {
    const picked = draft({ status: 'picked', at: '2025-02-28T00:00:00.000Z', lines: [{ productId: 'milk', qty: 2, batchId: 'b-early' }] });
    expect(() => run('dispatch.save', { dispatchId: 'd-1', lines: [] }, { documents: [picked] })).toThrow(InvalidStateError);
    expect(() => run('dispatch.ship', { dispatchId: 'd-1' }, { documents: [draft()] })).toThrow(InvalidStateError);
    const shipped = run('dispatch.ship', { dispatchId: 'd-1' }, { documents: [picked] });
    expect(shipped.writes).toBeUndefined();
    expect(shipped.post?.document).toMatchObject({ id: 'd-1', status: 'picked', at: AT, updatedAt: AT, lines: picked.lines });
    expect(run('dispatch.unpick', { dispatchId: 'd-1' }, { documents: [picked] }).writes?.documents?.[0]?.status).toBe('draft');
    expect(() => run('dispatch.save', { dispatchId: 'd-1', lines: [{ productId: 'milk', qty: -1 }] }, { documents: [draft()] })).toThrow(
      ValidationError,
    );
  });
});
