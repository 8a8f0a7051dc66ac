// Who may write what (SYNC-PROTOCOL.md, Identity and scope): one rule for the endpoint, which
// refuses other writes with 403, and for the terminal, which refuses them before storing anything
// (renderer/db/write-guard.ts) and so never sends one: such a document in its store came from the
// endpoint (see the sync client).
import { collectionKinds, type CollectionName } from './index';
import type { SiteKind } from './sites';

export interface Writer {
  siteId: string;
  siteKind: SiteKind;
}

/**
 * Who writes documents of `collection`: the site named in a document's `siteId` (transactional
 * documents and batches), or an hq terminal (the rest of the reference data).
 */
export function writtenBy(collection: CollectionName): 'own-site' | 'hq' {
  return collectionKinds[collection] === 'transactional' || collection === 'batches' ? 'own-site' : 'hq';
}

/** Why `writer` may not write a document of `collection` with this `siteId`, or null when it may. */
export function writeRefusal(writer: Writer, collection: CollectionName, siteId: string | null): string | null {
  if (writtenBy(collection) === 'hq')
    return writer.siteKind === 'hq' ? null : `${collection} is reference data, written only by an hq terminal`;
  if (siteId === writer.siteId) return null;
  return collection === 'batches'
    ? `a batch is written only by the site named in its siteId (${JSON.stringify(siteId)})`
    : `${collection} documents are written only by their own site (siteId ${JSON.stringify(siteId)})`;
}
