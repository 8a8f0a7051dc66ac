import { describe, expect, it } from 'vitest';
import { isCatchUpRefusal, RESTORE_CATCH_UP_MS } from '../../../renderer/db/replication/epoch-change';
import { SyncHttpError } from '../../../renderer/db/replication/transport';

// A restored endpoint refuses a receipt whose dispatch the kitchen has not re-sent yet (403): for
// a while after the epoch change that is retried; otherwise a 403 is set aside for good.
describe('refusals while a restored endpoint catches up', () => {
  const noDispatch = new SyncHttpError(403, 'forbidden', 'dispatchId names no dispatch');
  const changedAt = 1_000_000;

  it('retries a 403 within the catch-up window after an epoch change', () => {
    expect(isCatchUpRefusal(noDispatch, changedAt, changedAt + 5_000)).toBe(true);
  });

  it('sets it aside after the window, without an epoch change, and for other statuses', () => {
    expect(isCatchUpRefusal(noDispatch, changedAt, changedAt + RESTORE_CATCH_UP_MS)).toBe(false);
    expect(isCatchUpRefusal(noDispatch, null, changedAt)).toBe(false);
    expect(isCatchUpRefusal(new SyncHttpError(422, 'invalid', 'bad'), changedAt, changedAt + 5_000)).toBe(false);
    expect(isCatchUpRefusal(new Error('network'), changedAt, changedAt + 5_000)).toBe(false);
  });
});
