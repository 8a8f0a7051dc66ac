import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerDoc, SiteDoc } from '../../../shared/schemas';
import { useRxQuery } from '../../db/hooks';

/** A site's or partner's name in the UI language; the id when the document has not arrived yet. */
export function nameIn(doc: Pick<SiteDoc, 'name' | 'nameEn'> | undefined, id: string, language: string): string {
  if (!doc) return id;
  return language === 'en' && doc.nameEn ? doc.nameEn : doc.name;
}

/** Every site the terminal knows, and a lookup of their names (food-safety, exceptions and trace share it). */
export function useSites(): { sites: SiteDoc[] | null; siteName: (id: string) => string } {
  const { i18n } = useTranslation();
  const sites = useRxQuery<SiteDoc>((db) => db.sites.find(), []);
  const language = i18n.language;
  const siteName = useCallback(
    (id: string) =>
      nameIn(
        sites?.find((site) => site.id === id),
        id,
        language,
      ),
    [sites, language],
  );
  return { sites, siteName };
}

export function usePartners(): { partners: PartnerDoc[] | null; partnerName: (id: string) => string } {
  const { i18n } = useTranslation();
  const partners = useRxQuery<PartnerDoc>((db) => db.partners.find(), []);
  const language = i18n.language;
  const partnerName = useCallback(
    (id: string) =>
      nameIn(
        partners?.find((partner) => partner.id === id),
        id,
        language,
      ),
    [partners, language],
  );
  return { partners, partnerName };
}
