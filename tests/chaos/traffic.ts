// Random valid postings per site, as the app would write them: a document and the movements it
// posted, with ids derived from the document (so a posting retried after a crash repeats ids
// instead of doubling stock). Business times come from the terminal's (possibly skewed) clock.
// Each release writes links its own way (SYNC-PROTOCOL.md, Schema evolution): the current app as
// v1 fields (a dispatch's requestIds, a request's deliveryDate, lines' pack units), the first
// release as the note tags its screens wrote, which the endpoint turns into those fields.
import type { DocumentDoc, MovementDoc, MovementKind } from '../../shared/schemas';
import type { Rng } from './rng';
import type { ChaosTerminal } from './terminals';

export interface Posting {
  document: DocumentDoc;
  movements: MovementDoc[];
}

/** A store request already on the endpoint, which a kitchen's dispatch may answer. */
export interface RequestRef {
  id: string;
  number: string;
}

/** The store requests of `storeSiteId` a dispatch may name. */
export type RequestsOf = (storeSiteId: string) => readonly RequestRef[];

const noRequests: RequestsOf = () => [];

/** A shipped dispatch already on the endpoint, which the store it is addressed to may receive. */
export interface DispatchRef {
  id: string;
  /** The kitchen that shipped it: the receipt goes back there. */
  fromSiteId: string;
}

/** The dispatches addressed to `storeSiteId` that a store receipt may answer. */
export type DispatchesTo = (storeSiteId: string) => readonly DispatchRef[];

const noDispatches: DispatchesTo = () => [];

/** A dispatch's link to the requests it answers, as `t`'s release writes it. */
function requestLink(rng: Rng, t: ChaosTerminal, refs: readonly RequestRef[]): Partial<DocumentDoc> {
  if (refs.length === 0 || !rng.chance(0.6)) return {};
  const pool = [...refs];
  const named = Array.from({ length: Math.min(pool.length, rng.int(1, 2)) }, () => pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return t.release === 'v0'
    ? ({ note: `要货单 ${named.map((r) => r.number).join(', ')}` } as Partial<DocumentDoc>)
    : ({ requestIds: named.map((r) => r.id) } as Partial<DocumentDoc>);
}

/** Lines as entered in a pack unit (v1 fields: the first release has no such thing). */
function withPackUnits<L extends { qty: number }>(rng: Rng, t: ChaosTerminal, lines: L[]): L[] {
  if (t.release === 'v0' || !rng.chance(0.5)) return lines;
  return lines.map((l) => ({ ...l, unit: '箱', unitQty: l.qty }));
}

/** A store asking the kitchen for goods; it posts no movement. */
function storeRequest(rng: Rng, t: ChaosTerminal, base: Record<string, string>, id: string): DocumentDoc {
  const lines = [{ productId: rng.pick(products), qty: rng.int(5, 60) }];
  const deliveryDate = base.businessDate!;
  const link = t.release === 'v0' ? { note: `到货日期 ${deliveryDate}${rng.chance(0.5) ? '\n早上送' : ''}` } : { deliveryDate };
  return {
    ...base,
    id,
    type: 'store-request',
    number: `YH-${id}`,
    status: 'submitted',
    toSiteId: 'kitchen',
    lines,
    ...link,
  } as DocumentDoc;
}

const products = ['p-flour', 'p-milk', 'p-beef', 'p-rice', 'p-oil'];
const stores = ['store-a', 'store-b'];
const round2 = (n: number) => Math.round(n * 100) / 100;

export function randomPosting(
  rng: Rng,
  t: ChaosTerminal,
  clockMs: number,
  requestsOf: RequestsOf = noRequests,
  dispatchesTo: DispatchesTo = noDispatches,
): Posting {
  const at = new Date(clockMs).toISOString();
  const businessDate = at.slice(0, 10);
  const base = { siteId: t.siteId, status: 'posted', businessDate, at, terminalId: t.label, updatedAt: at };
  const lineCount = rng.int(1, 4);
  const lines = Array.from({ length: lineCount }, () => {
    const productId = rng.pick(products);
    return { productId, batchId: `b-${t.siteId}-${productId}`, qty: rng.int(1, 40), unitCost: round2(rng.int(100, 2000) / 100) };
  });
  let document: DocumentDoc;
  let kind: MovementKind;
  let sign = 1;
  const id = rng.id(`${t.siteKind[0]}${t.label.slice(-2)}`);
  if (t.siteKind === 'kitchen' && rng.chance(0.5)) {
    document = {
      ...base,
      id,
      type: 'goods-receipt',
      number: `GR-${id}`,
      partnerId: 'sup-1',
      lines: withPackUnits(
        rng,
        t,
        lines.map((l) => ({ ...l, lotCode: `L-${id}` })),
      ),
    } as DocumentDoc;
    kind = 'receipt';
  } else if (t.siteKind === 'kitchen') {
    const toSiteId = rng.pick(stores);
    const link = requestLink(rng, t, requestsOf(toSiteId));
    const packed = withPackUnits(rng, t, lines);
    document = { ...base, id, type: 'dispatch', number: `PS-${id}`, status: 'shipped', toSiteId, lines: packed, ...link } as DocumentDoc;
    kind = 'dispatch-out';
    sign = -1;
  } else if (t.siteKind === 'store' && rng.chance(0.2)) {
    return { document: storeRequest(rng, t, base, id), movements: [] };
  } else if (t.siteKind === 'store' && (rng.chance(0.6) || dispatchesTo(t.siteId).length === 0)) {
    // A store receives only what was shipped to it (the endpoint refuses a receipt of any other
    // dispatch, SYNC-PROTOCOL.md "Addressing"): with nothing shipped yet, it sells instead.
    document = {
      ...base,
      id,
      type: 'sale',
      number: `XS-${id}`,
      lines: lines.map((l) => ({ ...l, unitPrice: round2(l.unitCost * 1.6) })),
    } as DocumentDoc;
    kind = 'sale';
    sign = -1;
  } else if (t.siteKind === 'store') {
    const answered = rng.pick(dispatchesTo(t.siteId));
    document = {
      ...base,
      id,
      type: 'store-receipt',
      number: `SR-${id}`,
      toSiteId: answered.fromSiteId,
      dispatchId: answered.id,
      lines: lines.map((l) => ({ ...l, accepted: l.qty, short: 0, rejected: 0 })),
    } as DocumentDoc;
    kind = 'dispatch-in';
  } else {
    document = { ...base, id, type: 'stock-count', number: `PD-${id}`, lines: lines.map((l) => ({ ...l, countedAt: at })) } as DocumentDoc;
    kind = 'count-adjust';
    sign = rng.chance(0.5) ? 1 : -1;
  }
  const movements: MovementDoc[] = lines.map((l, lineNo) => ({
    id: `${id}-${lineNo}`,
    siteId: t.siteId,
    productId: l.productId,
    batchId: l.batchId,
    qty: sign * l.qty,
    kind,
    unitCost: l.unitCost,
    docType: document.type,
    docId: id,
    lineNo,
    at,
    terminalId: t.label,
    updatedAt: at,
  }));
  return { document, movements };
}

/** A draft dispatch both kitchen terminals will edit at once (the concurrent-edit scenario). */
export function draftDispatch(rng: Rng, t: ChaosTerminal, clockMs: number, requestsOf: RequestsOf = noRequests): DocumentDoc {
  const at = new Date(clockMs).toISOString();
  const id = rng.id('dd');
  const toSiteId = rng.pick(stores);
  return {
    ...requestLink(rng, t, requestsOf(toSiteId)),
    id,
    type: 'dispatch',
    siteId: t.siteId,
    toSiteId,
    number: `PS-${id}`,
    status: 'draft',
    businessDate: at.slice(0, 10),
    at,
    terminalId: t.label,
    lines: [{ productId: rng.pick(products), qty: rng.int(1, 50) }],
    updatedAt: at,
  } as DocumentDoc;
}
