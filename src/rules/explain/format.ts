import type { DateTime } from 'luxon';
import type { DayInfo } from '../calendar/working-calendar';
import type { LocalizedText } from '../localized-text';
import type { PERIOD_UNITS } from '../pack/schema';

const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAYS_RU = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Fri 26 Feb 2016` / `пт, 26.02.2016`: fixed forms, independent of the host's locale data. */
export function formatDay(day: DateTime): LocalizedText {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return {
    en: `${WEEKDAYS_EN[day.weekday - 1]} ${day.day} ${MONTHS_EN[day.month - 1]} ${day.year}`,
    ru: `${WEEKDAYS_RU[day.weekday - 1]}, ${pad(day.day)}.${pad(day.month)}.${day.year}`,
  };
}

/** Russian nouns after numbers: 1 месяц, 2 месяца, 5 месяцев; fractions take the genitive singular. */
function russianPlural(amount: number, forms: readonly [string, string, string]): string {
  if (!Number.isInteger(amount)) return forms[1];
  const lastTwo = amount % 100;
  const last = amount % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

const UNIT_WORDS: Record<(typeof PERIOD_UNITS)[number], { en: readonly [string, string]; ru: readonly [string, string, string] }> = {
  days: { en: ['day', 'days'], ru: ['день', 'дня', 'дней'] },
  'working-days': { en: ['working day', 'working days'], ru: ['рабочий день', 'рабочих дня', 'рабочих дней'] },
  weeks: { en: ['week', 'weeks'], ru: ['неделя', 'недели', 'недель'] },
  months: { en: ['month', 'months'], ru: ['месяц', 'месяца', 'месяцев'] },
  years: { en: ['year', 'years'], ru: ['год', 'года', 'лет'] },
};

export function formatPeriod(amount: number, unit: (typeof PERIOD_UNITS)[number]): LocalizedText {
  const words = UNIT_WORDS[unit];
  return {
    en: `${amount} ${amount === 1 ? words.en[0] : words.en[1]}`,
    ru: `${String(amount).replace('.', ',')} ${russianPlural(amount, words.ru)}`,
  };
}

/** Why a day is or is not a working day, for roll-forward and counting steps. */
export function describeDay(info: DayInfo): LocalizedText {
  const named = (en: string, ru: string): LocalizedText =>
    info.name ? { en: `${en} (${info.name.en})`, ru: `${ru} (${info.name.ru})` } : { en, ru };
  switch (info.kind) {
    case 'working':
      return { en: 'a working day', ru: 'рабочий день' };
    case 'weekend':
      return { en: 'a weekend day', ru: 'выходной день' };
    case 'holiday':
      return named('a public holiday', 'нерабочий праздничный день');
    case 'transferred-day-off':
      return { en: `a transferred day off (${info.source.en})`, ru: `перенесённый выходной день (${info.source.ru})` };
    case 'working-weekend':
      return { en: `a weekend day made a working day (${info.source.en})`, ru: `выходной, перенесённый на рабочий день (${info.source.ru})` };
    case 'presidential-non-working':
      return named('a presidential non-working day', 'нерабочий день по указу Президента');
    case 'court-day-off':
      return { en: `a day the court does not work (${info.name?.en ?? ''}; ${info.source.en})`, ru: `нерабочий день суда (${info.name?.ru ?? ''}; ${info.source.ru})` };
  }
}

export const OWNER_TEXT: Readonly<Record<'applicant' | 'authority', LocalizedText>> = {
  applicant: { en: "applicant's side", ru: 'сторона заявителя' },
  authority: { en: 'the authority', ru: 'орган власти' },
};

export const CONFIDENCE_TEXT: Readonly<Record<string, LocalizedText>> = {
  high: { en: 'high', ru: 'высокая' },
  'medium-high': { en: 'medium-high', ru: 'выше средней' },
  medium: { en: 'medium', ru: 'средняя' },
  low: { en: 'low', ru: 'низкая' },
  unconfirmed: { en: 'unconfirmed', ru: 'не подтверждено' },
};

export const BASIS_TEXT: Readonly<Record<'statutory' | 'policy', LocalizedText>> = {
  statutory: { en: 'statutory', ru: 'по закону' },
  policy: { en: 'policy', ru: 'политика организации' },
};
