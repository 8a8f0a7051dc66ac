// The category editor's unsaved rows, kept as a three-way merge with the stored tree: the tree
// a terminal holds can change while HQ types (its first sync, or another HQ terminal's save), and
// the save sends the whole tree. Rows were once taken from the tree as it stood when editing
// began, so a terminal that began before its first pull finished saved a tree without the
// categories made elsewhere (a new HQ terminal added one row and would have deleted the rest).
import type { CategoryNode } from '../../../shared/domain';

export interface CategoryRow extends CategoryNode {
  key: string;
}

const same = (a: CategoryRow, b: CategoryRow) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the editor shows: `mine` (edited from `base`) over `theirs` (the tree stored now). A row I
 * left as it was in `base` follows `theirs` (changed or removed there); rows I added, changed or
 * removed stay so; rows that arrived in `theirs` after `base` are added.
 */
export function mergeCategoryEdits(
  base: readonly CategoryRow[],
  mine: readonly CategoryRow[],
  theirs: readonly CategoryRow[],
): CategoryRow[] {
  const baseByKey = new Map(base.map((row) => [row.key, row]));
  const theirsByKey = new Map(theirs.map((row) => [row.key, row]));
  const mineKeys = new Set(mine.map((row) => row.key));
  const merged: CategoryRow[] = [];
  for (const row of mine) {
    const before = baseByKey.get(row.key);
    if (before && same(before, row)) {
      const now = theirsByKey.get(row.key);
      if (now) merged.push(now);
    } else merged.push(row);
  }
  for (const row of theirs) if (!baseByKey.has(row.key) && !mineKeys.has(row.key)) merged.push(row);
  return merged;
}
