import { parseStoredBody } from '../json.js';

/** A stored `documents` row a number lookup found (the adapters pre-filter by number and site). */
export interface NumberCandidate {
  id: string;
  body: string;
}

/**
 * number → id for the candidates whose type and number really match. Two live documents with one
 * number (two terminals of a store numbering alike) resolve to neither; a tombstone only counts
 * when it is the one match.
 */
export function uniqueIdsByNumber(candidates: readonly NumberCandidate[], type: string, numbers: readonly string[]): Map<string, string> {
  const wanted = new Set(numbers);
  const matches = new Map<string, { id: string; deleted: boolean }[]>();
  for (const row of candidates) {
    const doc = parseStoredBody(row.body);
    if (doc.type !== type || typeof doc.number !== 'string' || !wanted.has(doc.number)) continue;
    const list = matches.get(doc.number) ?? [];
    list.push({ id: row.id, deleted: doc._deleted === true });
    matches.set(doc.number, list);
  }
  const out = new Map<string, string>();
  for (const [number, list] of matches) {
    const live = list.length > 1 ? list.filter((m) => !m.deleted) : list;
    if (live.length === 1) out.set(number, live[0]!.id);
  }
  return out;
}
