// How the PostgreSQL adapter numbers writes without a global lock and still serves them "visible in
// order" (SYNC-PROTOCOL.md): a pull or stream must never return sequence n while a lower number may
// still commit.
//
// Writers take numbers from a SEQUENCE (no lock between them). Before taking any, a writer
// registers a lower bound of what it will take: the sequence's current value + 1, as a shared
// advisory lock held until its transaction ends. A reader first reads the sequence's current value
// `top`, then the registered bounds (pg_locks), and serves only rows at or below
//   horizon = min(top, lowest registered bound − 1).
// Why nothing below the horizon can still appear: a writer that had registered when the reader
// looked holds numbers ≥ its bound > horizon; one that had not registered yet takes its numbers
// after the reader read `top`, so they are > top ≥ horizon; any other writer had ended (its lock
// goes after its commit is visible), so the reader's next statement sees its rows. The reader reads
// rows in a statement after the horizon's, so its snapshot is taken after both.
//
// The bound is kept as 31 bits of the number in the two-key advisory lock space (the first key
// names the schema, so schemas sharing a database do not hold each other back), and widened again
// relative to `top`: registered bounds are never 2^31 numbers behind the sequence.
//
// Documents themselves are serialised per (collection, id) by transaction advisory locks taken in
// a sorted order, so a push's compare-and-write still sees the latest committed version.

export const ORDER_SCHEMA = `
CREATE SEQUENCE IF NOT EXISTS larder_seq;
CREATE OR REPLACE FUNCTION larder_reserve(n int) RETURNS bigint[] LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  bound bigint;
BEGIN
  SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END INTO bound FROM larder_seq;
  PERFORM pg_advisory_xact_lock_shared(hashtext(current_schema() || ':larder-seq') & 2147483647, (bound % 2147483648)::int);
  RETURN ARRAY(SELECT nextval('larder_seq') FROM generate_series(1, n));
END
$fn$;
-- The commit announcement built from the rows just written (postgres-notices.ts has the shapes),
-- so a push can write, announce and commit in one round trip.
CREATE OR REPLACE FUNCTION larder_announce(chan text, tag text, coll text, ids text[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  top bigint;
  whole text;
  numbers text;
BEGIN
  SELECT max(seq),
         json_build_object('t', 'commit', 'seq', max(seq), 'from', tag, 'collection', coll,
           'docs', json_agg(json_build_array(id, seq, site_id, to_site_id, deleted, body::json) ORDER BY seq))::text,
         json_build_object('t', 'commit', 'seq', max(seq), 'from', tag, 'seqs', json_agg(seq ORDER BY seq))::text
    INTO top, whole, numbers
    FROM larder_docs WHERE collection = coll AND id = ANY(ids);
  PERFORM pg_notify(chan, CASE WHEN octet_length(whole) <= 7900 THEN whole
                               WHEN octet_length(numbers) <= 7900 THEN numbers
                               ELSE json_build_object('t', 'commit', 'seq', top, 'from', tag)::text END);
END
$fn$;
CREATE OR REPLACE FUNCTION larder_horizon() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  top bigint;
  lowest bigint;
BEGIN
  SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END INTO top FROM larder_seq;
  -- behind: how far a bound is below top + 1 (mod 2^31); one registered after top was read can be
  -- ahead of it, which shows as a distance near 2^31 and holds nothing back.
  SELECT min(top + 1 - behind) INTO lowest
    FROM (SELECT (((top + 1) - objid::bigint) % 2147483648 + 2147483648) % 2147483648 AS behind
            FROM pg_locks
           WHERE locktype = 'advisory' AND objsubid = 2
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
             AND classid = (hashtext(current_schema() || ':larder-seq') & 2147483647)::oid) AS bounds
   WHERE behind < 1073741824;
  RETURN CASE WHEN lowest IS NULL THEN top ELSE LEAST(top, lowest - 1) END;
END
$fn$;
`;

/**
 * Moves a database numbered by the old counter row onto the sequence once (run under the migration
 * lock). The counter row is left as it was; nothing reads it any more.
 */
export const ORDER_MIGRATION = `
DO $mig$
DECLARE
  v bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM larder_meta WHERE key = 'seqSource') THEN
    SELECT GREATEST((SELECT COALESCE(max(value), 0) FROM larder_counter), (SELECT COALESCE(max(seq), 0) FROM larder_docs)) INTO v;
    PERFORM setval('larder_seq', GREATEST(v, 1), v > 0);
    INSERT INTO larder_meta (key, value) VALUES ('seqSource', 'sequence');
  END IF;
END
$mig$;
`;

/** 31-bit FNV-1a of collection and id: the second key of a document's write lock. */
function docKey(collection: string, id: string): number {
  let h = 0x811c9dc5;
  const text = `${collection}\u0000${id}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x7fffffff;
}

/**
 * Opens a write transaction and locks the documents it may write, in one round trip: sorted keys,
 * so two writers of overlapping ids never wait on each other in a cycle. The keys are integers
 * computed here, so they are written into the statement as literals.
 */
export function beginWriteSql(collection: string, ids: readonly string[]): string {
  const keys = [...new Set(ids.map((id) => docKey(collection, id)))].sort((a, b) => a - b);
  if (keys.length === 0) return 'BEGIN';
  return `BEGIN; SELECT count(pg_advisory_xact_lock(hashtext(current_schema() || ':larder-doc') & 2147483647, k)) FROM unnest('{${keys.join(',')}}'::int[]) AS k`;
}
