// A report's site filter with the organisation's companies in it (issue 17): a value is a site id,
// or `company:<id>` for all the sites of one company; the companies are offered only where the
// organisation has more than one.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { companiesFrom, companyLabel, sitesOfCompany } from '../../../shared/domain';
import type { ConfigDoc, SiteDoc } from '../../../shared/schemas';
import { useRxQuery } from '../../db/hooks';

const COMPANY = 'company:';

export function useCompanyScopes(sites: readonly SiteDoc[] | null): {
  /** Options for the organisation's companies (none with a single company). */
  companyOptions: { value: string; label: string }[];
  /** The sites a filter value stands for; undefined for '' (all). */
  siteIdsOf(value: string | undefined): string[] | undefined;
} {
  const { t, i18n } = useTranslation();
  const config = useRxQuery<ConfigDoc>((db) => db.config.find({ selector: { key: 'companies' } }), []);
  return useMemo(() => {
    const companies = companiesFrom(config ?? []);
    const allSites = (sites ?? []).map((site) => site.id);
    return {
      companyOptions:
        companies.companies.length > 1
          ? companies.companies.map((company) => ({
              value: `${COMPANY}${company.id}`,
              label: companyLabel(company, i18n.language, t('finance.companies.main')),
            }))
          : [],
      siteIdsOf: (value) => {
        if (!value) return undefined;
        return value.startsWith(COMPANY) ? sitesOfCompany(companies, value.slice(COMPANY.length), allSites) : [value];
      },
    };
  }, [config, sites, t, i18n.language]);
}
