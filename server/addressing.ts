import { documentAddressees, eventAddressees, type AddresseePairs } from '../shared/schemas/addressing.js';
import { isKnownDocumentType } from '../shared/schemas/document-types.js';
import type { CollectionName } from '../shared/schemas/index.js';
import { ForbiddenError, type RowProblem } from './errors.js';
import type { PushRow } from './push.js';
import type { AuthTerminal, SiteKind, SiteRow, Storage } from './storage/types.js';

const anyOtherSite: AddresseePairs = eventAddressees;

/** Which pairs of site kinds a row of `collection` may be addressed between; null: it takes no addressee. */
function addresseePairs(collection: CollectionName, doc: PushRow['pushed']): AddresseePairs | null {
  if (collection === 'events') return eventAddressees;
  if (collection !== 'documents') return null;
  const type = typeof doc.type === 'string' ? doc.type : '';
  const declared = documentAddressees[type];
  if (declared) return declared;
  // A type a newer terminal added (the enum is open) declares its pairs there; this endpoint can
  // only hold it to naming another existing site.
  return isKnownDocumentType(type) ? null : anyOtherSite;
}

function kindName(kind: SiteKind): string {
  return kind === 'hq' ? 'HQ' : `a ${kind}`;
}

function refusal(row: PushRow, collection: CollectionName, sender: AuthTerminal, addressee: SiteRow | null): string | null {
  const what =
    collection === 'documents' && typeof row.pushed.type === 'string'
      ? `a ${row.pushed.type}`
      : `${collection === 'events' ? 'an event' : `a ${collection} document`}`;
  const to = JSON.stringify(row.toSiteId);
  const pairs = addresseePairs(collection, row.pushed);
  if (pairs === null) return `${what} takes no addressee: leave toSiteId out (it names ${to})`;
  if (addressee === null) return `toSiteId ${to} names no site of this organisation`;
  if (addressee.id === sender.siteId) return `${what} is addressed to another site, not to the sender's own (${to})`;
  const allowed = pairs[sender.siteKind] ?? [];
  if (!allowed.includes(addressee.kind)) {
    const fits = Object.entries(pairs)
      .map(([from, to]) => `from ${kindName(from as SiteKind)} to ${to.map(kindName).join(' or ')}`)
      .join('; ');
    return `${what} goes ${fits || 'nowhere'}, not from ${kindName(sender.siteKind)} to ${kindName(addressee.kind)} (${to})`;
  }
  return null;
}

/**
 * The addressing step of a push (SYNC-PROTOCOL.md v1.1, "Addressing"): every `toSiteId` names an
 * existing site other than the sender's, on a type that takes an addressee, between the kinds of
 * site its type declares (shared/schemas/addressing.ts). Refused rows make the whole push a 403:
 * a store could otherwise put a fake dispatch into another store's receiving list.
 */
export async function checkAddressing(
  storage: Storage,
  terminal: AuthTerminal,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<void> {
  const sites = new Map<string, SiteRow | null>();
  const problems: RowProblem[] = [];
  for (const row of rows) {
    if (row.toSiteId === null) continue;
    if (!sites.has(row.toSiteId)) sites.set(row.toSiteId, await storage.getSite(row.toSiteId));
    const why = refusal(row, collection, terminal, sites.get(row.toSiteId) ?? null);
    if (why) problems.push({ index: row.index, id: row.id, message: why });
  }
  if (problems.length > 0) throw new ForbiddenError(problems);
}
