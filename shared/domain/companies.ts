// Several companies in one organisation (多组织, issue 17): HQ names the legal entities and which
// sites each holds (config 'companies'); a site no company names belongs to the organisation's
// own company, so an organisation that never sets this is one company, as all its data was. Each
// company is also a partner (a customer and supplier record) in the other companies' books: a
// dispatch or transfer between sites of two companies is a sale by the sender's company to the
// receiver's, and its receipt the receiver's purchase (postings/dispatch.ts, store-receipt.ts).
import type { ConfigDoc } from '../schemas';

export interface Company {
  id: string;
  name: string;
  nameEn?: string;
  /** The partner that stands for this company in the other companies' books. */
  partnerId?: string;
}

export interface Companies {
  companies: Company[];
  /** Site id → company id; sites not named are the main company's. */
  sites: Record<string, string>;
}

/** The organisation's own company: every site no other company holds. */
export const MAIN_COMPANY_ID = 'main';

function readCompany(raw: unknown): Company | null {
  const company = raw as Partial<Company> | null;
  if (!company || typeof company.id !== 'string' || !company.id || typeof company.name !== 'string' || !company.name.trim()) return null;
  return {
    id: company.id,
    name: company.name.trim(),
    ...(typeof company.nameEn === 'string' && company.nameEn.trim() ? { nameEn: company.nameEn.trim() } : {}),
    ...(typeof company.partnerId === 'string' && company.partnerId ? { partnerId: company.partnerId } : {}),
  };
}

/** HQ's companies (the main one first, named "main" until HQ names it) and the site map. */
export function companiesFrom(config: readonly ConfigDoc[]): Companies {
  const value = config.find((entry) => entry.key === 'companies' && !entry.siteId)?.value as
    { companies?: unknown; sites?: unknown } | undefined;
  const listed = Array.isArray(value?.companies) ? value.companies.flatMap((raw: unknown) => readCompany(raw) ?? []) : [];
  const companies = listed.some((company) => company.id === MAIN_COMPANY_ID)
    ? listed
    : [{ id: MAIN_COMPANY_ID, name: MAIN_COMPANY_ID }, ...listed];
  const known = new Set(companies.map((company) => company.id));
  const sites: Record<string, string> = {};
  if (value?.sites && typeof value.sites === 'object')
    for (const [siteId, companyId] of Object.entries(value.sites as Record<string, unknown>))
      if (typeof companyId === 'string' && known.has(companyId)) sites[siteId] = companyId;
  return { companies, sites };
}

/** Whether HQ has named the company: the organisation's own one is called "main" until it does. */
export function isNamedCompany(company: Company): boolean {
  return !(company.id === MAIN_COMPANY_ID && company.name === MAIN_COMPANY_ID);
}

/** The name a screen shows: HQ's (its English one in English), or `unnamed` for the organisation's own company HQ has not named. */
export function companyLabel(company: Company, language: string, unnamed: string): string {
  if (!isNamedCompany(company)) return unnamed;
  return language === 'en' && company.nameEn ? company.nameEn : company.name;
}

export function companyOf(companies: Companies, siteId: string): string {
  return companies.sites[siteId] ?? MAIN_COMPANY_ID;
}

/** The sites of `companyId` among `siteIds`. */
export function sitesOfCompany(companies: Companies, companyId: string, siteIds: readonly string[]): string[] {
  return siteIds.filter((siteId) => companyOf(companies, siteId) === companyId);
}

/**
 * Between sites of two companies, the partner that stands for `counterpartSiteId`'s company in
 * `siteId`'s books; undefined within one company (or when HQ named no partner for it, then the
 * shipment stays an internal one: the books say so by the missing partner).
 */
export function interCompanyPartner(companies: Companies, siteId: string, counterpartSiteId: string): string | undefined {
  const mine = companyOf(companies, siteId);
  const theirs = companyOf(companies, counterpartSiteId);
  if (mine === theirs) return undefined;
  return companies.companies.find((company) => company.id === theirs)?.partnerId;
}

/** The partners that stand for companies: documents naming one are between companies. */
export function companyPartnerIds(companies: Companies): Set<string> {
  return new Set(companies.companies.flatMap((company) => (company.partnerId ? [company.partnerId] : [])));
}
