import { describe, expect, it } from 'vitest';
import { memoryPersistence } from '../../../renderer/db/replication/pending-tracker';
import { RefusedLog, refusedRows, type RefusedRecord } from '../../../renderer/db/replication/refused';
import { SyncHttpError } from '../../../renderer/db/replication/transport';

const ids = ['a', 'b', 'c'];

describe('rows a refusal names', () => {
  it('takes the rows a 422 or 403 names by index, with the endpoint’s message', () => {
    const invalid = new SyncHttpError(422, 'invalid-document', 'invalid', [{ index: 1, id: 'b', message: '/qty must be number' }]);
    expect([...refusedRows(invalid, ids)]).toEqual([[1, '/qty must be number']]);
    const forbidden = new SyncHttpError(403, 'forbidden', 'not yours', [{ index: 2, id: 'c' }]);
    expect([...refusedRows(forbidden, ids)]).toEqual([[2, 'forbidden']]);
  });

  it('sets nothing aside when the detail does not match the row it points at, or is missing', () => {
    expect(refusedRows(new SyncHttpError(422, 'invalid-document', 'x', [{ index: 0, id: 'zzz', message: 'm' }]), ids).size).toBe(0);
    expect(refusedRows(new SyncHttpError(422, 'invalid-document', 'x'), ids).size).toBe(0);
    expect(refusedRows(new SyncHttpError(422, 'invalid-document', 'x', [{ index: 9, message: 'm' }]), ids).size).toBe(0);
  });

  it('treats a 413 as one row’s fault only when the request held one row', () => {
    expect([...refusedRows(new SyncHttpError(413, 'too-large', 'body over 5 MiB'), ['big'])]).toEqual([[0, 'body over 5 MiB']]);
    expect(refusedRows(new SyncHttpError(413, 'too-large', 'x'), ids).size).toBe(0);
  });

  it('never sets aside rows for a retryable or unrelated failure', () => {
    for (const error of [
      new SyncHttpError(401, 'unauthorized', 'x'),
      new SyncHttpError(409, 'schema-mismatch', 'x'),
      new Error('fetch failed'),
    ]) {
      expect(refusedRows(error, ids).size).toBe(0);
    }
  });
});

describe('refused log', () => {
  const record = (id: string, reason = 'r'): RefusedRecord => ({
    collection: 'documents',
    id,
    status: 422,
    reason,
    at: '2026-11-30T08:00:00.000Z',
  });

  it('keeps one entry per document, persists it, and drops it once the endpoint accepts the document', () => {
    const persistence = memoryPersistence<RefusedRecord>();
    const seen: number[] = [];
    const log = new RefusedLog(persistence, (records) => seen.push(records.length));
    log.add([record('d1'), record('d2')]);
    log.add([record('d1', 'again')]);
    expect(log.all.map((r) => [r.id, r.reason])).toEqual([
      ['d2', 'r'],
      ['d1', 'again'],
    ]);
    log.accepted('movements', ['d1']); // another collection: unchanged
    log.accepted('documents', ['d1']);
    expect(persistence.load().map((r) => r.id)).toEqual(['d2']);
    expect(new RefusedLog(persistence, () => undefined).all.map((r) => r.id)).toEqual(['d2']);
    expect(seen).toEqual([0, 2, 2, 1]);
  });
});
