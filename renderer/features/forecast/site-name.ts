import type { SiteDoc } from '../../../shared/schemas';

export function siteName(site: Pick<SiteDoc, 'name' | 'nameEn'>, language: string): string {
  return language === 'en' && site.nameEn ? site.nameEn : site.name;
}
