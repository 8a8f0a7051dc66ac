// The category editor merges what HQ typed with the tree as stored now, so a save never drops a
// category that arrived (first sync, another HQ terminal) after editing began.
import { describe, expect, it } from 'vitest';
import { mergeCategoryEdits, type CategoryRow } from '../../../renderer/features/master-data/category-edits';

const row = (id: string, name = id, key = id): CategoryRow => ({ key, id, name });

describe('category edits', () => {
  it('keeps categories that arrived after editing began, above the row HQ added (which stays last)', () => {
    const added = row('dairy', '乳制品', 'new-1');
    expect(mergeCategoryEdits([], [added], [row('drinks', '饮料')])).toEqual([row('drinks', '饮料'), added]);
    expect(mergeCategoryEdits([row('a')], [row('a'), added], [row('a'), row('b')])).toEqual([row('a'), row('b'), added]);
  });

  it('lets untouched rows follow the stored tree; edits and removals HQ made stay', () => {
    const base = [row('a'), row('b'), row('c'), row('d')];
    const mine = [row('a', 'A renamed'), row('b'), row('d')]; // renamed a, removed c
    const theirs = [row('a', 'a elsewhere'), row('b', 'b elsewhere'), row('c'), row('e')]; // d removed elsewhere, e added
    expect(mergeCategoryEdits(base, mine, theirs)).toEqual([row('a', 'A renamed'), row('b', 'b elsewhere'), row('e')]);
  });
});
