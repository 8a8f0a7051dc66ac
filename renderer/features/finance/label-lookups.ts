// Names in the UI language for ids the books carry, without React: the screens' hook and the
// tests that check a zh-CN journal export shows no raw id build them the same way.
import { shownDocument, type PartnerDoc, type PersonDoc, type SiteDoc } from '../../../shared/schemas';

export type UiLanguage = 'zh-CN' | 'en';

export interface Labels {
  language: UiLanguage;
  site(id: string): string;
  partner(id: string | undefined): string;
  category(key: string): string;
  docType(type: string): string;
  status(status: string): string;
  /** A person by personId (issue 15), '—' for none; one this terminal has no account of shows as the id. */
  person(id: string | undefined): string;
}

export interface Translator {
  t(key: string): string;
  exists(key: string): boolean;
}

export function makeLabels(
  translator: Translator,
  language: UiLanguage,
  sites: readonly Pick<SiteDoc, 'id' | 'name' | 'nameEn'>[],
  partners: readonly Pick<PartnerDoc, 'id' | 'name' | 'nameEn'>[],
  people: readonly Pick<PersonDoc, 'personId' | 'name' | 'nameEn'>[] = [],
): Labels {
  const personNames = new Map(people.map((p) => [p.personId, language === 'en' && p.nameEn ? p.nameEn : p.name]));
  const siteNames = new Map(sites.map((s) => [s.id, language === 'en' && s.nameEn ? s.nameEn : s.name]));
  const partnerNames = new Map(partners.map((p) => [p.id, language === 'en' && p.nameEn ? p.nameEn : p.name]));
  const known = (key: string, fallback: string) => (translator.exists(key) ? translator.t(key) : fallback);
  return {
    language,
    site: (id) => siteNames.get(id) ?? id,
    partner: (id) => (id ? (partnerNames.get(id) ?? id) : '—'),
    category: (key) => known(`finance.categories.${key}`, key),
    // A type a newer version added reads as 其他单据 / Other document (shownDocument).
    docType: (type) => known(`finance.docTypes.${shownDocument({ type }).kind}`, type),
    status: (status) => known(`finance.statuses.${status}`, status),
    person: (id) => (id ? (personNames.get(id) ?? id) : '—'),
  };
}
