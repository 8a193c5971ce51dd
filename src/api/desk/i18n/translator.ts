import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import type { LocalDate } from '../../../rules/types';
import type { LocalizedText } from '../../../rules/localized-text';
import type { DeskLanguage } from '../desk-language';
import { MESSAGES_EN, type MessageKey } from './messages-en';
import { MESSAGES_RU } from './messages-ru';

const CATALOGUES: Record<DeskLanguage, Record<MessageKey, string>> = { en: MESSAGES_EN, ru: MESSAGES_RU };

/** Russian dates as offices write them (26.05.2016); English ones with the month named (26 May 2016), which no reader misreads as May the 26th's US order. */
const DATE_FORMATS: Record<DeskLanguage, Intl.DateTimeFormat> = {
  ru: new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** Parsed once per language and key: a page formats the same few messages many times. */
const compiled = new Map<string, IntlMessageFormat>();

function messageFormat(language: DeskLanguage, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${language}:${key}`;
  let format = compiled.get(cacheKey);
  if (!format) compiled.set(cacheKey, (format = new IntlMessageFormat(CATALOGUES[language][key], language)));
  return format;
}

export interface Translator {
  language: DeskLanguage;
  /** The catalogue's message, with its plural forms and values filled in. */
  t(key: MessageKey, values?: Record<string, PrimitiveType>): string;
  /** A legal date (a local date, no time of day) as people of this language write it. */
  date(date: LocalDate): string;
  /** A title the rules carry in both languages, in this one. */
  text(text: LocalizedText): string;
}

export function translator(language: DeskLanguage): Translator {
  return {
    language,
    t: (key, values) => String(messageFormat(language, key).format(values)),
    date: (date) => {
      const [year, month, day] = date.split('-').map(Number);
      return DATE_FORMATS[language].format(new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)));
    },
    text: (text) => text[language],
  };
}
