// Random valid postings per site, as the app would write them: a document and the movements it
// posted, with ids derived from the document (so a posting retried after a crash repeats ids
// instead of doubling stock). Business times come from the terminal's (possibly skewed) clock.
import type { DocumentDoc, MovementDoc, MovementKind } from '../../shared/schemas';
import type { Rng } from './rng';
import type { ChaosTerminal } from './terminals';

export interface Posting {
  document: DocumentDoc;
  movements: MovementDoc[];
}

const products = ['p-flour', 'p-milk', 'p-beef', 'p-rice', 'p-oil'];
const stores = ['store-a', 'store-b'];
const round2 = (n: number) => Math.round(n * 100) / 100;

export function randomPosting(rng: Rng, t: ChaosTerminal, clockMs: number): Posting {
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
      lines: lines.map((l) => ({ ...l, lotCode: `L-${id}` })),
    } as DocumentDoc;
    kind = 'receipt';
  } else if (t.siteKind === 'kitchen') {
    document = { ...base, id, type: 'dispatch', number: `PS-${id}`, status: 'shipped', toSiteId: rng.pick(stores), lines } as DocumentDoc;
    kind = 'dispatch-out';
    sign = -1;
  } else if (t.siteKind === 'store' && rng.chance(0.6)) {
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
    document = {
      ...base,
      id,
      type: 'store-receipt',
      number: `SR-${id}`,
      toSiteId: 'kitchen',
      dispatchId: `d-unknown-${id}`,
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
export function draftDispatch(rng: Rng, t: ChaosTerminal, clockMs: number): DocumentDoc {
  const at = new Date(clockMs).toISOString();
  const id = rng.id('dd');
  return {
    id,
    type: 'dispatch',
    siteId: t.siteId,
    toSiteId: rng.pick(stores),
    number: `PS-${id}`,
    status: 'draft',
    businessDate: at.slice(0, 10),
    at,
    terminalId: t.label,
    lines: [{ productId: rng.pick(products), qty: rng.int(1, 50) }],
    updatedAt: at,
  } as DocumentDoc;
}
