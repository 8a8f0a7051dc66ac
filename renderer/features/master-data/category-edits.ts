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
 * left as it was in `base` follows `theirs` (changed or removed there); rows I changed or removed
 * stay so; rows that arrived in `theirs` after `base` come next, and the rows I added stay last,
 * where "add" put them (a row must not move away while it is being typed into).
 */
export function mergeCategoryEdits(
  base: readonly CategoryRow[],
  mine: readonly CategoryRow[],
  theirs: readonly CategoryRow[],
): CategoryRow[] {
  const baseByKey = new Map(base.map((row) => [row.key, row]));
  const theirsByKey = new Map(theirs.map((row) => [row.key, row]));
  const mineKeys = new Set(mine.map((row) => row.key));
  const kept: CategoryRow[] = [];
  const added: CategoryRow[] = [];
  for (const row of mine) {
    const before = baseByKey.get(row.key);
    if (!before) added.push(row);
    else if (!same(before, row)) kept.push(row);
    else {
      const now = theirsByKey.get(row.key);
      if (now) kept.push(now);
    }
  }
  const arrived = theirs.filter((row) => !baseByKey.has(row.key) && !mineKeys.has(row.key));
  return [...kept, ...arrived, ...added];
}
