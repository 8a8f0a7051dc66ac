import type { CollectionName } from '../shared/schemas/index.js';
import { writeRefusal as sharedWriteRefusal } from '../shared/schemas/write-scope.js';
import { isReadBySite } from './collections.js';
import type { AuthTerminal, ReadScope, StoredDoc } from './storage/types.js';

/**
 * Per-site scoping, exactly as SYNC-PROTOCOL.md "Identity and scope" words it. Kept in one
 * module so pull, stream and files cannot drift apart.
 */
export function readScope(terminal: AuthTerminal, collection: string): ReadScope {
  if (terminal.siteKind === 'hq' || !isReadBySite(collection)) return null;
  return { siteId: terminal.siteId };
}

export function inScope(scope: ReadScope, doc: Pick<StoredDoc, 'siteId' | 'toSiteId'>): boolean {
  return scope === null || doc.siteId === scope.siteId || doc.toSiteId === scope.siteId;
}

/**
 * Why this terminal may not write a document with this `siteId`, or null when it may. Applied
 * both to the pushed version and to the stored one, so a terminal cannot take over another
 * site's document by pushing it under its own `siteId`. The rule itself is shared with the
 * terminals (shared/schemas/write-scope.ts).
 */
export function writeRefusal(terminal: AuthTerminal, collection: CollectionName, siteId: string | null): string | null {
  return sharedWriteRefusal(terminal, collection, siteId);
}
