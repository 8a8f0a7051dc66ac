// Approval rules at work (issue 15): a document a rule trips is held at its site instead of
// posted; the person holding the waiting level's role approves or rejects it — on the site's own
// terminal, or at HQ — offline on either side; the site's terminal posts it once every level has
// approved (at once when the approver is at the site, else when HQ's decision arrives).
import {
  approvalDocumentId,
  approvalNeeded,
  approvalRulesFrom,
  ApproverRoleError,
  customRolesFrom,
  decisionsOn,
  derivedId,
  heldEventId,
  heldEvent,
  heldRequestOf,
  heldState,
  InvalidStateError,
  isHoldableType,
  permissionsOfRoles,
  UnknownReferenceError,
  ValidationError,
  type MeasureFacts,
  type Poster,
} from '../domain';
import type { ApprovalDoc, DocumentDoc, EventDoc, PersonDoc } from '../schemas';
import { defineCommand, type CommandContext, type CommandOutcome, type CommandReads } from './types';

/** What a command that may hold `document` reads: the rules, the poster's roles, the figures its posting would see. */
export function approvalRuleReads(document?: DocumentDoc): CommandReads {
  return { config: true, people: true, ...(document ? { postingViewOf: document } : {}) };
}

export interface PostedOrHeld {
  id: string;
  number: string;
  /** The roles it waits for, in order; null when it posted. */
  heldFor: string[] | null;
}

function accountOf(context: CommandContext): PersonDoc | undefined {
  const { stamp, people } = context;
  if (!stamp.operator) return undefined;
  return people?.find((account) => account.personId === stamp.operator && account.siteId === stamp.siteId && account.active);
}

/** The person posting, as the rules see them (none signed in: no roles, no permission). */
function posterOf(context: CommandContext): Poster {
  const roles = accountOf(context)?.roles ?? [];
  return { roles, mayPostCountVariance: permissionsOfRoles(roles, customRolesFrom(context.config)).has('count-variance-over-threshold') };
}

/** What letting a document through means: posting it; an order, which moves nothing, is confirmed (approved). */
function letThrough(document: DocumentDoc): Pick<CommandOutcome<unknown>, 'post' | 'writes'> {
  return document.type === 'sales-order' ? { writes: { documents: [{ ...document, status: 'approved' }] } } : { post: { document } };
}

/**
 * Posts `document` (confirms an order), or holds it (stored as submitted with its approval-requested event) where an
 * approval rule trips. Rules hold only where someone is signed in: a site without staff accounts
 * has nobody to approve.
 */
export function postOrHold(document: DocumentDoc, context: CommandContext, facts: MeasureFacts = {}): CommandOutcome<PostedOrHeld> {
  const rules = approvalRulesFrom(context.config);
  const need =
    context.stamp.operator && rules.length > 0
      ? approvalNeeded(document, rules, context.postingView ?? context.ledger, posterOf(context), facts)
      : null;
  if (!need) return { ...letThrough(document), result: { id: document.id, number: document.number, heldFor: null } };
  const held = { ...document, status: 'submitted' } as DocumentDoc;
  return {
    writes: { documents: [held], events: [heldEvent(held, need)] },
    result: { id: held.id, number: held.number, heldFor: need.levels },
  };
}

interface HeldInput {
  documentId: string;
}

const heldReads = (input: HeldInput): CommandReads => ({
  documentIds: [input.documentId],
  documentTypes: ['approval'],
  eventIds: [heldEventId(input.documentId)],
  people: true,
  config: true,
});

/** The held document, its request and its decisions so far; refuses anything not waiting. */
function heldOf(context: CommandContext, documentId: string) {
  const document = context.documents.find((doc) => doc.id === documentId);
  if (!document || !isHoldableType(document.type)) throw new UnknownReferenceError('documents', documentId);
  const request = heldRequestOf(context.events.find((event) => event.id === heldEventId(documentId)));
  if (!request || document.status !== 'submitted')
    throw new InvalidStateError(document.type, document.number, document.status, ['submitted (awaiting approval)']);
  const decisions = decisionsOn(documentId, context.documents);
  return { document, request, decisions, state: heldState(documentId, request, decisions) };
}

/** Once every level approved, the held document posts (still its maker's); a rejection closes it. */
function settle(
  document: DocumentDoc,
  state: ReturnType<typeof heldState>,
): Pick<CommandOutcome<unknown>, 'post' | 'writes' | 'keepOperatorOf'> {
  if (state.kind === 'approved') return { ...letThrough(document), keepOperatorOf: [document.id] };
  if (state.kind === 'rejected')
    return { writes: { documents: [{ ...document, status: 'rejected' } as DocumentDoc] }, keepOperatorOf: [document.id] };
  return {};
}

/** The person signed in approves or rejects the level a held document waits at (a rejection needs a reason). */
export const approvalDecide = defineCommand({
  reads: (input: HeldInput & { decision: 'approved' | 'rejected'; reason?: string }) => heldReads(input),
  run(input, context) {
    const { stamp } = context;
    const { document, request, decisions, state } = heldOf(context, input.documentId);
    if (state.kind !== 'waiting') throw new InvalidStateError(document.type, document.number, state.kind, ['awaiting approval']);
    const account = accountOf(context);
    if (!account || !account.roles.includes(state.role))
      throw new ApproverRoleError(state.role, document.number, account?.name ?? null, account?.nameEn);
    if (stamp.siteId !== document.siteId && stamp.siteKind !== 'hq')
      throw new ValidationError('siteId', `${document.number} is another site's; its own site or HQ decides it`);
    if (document.operatorId === account.personId)
      throw new ValidationError('approver', `${account.name} made ${document.number} and cannot approve it`);
    const reason = input.reason?.trim() ?? '';
    if (input.decision === 'rejected' && !reason) throw new ValidationError('reason', 'a rejection needs a reason');
    const elsewhere = stamp.siteId !== document.siteId;
    const approval: ApprovalDoc = {
      id: approvalDocumentId(document.id, state.level),
      type: 'approval',
      siteId: stamp.siteId,
      ...(elsewhere ? { toSiteId: document.siteId } : {}),
      number: stamp.nextNumber('AP'),
      status: input.decision,
      businessDate: stamp.businessDate,
      at: stamp.at,
      terminalId: stamp.terminalId,
      subjectDocId: document.id,
      subjectDocType: document.type,
      ...(reason ? { note: reason } : {}),
      lines: [],
      updatedAt: stamp.at,
    };
    const event: EventDoc = {
      id: derivedId(approval.id, 'event', 'decision'),
      siteId: stamp.siteId,
      ...(elsewhere ? { toSiteId: document.siteId } : {}),
      kind: 'audit',
      severity: 'info',
      at: stamp.at,
      docType: document.type,
      docId: document.id,
      message: `${document.number} ${input.decision} by ${account.name} as ${state.role}${reason ? `: ${reason}` : ''}`,
      data: { action: `approval-${input.decision}`, approvalId: approval.id, level: state.level, role: state.role, reason },
      terminalId: stamp.terminalId,
      updatedAt: stamp.at,
    };
    const next = heldState(document.id, request, [...decisions, approval]);
    // At the document's own site the decision settles it now; HQ's settles it when it arrives there.
    const settled = elsewhere ? {} : settle(document, next);
    return {
      ...settled,
      writes: { ...settled.writes, documents: [approval, ...(settled.writes?.documents ?? [])], events: [event] },
      result: { number: document.number, state: next.kind },
    };
  },
});

/** Background rule at the held document's site: posts (or closes) it once HQ's decisions have arrived. */
export const approvalApply = defineCommand({
  reads: heldReads,
  run(input: HeldInput, context) {
    const { document, state } = heldOf(context, input.documentId);
    if (document.siteId !== context.stamp.siteId) throw new ValidationError('siteId', `${document.number} is another site's`);
    return { ...settle(document, state), result: { state: state.kind } };
  },
});
