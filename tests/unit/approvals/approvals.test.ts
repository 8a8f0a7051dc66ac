// Approval rules (issue 15): what trips a rule, holding instead of posting, deciding level by level
// (the role, the site, not one's own document, a rejection's reason), and the queue each person sees.
import { describe, expect, it } from 'vitest';
import {
  approvalRulesFrom,
  ApproverRoleError,
  heldEventId,
  InvalidStateError,
  ValidationError,
  variancePercent,
  type ApprovalRule,
} from '../../../shared/domain';
import { permissionsNeeded } from '../../../shared/commands';
import { approvalQueue, messagesFor, unreadMessages, waitingForViewer } from '../../../shared/ops';
import type { ConfigDoc, DocumentDoc, EventDoc, PersonDoc, StockCountDoc } from '../../../shared/schemas';
import { batch, KITCHEN, ledgerWith, perishable } from '../domain/fixtures';
import { AT, run, stampFor } from '../commands/harness';

const milk = perishable('milk', 7);
const ledger = () => ledgerWith([milk], [batch('b-1', 'milk', { unitCost: 2 })], [{ batchId: 'b-1', qty: 100 }]);

const rulesConfig = (rules: Partial<ApprovalRule>[]): ConfigDoc => ({
  id: 'approval-rules',
  key: 'approval-rules',
  value: { rules, largeOrderAmount: 5000 },
  updatedAt: AT,
});
const varianceOver5: Partial<ApprovalRule> = {
  id: 'r-1',
  documentType: 'stock-count',
  condition: 'count-variance-over',
  threshold: 5,
  approverRoles: ['store-manager'],
};

const account = (personId: string, roles: string[], siteId = KITCHEN): PersonDoc => ({
  id: `${personId}@${siteId}`,
  personId,
  siteId,
  name: personId,
  roles,
  active: true,
  updatedAt: AT,
});
const people = [
  account('fang', ['clerk']),
  account('li', ['store-manager']),
  account('wei', ['kitchen-lead']),
  account('admin', ['hq-admin'], 'hq'),
];

const countOf = (qty: number): StockCountDoc => ({
  id: 'c-1',
  type: 'stock-count',
  siteId: KITCHEN,
  number: 'PD-1',
  status: 'submitted',
  businessDate: '2025-03-01',
  at: AT,
  terminalId: 'term-1',
  lines: [{ productId: 'milk', batchId: 'b-1', qty, countedAt: AT }],
  updatedAt: AT,
});

const world = (operator: string | null, extra: { documents?: DocumentDoc[]; events?: EventDoc[]; siteId?: string } = {}) => ({
  ledger: ledger(),
  config: [rulesConfig([varianceOver5])],
  people,
  documents: extra.documents ?? [],
  events: extra.events ?? [],
  stamp: stampFor({
    operator,
    siteId: extra.siteId ?? KITCHEN,
    siteKind: extra.siteId === 'hq' ? ('hq' as const) : ('store' as const),
  }),
});

/** The clerk's count of 90 where the book says 100: 10 % off, held for the store manager. */
function heldCount() {
  const outcome = run('count.post', { document: countOf(90) }, world('fang'));
  const held = outcome.writes!.documents![0]!;
  return { held: { ...held, operatorId: 'fang' }, event: outcome.writes!.events![0]! };
}

describe('approval rules', () => {
  it('reads rules beside the budgets and skips what does not read as a rule', () => {
    const config = rulesConfig([
      varianceOver5,
      // A sale waits only past a customer's credit limit, never for its amount.
      { id: 'bad', documentType: 'sale', condition: 'amount-over', threshold: 1, approverRoles: ['x'] },
      { id: 'worse', documentType: 'transfer' as never, condition: 'amount-over', threshold: 1, approverRoles: ['x'] },
    ]);
    expect(approvalRulesFrom([config])).toEqual([{ ...varianceOver5, approverRoles: ['store-manager'] }]);
    expect(variancePercent(100, -10)).toBe(10);
    expect(variancePercent(0, 3)).toBe(100);
    expect(variancePercent(0, 0)).toBe(0);
  });

  it('a count within the threshold posts; one over it is held with the roles and the figure', () => {
    expect(run('count.post', { document: countOf(96) }, world('fang')).post?.document.id).toBe('c-1');
    const outcome = run('count.post', { document: countOf(90) }, world('fang'));
    expect(outcome.post).toBeUndefined();
    expect(outcome.result).toEqual({ id: 'c-1', number: 'PD-1', heldFor: ['store-manager'] });
    expect(outcome.writes?.documents?.[0]?.status).toBe('submitted');
    expect(outcome.writes?.events?.[0]).toMatchObject({
      id: heldEventId('c-1'),
      docId: 'c-1',
      data: { action: 'approval-requested', levels: ['store-manager'], tripped: [{ ruleId: 'r-1', measured: 10, threshold: 5 }] },
    });
  });

  it('the store manager’s own count posts (their posting is the approval), so does one by whoever may post variances over the threshold; a site without sign-in is not held', () => {
    expect(run('count.post', { document: countOf(90) }, world('li')).post?.document.id).toBe('c-1');
    // A kitchen lead may post count variances over the threshold (the permission), without the role.
    expect(run('count.post', { document: countOf(90) }, world('wei')).post?.document.id).toBe('c-1');
    expect(run('count.post', { document: countOf(90) }, world(null)).post?.document.id).toBe('c-1');
  });

  it('the store manager approves at the site: the approval is written and the count posts, still the clerk’s', () => {
    const { held, event } = heldCount();
    const outcome = run(
      'approval.decide',
      { documentId: 'c-1', decision: 'approved' },
      world('li', { documents: [held], events: [event] }),
    );
    expect(outcome.writes?.documents?.[0]).toMatchObject({
      type: 'approval',
      status: 'approved',
      subjectDocId: 'c-1',
      subjectDocType: 'stock-count',
    });
    expect(outcome.post?.document).toMatchObject({ id: 'c-1', operatorId: 'fang' });
    expect(outcome.keepOperatorOf).toEqual(['c-1']);
    expect(outcome.result).toEqual({ number: 'PD-1', state: 'approved' });
  });

  it('refuses the wrong role, one’s own document, another store, and a rejection without a reason', () => {
    const { held, event } = heldCount();
    const documents = [held];
    const events = [event];
    expect(() => run('approval.decide', { documentId: 'c-1', decision: 'approved' }, world('fang', { documents, events }))).toThrow(
      ApproverRoleError,
    );
    const own = { ...held, operatorId: 'li' };
    expect(() => run('approval.decide', { documentId: 'c-1', decision: 'approved' }, world('li', { documents: [own], events }))).toThrow(
      /cannot approve/,
    );
    const elsewhere = { ...world('li', { documents, events }), people: [...people, account('li', ['store-manager'], 'other')] };
    elsewhere.stamp = stampFor({ operator: 'li', siteId: 'other', siteKind: 'store' });
    expect(() => run('approval.decide', { documentId: 'c-1', decision: 'approved' }, elsewhere)).toThrow(ValidationError);
    expect(() =>
      run('approval.decide', { documentId: 'c-1', decision: 'rejected', reason: ' ' }, world('li', { documents, events })),
    ).toThrow(/reason/);
  });

  it('a rejection closes the document with its reason; nothing more can be decided', () => {
    const { held, event } = heldCount();
    const outcome = run(
      'approval.decide',
      { documentId: 'c-1', decision: 'rejected', reason: 'recount the cold room' },
      world('li', { documents: [held], events: [event] }),
    );
    const [approval, closed] = outcome.writes!.documents!;
    expect(approval).toMatchObject({ status: 'rejected', note: 'recount the cold room' });
    expect(closed).toMatchObject({ id: 'c-1', status: 'rejected' });
    expect(outcome.post).toBeUndefined();
    expect(() =>
      run(
        'approval.decide',
        { documentId: 'c-1', decision: 'approved' },
        world('li', { documents: [closed!, approval!], events: [event] }),
      ),
    ).toThrow(InvalidStateError);
  });

  it('two levels: the store manager then HQ; HQ’s decision is addressed to the store, which posts it on arrival', () => {
    const twoLevels = rulesConfig([{ ...varianceOver5, approverRoles: ['store-manager', 'hq-admin'] }]);
    const base = { ...world('fang'), config: [twoLevels] };
    const held = { ...run('count.post', { document: countOf(90) }, base).writes!.documents![0]!, operatorId: 'fang' };
    const event = run('count.post', { document: countOf(90) }, base).writes!.events![0]!;
    const first = run(
      'approval.decide',
      { documentId: 'c-1', decision: 'approved' },
      { ...world('li', { documents: [held], events: [event] }), config: [twoLevels] },
    );
    expect(first.post).toBeUndefined();
    expect(first.result.state).toBe('waiting');
    const level1 = first.writes!.documents![0]!;
    const atHq = { ...world('admin', { documents: [held, level1], events: [event], siteId: 'hq' }), config: [twoLevels] };
    const second = run('approval.decide', { documentId: 'c-1', decision: 'approved' }, atHq);
    expect(second.writes?.documents).toHaveLength(1);
    expect(second.writes?.documents?.[0]).toMatchObject({ siteId: 'hq', toSiteId: KITCHEN, status: 'approved' });
    expect(second.post).toBeUndefined();
    const level2 = second.writes!.documents![0]!;
    const apply = run(
      'approval.apply',
      { documentId: 'c-1' },
      { ...world(null, { documents: [held, level1, level2], events: [event] }), config: [twoLevels] },
    );
    expect(apply.post?.document).toMatchObject({ id: 'c-1', operatorId: 'fang' });

    const queue = approvalQueue([held, level1], [event], { siteId: 'hq', siteKind: 'hq', personId: 'admin', roles: ['hq-admin'] });
    expect(queue.map((row) => [row.state.kind, row.mine])).toEqual([['waiting', true]]);
    expect(
      waitingForViewer(
        approvalQueue([held, level1], [event], { siteId: KITCHEN, siteKind: 'store', personId: 'li', roles: ['store-manager'] }),
      ),
    ).toBe(0);
  });
});

describe('the message centre', () => {
  it('tells the approver what waits, the maker what was decided, and the site its notices; the badge counts what is new', () => {
    const { held, event } = heldCount();
    const decided = run(
      'approval.decide',
      { documentId: 'c-1', decision: 'approved' },
      world('li', { documents: [held], events: [event] }),
    );
    const approval = { ...decided.writes!.documents![0]!, operatorId: 'li' };
    const clerk = { siteId: KITCHEN, siteKind: 'store' as const, personId: 'fang', roles: ['clerk'] };
    const manager = { ...clerk, personId: 'li', roles: ['store-manager'] };
    const notice: EventDoc = {
      id: 'notice-1',
      siteId: KITCHEN,
      kind: 'near-expiry',
      severity: 'warning',
      at: '2025-03-02T01:00:00.000Z',
      message: '',
      data: { expiredCount: 1, nearExpiryCount: 2 },
      updatedAt: AT,
    };
    const elsewhere = { ...notice, id: 'notice-2', siteId: 'other' };
    const waiting = messagesFor(manager, { queue: approvalQueue([held], [event], manager), events: [notice, elsewhere], refused: [] });
    expect(waiting.map((message) => message.kind)).toEqual(['expiry', 'approval-waiting']);
    const posted = { ...held, status: 'posted' as const };
    const forClerk = messagesFor(clerk, { queue: approvalQueue([posted, approval], [event], clerk), events: [], refused: [] });
    expect(forClerk).toMatchObject([{ kind: 'approval-decided', params: { number: 'PD-1', decision: 'approved', by: 'li' } }]);
    expect(unreadMessages(waiting, '2025-03-02T00:00:00.000Z')).toBe(2);
    expect(unreadMessages(waiting, '2025-03-03T00:00:00.000Z')).toBe(1); // the approval waits until decided
  });
});

describe('posting a held document', () => {
  it('asks nothing of its records again: a held waste with a FIFO override posts on approval by someone without the override right', () => {
    const waste = {
      ...countOf(90),
      type: 'waste',
      wasteReason: 'damaged',
      lines: [{ productId: 'milk', batchId: 'b-1', qty: 1, fifoOverrideReason: 'dented' }],
    };
    const outcome = { post: { document: waste as never }, result: null };
    const context = { stamp: stampFor(), ledger: ledger(), documents: [], events: [], config: [] };
    expect(permissionsNeeded('waste.post', context, outcome)).toEqual(['waste', 'fifo-override']);
    expect(permissionsNeeded('approval.decide', context, outcome)).toEqual([]);
    expect(permissionsNeeded('approval.apply', context, outcome)).toEqual([]);
  });
});
