// The approvals queue as the person signed in sees it: held documents, the decisions on them and
// the ones decided lately, from the local store (so the queue works offline on both sides).
import { useMemo } from 'react';
import { accountIdFor, heldEventId, holdableDocumentTypes } from '../../../shared/domain';
import { approvalQueue, type ApprovalViewer, type QueueRow } from '../../../shared/ops';
import type { DocumentDoc, EventDoc, PersonDoc } from '../../../shared/schemas';
import { useRxQuery, useTerminal } from '../../db/hooks';
import { useSignInStore } from '../../state/sign-in-store';

/** Decided documents kept on the screen (the newest decisions). */
const DECIDED_SHOWN = 30;

/** The person signed in at this terminal, with their roles at its site. */
export function useApprovalViewer(): ApprovalViewer | null {
  const terminal = useTerminal();
  const personId = useSignInStore((s) => s.operator?.personId ?? null);
  const accountId = terminal && personId ? accountIdFor(personId, terminal.siteId) : null;
  const account = useRxQuery<PersonDoc>((db) => (accountId ? db.people.findOne(accountId) : null), [accountId]);
  const roles = account?.[0]?.active ? account[0].roles.join('\u0000') : '';
  const siteId = terminal?.siteId;
  const siteKind = terminal?.siteKind;
  // One object per change of who is looking, so the queue is not worked out again on every render.
  return useMemo(
    () => (siteId && siteKind ? { siteId, siteKind, personId, roles: roles ? roles.split('\u0000') : [] } : null),
    [siteId, siteKind, personId, roles],
  );
}

export function useApprovalQueue(): { rows: QueueRow[] | null; viewer: ApprovalViewer | null } {
  const viewer = useApprovalViewer();
  const types = [...holdableDocumentTypes];
  const held = useRxQuery<DocumentDoc>((db) => db.documents.find({ selector: { status: 'submitted', type: { $in: types } } }), []);
  const approvals = useRxQuery<DocumentDoc>(
    (db) => db.documents.find({ selector: { type: 'approval', subjectDocType: { $in: types } } }),
    [],
  );
  const decidedIds = useMemo(() => {
    const waiting = new Set((held ?? []).map((doc) => doc.id));
    const newestFirst = [...(approvals ?? [])].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    const subjects = newestFirst.map((doc) => doc.subjectDocId ?? '').filter((id) => id && !waiting.has(id));
    return [...new Set(subjects)].slice(0, DECIDED_SHOWN);
  }, [held, approvals]);
  const decided = useRxQuery<DocumentDoc>(
    (db) => (decidedIds.length ? db.documents.find({ selector: { id: { $in: decidedIds } } }) : null),
    [decidedIds.join()],
  );
  const eventIds = useMemo(() => [...(held ?? []), ...(decided ?? [])].map((doc) => heldEventId(doc.id)), [held, decided]);
  const events = useRxQuery<EventDoc>(
    (db) => (eventIds.length ? db.events.find({ selector: { id: { $in: eventIds } } }) : null),
    [eventIds.join()],
  );
  const rows = useMemo(() => {
    if (!viewer || held === null || approvals === null) return null;
    return approvalQueue([...held, ...(decided ?? []), ...approvals], events ?? [], viewer);
  }, [viewer, held, decided, approvals, events]);
  return { rows, viewer };
}
