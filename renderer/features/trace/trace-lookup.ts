/** What a scan or a typed text on the trace screen means. Pure, so it is unit-tested. */
import { parseScan } from '../../../shared/ops';
import type { BatchDoc } from '../../../shared/schemas';

export type TraceStart = { kind: 'supplier-lot'; supplierId: string; lotCode: string } | { kind: 'batches'; batchIds: string[] };

/**
 * A batch id, a GS1 label carrying a lot (AI 10), or a lot code. A lot code that only one
 * supplier's batches carry is that supplier's lot (a recall names it so, and it may have
 * arrived at several sites); otherwise every batch with that code is traced.
 */
export function resolveTraceInput(text: string, batches: readonly BatchDoc[]): TraceStart | null {
  const raw = text.trim();
  if (!raw) return null;
  const byId = batches.find((batch) => batch.id === raw);
  if (byId) return { kind: 'batches', batchIds: [byId.id] };
  const parsed = parseScan(raw);
  const lot = parsed.kind === 'gs1' && parsed.lot ? parsed.lot : raw;
  const matches = batches.filter((batch) => batch.lotCode.toLowerCase() === lot.toLowerCase());
  if (matches.length === 0) return null;
  const suppliers = new Set(matches.map((batch) => batch.supplierId));
  const [supplierId] = [...suppliers];
  if (suppliers.size === 1 && supplierId !== undefined) return { kind: 'supplier-lot', supplierId, lotCode: matches[0]?.lotCode ?? lot };
  return { kind: 'batches', batchIds: matches.map((batch) => batch.id) };
}

/** Lot codes a supplier delivered, newest first, for the lot field's suggestions. */
export function lotCodesOf(supplierId: string, batches: readonly BatchDoc[]): string[] {
  const latest = new Map<string, string>();
  for (const batch of batches) {
    if (batch.supplierId !== supplierId) continue;
    const seen = latest.get(batch.lotCode);
    if (!seen || seen < batch.receivedAt) latest.set(batch.lotCode, batch.receivedAt);
  }
  return [...latest].sort((a, b) => b[1].localeCompare(a[1])).map(([lotCode]) => lotCode);
}
