// RxDB stamps every local write with its own clock (`now()`, last-write-time `_meta.lwt`) and
// finds what to push by comparing those stamps with the push checkpoint. Within one process the
// stamps never go backwards, but they restart from the device clock: a terminal restarted with
// its clock set back (NTP correcting a fast clock, a dead CMOS battery) would stamp new writes
// *below* the checkpoint, and they would never be pushed — lost for every other terminal. Found
// by the fault harness (tests/chaos, scenario kill9-terminal with a skewed restart).
//
// So, before the first write, RxDB's clock is moved past the newest stamp already stored; from
// then on it advances at least 0.01 ms per write until the device clock catches up.
import { normalizeMangoQuery, now as rxdbNow, prepareQuery, type RxCollection } from 'rxdb';
import { collectionNames } from '../../shared/schemas';
import type { LarderDatabase } from './database';

/** The newest last-write-time stored in any collection (0 for an empty store). */
export async function latestWriteTime(db: LarderDatabase): Promise<number> {
  let latest = 0;
  for (const name of collectionNames) {
    const collection = db[name] as unknown as RxCollection<unknown>;
    const schema = collection.schema.jsonSchema;
    // The default [_meta.lwt, id] index answers this without a scan.
    const query = prepareQuery(schema, normalizeMangoQuery(schema, { selector: {}, sort: [{ '_meta.lwt': 'desc' } as never], limit: 1 }));
    const { documents } = await collection.storageInstance.query(query);
    const lwt = (documents[0] as { _meta?: { lwt?: number } } | undefined)?._meta?.lwt ?? 0;
    latest = Math.max(latest, lwt);
  }
  return latest;
}

/** Moves RxDB's write clock past `stamp` when the device clock is behind it. */
export function keepWriteClockPast(stamp: number): void {
  if (Date.now() > stamp) return;
  const deviceNow = Date.now;
  Date.now = () => Math.ceil(stamp) + 1;
  try {
    rxdbNow(); // RxDB's clock only moves forward: from here on it stays above `stamp`
  } finally {
    Date.now = deviceNow;
  }
}
