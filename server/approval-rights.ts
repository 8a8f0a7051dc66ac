// The endpoint's check of a decision on a document an approval rule held (issue 15): the held
// document's `approval-requested` event names, level by level, the role that decides; a decision's
// id derives from the held document and its level. Where that event has reached the endpoint, a
// decision must be one of its levels and its person must hold that level's role — so a terminal
// cannot push a clerk's "approval" of their own count. Where the event has not arrived yet (a
// site's terminal pushes its collections independently), the deciding terminal's check stands.
import { approvalDocumentId, heldEventId, heldRequestOf, isHoldableType } from '../shared/domain/approvals/index.js';
import type { EventDoc, PersonDoc } from '../shared/schemas/index.js';
import type { PushRow } from './push.js';
import type { Storage } from './storage/types.js';

/** Whether `row` (a documents row) decides a document an approval rule held. */
export function isHeldDecision(row: PushRow): boolean {
  return row.pushed.type === 'approval' && typeof row.pushed.subjectDocType === 'string' && isHoldableType(row.pushed.subjectDocType);
}

/** Why `account` may not push this decision; null when it may (or when the endpoint cannot tell). */
export async function heldDecisionProblem(storage: Storage, row: PushRow, account: PersonDoc): Promise<string | null> {
  const subjectId = row.pushed.subjectDocId;
  if (typeof subjectId !== 'string') return 'a decision names the document it decides (subjectDocId)';
  const [stored] = await storage.getDocuments('events', [heldEventId(subjectId)]);
  const request = heldRequestOf(stored && !stored.deleted ? (stored.doc as unknown as EventDoc) : undefined);
  if (!request) return null;
  const level = request.levels.findIndex((_, index) => approvalDocumentId(subjectId, index) === row.id);
  if (level < 0) return `decision ${row.id} is none of the approval levels of ${subjectId}`;
  const role = request.levels[level]!;
  return account.roles.includes(role)
    ? null
    : `${account.name} does not hold the role "${role}" level ${level + 1} of ${subjectId} waits for`;
}
