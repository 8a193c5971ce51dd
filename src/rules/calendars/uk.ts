import type { CalendarDataInput } from '../calendar/schema';
import { CALENDAR_FIRST_VERSIONED } from '../first-versions';

const BANK_HOLIDAYS = {
  en: 'England and Wales bank holidays (Banking and Financial Dealings Act 1971, sch. 1, and royal proclamations)',
  ru: 'банковские выходные Англии и Уэльса (Banking and Financial Dealings Act 1971, прил. 1, и королевские прокламации)',
};

/**
 * England and Wales bank holidays, year by year: substitutes and one-off days (2020 VE Day move, 2022 Platinum
 * Jubilee and State Funeral, 2023 Coronation) are proclaimed, not derivable, so this is a table.
 */
export const UK_CALENDAR: CalendarDataInput = {
  id: 'england-wales-bank-holidays',
  name: { en: 'England and Wales bank holidays', ru: 'банковские выходные Англии и Уэльса' },
  changelog: [CALENDAR_FIRST_VERSIONED],
  weekendDays: [6, 7],
  holidayNames: {
    'new-year': { en: "New Year's Day", ru: 'Новый год' },
    'new-year-substitute': { en: "New Year's Day (substitute day)", ru: 'Новый год (перенос)' },
    'good-friday': { en: 'Good Friday', ru: 'Страстная пятница' },
    'easter-monday': { en: 'Easter Monday', ru: 'Пасхальный понедельник' },
    'early-may': { en: 'Early May bank holiday', ru: 'майский банковский выходной' },
    'early-may-ve-day': { en: 'Early May bank holiday (VE day)', ru: 'майский банковский выходной (День Победы в Европе)' },
    spring: { en: 'Spring bank holiday', ru: 'весенний банковский выходной' },
    summer: { en: 'Summer bank holiday', ru: 'летний банковский выходной' },
    christmas: { en: 'Christmas Day', ru: 'Рождество' },
    'christmas-substitute': { en: 'Christmas Day (substitute day)', ru: 'Рождество (перенос)' },
    'boxing-day': { en: 'Boxing Day', ru: 'День подарков' },
    'boxing-day-substitute': { en: 'Boxing Day (substitute day)', ru: 'День подарков (перенос)' },
    'platinum-jubilee': { en: 'Platinum Jubilee bank holiday', ru: 'банковский выходной в честь платинового юбилея' },
    'state-funeral': { en: 'State Funeral of Queen Elizabeth II', ru: 'день похорон королевы Елизаветы II' },
    coronation: { en: 'Coronation of King Charles III', ru: 'коронация короля Карла III' },
  },
  fixedHolidays: { '01-01': 'new-year', '12-25': 'christmas', '12-26': 'boxing-day' },
  yearTable: [
    { year: 2014, source: BANK_HOLIDAYS, daysOff: '01-01, 04-18, 04-21, 05-05, 05-26, 08-25, 12-25, 12-26', names: { '04-18': 'good-friday', '04-21': 'easter-monday', '05-05': 'early-may', '05-26': 'spring', '08-25': 'summer' } },
    { year: 2015, source: BANK_HOLIDAYS, daysOff: '01-01, 04-03, 04-06, 05-04, 05-25, 08-31, 12-25, 12-28', names: { '04-03': 'good-friday', '04-06': 'easter-monday', '05-04': 'early-may', '05-25': 'spring', '08-31': 'summer', '12-28': 'boxing-day-substitute' } },
    { year: 2016, source: BANK_HOLIDAYS, daysOff: '01-01, 03-25, 03-28, 05-02, 05-30, 08-29, 12-26, 12-27', names: { '03-25': 'good-friday', '03-28': 'easter-monday', '05-02': 'early-may', '05-30': 'spring', '08-29': 'summer', '12-27': 'christmas-substitute' } },
    { year: 2017, source: BANK_HOLIDAYS, daysOff: '01-02, 04-14, 04-17, 05-01, 05-29, 08-28, 12-25, 12-26', names: { '01-02': 'new-year-substitute', '04-14': 'good-friday', '04-17': 'easter-monday', '05-01': 'early-may', '05-29': 'spring', '08-28': 'summer' } },
    { year: 2018, source: BANK_HOLIDAYS, daysOff: '01-01, 03-30, 04-02, 05-07, 05-28, 08-27, 12-25, 12-26', names: { '03-30': 'good-friday', '04-02': 'easter-monday', '05-07': 'early-may', '05-28': 'spring', '08-27': 'summer' } },
    { year: 2019, source: BANK_HOLIDAYS, daysOff: '01-01, 04-19, 04-22, 05-06, 05-27, 08-26, 12-25, 12-26', names: { '04-19': 'good-friday', '04-22': 'easter-monday', '05-06': 'early-may', '05-27': 'spring', '08-26': 'summer' } },
    { year: 2020, source: BANK_HOLIDAYS, daysOff: '01-01, 04-10, 04-13, 05-08, 05-25, 08-31, 12-25, 12-28', names: { '04-10': 'good-friday', '04-13': 'easter-monday', '05-08': 'early-may-ve-day', '05-25': 'spring', '08-31': 'summer', '12-28': 'boxing-day-substitute' } },
    { year: 2021, source: BANK_HOLIDAYS, daysOff: '01-01, 04-02, 04-05, 05-03, 05-31, 08-30, 12-27, 12-28', names: { '04-02': 'good-friday', '04-05': 'easter-monday', '05-03': 'early-may', '05-31': 'spring', '08-30': 'summer', '12-27': 'christmas-substitute', '12-28': 'boxing-day-substitute' } },
    { year: 2022, source: BANK_HOLIDAYS, daysOff: '01-03, 04-15, 04-18, 05-02, 06-02, 06-03, 08-29, 09-19, 12-26, 12-27', names: { '01-03': 'new-year-substitute', '04-15': 'good-friday', '04-18': 'easter-monday', '05-02': 'early-may', '06-02': 'spring', '06-03': 'platinum-jubilee', '08-29': 'summer', '09-19': 'state-funeral', '12-27': 'christmas-substitute' } },
    { year: 2023, source: BANK_HOLIDAYS, daysOff: '01-02, 04-07, 04-10, 05-01, 05-08, 05-29, 08-28, 12-25, 12-26', names: { '01-02': 'new-year-substitute', '04-07': 'good-friday', '04-10': 'easter-monday', '05-01': 'early-may', '05-08': 'coronation', '05-29': 'spring', '08-28': 'summer' } },
    { year: 2024, source: BANK_HOLIDAYS, daysOff: '01-01, 03-29, 04-01, 05-06, 05-27, 08-26, 12-25, 12-26', names: { '03-29': 'good-friday', '04-01': 'easter-monday', '05-06': 'early-may', '05-27': 'spring', '08-26': 'summer' } },
    { year: 2025, source: BANK_HOLIDAYS, daysOff: '01-01, 04-18, 04-21, 05-05, 05-26, 08-25, 12-25, 12-26', names: { '04-18': 'good-friday', '04-21': 'easter-monday', '05-05': 'early-may', '05-26': 'spring', '08-25': 'summer' } },
    { year: 2026, source: BANK_HOLIDAYS, daysOff: '01-01, 04-03, 04-06, 05-04, 05-25, 08-31, 12-25, 12-28', names: { '04-03': 'good-friday', '04-06': 'easter-monday', '05-04': 'early-may', '05-25': 'spring', '08-31': 'summer', '12-28': 'boxing-day-substitute' } },
    { year: 2027, source: BANK_HOLIDAYS, daysOff: '01-01, 03-26, 03-29, 05-03, 05-31, 08-30, 12-27, 12-28', names: { '03-26': 'good-friday', '03-29': 'easter-monday', '05-03': 'early-may', '05-31': 'spring', '08-30': 'summer', '12-27': 'christmas-substitute', '12-28': 'boxing-day-substitute' } },
  ],
};
