/**
 * Partner ledgers (往来账): receivables per customer and payables per supplier, read from the
 * journal's AR/AP lines, with the partner taken from the posting document, and aged at a date
 * (账龄分析).
 */
import type { DocumentDoc, JournalDoc, PartnerDoc } from '../schemas';
import { accountCodes, daysBetween, roundMoney } from '../domain';

export type PartnerSide = 'receivable' | 'payable';

export const ageingBuckets = ['0-30', '31-60', '61-90', '90+'] as const;
export type AgeingBucket = (typeof ageingBuckets)[number];

/** Days 0–30 → '0-30', 31–60, 61–90, over 90 → '90+'; a future-dated item counts as current. */
export function ageingBucket(ageDays: number): AgeingBucket {
  if (ageDays <= 30) return '0-30';
  if (ageDays <= 60) return '31-60';
  if (ageDays <= 90) return '61-90';
  return '90+';
}

export interface PartnerLedgerItem {
  entryId: string;
  docId: string;
  docNumber: string;
  businessDate: string;
  /** Positive increases what is owed (invoice), negative decreases it (return, payment, reversal). */
  amount: number;
  /** A reversal (红冲) settles the document it reverses before anything else. */
  settlesDocId?: string;
}

export interface OpenItem {
  docNumber: string;
  businessDate: string;
  open: number;
  ageDays: number;
  bucket: AgeingBucket;
}

export interface PartnerBalance {
  /** '' for entries whose document names no partner (shown as "unassigned"). */
  partnerId: string;
  partnerName: string;
  side: PartnerSide;
  accountCode: string;
  balance: number;
  ageing: Record<AgeingBucket, number>;
  openItems: OpenItem[];
  items: PartnerLedgerItem[];
}

export interface PartnerLedgerInput {
  journal: readonly JournalDoc[];
  documents: readonly DocumentDoc[];
  partners?: readonly PartnerDoc[];
  /** Ageing date; entries dated after it are left out. */
  asOf: string;
  siteIds?: readonly string[];
  language?: 'zh-CN' | 'en';
  receivableAccount?: string;
  payableAccount?: string;
}

/** The partner of the document that posted an entry; a reversal (红冲) inherits its original's. */
function partnerOf(docId: string, documents: ReadonlyMap<string, DocumentDoc>): string {
  const document = documents.get(docId);
  if (!document) return '';
  if (document.partnerId !== undefined) return document.partnerId;
  if (document.reversesDocId !== undefined) return documents.get(document.reversesDocId)?.partnerId ?? '';
  return '';
}

/**
 * Open items: a reversal first cancels the document it reverses; other decreases (returns,
 * payments) settle the oldest increases first (FIFO settlement, the usual convention when they
 * are not matched to invoices). What stays open is aged from its entry's business date; a net
 * overpayment shows as a negative current amount.
 */
function ageItems(items: readonly PartnerLedgerItem[], asOf: string): OpenItem[] {
  const open = items.filter((item) => item.amount > 0).map((item) => ({ ...item, open: item.amount }));
  let settle = 0;
  for (const item of items) {
    if (item.amount >= 0) continue;
    let left = -item.amount;
    for (const target of open) {
      if (left <= 0 || item.settlesDocId === undefined || target.docId !== item.settlesDocId) continue;
      const used = Math.min(target.open, left);
      target.open -= used;
      left -= used;
    }
    settle += left;
  }
  for (const item of open) {
    if (settle <= 0) break;
    const used = Math.min(item.open, settle);
    item.open -= used;
    settle -= used;
  }
  const result: OpenItem[] = open
    .filter((item) => roundMoney(item.open) !== 0)
    .map((item) => {
      const ageDays = Math.max(0, daysBetween(item.businessDate, asOf));
      return {
        docNumber: item.docNumber,
        businessDate: item.businessDate,
        open: roundMoney(item.open),
        ageDays,
        bucket: ageingBucket(ageDays),
      };
    });
  if (roundMoney(settle) > 0) result.push({ docNumber: '', businessDate: asOf, open: -roundMoney(settle), ageDays: 0, bucket: '0-30' });
  return result;
}

/** Receivables and payables per partner at `asOf`, with ageing; partners with a zero balance and no items are omitted. */
export function partnerLedgers(input: PartnerLedgerInput): PartnerBalance[] {
  const receivable = input.receivableAccount ?? accountCodes.receivable;
  const payable = input.payableAccount ?? accountCodes.payable;
  const documents = new Map(input.documents.map((document) => [document.id, document]));
  const partners = new Map((input.partners ?? []).map((partner) => [partner.id, partner]));
  const sites = input.siteIds ? new Set(input.siteIds) : null;
  const groups = new Map<string, { partnerId: string; side: PartnerSide; accountCode: string; items: PartnerLedgerItem[] }>();

  const entries = input.journal
    .filter((entry) => entry.businessDate <= input.asOf && (sites === null || sites.has(entry.siteId)))
    .sort((a, b) => (a.businessDate === b.businessDate ? (a.at < b.at ? -1 : 1) : a.businessDate < b.businessDate ? -1 : 1));
  for (const entry of entries) {
    for (const line of entry.lines) {
      const side: PartnerSide | null = line.accountCode === receivable ? 'receivable' : line.accountCode === payable ? 'payable' : null;
      if (side === null) continue;
      // A receivable grows by debits, a payable by credits.
      const amount = side === 'receivable' ? line.debit - line.credit : line.credit - line.debit;
      if (amount === 0) continue;
      const partnerId = partnerOf(entry.docId, documents);
      const reverses = documents.get(entry.docId)?.reversesDocId;
      const key = `${side}\u0000${partnerId}`;
      let group = groups.get(key);
      if (!group) {
        group = { partnerId, side, accountCode: line.accountCode, items: [] };
        groups.set(key, group);
      }
      group.items.push({
        entryId: entry.id,
        docId: entry.docId,
        docNumber: entry.docNumber,
        businessDate: entry.businessDate,
        amount,
        ...(reverses === undefined ? {} : { settlesDocId: reverses }),
      });
    }
  }

  const language = input.language ?? 'zh-CN';
  return [...groups.values()]
    .map((group) => {
      const openItems = ageItems(group.items, input.asOf);
      const ageing: Record<AgeingBucket, number> = { '0-30': 0, '31-60': 0, '61-90': 0, '90+': 0 };
      for (const item of openItems) ageing[item.bucket] = roundMoney(ageing[item.bucket] + item.open);
      const partner = partners.get(group.partnerId);
      const partnerName = partner ? (language === 'en' ? (partner.nameEn ?? partner.name) : partner.name) : group.partnerId;
      return {
        partnerId: group.partnerId,
        partnerName,
        side: group.side,
        accountCode: group.accountCode,
        balance: roundMoney(group.items.reduce((sum, item) => sum + item.amount, 0)),
        ageing,
        openItems,
        items: group.items,
      };
    })
    .sort((a, b) =>
      a.side === b.side ? (a.partnerName < b.partnerName ? -1 : a.partnerName > b.partnerName ? 1 : 0) : a.side < b.side ? -1 : 1,
    );
}

/** Totals per side and bucket: the footer of the ageing report. */
export function ageingTotals(
  balances: readonly PartnerBalance[],
  side: PartnerSide,
): { balance: number; ageing: Record<AgeingBucket, number> } {
  const ageing: Record<AgeingBucket, number> = { '0-30': 0, '31-60': 0, '61-90': 0, '90+': 0 };
  let balance = 0;
  for (const row of balances) {
    if (row.side !== side) continue;
    balance += row.balance;
    for (const bucket of ageingBuckets) ageing[bucket] = roundMoney(ageing[bucket] + row.ageing[bucket]);
  }
  return { balance: roundMoney(balance), ageing };
}
