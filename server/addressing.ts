import { answersDispatch, documentAddressees, eventAddressees, type AddresseePairs } from '../shared/schemas/addressing.js';
import { isKnownDocumentType, isShipmentType } from '../shared/schemas/document-types.js';
import type { CollectionName } from '../shared/schemas/index.js';
import { ForbiddenError, type RowProblem } from './errors.js';
import type { PushRow } from './push.js';
import type { AuthTerminal, SiteKind, SiteRow, Storage, StoredDoc } from './storage/types.js';

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

/** The dispatch (or transfer) a store receipt or discrepancy answers, as far as the row names one. */
function answeredDispatchId(collection: CollectionName, row: PushRow): string | null | undefined {
  if (collection !== 'documents' || typeof row.pushed.type !== 'string' || !answersDispatch.has(row.pushed.type)) return undefined;
  const id = row.pushed.dispatchId;
  return typeof id === 'string' ? id : null;
}

/**
 * Why an answer to a dispatch is refused: it must name a stored dispatch or transfer addressed to
 * the sender and go back to its site. Without this a store could fill a kitchen's inbox with
 * receipts and discrepancies of dispatches that never existed, or that went to another store.
 */
function answerRefusal(row: PushRow, sender: AuthTerminal, dispatchId: string | null, dispatch: StoredDoc | null): string | null {
  const what = `a ${String(row.pushed.type)}`;
  if (dispatchId === null) return `${what} answers a dispatch: name it in dispatchId`;
  const named = JSON.stringify(dispatchId);
  if (!dispatch || typeof dispatch.doc.type !== 'string' || !isShipmentType(dispatch.doc.type))
    return `${what} answers a dispatch, and dispatchId ${named} names no dispatch (nor transfer)`;
  if (dispatch.toSiteId !== sender.siteId)
    return `${what} answers a dispatch addressed to the sender, and dispatch ${named} is addressed to ${JSON.stringify(dispatch.toSiteId)}`;
  if (row.toSiteId !== null && row.toSiteId !== dispatch.siteId)
    return `${what} goes back to the dispatch's site ${JSON.stringify(dispatch.siteId)}, not to ${JSON.stringify(row.toSiteId)}`;
  return null;
}

async function checkAnswers(
  storage: Storage,
  terminal: AuthTerminal,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<RowProblem[]> {
  const answers = rows.flatMap((row) => {
    const dispatchId = answeredDispatchId(collection, row);
    // Neither addressed nor naming a dispatch: it reaches no other site's lists.
    return dispatchId === undefined || (dispatchId === null && row.toSiteId === null) ? [] : [{ row, dispatchId }];
  });
  if (answers.length === 0) return [];
  const ids = [...new Set(answers.flatMap((a) => (a.dispatchId === null ? [] : [a.dispatchId])))];
  const dispatches = new Map((await storage.getDocuments('documents', ids)).map((d) => [d.id, d]));
  const problems: RowProblem[] = [];
  for (const { row, dispatchId } of answers) {
    const why = answerRefusal(row, terminal, dispatchId, dispatchId === null ? null : (dispatches.get(dispatchId) ?? null));
    if (why) problems.push({ index: row.index, id: row.id, message: why });
  }
  return problems;
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
  // A row already refused for its addressee is not named twice.
  const refused = new Set(problems.map((p) => p.index));
  problems.push(...(await checkAnswers(storage, terminal, collection, rows)).filter((p) => !refused.has(p.index)));
  problems.sort((a, b) => a.index - b.index);
  if (problems.length > 0) throw new ForbiddenError(problems);
}
