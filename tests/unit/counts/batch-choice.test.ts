// The count's batch picker (issue 13): a scan put 2,001 g into an expired batch because empty and
// expired batches were listed first and Enter took the oldest. Batches with stock are proposed in
// FEFO order; an empty or expired batch is taken only by an explicit choice; a blind count never
// carries book quantities to the screen.
import { describe, expect, it } from 'vitest';
import { countBatchChoice, type CountBatchChoice } from '../../../shared/ops';
import { batch, ledgerWith, perishable, STORE } from '../domain/fixtures';

const flour = perishable('flour', 30);
const expired = batch('b-expired', 'flour', { lotCode: 'E', expiryDate: '2025-02-20', siteId: STORE });
const empty = batch('b-empty', 'flour', { lotCode: 'Z', expiryDate: '2025-03-03', siteId: STORE });
const later = batch('b-later', 'flour', { lotCode: 'A', expiryDate: '2025-03-10', siteId: STORE });
const sooner = batch('b-sooner', 'flour', { lotCode: 'B', expiryDate: '2025-03-05', siteId: STORE });
const context = { siteId: STORE, businessDate: '2025-03-01', at: '2025-03-01T02:00:00.000Z', blind: false };

const ids = (choice: CountBatchChoice) =>
  choice.kind === 'take'
    ? choice.batchId
    : { proposed: choice.proposed.map((o) => o.batch.id), others: choice.others.map((o) => o.batch.id) };

describe('count batch choice', () => {
  it('proposes batches with stock in FEFO order, empty and expired ones only apart', () => {
    const ledger = ledgerWith(
      [flour],
      [expired, empty, later, sooner],
      [
        { siteId: STORE, batchId: 'b-expired', qty: 500 },
        { siteId: STORE, batchId: 'b-later', qty: 1000 },
        { siteId: STORE, batchId: 'b-sooner', qty: 2000 },
      ],
    );
    const choice = countBatchChoice(ledger, context, flour, [empty], []);
    expect(ids(choice)).toEqual({ proposed: ['b-sooner', 'b-later'], others: ['b-expired', 'b-empty'] });
    if (choice.kind === 'ask') {
      expect(choice.others.map((o) => o.why)).toEqual(['expired', 'empty']);
      expect(choice.proposed[0]?.onHand).toBe(2000);
    }
  });

  it('never takes an expired or empty batch without asking, even when it is the only one with stock', () => {
    const ledger = ledgerWith([flour], [expired, empty], [{ siteId: STORE, batchId: 'b-expired', qty: 500 }]);
    expect(ids(countBatchChoice(ledger, context, flour, [empty], []))).toEqual({ proposed: [], others: ['b-expired', 'b-empty'] });
    const onlyEmpty = ledgerWith([flour], [empty]);
    expect(ids(countBatchChoice(onlyEmpty, context, flour, [empty], []))).toEqual({ proposed: [], others: ['b-empty'] });
  });

  it('takes the one batch with stock when nothing else holds any, and the batch a barcode names', () => {
    const ledger = ledgerWith([flour], [empty, later], [{ siteId: STORE, batchId: 'b-later', qty: 1000 }]);
    expect(ids(countBatchChoice(ledger, context, flour, [empty], []))).toBe('b-later');
    // A GS1 code naming the lot names the batch: counting it is explicit, expired or not.
    expect(ids(countBatchChoice(ledger, context, flour, [empty], ['b-empty']))).toBe('b-empty');
  });

  it('a blind count carries no book quantity', () => {
    const ledger = ledgerWith(
      [flour],
      [later, sooner, expired],
      [
        { siteId: STORE, batchId: 'b-later', qty: 1000 },
        { siteId: STORE, batchId: 'b-sooner', qty: 2000 },
        { siteId: STORE, batchId: 'b-expired', qty: 5 },
      ],
    );
    const choice = countBatchChoice(ledger, { ...context, blind: true }, flour, [], []);
    expect(choice.kind).toBe('ask');
    if (choice.kind === 'ask') for (const option of [...choice.proposed, ...choice.others]) expect(option).not.toHaveProperty('onHand');
  });
});
