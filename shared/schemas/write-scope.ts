// Who may write what (SYNC-PROTOCOL.md, Identity and scope): one rule for the endpoint, which
// refuses other writes with 403, and for the terminal, which never sends a document it may not
// write — such a document in its store came from the endpoint (see the sync client).
import { collectionKinds, type CollectionName } from './index';
import type { SiteKind } from './sites';

export interface Writer {
  siteId: string;
  siteKind: SiteKind;
}

/** Why `writer` may not write a document of `collection` with this `siteId`, or null when it may. */
export function writeRefusal(writer: Writer, collection: CollectionName, siteId: string | null): string | null {
  if (collectionKinds[collection] === 'transactional') {
    return siteId === writer.siteId ? null : `${collection} documents are written only by their own site (siteId ${JSON.stringify(siteId)})`;
  }
  if (collection === 'batches') {
    return siteId === writer.siteId ? null : `a batch is written only by the site named in its siteId (${JSON.stringify(siteId)})`;
  }
  return writer.siteKind === 'hq' ? null : `${collection} is reference data, written only by an hq terminal`;
}
