// Documents stored before the endpoint spoke schema versions were all written in version 0's
// shape: a document's links sat in its note as tags (dispatch `要货单 YH-…`, goods receipt
// `po:<id>`, purchase order `expected:YYYY-MM-DD`, store request `到货日期 YYYY-MM-DD`, approval
// `approved purchase order N (<id>)`). Once per database, at start-up, every such document is
// brought to the current version and rewritten with a new sequence, so terminals pull it again
// with its link fields; the meta table records that it ran.
import { collectionNames, type CollectionName } from '../shared/schemas/index.js';
import { currentVersion, needsLinkResolver, sameJson, upgradeFromVersion } from '../shared/schemas/versions.js';
import { parseStoredBody } from './json.js';
import { PrefetchedLinks } from './links.js';
import type { DocWrite, Storage, StoredDoc } from './storage/types.js';

/** Documents read, looked up and rewritten per step (one transaction each). */
const PAGE = 500;

/** The meta key recording the version a collection's stored documents were brought to. */
export function storedVersionKey(collection: CollectionName): string {
  return `stored-version:${collection}`;
}

export interface StoredVersionRecord {
  version: number;
  rewritten: number;
  at: string;
}

function recordedVersion(text: string | null): number {
  if (text === null) return 0;
  const parsed = JSON.parse(text) as Partial<StoredVersionRecord>;
  return typeof parsed.version === 'number' ? parsed.version : 0;
}

/**
 * Brings every collection whose version steps transform documents (not only add fields) to its
 * current version; collections that only grew fields read the same in every version. Safe to
 * run from several processes at once (one works under a lock, the others find it done) and
 * after a crash part-way (an upgraded document upgrades to itself).
 */
export async function upgradeStoredDocuments(storage: Storage): Promise<Partial<Record<CollectionName, number>>> {
  const rewritten: Partial<Record<CollectionName, number>> = {};
  for (const collection of collectionNames) {
    const current = currentVersion(collection);
    if (!needsLinkResolver(collection, 0, current)) continue;
    await storage.exclusive(`upgrade-${collection}`, async () => {
      const from = recordedVersion(await storage.getMeta(storedVersionKey(collection)));
      if (from >= current) return;
      const count = await upgradeCollection(storage, collection, from);
      const record: StoredVersionRecord = { version: current, rewritten: count, at: new Date().toISOString() };
      await storage.setMeta(storedVersionKey(collection), JSON.stringify(record));
      rewritten[collection] = count;
    });
  }
  return rewritten;
}

async function upgradeCollection(storage: Storage, collection: CollectionName, from: number): Promise<number> {
  // Rewritten documents get sequences above `end`; the scan stops there instead of reading them again.
  const end = await storage.maxSeq();
  let after = 0;
  let count = 0;
  for (;;) {
    const page = await storage.pull(collection, after, PAGE, null);
    if (page.lastSeq === null) break;
    const docs = page.bodies.map(parseStoredBody);
    // Requests named by number are looked up among the stored ones (of any page: they were written
    // before the dispatches that name them, but the lookup does not rely on it).
    const links = await new PrefetchedLinks().loadRequestIds(storage, docs);
    const changed = docs.filter((doc) => !sameJson(upgradeFromVersion(collection, doc, from, links), doc)).map((doc) => String(doc.id));
    if (changed.length > 0) {
      // Upgraded from what is stored at commit time, so a push that landed since the read is kept.
      const { result } = await storage.push(collection, changed, (stored: ReadonlyMap<string, StoredDoc>) => {
        const writes: DocWrite[] = [];
        for (const row of stored.values()) {
          const doc = upgradeFromVersion(collection, row.doc, from, links);
          if (!sameJson(doc, row.doc)) writes.push({ id: row.id, siteId: row.siteId, toSiteId: row.toSiteId, deleted: row.deleted, doc });
        }
        return { writes, result: writes.length };
      });
      count += result;
    }
    after = page.lastSeq;
    if (after >= end || page.bodies.length < PAGE) break;
  }
  return count;
}
