/**
 * Journal queries (查询凭证), balances, trial balance (试算平衡表) and drill-through between the
 * books and the documents, both ways by document id or number (DOMAIN.md, 业财一体化).
 */
import type { ConfigDoc, DocumentDoc, JournalDoc, MovementDoc, MovementKind } from '../schemas';
import { movementKinds } from '../schemas';
import { defaultAccountMapping, defaultChartOfAccounts, roundMoney, type Account, type AccountMapping, type AccountPair } from '../domain';

export type Language = 'zh-CN' | 'en';

export interface JournalFilter {
  /** Inclusive business dates. */
  from?: string;
  to?: string;
  /** Absent = every site (HQ view). */
  siteIds?: readonly string[];
  accountCode?: string;
  docType?: DocumentDoc['type'];
}

function inRange(date: string, filter: Pick<JournalFilter, 'from' | 'to'>): boolean {
  return (filter.from === undefined || date >= filter.from) && (filter.to === undefined || date <= filter.to);
}

/** Entries matching the filter (an account filter keeps entries touching that account), oldest first. */
export function filterEntries(entries: readonly JournalDoc[], filter: JournalFilter = {}): JournalDoc[] {
  const sites = filter.siteIds ? new Set(filter.siteIds) : null;
  return entries
    .filter(
      (entry) =>
        inRange(entry.businessDate, filter) &&
        (sites === null || sites.has(entry.siteId)) &&
        (filter.docType === undefined || entry.docType === filter.docType) &&
        (filter.accountCode === undefined || entry.lines.some((line) => line.accountCode === filter.accountCode)),
    )
    .sort((a, b) =>
      a.businessDate === b.businessDate ? (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) : a.businessDate < b.businessDate ? -1 : 1,
    );
}

/**
 * Names for the ids the books carry, in the reader's language: sites from the site documents,
 * document kinds from the UI's translations. Without them a row shows the raw ids.
 */
export interface BookNames {
  site(id: string): string;
  docType(type: string): string;
}

const RAW_NAMES: BookNames = { site: (id) => id, docType: (type) => type };

/**
 * The entry's 摘要 in the reader's language, from its structured fields: the stored `memo` is
 * English text written at posting time ("sale S-001", "reversal of W-3"), which a zh-CN journal
 * and its Excel export must not show.
 */
export function journalMemo(
  entry: Pick<JournalDoc, 'docType' | 'docNumber' | 'reversalOf'>,
  language: Language,
  names: BookNames,
  reversed?: Pick<JournalDoc, 'docType' | 'docNumber'>,
): string {
  if (entry.reversalOf !== undefined && reversed)
    return language === 'zh-CN'
      ? `红冲 ${names.docType(reversed.docType)} ${reversed.docNumber}`
      : `Reversal of ${names.docType(reversed.docType)} ${reversed.docNumber}`;
  return `${names.docType(entry.docType)} ${entry.docNumber}`;
}

/** One journal line with its entry's header: the row of a journal listing and a drill-through handle. */
export interface JournalRow {
  entryId: string;
  lineNo: number;
  siteId: string;
  /** The site's name in the row's language (the id when no names were given). */
  siteName: string;
  businessDate: string;
  docType: DocumentDoc['type'];
  /** The document kind in the row's language. */
  docTypeName: string;
  docId: string;
  docNumber: string;
  accountCode: string;
  accountName: string;
  debit: number;
  credit: number;
  memo: string;
  productId?: string;
}

export function journalRows(
  entries: readonly JournalDoc[],
  filter: JournalFilter = {},
  language: Language = 'zh-CN',
  names: BookNames = RAW_NAMES,
  chart: readonly Account[] = defaultChartOfAccounts,
): JournalRow[] {
  const rows: JournalRow[] = [];
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  for (const entry of filterEntries(entries, filter)) {
    const memo = journalMemo(entry, language, names, entry.reversalOf === undefined ? undefined : byId.get(entry.reversalOf));
    entry.lines.forEach((line, lineNo) => {
      if (filter.accountCode !== undefined && line.accountCode !== filter.accountCode) return;
      rows.push({
        entryId: entry.id,
        lineNo,
        siteId: entry.siteId,
        siteName: names.site(entry.siteId),
        businessDate: entry.businessDate,
        docType: entry.docType,
        docTypeName: names.docType(entry.docType),
        docId: entry.docId,
        docNumber: entry.docNumber,
        accountCode: line.accountCode,
        accountName: accountLabel(line.accountCode, language, chart),
        debit: line.debit,
        credit: line.credit,
        // A line's own memo is what a person typed; the entry's is generated, so it is rebuilt.
        memo: line.memo ?? memo,
        ...(line.productId === undefined ? {} : { productId: line.productId }),
      });
    });
  }
  return rows;
}

/** Account name in the UI language; an unknown code (a custom mapping's account) shows as itself. */
export function accountLabel(code: string, language: Language, chart: readonly Account[] = defaultChartOfAccounts): string {
  const account = chart.find((candidate) => candidate.code === code);
  if (!account) return code;
  return language === 'zh-CN' ? account.nameZh : account.nameEn;
}

export interface AccountBalance {
  accountCode: string;
  nameZh: string;
  nameEn: string;
  kind: Account['kind'] | 'unknown';
  debit: number;
  credit: number;
  /** Debit − credit: positive for asset/expense/cost balances, negative for liability/revenue. */
  balance: number;
}

/** Σ debit and Σ credit per account over the filtered entries, in account-code order. */
export function accountBalances(
  entries: readonly JournalDoc[],
  filter: Omit<JournalFilter, 'accountCode'> = {},
  chart: readonly Account[] = defaultChartOfAccounts,
): AccountBalance[] {
  const totals = new Map<string, { debit: number; credit: number }>();
  for (const entry of filterEntries(entries, filter)) {
    for (const line of entry.lines) {
      const total = totals.get(line.accountCode) ?? { debit: 0, credit: 0 };
      total.debit += line.debit;
      total.credit += line.credit;
      totals.set(line.accountCode, total);
    }
  }
  return [...totals]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, total]) => {
      const account = chart.find((candidate) => candidate.code === code);
      return {
        accountCode: code,
        nameZh: account?.nameZh ?? code,
        nameEn: account?.nameEn ?? code,
        kind: account?.kind ?? 'unknown',
        debit: roundMoney(total.debit),
        credit: roundMoney(total.credit),
        balance: roundMoney(total.debit - total.credit),
      };
    });
}

/** Balance of one account (debit − credit), e.g. inventory 1405 per site at a date. */
export function accountBalance(
  entries: readonly JournalDoc[],
  accountCode: string,
  filter: Omit<JournalFilter, 'accountCode'> = {},
): number {
  return accountBalances(entries, filter).find((row) => row.accountCode === accountCode)?.balance ?? 0;
}

export interface TrialBalance {
  rows: AccountBalance[];
  totalDebit: number;
  totalCredit: number;
  balanced: boolean;
}

export function trialBalance(
  entries: readonly JournalDoc[],
  filter: Omit<JournalFilter, 'accountCode'> = {},
  chart: readonly Account[] = defaultChartOfAccounts,
): TrialBalance {
  const rows = accountBalances(entries, filter, chart);
  const totalDebit = roundMoney(rows.reduce((sum, row) => sum + row.debit, 0));
  const totalCredit = roundMoney(rows.reduce((sum, row) => sum + row.credit, 0));
  return { rows, totalDebit, totalCredit, balanced: totalDebit === totalCredit };
}

// ---------------------------------------------------------------- drill-through

export interface DocumentPostings {
  document: DocumentDoc | undefined;
  entries: JournalDoc[];
  movements: MovementDoc[];
  /** Entries of reversal documents that cancel this one (红冲), so the screen can say so. */
  reversedBy: JournalDoc[];
}

/** Document → its journal entries and movements (and what reversed it). */
export function postingsOfDocument(
  docId: string,
  data: { documents: readonly DocumentDoc[]; journal: readonly JournalDoc[]; movements: readonly MovementDoc[] },
): DocumentPostings {
  const entries = data.journal.filter((entry) => entry.docId === docId);
  const ownIds = new Set(entries.map((entry) => entry.id));
  return {
    document: data.documents.find((document) => document.id === docId),
    entries,
    movements: data.movements.filter((movement) => movement.docId === docId).sort((a, b) => a.lineNo - b.lineNo),
    reversedBy: data.journal.filter((entry) => entry.reversalOf !== undefined && ownIds.has(entry.reversalOf)),
  };
}

/**
 * Journal line (or entry) → its document: by id first; by printed number (within the same site,
 * numbers being per-site) when the document id is not in the local store, e.g. an HQ entry for
 * a document a store terminal has not synced yet.
 */
export function documentOfEntry(
  entry: Pick<JournalDoc, 'docId' | 'docNumber' | 'siteId'> | Pick<JournalRow, 'docId' | 'docNumber' | 'siteId'>,
  documents: readonly DocumentDoc[],
): DocumentDoc | undefined {
  return (
    documents.find((document) => document.id === entry.docId) ??
    documents.find((document) => document.number === entry.docNumber && document.siteId === entry.siteId)
  );
}

/** Entries carrying a printed document number (search box on the journal screen). */
export function entriesByDocNumber(entries: readonly JournalDoc[], docNumber: string): JournalDoc[] {
  return entries.filter((entry) => entry.docNumber === docNumber);
}

// ---------------------------------------------------------------- account mapping

function isAccountPairPatch(value: unknown): value is Partial<AccountPair> {
  if (typeof value !== 'object' || value === null) return false;
  const patch = value as Record<string, unknown>;
  return (
    (patch.stock === undefined || typeof patch.stock === 'string') && (patch.counter === undefined || typeof patch.counter === 'string')
  );
}

/**
 * The mapping a site posts with: the default, then the organisation-wide `account-mapping`
 * config (no `siteId`), then the site's own, each overriding per movement kind and per side
 * (`{ waste: { counter: '6603' } }` changes only waste's counter account). Unknown kinds and
 * malformed values are ignored rather than failing a posting.
 */
export function accountMappingFor(siteId: string, configs: readonly ConfigDoc[]): AccountMapping {
  const merged: Record<MovementKind, AccountPair> = { ...defaultAccountMapping };
  const layers = configs
    .filter((config) => config.key === 'account-mapping' && (config.siteId === undefined || config.siteId === siteId))
    .sort((a, b) => Number(a.siteId !== undefined) - Number(b.siteId !== undefined));
  for (const layer of layers) {
    for (const kind of movementKinds) {
      const patch = layer.value[kind];
      if (!isAccountPairPatch(patch)) continue;
      merged[kind] = { stock: patch.stock ?? merged[kind].stock, counter: patch.counter ?? merged[kind].counter };
    }
  }
  return merged;
}

/** Accounts that hold stock value under a mapping (the inventory side of every stock-moving kind). */
export function inventoryAccounts(mapping: AccountMapping = defaultAccountMapping): string[] {
  const codes = new Set<string>();
  for (const kind of movementKinds) if (kind !== 'transit-loss') codes.add(mapping[kind].stock);
  return [...codes].sort();
}
