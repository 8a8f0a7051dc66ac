// Names in the UI language for ids the books carry (sites, partners, categories, document types),
// shared by the finance, purchasing and reports screens.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerDoc, PersonDoc, SiteDoc } from '../../../shared/schemas';
import { useRxQuery } from '../../db/hooks';
import { makeLabels, type Labels, type UiLanguage } from './label-lookups';

export type { Labels, UiLanguage };

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

/** Label lookups; an id nobody named yet shows as itself rather than as a blank. */
export function useLabels(): Labels {
  const { t, i18n } = useTranslation();
  const language = useUiLanguage();
  const sites = useSites();
  const partners = usePartners();
  const people = useRxQuery<PersonDoc>((db) => db.people.find(), []);
  return useMemo(
    () => makeLabels({ t, exists: (key) => i18n.exists(key) }, language, sites ?? [], partners ?? [], people ?? []),
    [t, i18n, language, sites, partners, people],
  );
}
