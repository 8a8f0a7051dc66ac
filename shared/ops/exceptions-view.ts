/**
 * Stock exceptions for the screen (issue 6): after sync two terminals may both have taken the
 * last units of a batch. For each exception from `listStockExceptions` this says what the user
 * can do — count the batch, or reverse one of the conflicting postings — naming the documents and
 * terminals involved, as data the screen renders and turns into a draft document.
 */
import { roundQty, type StockException } from '../domain';
import type { DocumentDoc, MovementDoc } from '../schemas';

export interface ConflictingPosting {
  docId: string;
  docType: MovementDoc['docType'];
  /** Printed number, when the document is known locally. */
  docNumber?: string;
  terminalId: string;
  at: string;
  /** Base units this posting took from the batch. */
  qty: number;
  /** It is one of the movements that took the batch below zero (the other one got there first). */
  wentNegative: boolean;
}

export type ExceptionResolution =
  | { kind: 'count-batch'; siteId: string; productId: string; batchId: string; expectedOnHand: number }
  | {
      kind: 'reverse-posting';
      siteId: string;
      docId: string;
      docType: MovementDoc['docType'];
      docNumber?: string;
      terminalId: string;
      qty: number;
      otherDocIds: string[];
    };

export interface ExceptionView {
  exception: StockException;
  postings: ConflictingPosting[];
  resolutions: ExceptionResolution[];
  /** English summary; the screen builds its own zh text from the fields. */
  summary: string;
}

/**
 * `movements` in server order (those of the exception's site suffice); `documentOf` finds printed
 * numbers. Besides the movements that went below zero, the last earlier outflow of the batch is
 * named too: that is the other terminal's posting that took the units first.
 */
export function exceptionViews(
  exceptions: readonly StockException[],
  movements: readonly MovementDoc[],
  documentOf: (docId: string) => DocumentDoc | undefined,
): ExceptionView[] {
  const byId = new Map<string, MovementDoc>();
  const positionOf = new Map<string, number>();
  movements.forEach((movement, position) => {
    byId.set(movement.id, movement);
    positionOf.set(movement.id, position);
  });
  return exceptions.map((exception) => {
    const offending = exception.movementIds.flatMap((id) => byId.get(id) ?? []);
    const firstPosition = Math.min(...exception.movementIds.map((id) => positionOf.get(id) ?? Infinity));
    let earlier: MovementDoc | undefined;
    for (let i = Math.min(firstPosition, movements.length) - 1; i >= 0; i--) {
      const candidate = movements[i] as MovementDoc;
      if (
        candidate.siteId === exception.siteId &&
        candidate.batchId === exception.batchId &&
        candidate.qty < 0 &&
        candidate.reversalOf === undefined
      ) {
        earlier = candidate;
        break;
      }
    }
    const byDoc = new Map<string, ConflictingPosting>();
    const add = (movement: MovementDoc, wentNegative: boolean): void => {
      const existing = byDoc.get(movement.docId);
      if (existing) {
        existing.qty = roundQty(existing.qty - movement.qty);
        existing.wentNegative ||= wentNegative;
        return;
      }
      const number = documentOf(movement.docId)?.number;
      byDoc.set(movement.docId, {
        docId: movement.docId,
        docType: movement.docType,
        ...(number === undefined ? {} : { docNumber: number }),
        terminalId: movement.terminalId,
        at: movement.at,
        qty: roundQty(-movement.qty),
        wentNegative,
      });
    };
    if (earlier) add(earlier, false);
    for (const movement of offending) add(movement, true);
    const postings = [...byDoc.values()];

    const resolutions: ExceptionResolution[] = [
      {
        kind: 'count-batch',
        siteId: exception.siteId,
        productId: exception.productId,
        batchId: exception.batchId,
        expectedOnHand: exception.onHand,
      },
      ...postings.map((posting): ExceptionResolution => ({
        kind: 'reverse-posting',
        siteId: exception.siteId,
        docId: posting.docId,
        docType: posting.docType,
        ...(posting.docNumber === undefined ? {} : { docNumber: posting.docNumber }),
        terminalId: posting.terminalId,
        qty: posting.qty,
        otherDocIds: postings.filter((other) => other.docId !== posting.docId).map((other) => other.docId),
      })),
    ];
    const named = postings
      .map((posting) => `${posting.docNumber ?? posting.docId} (terminal ${posting.terminalId}, ${posting.qty})`)
      .join(' and ');
    return {
      exception,
      postings,
      resolutions,
      summary: `Batch ${exception.batchId} stands at ${exception.onHand} at ${exception.siteId}: ${named || 'unknown postings'} took the same stock. Count the batch, or reverse the wrong posting.`,
    };
  });
}

/**
 * A draft reversal (红冲) for a `reverse-posting` resolution. It reverses the whole document,
 * since reversal postings cancel documents, not single lines; the screen says so.
 */
export function draftReversal(
  resolution: Extract<ExceptionResolution, { kind: 'reverse-posting' }>,
  fields: { id: string; number: string; terminalId: string; businessDate: string; at: string },
): DocumentDoc {
  return {
    id: fields.id,
    type: 'reversal',
    siteId: resolution.siteId,
    number: fields.number,
    status: 'draft',
    businessDate: fields.businessDate,
    at: fields.at,
    terminalId: fields.terminalId,
    reversesDocId: resolution.docId,
    note: `Resolves stock exception: reverses ${resolution.docNumber ?? resolution.docId} from terminal ${resolution.terminalId}`,
    lines: [],
    updatedAt: fields.at,
  };
}
