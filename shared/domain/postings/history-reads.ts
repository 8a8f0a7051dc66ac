import type { DocumentDoc, MovementDoc } from '../../schemas';
import type { LedgerView } from '../ledger-view';

/**
 * The movement history a posting (or its preview) reads, declared beside the rules that read it:
 * a terminal keeps positions in memory and movements in an indexed store, so it loads exactly
 * these before running the synchronous posting rules (renderer/db/local-ledger.ts).
 */
export interface HistoryReads {
  /** Documents whose movements are read (`movementsOfDocument`): what a reversal cancels, the sale a return answers. */
  documentIds: string[];
  /** Batches whose on-hand as of an instant is read (`onHandAt`): the lines of a count. */
  batches: { siteId: string; batchId: string }[];
}

export function historyReadsOf(document: DocumentDoc): HistoryReads {
  switch (document.type) {
    case 'reversal':
      return { documentIds: document.reversesDocId ? [document.reversesDocId] : [], batches: [] };
    case 'stock-count':
      return {
        documentIds: [],
        batches: document.lines.flatMap((line) => (line.batchId ? [{ siteId: document.siteId, batchId: line.batchId }] : [])),
      };
    case 'return':
      // A customer return naming the sale it answers comes back at the cost that sale took out.
      return {
        documentIds: document.returnDirection === 'from-customer' && document.subjectDocId ? [document.subjectDocId] : [],
        batches: [],
      };
    default:
      return { documentIds: [], batches: [] };
  }
}

/**
 * A view whose history answers come from movements loaded for `reads`; asked anything else it
 * throws, so a rule that starts reading undeclared history fails its tests instead of reading
 * nothing. `onHandAt` is current on-hand minus what moved after the instant.
 */
export function withLoadedHistory(base: LedgerView, reads: HistoryReads, movements: readonly MovementDoc[]): LedgerView {
  const documents = new Set(reads.documentIds);
  const batches = new Set(reads.batches.map((b) => `${b.siteId}\u0000${b.batchId}`));
  return new Proxy(base, {
    get(target, property, receiver) {
      if (property === 'movementsOfDocument')
        return (documentId: string) => {
          if (!documents.has(documentId))
            throw new Error(`posting read the movements of ${documentId}, which historyReadsOf does not declare`);
          return movements.filter((m) => m.docId === documentId);
        };
      if (property === 'onHandAt')
        return (siteId: string, batchId: string, at: string) => {
          if (!batches.has(`${siteId}\u0000${batchId}`))
            throw new Error(`posting read on-hand-at of batch ${batchId}, which historyReadsOf does not declare`);
          const cutoff = Date.parse(at);
          let after = 0;
          for (const m of movements) {
            if (m.siteId === siteId && m.batchId === batchId && m.kind !== 'transit-loss' && Date.parse(m.at) > cutoff) after += m.qty;
          }
          return target.onHand(siteId, batchId) - after;
        };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
