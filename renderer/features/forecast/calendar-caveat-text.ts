// The forecast's doubt about holiday dates in the user's words (apart from React, so Node tests read it).
import type { TFunction } from 'i18next';
import type { CalendarCaveat } from '../../../shared/forecast';

export function calendarCaveatTexts(caveat: CalendarCaveat | null, t: TFunction, language: string): string[] {
  if (!caveat) return [];
  const years = (list: readonly number[]) => list.join(language === 'en' ? ', ' : '、');
  const texts: string[] = [];
  if (caveat.provisionalYears.length > 0) texts.push(t('forecast.calendarCaveat.provisional', { years: years(caveat.provisionalYears) }));
  if (caveat.missingYears.length > 0) texts.push(t('forecast.calendarCaveat.missing', { years: years(caveat.missingYears) }));
  return texts;
}
