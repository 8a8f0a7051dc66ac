// A held document and the decisions on it. The document waits at its site as `submitted`; the
// roles it waits for are in its `approval-requested` audit event (data.levels, fixed when it was
// held, so a rule changed later does not move a document already waiting); each decision is an
// approval document naming it in `subjectDocId`, written by the approver's site — the held
// document's own terminal, or HQ addressing it to that site — with ids derived from the held
// document and the level, so two terminals deciding the same level write the same document.
import type { ApprovalDoc, DocumentDoc, EventDoc } from '../../schemas';
import { derivedId } from '../ids';
import type { ApprovalNeed, TrippedRule } from './rules';

export function heldEventId(documentId: string): string {
  return derivedId(documentId, 'event', 'approval-requested');
}

export function approvalDocumentId(documentId: string, level: number): string {
  return derivedId(documentId, 'approval', level);
}

/** The audit event that records a document waiting for approval, and for whom. */
export function heldEvent(document: DocumentDoc, need: ApprovalNeed): EventDoc {
  const figures = need.tripped.map((rule) => `${rule.condition} ${rule.measured} > ${rule.threshold}`).join('; ');
  return {
    id: heldEventId(document.id),
    siteId: document.siteId,
    kind: 'audit',
    severity: 'warning',
    at: document.at,
    docType: document.type,
    docId: document.id,
    message: `${document.number} waits for approval by ${need.levels.join(' then ')} (${figures})`,
    data: { action: 'approval-requested', levels: [...need.levels], tripped: need.tripped.map((rule) => ({ ...rule })) },
    terminalId: document.terminalId,
    updatedAt: document.at,
  };
}

export interface HeldRequest {
  levels: string[];
  tripped: TrippedRule[];
}

/** The roles and figures a held document's event names; null for any other event. */
export function heldRequestOf(event: EventDoc | undefined): HeldRequest | null {
  const data = event?.data as { action?: unknown; levels?: unknown; tripped?: unknown } | undefined;
  if (!data || data.action !== 'approval-requested' || !Array.isArray(data.levels)) return null;
  const levels = data.levels.filter((role): role is string => typeof role === 'string');
  const tripped = Array.isArray(data.tripped) ? (data.tripped as TrippedRule[]) : [];
  return levels.length > 0 ? { levels, tripped } : null;
}

/** The decisions on `documentId`, first level first. */
export function decisionsOn(documentId: string, documents: readonly DocumentDoc[]): ApprovalDoc[] {
  return documents
    .filter((doc): doc is ApprovalDoc => doc.type === 'approval' && doc.subjectDocId === documentId)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export type HeldState =
  { kind: 'waiting'; level: number; role: string } | { kind: 'approved' } | { kind: 'rejected'; decision?: ApprovalDoc };

/** Where a held document stands: waiting for a level's role, approved at every level, or rejected. */
export function heldState(documentId: string, request: HeldRequest, decisions: readonly ApprovalDoc[]): HeldState {
  const rejected = decisions.find((decision) => decision.status === 'rejected');
  if (rejected) return { kind: 'rejected', decision: rejected };
  const approved = new Set(decisions.filter((decision) => decision.status === 'approved').map((decision) => decision.id));
  for (let level = 0; level < request.levels.length; level++) {
    if (!approved.has(approvalDocumentId(documentId, level))) {
      return { kind: 'waiting', level, role: request.levels[level]! };
    }
  }
  return { kind: 'approved' };
}
