import type { CalendarDataInput } from '../calendar/schema';
import { CALENDAR_FIRST_VERSIONED } from '../first-versions';

const CATHOLIC_SOUTH_WEST = ['BW', 'BY', 'NW', 'RP', 'SL'];

/**
 * German public holidays: the federal ones everywhere, and the Land holidays of the Land given as the `land`
 * fact (BGB 193 looks at the place where the act is done, i.e. the court's seat). Holidays of single
 * municipalities (Assumption Day in Catholic Bavarian communities, Augsburg's Peace Festival) are not the Land's:
 * the asylum pack adds them as days off of the court's seat (its `courtSeat` fact).
 */
export const DE_CALENDAR: CalendarDataInput = {
  id: 'de-public-holidays',
  name: { en: 'German public holidays', ru: 'праздничные дни Германии' },
  changelog: [CALENDAR_FIRST_VERSIONED],
  weekendDays: [6, 7],
  holidayNames: {
    'new-year': { en: "New Year's Day (Neujahr)", ru: 'Новый год' },
    epiphany: { en: 'Epiphany (Heilige Drei Könige)', ru: 'Богоявление' },
    'womens-day': { en: "International Women's Day (Frauentag)", ru: 'Международный женский день' },
    'good-friday': { en: 'Good Friday (Karfreitag)', ru: 'Страстная пятница' },
    'easter-monday': { en: 'Easter Monday (Ostermontag)', ru: 'Пасхальный понедельник' },
    'labour-day': { en: 'Labour Day (Tag der Arbeit)', ru: 'День труда' },
    'liberation-day': { en: 'Liberation Day (Tag der Befreiung)', ru: 'День освобождения' },
    ascension: { en: 'Ascension Day (Christi Himmelfahrt)', ru: 'Вознесение' },
    'whit-monday': { en: 'Whit Monday (Pfingstmontag)', ru: 'Духов день' },
    'corpus-christi': { en: 'Corpus Christi (Fronleichnam)', ru: 'Праздник Тела и Крови Христовых' },
    assumption: { en: 'Assumption Day (Mariä Himmelfahrt)', ru: 'Успение Богородицы' },
    'childrens-day': { en: "World Children's Day (Weltkindertag)", ru: 'Всемирный день детей' },
    'unity-day': { en: 'German Unity Day (Tag der Deutschen Einheit)', ru: 'День германского единства' },
    'reformation-day': { en: 'Reformation Day (Reformationstag)', ru: 'День Реформации' },
    'all-saints': { en: "All Saints' Day (Allerheiligen)", ru: 'День всех святых' },
    'repentance-day': { en: 'Day of Repentance and Prayer (Buß- und Bettag)', ru: 'День покаяния и молитвы' },
    christmas: { en: 'Christmas Day (1. Weihnachtstag)', ru: 'Рождество' },
    'st-stephens-day': { en: "St Stephen's Day (2. Weihnachtstag)", ru: 'второй день Рождества' },
  },
  fixedHolidays: {
    '01-01': 'new-year',
    '05-01': 'labour-day',
    '10-03': 'unity-day',
    '12-25': 'christmas',
    '12-26': 'st-stephens-day',
  },
  regions: {
    BW: { en: 'Baden-Württemberg', ru: 'Баден-Вюртемберг' },
    BY: { en: 'Bavaria', ru: 'Бавария' },
    BE: { en: 'Berlin', ru: 'Берлин' },
    BB: { en: 'Brandenburg', ru: 'Бранденбург' },
    HB: { en: 'Bremen', ru: 'Бремен' },
    HH: { en: 'Hamburg', ru: 'Гамбург' },
    HE: { en: 'Hesse', ru: 'Гессен' },
    MV: { en: 'Mecklenburg-Western Pomerania', ru: 'Мекленбург — Передняя Померания' },
    NI: { en: 'Lower Saxony', ru: 'Нижняя Саксония' },
    NW: { en: 'North Rhine-Westphalia', ru: 'Северный Рейн — Вестфалия' },
    RP: { en: 'Rhineland-Palatinate', ru: 'Рейнланд-Пфальц' },
    SL: { en: 'Saarland', ru: 'Саар' },
    SN: { en: 'Saxony', ru: 'Саксония' },
    ST: { en: 'Saxony-Anhalt', ru: 'Саксония-Анхальт' },
    SH: { en: 'Schleswig-Holstein', ru: 'Шлезвиг-Гольштейн' },
    TH: { en: 'Thuringia', ru: 'Тюрингия' },
  },
  holidayRules: {
    coverage: { from: 2014, to: 2030 },
    source: {
      en: 'German public holidays (Einigungsvertrag art. 2 for 3 October; the Länder holiday acts), generated from their rules',
      ru: 'праздничные дни Германии (Договор об объединении, ст. 2, для 3 октября; законы земель о праздниках), рассчитаны по их правилам',
    },
    observance: 'none',
    specs: [
      { name: 'new-year', rule: { type: 'fixed', month: 1, day: 1 } },
      { name: 'good-friday', rule: { type: 'easter', offsetDays: -2 } },
      { name: 'easter-monday', rule: { type: 'easter', offsetDays: 1 } },
      { name: 'labour-day', rule: { type: 'fixed', month: 5, day: 1 } },
      { name: 'ascension', rule: { type: 'easter', offsetDays: 39 } },
      { name: 'whit-monday', rule: { type: 'easter', offsetDays: 50 } },
      { name: 'unity-day', rule: { type: 'fixed', month: 10, day: 3 } },
      // The 500th anniversary of the Reformation was a one-off holiday in every Land.
      { name: 'reformation-day', rule: { type: 'fixed', month: 10, day: 31 }, years: [2017] },
      { name: 'christmas', rule: { type: 'fixed', month: 12, day: 25 } },
      { name: 'st-stephens-day', rule: { type: 'fixed', month: 12, day: 26 } },
      { name: 'epiphany', rule: { type: 'fixed', month: 1, day: 6 }, regions: ['BW', 'BY', 'ST'] },
      { name: 'womens-day', rule: { type: 'fixed', month: 3, day: 8 }, regions: ['BE'], fromYear: 2019 },
      { name: 'womens-day', rule: { type: 'fixed', month: 3, day: 8 }, regions: ['MV'], fromYear: 2023 },
      { name: 'liberation-day', rule: { type: 'fixed', month: 5, day: 8 }, regions: ['BE'], years: [2020, 2025] },
      { name: 'corpus-christi', rule: { type: 'easter', offsetDays: 60 }, regions: [...CATHOLIC_SOUTH_WEST, 'HE'] },
      { name: 'assumption', rule: { type: 'fixed', month: 8, day: 15 }, regions: ['SL'] },
      { name: 'childrens-day', rule: { type: 'fixed', month: 9, day: 20 }, regions: ['TH'], fromYear: 2019 },
      { name: 'reformation-day', rule: { type: 'fixed', month: 10, day: 31 }, regions: ['BB', 'MV', 'SN', 'ST', 'TH'] },
      { name: 'reformation-day', rule: { type: 'fixed', month: 10, day: 31 }, regions: ['HB', 'HH', 'NI', 'SH'], fromYear: 2018 },
      { name: 'all-saints', rule: { type: 'fixed', month: 11, day: 1 }, regions: CATHOLIC_SOUTH_WEST },
      { name: 'repentance-day', rule: { type: 'weekday-before', month: 11, day: 23, weekday: 3 }, regions: ['SN'] },
    ],
  },
};
