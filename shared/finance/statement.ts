/**
 * 对账单: a partner's statement for a period (issue 17) — the balance brought forward, every
 * invoice, credit note and payment in the period with the running balance, and the balance
 * carried forward, read from the same AR/AP journal lines as the partner ledger, so the closing
 * balance is the ledger's balance at the period's end.
 */
import { roundMoney } from '../domain';
import type { DocumentDoc, DocumentType, JournalDoc } from '../schemas';
import { partnerLedgers, type PartnerSide } from './partner-ledger';

export type StatementLineKind = 'invoice' | 'credit-note' | 'payment' | 'reversal' | 'other';

export interface StatementLine {
  businessDate: string;
  docId: string;
  docNumber: string;
  docType: DocumentType | 'other';
  kind: StatementLineKind;
  /** What it adds to the balance owed (an invoice); null when it takes away. */
  increase: number | null;
  /** What it takes from the balance owed (a payment, a credit note); null when it adds. */
  decrease: number | null;
  balance: number;
}

export interface PartnerStatement {
  partnerId: string;
  side: PartnerSide;
  from: string;
  to: string;
  opening: number;
  lines: StatementLine[];
  totalIncrease: number;
  totalDecrease: number;
  closing: number;
}

function kindOf(document: DocumentDoc | undefined, amount: number): StatementLineKind {
  if (!document) return 'other';
  if (document.type === 'payment') return 'payment';
  if (document.type === 'reversal') return 'reversal';
  if (document.type === 'return') return 'credit-note';
  return amount > 0 ? 'invoice' : 'credit-note';
}

/** The statement of `partnerId` on `side` (a customer's receivable, a supplier's payable) for `from`–`to`. */
export function partnerStatement(input: {
  journal: readonly JournalDoc[];
  documents: readonly DocumentDoc[];
  partnerId: string;
  side: PartnerSide;
  from: string;
  to: string;
  siteIds?: readonly string[];
}): PartnerStatement {
  const ledger = partnerLedgers({
    journal: input.journal,
    documents: input.documents,
    asOf: input.to,
    ...(input.siteIds ? { siteIds: input.siteIds } : {}),
  }).find((row) => row.side === input.side && row.partnerId === input.partnerId);
  const items = ledger?.items ?? [];
  const documents = new Map(input.documents.map((document) => [document.id, document]));
  const opening = roundMoney(items.filter((item) => item.businessDate < input.from).reduce((sum, item) => sum + item.amount, 0));
  let balance = opening;
  const lines = items
    .filter((item) => item.businessDate >= input.from)
    .map((item): StatementLine => {
      balance = roundMoney(balance + item.amount);
      const document = documents.get(item.docId);
      return {
        businessDate: item.businessDate,
        docId: item.docId,
        docNumber: item.docNumber,
        docType: document?.type ?? 'other',
        kind: kindOf(document, item.amount),
        increase: item.amount > 0 ? roundMoney(item.amount) : null,
        decrease: item.amount < 0 ? roundMoney(-item.amount) : null,
        balance,
      };
    });
  const totalIncrease = roundMoney(lines.reduce((sum, line) => sum + (line.increase ?? 0), 0));
  const totalDecrease = roundMoney(lines.reduce((sum, line) => sum + (line.decrease ?? 0), 0));
  return {
    partnerId: input.partnerId,
    side: input.side,
    from: input.from,
    to: input.to,
    opening,
    lines,
    totalIncrease,
    totalDecrease,
    closing: roundMoney(opening + totalIncrease - totalDecrease),
  };
}
