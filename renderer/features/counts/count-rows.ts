/**
 * What the counting list shows: counted lines first, the latest scan on top (the clerk sees what
 * they just scanned without scrolling), then expected lines still to count in a stable order.
 * Blind counts never carry the expected quantity into a row.
 */
import type { CountSession, CountedLine } from '../../../shared/ops';

export interface CountRow {
  key: string;
  batchId: string;
  productId: string;
  lotCode?: string;
  expiryDate?: string;
  /** Undefined in a blind count. */
  expected?: number;
  counted?: number;
  countedAt?: string;
  scans: number;
}

// The expected lines never change during a count (recordCount keeps the array), so their index
// is built once per session, not once per scan.
const expectedIndex = new WeakMap<CountSession['expected'], Map<string, CountSession['expected'][number]>>();

export function countRows(
  session: CountSession,
  lotOf: (batchId: string) => { lotCode: string; expiryDate?: string } | undefined,
): CountRow[] {
  let expectedByBatch = expectedIndex.get(session.expected);
  if (!expectedByBatch) {
    expectedByBatch = new Map(session.expected.map((line) => [line.batchId, line]));
    expectedIndex.set(session.expected, expectedByBatch);
  }
  const counted: CountedLine[] = [...session.counted].sort((a, b) => (a.countedAt < b.countedAt ? 1 : a.countedAt > b.countedAt ? -1 : 0));
  const countedIds = new Set<string>();
  const rows: CountRow[] = [];
  for (const line of counted) {
    countedIds.add(line.batchId);
    const expected = expectedByBatch.get(line.batchId);
    const lot = expected ?? lotOf(line.batchId);
    rows.push({
      key: line.batchId,
      batchId: line.batchId,
      productId: line.productId,
      ...(lot?.lotCode === undefined ? {} : { lotCode: lot.lotCode }),
      ...(lot?.expiryDate === undefined ? {} : { expiryDate: lot.expiryDate }),
      ...(session.blind || expected === undefined ? (session.blind ? {} : { expected: 0 }) : { expected: expected.onHand }),
      counted: line.qty,
      countedAt: line.countedAt,
      scans: line.scans,
    });
  }
  for (const line of session.expected) {
    if (countedIds.has(line.batchId)) continue;
    rows.push({
      key: line.batchId,
      batchId: line.batchId,
      productId: line.productId,
      lotCode: line.lotCode,
      ...(line.expiryDate === undefined ? {} : { expiryDate: line.expiryDate }),
      ...(session.blind ? {} : { expected: line.onHand }),
      scans: 0,
    });
  }
  return rows;
}

/** Progress figures for the header: batches counted of those expected, and extra batches found. */
export function countProgress(session: CountSession): { counted: number; expected: number; extra: number } {
  const expected = new Set(session.expected.map((line) => line.batchId));
  let extra = 0;
  let counted = 0;
  for (const line of session.counted) {
    if (expected.has(line.batchId)) counted++;
    else extra++;
  }
  return { counted, expected: expected.size, extra };
}
