// A customer's credit (issue 17): what it owes at a site, read from that site's documents — sales
// on account, less returns of them (credit notes) and its payments, none that a reversal cancelled
// — and by how much a new sale on account would take it past its credit limit (partners v4
// `creditLimit`). The books say the
// same through the journal (shared/finance/partner-ledger.ts); a terminal's command reads
// documents, which it holds whole for its own site.
import type { DocumentDoc, PartnerDoc } from '../schemas';
import { roundMoney } from './numbers';

const valueOf = (document: DocumentDoc) => document.lines.reduce((sum, line) => sum + line.qty * (line.unitPrice ?? 0), 0);

/** What `partnerId` owes at `siteId` by its posted documents there. */
export function customerBalance(documents: readonly DocumentDoc[], partnerId: string, siteId: string): number {
  // A sale or credit note cancelled by a reversal (红冲) no longer counts: its original stays 'posted'.
  const reversed = new Set(
    documents.flatMap((doc) => (doc.type === 'reversal' && doc.status === 'posted' && doc.reversesDocId ? [doc.reversesDocId] : [])),
  );
  let balance = 0;
  for (const document of documents) {
    if (document.siteId !== siteId || document.partnerId !== partnerId || document.status !== 'posted' || reversed.has(document.id))
      continue;
    if (document.type === 'sale' && document.paymentMethod === 'credit') balance += valueOf(document);
    else if (document.type === 'return' && document.returnDirection === 'from-customer' && document.paymentMethod === 'credit')
      balance -= valueOf(document);
    else if (document.type === 'payment' && document.paymentDirection === 'from-customer') balance -= document.amount;
  }
  return roundMoney(balance);
}

/** How far past its limit the customer would be after `sale` (0 when within it, or it has no limit). */
export function creditLimitExcess(sale: DocumentDoc, customer: PartnerDoc | undefined, documents: readonly DocumentDoc[]): number {
  if (sale.type !== 'sale' || sale.paymentMethod !== 'credit' || !sale.partnerId || customer?.creditLimit === undefined) return 0;
  const after = customerBalance(documents, sale.partnerId, sale.siteId) + valueOf(sale);
  return Math.max(0, roundMoney(after - customer.creditLimit));
}
