// The message centre (issue 15): what the person at a terminal should know — documents waiting
// for their approval, decisions on documents they made, the site's near-expiry notice, receiving
// discrepancies, records the endpoint refused — newest first, one view for the header's badge,
// its list and the desktop notification.
import type { EventDoc } from '../schemas';
import type { ApprovalViewer, QueueRow } from './approval-queue';

export type MessageKind = 'approval-waiting' | 'approval-decided' | 'expiry' | 'discrepancy' | 'refused';

export interface Message {
  id: string;
  kind: MessageKind;
  at: string;
  severity: 'info' | 'warning' | 'error';
  /** The document it is about, for a link (held documents, receipts). */
  docId?: string;
  /** What the words need: a number, a person's id, counts. */
  params: Record<string, string | number>;
}

export interface RefusedRow {
  collection: string;
  id: string;
  reason: string;
  at: string;
}

/** Messages for `viewer`, newest first. `events` are the site's recent near-expiry and discrepancy events. */
export function messagesFor(
  viewer: ApprovalViewer,
  input: { queue: readonly QueueRow[]; events: readonly EventDoc[]; refused: readonly RefusedRow[] },
): Message[] {
  const messages: Message[] = [];
  for (const row of input.queue) {
    if (row.mine && row.state.kind === 'waiting')
      messages.push({
        id: `waiting:${row.document.id}:${row.state.level}`,
        kind: 'approval-waiting',
        at: row.decisions[row.decisions.length - 1]?.at ?? row.document.at,
        severity: 'warning',
        docId: row.document.id,
        params: { number: row.document.number, type: row.document.type },
      });
    const last = row.decisions[row.decisions.length - 1];
    if (row.state.kind !== 'waiting' && last && viewer.personId && row.document.operatorId === viewer.personId)
      messages.push({
        id: `decided:${last.id}`,
        kind: 'approval-decided',
        at: last.at,
        severity: row.state.kind === 'rejected' ? 'error' : 'info',
        docId: row.document.id,
        params: { number: row.document.number, decision: row.state.kind, by: last.operatorId ?? '', reason: last.note ?? '' },
      });
  }
  const ours = (event: EventDoc) => viewer.siteKind === 'hq' || event.siteId === viewer.siteId || event.toSiteId === viewer.siteId;
  for (const event of input.events) {
    if (!ours(event)) continue;
    const data = event.data as Record<string, unknown>;
    if (event.kind === 'near-expiry' && typeof data.expiredCount === 'number')
      messages.push({
        id: `event:${event.id}`,
        kind: 'expiry',
        at: event.at,
        severity: event.severity === 'error' ? 'error' : 'warning',
        params: { site: event.siteId, expired: data.expiredCount, near: Number(data.nearExpiryCount ?? 0) },
      });
    if (event.kind === 'discrepancy')
      messages.push({
        id: `event:${event.id}`,
        kind: 'discrepancy',
        at: event.at,
        severity: 'warning',
        ...(event.docId ? { docId: event.docId } : {}),
        params: { site: event.siteId, lines: Array.isArray(data.losses) ? data.losses.length : 0 },
      });
  }
  if (input.refused.length > 0) {
    const latest = [...input.refused].sort((a, b) => (a.at < b.at ? 1 : -1))[0]!;
    messages.push({
      id: `refused:${input.refused.length}:${latest.at}`,
      kind: 'refused',
      at: latest.at,
      severity: 'error',
      params: { count: input.refused.length, reason: latest.reason },
    });
  }
  return messages.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** The badge: approvals waiting always count (until decided); the rest until the list was opened after them. */
export function unreadMessages(messages: readonly Message[], lastSeen: string | null): number {
  return messages.filter((message) => message.kind === 'approval-waiting' || lastSeen === null || message.at > lastSeen).length;
}
