// The approvals queue (issue 15): every document held by a rule, where it stands, and whether the
// person looking may decide it now — the screen, the header's badge and the tests read this one view.
import { decisionsOn, heldEventId, heldRequestOf, heldState, isHoldableType, type HeldRequest, type HeldState } from '../domain';
import type { ApprovalDoc, DocumentDoc, EventDoc } from '../schemas';

export interface ApprovalViewer {
  siteId: string;
  siteKind: 'hq' | 'kitchen' | 'store';
  /** The person signed in, with their roles at this site; null when nobody is. */
  personId: string | null;
  roles: readonly string[];
}

export interface QueueRow {
  document: DocumentDoc;
  request: HeldRequest;
  decisions: ApprovalDoc[];
  state: HeldState;
  /** The viewer may decide the level it waits at: they hold its role, at its site or HQ, and did not make it. */
  mine: boolean;
}

/**
 * Held documents and the ones decided since, newest first. `documents` holds the held documents
 * (and those already posted or rejected that decisions name) and the approval documents;
 * `events` their approval-requested events.
 */
export function approvalQueue(documents: readonly DocumentDoc[], events: readonly EventDoc[], viewer: ApprovalViewer): QueueRow[] {
  const requests = new Map(events.map((event) => [event.id, event]));
  const rows: QueueRow[] = [];
  for (const document of documents) {
    if (!isHoldableType(document.type)) continue;
    const request = heldRequestOf(requests.get(heldEventId(document.id)));
    if (!request) continue;
    const decisions = decisionsOn(document.id, documents);
    const state = document.status === 'submitted' ? heldState(document.id, request, decisions) : settledState(document, decisions);
    const mine =
      state.kind === 'waiting' &&
      viewer.personId !== null &&
      viewer.roles.includes(state.role) &&
      (viewer.siteId === document.siteId || viewer.siteKind === 'hq') &&
      document.operatorId !== viewer.personId;
    rows.push({ document, request, decisions, state, mine });
  }
  return rows.sort((a, b) => (a.document.at < b.document.at ? 1 : a.document.at > b.document.at ? -1 : 0));
}

/** A held document its site has posted (or closed) since. */
function settledState(document: DocumentDoc, decisions: readonly ApprovalDoc[]): HeldState {
  const rejected = decisions.find((decision) => decision.status === 'rejected');
  if (rejected) return { kind: 'rejected', decision: rejected };
  return document.status === 'rejected' ? { kind: 'rejected' } : { kind: 'approved' };
}

/** How many documents wait for the viewer (the header's badge). */
export function waitingForViewer(rows: readonly QueueRow[]): number {
  return rows.filter((row) => row.mine).length;
}
