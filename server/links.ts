// The links v0 terminals kept as note tags name store requests by their printed number, while v1
// fields hold ids (shared/schemas/history/documents-v1-links.ts). Upgrading a v0 push needs
// number → id lookups; the push planner runs synchronously inside the storage transaction, so
// the lookups are made beforehand, per request, and answered from memory.
import { requestTagOf } from '../shared/schemas/history/documents-v1-links.js';
import type { LegacyLinkResolver } from '../shared/schemas/versions.js';
import type { JsonObject } from './json.js';
import type { Storage } from './storage/types.js';

const requestKey = (storeSiteId: string, number: string) => `${storeSiteId}\u0000${number}`;

export class PrefetchedLinks implements LegacyLinkResolver {
  private readonly requestIds = new Map<string, string>();

  requestIdByNumber(storeSiteId: string, number: string): string | undefined {
    return this.requestIds.get(requestKey(storeSiteId, number));
  }

  /**
   * The store requests that v0 dispatches among `docs` name by number (`要货单 YH-…`), looked up
   * among the stored requests of the addressed store; `alsoKnown` (a seed's own batch) fills in
   * requests not stored yet.
   */
  async loadRequestIds(storage: Storage, docs: readonly JsonObject[], alsoKnown: readonly JsonObject[] = []): Promise<this> {
    const wanted = new Map<string, Set<string>>();
    for (const doc of docs) {
      if (doc.type !== 'dispatch' || typeof doc.toSiteId !== 'string' || doc.requestIds !== undefined) continue;
      const tag = requestTagOf(typeof doc.note === 'string' ? doc.note : undefined);
      if (!tag || tag.numbers.length === 0) continue;
      const numbers = wanted.get(doc.toSiteId) ?? new Set<string>();
      for (const number of tag.numbers) numbers.add(number);
      wanted.set(doc.toSiteId, numbers);
    }
    for (const [store, numbers] of wanted) {
      const found = await storage.documentIdsByNumber('store-request', store, [...numbers]);
      for (const [number, id] of found) this.requestIds.set(requestKey(store, number), id);
    }
    for (const doc of alsoKnown) {
      if (doc.type !== 'store-request' || typeof doc.siteId !== 'string' || typeof doc.number !== 'string' || typeof doc.id !== 'string')
        continue;
      const key = requestKey(doc.siteId, doc.number);
      if (!this.requestIds.has(key)) this.requestIds.set(key, doc.id);
    }
    return this;
  }
}
