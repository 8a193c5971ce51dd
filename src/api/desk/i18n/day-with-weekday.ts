import type { LocalDate } from '../../../rules/types';
import type { DeskLanguage } from '../desk-language';
import type { Translator } from './translator';

const WEEKDAYS: Record<DeskLanguage, Intl.DateTimeFormat> = {
  ru: new Intl.DateTimeFormat('ru-RU', { weekday: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }),
};

/** A due date with its day of the week (26.02.2016, пятница; 26 February 2016, Friday): whether it falls before a weekend matters to whoever acts. */
export function dayWithWeekday(t: Translator, date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${t.date(date)}, ${WEEKDAYS[t.language].format(new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)))}`;
}
