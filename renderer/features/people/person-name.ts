import type { PersonDoc } from '../../../shared/schemas';

/** A person's name in the reader's language (the English name where there is one). */
export function personName(person: Pick<PersonDoc, 'name' | 'nameEn'>, language: string): string {
  return language === 'en' && person.nameEn ? person.nameEn : person.name;
}
