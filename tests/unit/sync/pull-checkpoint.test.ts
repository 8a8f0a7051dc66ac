// Where a pull starts after an in-place upgrade (renderer/db/replication/pull-checkpoint.ts), and
// the conflict handlers' equality leaving RxDB's bookkeeping out: both decide whether an upgraded
// terminal ends up holding the documents' newer fields.
import { describe, expect, it } from 'vitest';
import { conflictHandlerFor, sameContent } from '../../../renderer/db/conflict-handlers';
import { pullStart, pulledCheckpoint } from '../../../renderer/db/replication/pull-checkpoint';
import { currentVersion, declaresMoreFields } from '../../../shared/schemas/versions';

describe('pull checkpoints across schema versions', () => {
  it('documents v1 declares fields v0 did not; movements v1 only opened enums', () => {
    expect(declaresMoreFields('documents', 0, 1)).toBe(true);
    expect(declaresMoreFields('documents', 1, 1)).toBe(false);
    expect(declaresMoreFields('documents', 1, 0)).toBe(false);
    expect(declaresMoreFields('movements', 0, currentVersion('movements'))).toBe(false);
  });

  it('starts documents again from the start when the checkpoint was pulled at v0, once', () => {
    const v1 = currentVersion('documents');
    expect(pullStart('documents', undefined, v1)).toBeUndefined();
    expect(pullStart('documents', { token: 'c42', schemaVersion: 0 }, v1)).toBeUndefined();
    // A checkpoint from before versions were recorded was pulled at version 0.
    expect(pullStart('documents', { token: 'c42' }, v1)).toBeUndefined();
    // The re-pull's first answer records the new version: from then on the token is followed.
    expect(pullStart('documents', pulledCheckpoint('c7', v1), v1)).toBe('c7');
    // A v0 terminal keeps its place; movements pulled at v0 lack nothing.
    expect(pullStart('documents', { token: 'c42', schemaVersion: 0 }, 0)).toBe('c42');
    expect(pullStart('movements', { token: 'c42' }, currentVersion('movements'))).toBe('c42');
  });

  it('compares content, not RxDB bookkeeping', () => {
    const doc = { id: 'ps-1', status: 'shipped', lines: [{ qty: 1 }], _deleted: false };
    expect(sameContent(doc, { ...doc, _attachments: {}, _meta: { lwt: 1 }, _rev: '2-x' })).toBe(true);
    expect(sameContent(doc, { ...doc, _deleted: true })).toBe(false);
    // Only RxDB's own top-level fields are left out; a nested field of that name is content.
    expect(sameContent({ ...doc, lines: [{ qty: 1, _rev: 'a' }] }, doc)).toBe(false);
    expect(conflictHandlerFor('documents').isEqual(doc as never, { ...doc, _attachments: {} } as never, 'test')).toBe(true);
  });
});
