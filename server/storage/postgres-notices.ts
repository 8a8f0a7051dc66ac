// What PostgreSQL endpoint processes tell each other at commit (NOTIFY), and the recent commits
// each keeps from them so its live stream fans out without reading the rows back. NOTIFY is
// delivered only after the commit, so a document heard of is committed; numbers are not heard of
// in order, so the stream is served from here only along an unbroken run of numbers, and reads the
// database (below the visibility horizon) wherever a number is missing: a writer still in flight,
// a rolled-back one, or a commit too large to announce whole.
import type { JsonObject } from '../json.js';
import type { StoredDoc } from './types.js';

/** NOTIFY refuses payloads from 8000 bytes; this leaves room for the framing. */
export const MAX_NOTICE_BYTES = 7900;
/** How many recent numbers a process remembers. */
const KEEP = 20_000;

type WireDoc = [id: string, seq: number, siteId: string | null, toSiteId: string | null, deleted: boolean, doc: JsonObject];

export type Notice =
  /** `docs` when they fit in one payload, else `seqs` (or neither, for very large commits). */
  { t: 'commit'; seq: number; from: string; collection?: string; docs?: WireDoc[]; seqs?: number[] } | { t: 'revoke'; id: string };

/** The payload announcing `written` (one collection, ascending), as small as needed to fit. */
export function commitNotice(from: string, written: readonly StoredDoc[]): string {
  const seq = written.at(-1)!.seq;
  const collection = written[0]!.collection;
  const docs = written.map((d): WireDoc => [d.id, d.seq, d.siteId, d.toSiteId, d.deleted, d.doc]);
  const whole = JSON.stringify({ t: 'commit', seq, from, collection, docs } satisfies Notice);
  if (Buffer.byteLength(whole) <= MAX_NOTICE_BYTES) return whole;
  const numbers = JSON.stringify({ t: 'commit', seq, from, seqs: written.map((d) => d.seq) } satisfies Notice);
  if (Buffer.byteLength(numbers) <= MAX_NOTICE_BYTES) return numbers;
  return JSON.stringify({ t: 'commit', seq, from } satisfies Notice);
}

export function parseNotice(payload: string): Notice | null {
  try {
    const n = JSON.parse(payload) as Notice;
    if (n.t === 'commit' && typeof n.seq === 'number') return n;
    if (n.t === 'revoke' && typeof n.id === 'string') return n;
  } catch {
    // Not ours: ignored.
  }
  return null;
}

/** A number heard of: the document, or only that it committed (its body was too large to announce). */
type Entry = StoredDoc | 'committed';

export class RecentCommits {
  private readonly entries = new Map<number, Entry>();
  /** Numbers at or below this may have committed unheard (before this process listened). */
  private base = Number.MAX_SAFE_INTEGER;
  private highest = 0;

  /** Listening started and the sequence stood at `top`: every later number will be heard of. */
  start(top: number): void {
    this.base = top;
  }

  /** The sequence went back (a restore): what is remembered is of another database. */
  reset(): void {
    this.entries.clear();
    this.base = Number.MAX_SAFE_INTEGER;
    this.highest = 0;
  }

  get highestHeard(): number {
    return this.highest;
  }

  add(docs: readonly StoredDoc[]): void {
    for (const d of docs) this.put(d.seq, d);
  }

  hear(notice: Extract<Notice, { t: 'commit' }>): void {
    if (notice.docs && notice.collection) {
      const collection = notice.collection;
      for (const [id, seq, siteId, toSiteId, deleted, doc] of notice.docs)
        this.put(seq, { collection, id, seq, siteId, toSiteId, deleted, doc });
    } else if (notice.seqs) {
      for (const seq of notice.seqs) this.put(seq, 'committed');
    }
    this.highest = Math.max(this.highest, notice.seq);
  }

  /**
   * Documents numbered after `afterSeq` while the numbers run unbroken, at most `limit`; null when
   * the next number is not known here (the caller reads the database).
   */
  readSince(afterSeq: number, limit: number): StoredDoc[] | null {
    if (afterSeq < this.base) return null;
    const out: StoredDoc[] = [];
    for (let seq = afterSeq + 1; out.length < limit; seq++) {
      const entry = this.entries.get(seq);
      if (entry === undefined || entry === 'committed') break;
      out.push(entry);
    }
    return out.length > 0 ? out : null;
  }

  private put(seq: number, entry: Entry): void {
    const known = this.entries.get(seq);
    if (
      known !== undefined &&
      known !== 'committed' &&
      entry !== 'committed' &&
      (known.id !== entry.id || known.collection !== entry.collection)
    ) {
      // One number, two documents: the database was restored and numbers are being reused.
      this.reset();
      return;
    }
    if (seq <= this.base) return; // never read from here (and nothing is kept before listening)
    this.entries.set(seq, entry);
    this.highest = Math.max(this.highest, seq);
    if (this.entries.size > KEEP) {
      // Forget the oldest; the stream reads below the new base from the database.
      const cut = this.highest - (KEEP * 3) / 4;
      for (const s of this.entries.keys()) if (s <= cut) this.entries.delete(s);
      this.base = Math.max(this.base, cut);
    }
  }
}
