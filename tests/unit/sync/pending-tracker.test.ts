import { randomUUID } from 'node:crypto';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { createLarderDatabase, type LarderDatabase } from '../../../renderer/db/database';
import { memoryPersistence, PendingTracker } from '../../../renderer/db/replication/pending-tracker';
import { movementDoc } from '../../integration/sync/clients';

let db: LarderDatabase | undefined;
afterEach(async () => db?.close());

describe('pending uploads', () => {
  it('counts local writes until acknowledged, and drops stale keys carried over from a killed session once in sync', async () => {
    db = await createLarderDatabase({ name: `pt${randomUUID().replace(/-/g, '').slice(0, 12)}`, storage: getRxStorageMemory() });
    const persistence = memoryPersistence();
    persistence.save(['movements/acknowledged-but-not-flushed']); // what a kill -9 can leave
    const counts: number[] = [];
    const tracker = new PendingTracker(db, persistence, (count) => counts.push(count));
    expect(tracker.count).toBe(1);

    const mine = movementDoc('kitchen', 1);
    await db.movements.insert(mine);
    expect(tracker.count).toBe(2);
    expect(persistence.load()).toContain(`movements/${mine.id}`); // a new pending write is saved at once
    tracker.settleCarriedOver();
    expect(tracker.count).toBe(1); // the write of this session stays pending
    tracker.acknowledged('movements', [mine.id]);
    expect(tracker.count).toBe(0);
    expect(persistence.load()).toContain(`movements/${mine.id}`); // acknowledgements are saved coalesced
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(persistence.load()).toEqual([]);
    tracker.stop();
  });

  it('saves outstanding acknowledgements when stopped', async () => {
    db = await createLarderDatabase({ name: `pt${randomUUID().replace(/-/g, '').slice(0, 12)}`, storage: getRxStorageMemory() });
    const persistence = memoryPersistence();
    const tracker = new PendingTracker(db, persistence, () => undefined);
    const mine = movementDoc('kitchen', 2);
    await db.movements.insert(mine);
    tracker.acknowledged('movements', [mine.id]);
    tracker.stop();
    expect(persistence.load()).toEqual([]);
  });
});
