/**
 * Each company's books and the group's (合并, issue 17). A company's books are the journal entries
 * of its sites. The consolidated books are every entry plus elimination entries (合并抵销分录):
 * for each document between two companies — it names the partner standing for the other company —
 * its inter-company receivable and payable (1122, 2202) are taken out, and for a shipment its sale
 * at cost too (Dr COGS 6401 / Cr Revenue 6001); a shipment the other company has not received yet
 * is put back as the group's goods in transit (Dr 1402). So the group's trial balance reads as if
 * the companies were one: stock left one site and arrived at another, and nothing was sold.
 */
import { accountCodes, companiesFrom, companyOf, companyPartnerIds, roundMoney, sitesOfCompany } from '../domain';
import { isShipmentType, type ConfigDoc, type DocumentDoc, type JournalDoc, type JournalLine } from '../schemas';
import { trialBalance, type JournalFilter, type TrialBalance } from './journal-view';

const interCompanyAccounts: ReadonlySet<string> = new Set([accountCodes.receivable, accountCodes.payable]);
const shipmentSaleAccounts: ReadonlySet<string> = new Set([accountCodes.revenue, accountCodes.costOfSales]);

const reversed = (line: JournalLine): JournalLine => ({ accountCode: line.accountCode, debit: line.credit, credit: line.debit });

/** The elimination entries for the entries of documents between two companies. */
export function eliminationEntries(
  entries: readonly JournalDoc[],
  documents: readonly DocumentDoc[],
  config: readonly ConfigDoc[],
): JournalDoc[] {
  const partners = companyPartnerIds(companiesFrom(config));
  if (partners.size === 0) return [];
  const byId = new Map(documents.map((document) => [document.id, document]));
  const received = new Set(
    documents.flatMap((document) => (document.type === 'store-receipt' && document.status === 'posted' ? [document.dispatchId] : [])),
  );
  const eliminations: JournalDoc[] = [];
  for (const entry of entries) {
    const document = byId.get(entry.docId);
    if (!document?.partnerId || !partners.has(document.partnerId)) continue;
    const shipment = isShipmentType(document.type);
    const taken = entry.lines.filter(
      (line) => interCompanyAccounts.has(line.accountCode) || (shipment && shipmentSaleAccounts.has(line.accountCode)),
    );
    if (taken.length === 0) continue;
    const lines = taken.map(reversed);
    if (shipment && !received.has(document.id)) {
      // Still on its way inside the group: what left the sender's inventory is the group's in transit.
      const cost = roundMoney(
        taken.filter((line) => line.accountCode === accountCodes.costOfSales).reduce((sum, line) => sum + line.debit, 0),
      );
      if (cost > 0) lines.push({ accountCode: accountCodes.inTransit, debit: cost, credit: 0 });
    }
    eliminations.push({ ...entry, id: `elimination:${entry.id}`, memo: `elimination ${entry.docNumber}`, lines });
  }
  return eliminations;
}

/** One company's trial balance: the entries of its sites. */
export function companyTrialBalance(
  entries: readonly JournalDoc[],
  config: readonly ConfigDoc[],
  companyId: string,
  filter: Omit<JournalFilter, 'accountCode' | 'siteIds'> = {},
): TrialBalance {
  const companies = companiesFrom(config);
  const siteIds = sitesOfCompany(companies, companyId, [...new Set(entries.map((entry) => entry.siteId))]);
  return trialBalance(entries, { ...filter, siteIds });
}

/** The group's trial balance: every company's entries with the inter-company amounts eliminated. */
export function consolidatedTrialBalance(
  entries: readonly JournalDoc[],
  documents: readonly DocumentDoc[],
  config: readonly ConfigDoc[],
  filter: Omit<JournalFilter, 'accountCode' | 'siteIds'> = {},
): TrialBalance & { eliminations: JournalDoc[] } {
  const eliminations = eliminationEntries(entries, documents, config);
  return { ...trialBalance([...entries, ...eliminations], filter), eliminations };
}

/** The company a journal entry belongs to (its site's). */
export function companyOfEntry(entry: Pick<JournalDoc, 'siteId'>, config: readonly ConfigDoc[]): string {
  return companyOf(companiesFrom(config), entry.siteId);
}
