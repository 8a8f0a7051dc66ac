// The PostgreSQL adapter's document queries (postgres.ts holds the adapter, its transactions and
// its announcements): writing numbered versions, pull pages below the visibility horizon, and
// lookups by id and by printed number.
import pg from 'pg';
import { fileReferences } from '../file-references.js';
import { uniqueIdsByNumber, type NumberCandidate } from './document-numbers.js';
import * as files from './postgres-files.js';
import { DOC_COLUMNS, NUMBER_OF_BODY, toStored, type DocDbRow } from './postgres-schema.js';
import type { DocWrite, PulledPage, ReadScope, StoredDoc } from './types.js';

/** One pull page of rows numbered in (afterSeq, horizon]. */
export async function pullPage(
  db: pg.Pool,
  collection: string,
  afterSeq: number,
  limit: number,
  scope: ReadScope,
  horizon: number,
): Promise<PulledPage> {
  if (horizon <= afterSeq) return { bodies: [], lastSeq: null, scannedToSeq: afterSeq };
  // Two ordered index ranges, (collection, site_id, seq) and (collection, to_site_id, seq),
  // merged: a store with nothing readable costs two index probes, however many rows others wrote.
  const r = scope
    ? await db.query<{ seq: string; body: string }>(
        `SELECT seq, body FROM (
           (SELECT seq, body FROM larder_docs WHERE collection = $1 AND site_id = $3 AND seq > $2 AND seq <= $5 ORDER BY seq LIMIT $4)
           UNION ALL
           (SELECT seq, body FROM larder_docs WHERE collection = $1 AND to_site_id = $3 AND site_id IS DISTINCT FROM $3
              AND seq > $2 AND seq <= $5 ORDER BY seq LIMIT $4)) AS readable
         ORDER BY seq LIMIT $4`,
        [collection, afterSeq, scope.siteId, limit, horizon],
      )
    : await db.query<{ seq: string; body: string }>(
        'SELECT seq, body FROM larder_docs WHERE collection = $1 AND seq > $2 AND seq <= $4 ORDER BY seq LIMIT $3',
        [collection, afterSeq, limit, horizon],
      );
  const last = r.rows.at(-1);
  const lastSeq = last ? Number(last.seq) : null;
  // A full page stops at its last row; a short one has seen everything up to the horizon.
  return { bodies: r.rows.map((row) => row.body), lastSeq, scannedToSeq: r.rows.length === limit && lastSeq !== null ? lastSeq : horizon };
}

/** Every collection's rows numbered in (afterSeq, horizon], ascending. */
export async function readRange(db: pg.Pool, afterSeq: number, limit: number, horizon: number): Promise<StoredDoc[]> {
  if (horizon <= afterSeq) return [];
  const r = await db.query<DocDbRow>(`SELECT ${DOC_COLUMNS} FROM larder_docs WHERE seq > $1 AND seq <= $3 ORDER BY seq LIMIT $2`, [
    afterSeq,
    limit,
    horizon,
  ]);
  return r.rows.map(toStored);
}

export async function getDocuments(db: pg.Pool | pg.ClientBase, collection: string, ids: readonly string[]): Promise<StoredDoc[]> {
  if (ids.length === 0) return [];
  const r = await db.query<DocDbRow>(`SELECT ${DOC_COLUMNS} FROM larder_docs WHERE collection = $1 AND id = ANY($2)`, [collection, ids]);
  return r.rows.map(toStored);
}

export async function documentIdsByNumber(
  db: pg.Pool,
  type: string,
  siteId: string,
  numbers: readonly string[],
): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  // Same expression and literal collection as larder_docs_documents_by_number, so the index serves it.
  const r = await db.query<NumberCandidate>(
    `SELECT id, body FROM larder_docs WHERE collection = 'documents' AND ${NUMBER_OF_BODY} = ANY($1) AND site_id = $2`,
    [numbers, siteId],
  );
  return uniqueIdsByNumber(r.rows, type, numbers);
}

/**
 * Must run inside a write transaction holding the documents' locks (postgres-order.ts). `existing`,
 * when known, are the ids stored before (a new document has no file references to drop).
 */
export async function writeDocs(
  c: pg.ClientBase,
  collection: string,
  docs: readonly DocWrite[],
  existing?: ReadonlySet<string>,
): Promise<StoredDoc[]> {
  if (docs.length === 0) return [];
  // Numbers are taken in the same statement that writes them, as late as the transaction allows.
  const r = await c.query<{ id: string; seq: string }>(
    `WITH reserved AS MATERIALIZED (SELECT larder_reserve($2) AS seqs)
     INSERT INTO larder_docs (${DOC_COLUMNS})
     SELECT $1, u.id, reserved.seqs[u.n], u.site_id, u.to_site_id, u.deleted, u.body
       FROM reserved, unnest($3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[]) WITH ORDINALITY AS u(id, site_id, to_site_id, deleted, body, n)
     ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, site_id = excluded.site_id,
       to_site_id = excluded.to_site_id, deleted = excluded.deleted, body = excluded.body
     RETURNING id, seq`,
    [
      collection,
      docs.length,
      docs.map((d) => d.id),
      docs.map((d) => d.siteId),
      docs.map((d) => d.toSiteId),
      docs.map((d) => d.deleted),
      docs.map((d) => JSON.stringify(d.doc)),
    ],
  );
  const written = storedInSeqOrder(collection, docs, r.rows);
  await files.indexDocs(c, collection, written, existing);
  return written;
}

const literal = (v: string | null): string => (v === null ? 'NULL' : pg.escapeLiteral(v));
const textArray = (values: readonly (string | null)[]): string => `ARRAY[${values.map(literal).join(',')}]::text[]`;

/**
 * The common push, new documents naming no file, written, announced and committed in one round
 * trip (a simple query of three statements, values as escaped literals), so the numbers it takes
 * hold readers back only while the server commits. Null when the documents need the file index:
 * the caller writes them with writeDocs.
 */
export async function writeAndCommit(
  c: pg.ClientBase,
  collection: string,
  docs: readonly DocWrite[],
  existing: ReadonlySet<string>,
  announce: { channel: string; from: string },
): Promise<StoredDoc[] | null> {
  if (docs.length === 0 || docs.some((d) => existing.has(d.id) || fileReferences(collection, d.doc).length > 0)) return null;
  const ids = textArray(docs.map((d) => d.id));
  const results = (await c.query(
    `WITH reserved AS MATERIALIZED (SELECT larder_reserve(${docs.length}) AS seqs)
     INSERT INTO larder_docs (${DOC_COLUMNS})
     SELECT ${literal(collection)}, u.id, reserved.seqs[u.n], u.site_id, u.to_site_id, u.deleted, u.body
       FROM reserved, unnest(${ids}, ${textArray(docs.map((d) => d.siteId))}, ${textArray(docs.map((d) => d.toSiteId))},
         ARRAY[${docs.map((d) => String(d.deleted)).join(',')}]::boolean[], ${textArray(docs.map((d) => JSON.stringify(d.doc)))})
         WITH ORDINALITY AS u(id, site_id, to_site_id, deleted, body, n)
     ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, site_id = excluded.site_id,
       to_site_id = excluded.to_site_id, deleted = excluded.deleted, body = excluded.body
     RETURNING id, seq;
     SELECT larder_announce(${literal(announce.channel)}, ${literal(announce.from)}, ${literal(collection)}, ${ids});
     COMMIT`,
  )) as unknown as pg.QueryResult<{ id: string; seq: string }>[];
  return storedInSeqOrder(collection, docs, results[0]!.rows);
}

/** The written documents with the numbers the insert returned, in sequence order. */
function storedInSeqOrder(collection: string, docs: readonly DocWrite[], rows: readonly { id: string; seq: string }[]): StoredDoc[] {
  const seqs = new Map(rows.map((row) => [row.id, Number(row.seq)] as const));
  return docs
    .map((d): StoredDoc => ({
      collection,
      id: d.id,
      seq: seqs.get(d.id)!,
      siteId: d.siteId,
      toSiteId: d.toSiteId,
      deleted: d.deleted,
      doc: d.doc,
    }))
    .sort((a, b) => a.seq - b.seq);
}
