// Names in the UI language for ids the books carry (sites, partners, categories, document types),
// shared by the finance, purchasing and reports screens.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { shownDocument, type PartnerDoc, type SiteDoc } from '../../../shared/schemas';
import { useRxQuery } from '../../db/hooks';

export type UiLanguage = 'zh-CN' | 'en';

export function useUiLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export function useSites(): SiteDoc[] | null {
  return useRxQuery<SiteDoc>((db) => db.sites.find(), []);
}

export function usePartners(): PartnerDoc[] | null {
  return useRxQuery<PartnerDoc>((db) => db.partners.find(), []);
}

export interface Labels {
  language: UiLanguage;
  site(id: string): string;
  partner(id: string | undefined): string;
  category(key: string): string;
  docType(type: string): string;
  status(status: string): string;
}

/** Label lookups; an id nobody named yet shows as itself rather than as a blank. */
export function useLabels(): Labels {
  const { t, i18n } = useTranslation();
  const language = useUiLanguage();
  const sites = useSites();
  const partners = usePartners();
  const siteNames = useMemo(
    () => new Map((sites ?? []).map((s) => [s.id, language === 'en' && s.nameEn ? s.nameEn : s.name])),
    [sites, language],
  );
  const partnerNames = useMemo(
    () => new Map((partners ?? []).map((p) => [p.id, language === 'en' && p.nameEn ? p.nameEn : p.name])),
    [partners, language],
  );
  const known = useCallback((key: string, fallback: string) => (i18n.exists(key) ? t(key) : fallback), [i18n, t]);
  return useMemo(
    () => ({
      language,
      site: (id) => siteNames.get(id) ?? id,
      partner: (id) => (id ? (partnerNames.get(id) ?? id) : '—'),
      category: (key) => known(`finance.categories.${key}`, key),
      // A type a newer version added reads as 其他单据 / Other document (shownDocument).
      docType: (type) => known(`finance.docTypes.${shownDocument({ type }).kind}`, type),
      status: (status) => known(`finance.statuses.${status}`, status),
    }),
    [language, siteNames, partnerNames, known],
  );
}
