// Documents v0 → v1: the links v0 kept as tags in free-text `note` become fields. The way back is
// only leaving the fields out (SYNC-PROTOCOL.md, "Schema evolution"): nothing writes a tag into a
// note any more, so a v0 terminal does not show links made by newer terminals, and what it holds
// is the endpoint's v0 projection exactly (a projection that looked numbers up depended on what
// the endpoint held at that moment: after a restore, two copies of one document differed).
// The tag formats below are v0's, frozen, read from what first-release terminals still push:
//   dispatch        "要货单 YH-1, YH-2"            → requestIds (store request ids, not numbers)
//   goods receipt   "po:<order id>" word          → purchaseOrderId
//   purchase order  "expected:YYYY-MM-DD" word    → expectedDate
//   store request   first line "到货日期 YYYY-MM-DD" (or "Delivery YYYY-MM-DD") → deliveryDate
//   approval        "approved|rejected purchase order <number> (<id>)[: reason]" → subjectDocId/Type
// A tag that cannot be resolved (a request number not known here) stays in the note: nothing is lost.
import type { JsonObject, JsonValue } from '../../protocol/wire';

/** Document numbers → ids: v0 named store requests by number. */
export interface LegacyLinkResolver {
  /** The id of the store request `number` of the store `storeSiteId`. */
  requestIdByNumber(storeSiteId: string, number: string): string | undefined;
}

/** A resolver that knows nothing: tags that need one stay in the note. */
export const noLinkResolver: LegacyLinkResolver = {
  requestIdByNumber: () => undefined,
};

const REQUESTS_TAG = '要货单';
const DELIVERY_LINE = /^(?:到货日期|Delivery)\s+(\d{4}-\d{2}-\d{2})\s*$/;
const APPROVAL_NOTE = /^(approved|rejected) purchase order (\S+) \(([\x21-\x7E]{1,64})\)(?:: ([\s\S]*))?$/;

const text = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

function setNote(doc: JsonObject, note: string): void {
  const trimmed = note.trim();
  if (trimmed === '') delete doc.note;
  else doc.note = trimmed;
}

/** The request numbers a v0 dispatch note names, and the note without them. */
export function requestTagOf(note: string | undefined): { numbers: string[]; rest: string } | null {
  if (!note) return null;
  const at = note.indexOf(REQUESTS_TAG);
  if (at < 0) return null;
  const numbers = note
    .slice(at + REQUESTS_TAG.length)
    .split(/[,，;；\s]+/)
    .filter((token) => token !== '');
  return { numbers, rest: note.slice(0, at) };
}

function takeWordTag(doc: JsonObject, tag: string): string | undefined {
  const note = text(doc.note);
  if (!note) return undefined;
  const words = note.split(/\s+/).filter((word) => word !== '');
  const found = words.find((word) => word.startsWith(`${tag}:`));
  if (!found) return undefined;
  setNote(doc, words.filter((word) => word !== found).join(' '));
  return found.slice(tag.length + 1);
}

/** v0 → v1 for one document (a copy; the input is not changed). */
export function upgradeDocumentLinks(input: JsonObject, resolver: LegacyLinkResolver): JsonObject {
  const doc: JsonObject = { ...input };
  const note = text(doc.note);
  switch (doc.type) {
    case 'dispatch': {
      const tag = requestTagOf(note);
      const toSiteId = text(doc.toSiteId);
      if (!tag || !toSiteId || doc.requestIds !== undefined) break;
      const ids = tag.numbers.map((number) => resolver.requestIdByNumber(toSiteId, number));
      if (ids.some((id) => id === undefined)) break; // keep the tag: nothing is lost
      doc.requestIds = ids as string[];
      setNote(doc, tag.rest);
      break;
    }
    case 'goods-receipt': {
      if (doc.purchaseOrderId !== undefined) break;
      const id = takeWordTag(doc, 'po');
      if (id && /^[\x21-\x7E]{1,64}$/.test(id)) doc.purchaseOrderId = id;
      break;
    }
    case 'purchase-order': {
      if (doc.expectedDate !== undefined) break;
      const date = takeWordTag(doc, 'expected');
      if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) doc.expectedDate = date;
      break;
    }
    case 'store-request': {
      if (doc.deliveryDate !== undefined || !note) break;
      const [first = '', ...rest] = note.split('\n');
      const match = DELIVERY_LINE.exec(first.trim());
      if (!match) break;
      doc.deliveryDate = match[1]!;
      setNote(doc, rest.join('\n'));
      break;
    }
    case 'approval': {
      if (doc.subjectDocId !== undefined || !note) break;
      const match = APPROVAL_NOTE.exec(note);
      if (!match) break;
      doc.subjectDocId = match[3]!;
      doc.subjectDocType = 'purchase-order';
      setNote(doc, match[4] ?? '');
      break;
    }
    default:
      break;
  }
  return doc;
}
