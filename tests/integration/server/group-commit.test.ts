import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../../server/storage/sqlite';
import type { DocWrite, PushPlanner } from '../../../server/storage/types';

// SQLite group commit (issue 19): pushes that arrive together share one durable transaction, each
// in its own savepoint, so one that fails stores nothing and fails alone.
describe('SQLite group commit', () => {
  let dir: string;
  let storage: SqliteStorage;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'larder-group-commit-'));
    storage = new SqliteStorage(dir);
  });

  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (id: string, extra: Record<string, unknown> = {}): DocWrite => ({
    id,
    siteId: 's1',
    toSiteId: null,
    deleted: false,
    doc: { id, siteId: 's1', _deleted: false, ...extra },
  });
  const inserting =
    (...writes: DocWrite[]): PushPlanner<string> =>
    () => ({ writes, result: 'stored' });

  it('commits pushes arriving together once, answering each after it', async () => {
    const commits: number[] = [];
    storage.onCommit((seq) => commits.push(seq));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => storage.push('movements', [`m${i}`], inserting(write(`m${i}`)))),
    );
    expect(answers.map((a) => a.result)).toEqual(Array(20).fill('stored'));
    expect(answers.map((a) => a.written[0]!.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // One transaction: the stream is poked once, with the group's highest sequence.
    expect(commits).toEqual([20]);
    expect((await storage.pull('movements', 0, 100, null)).bodies).toHaveLength(20);
  });

  it('a push that fails stores nothing of its own and fails no other push', async () => {
    const refused: PushPlanner<string> = () => {
      throw new Error('forbidden by the planner');
    };
    // Its first row is written before its second fails (a value JSON cannot hold): the savepoint undoes it.
    const halfWritten: PushPlanner<string> = () => ({ writes: [write('half-1'), write('half-2', { qty: 10n })], result: 'stored' });
    const outcomes = await Promise.allSettled([
      storage.push('movements', ['a'], inserting(write('a'))),
      storage.push('movements', ['x'], refused),
      storage.push('movements', ['half-1', 'half-2'], halfWritten),
      storage.push('movements', ['b'], inserting(write('b'))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    const stored = (await storage.pull('movements', 0, 100, null)).bodies.map((b) => (JSON.parse(b) as { id: string }).id);
    expect(stored).toEqual(['a', 'b']);
    // Sequences stay gapless and in order: the failed pushes' numbers were rolled back with them.
    expect(await storage.maxSeq()).toBe(2);
    expect((await storage.getDocuments('movements', ['half-1', 'half-2'])).length).toBe(0);
  });

  it('a planner sees the rows an earlier push of the same group wrote', async () => {
    const seen: boolean[] = [];
    const looking: PushPlanner<string> = (stored) => {
      seen.push(stored.has('shared'));
      return { writes: stored.has('shared') ? [] : [write('shared')], result: 'ok' };
    };
    await Promise.all([storage.push('movements', ['shared'], looking), storage.push('movements', ['shared'], looking)]);
    expect(seen).toEqual([false, true]);
    expect(await storage.maxSeq()).toBe(1);
  });
});
