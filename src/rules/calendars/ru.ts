import type { CalendarDataInput } from '../calendar/schema';
import { CALENDAR_FIRST_VERSIONED } from '../first-versions';

/** A Government decree moving days off, cited the way each language cites it. */
function decree(number: string, date: string): { en: string; ru: string } {
  return { en: `Government Decree No. ${number} of ${date}`, ru: `Постановление Правительства РФ от ${date} № ${number}` };
}

/**
 * The Russian production calendar, copied row by row from legal-basis §5 (cross-checked data; two public data
 * sets wrongly mark 2025-03-10, 2026-03-23 and 2026-11-23 off). Adding a year: one row here plus a test.
 */
export const RU_CALENDAR: CalendarDataInput = {
  id: 'ru-production',
  name: { en: 'Russian production calendar', ru: 'производственный календарь РФ' },
  changelog: [CALENDAR_FIRST_VERSIONED],
  weekendDays: [6, 7],
  holidayNames: {
    'new-year': { en: 'New Year holidays', ru: 'новогодние каникулы' },
    christmas: { en: 'Christmas', ru: 'Рождество Христово' },
    'defender-day': { en: 'Defender of the Fatherland Day', ru: 'День защитника Отечества' },
    'womens-day': { en: "International Women's Day", ru: 'Международный женский день' },
    'labour-day': { en: 'Spring and Labour Day', ru: 'Праздник Весны и Труда' },
    'victory-day': { en: 'Victory Day', ru: 'День Победы' },
    'russia-day': { en: 'Russia Day', ru: 'День России' },
    'unity-day': { en: 'Unity Day', ru: 'День народного единства' },
    'presidential-non-working': {
      en: 'paid day off by presidential decree, not a holiday',
      ru: 'оплачиваемый день отдыха по указу Президента, не праздник',
    },
  },
  // Labour Code art. 112.
  fixedHolidays: {
    '01-01': 'new-year',
    '01-02': 'new-year',
    '01-03': 'new-year',
    '01-04': 'new-year',
    '01-05': 'new-year',
    '01-06': 'new-year',
    '01-07': 'christmas',
    '01-08': 'new-year',
    '02-23': 'defender-day',
    '03-08': 'womens-day',
    '05-01': 'labour-day',
    '05-09': 'victory-day',
    '06-12': 'russia-day',
    '11-04': 'unity-day',
  },
  fixedHolidaysListedEveryYear: true,
  yearTable: [
    { year: 2014, source: decree('444', '28.05.2013'), daysOff: '01-01..01-08, 02-23, 03-08, 03-10, 05-01..05-02, 05-09, 06-12..06-13, 11-03..11-04' },
    { year: 2015, source: decree('860', '27.08.2014'), daysOff: '01-01..01-09, 02-23, 03-08..03-09, 05-01, 05-04, 05-09, 05-11, 06-12, 11-04' },
    { year: 2016, source: decree('1017', '24.09.2015'), daysOff: '01-01..01-08, 02-22..02-23, 03-07..03-08, 05-01..05-03, 05-09, 06-12..06-13, 11-04', workingWeekendDays: '02-20' },
    { year: 2017, source: decree('756', '04.08.2016'), daysOff: '01-01..01-08, 02-23..02-24, 03-08, 05-01, 05-08..05-09, 06-12, 11-04, 11-06' },
    { year: 2018, source: decree('1250', '14.10.2017'), daysOff: '01-01..01-08, 02-23, 03-08..03-09, 04-30..05-02, 05-09, 06-11..06-12, 11-04..11-05, 12-31', workingWeekendDays: '04-28, 06-09, 12-29' },
    { year: 2019, source: decree('1163', '01.10.2018'), daysOff: '01-01..01-08, 02-23, 03-08, 05-01..05-03, 05-09..05-10, 06-12, 11-04' },
    { year: 2020, source: decree('875', '10.07.2019'), daysOff: '01-01..01-08, 02-23..02-24, 03-08..03-09, 05-01, 05-04..05-05, 05-09, 05-11, 06-12, 11-04' },
    { year: 2021, source: decree('1648', '10.10.2020'), daysOff: '01-01..01-08, 02-22..02-23, 03-08, 05-01, 05-03, 05-09..05-10, 06-12, 06-14, 11-04..11-05, 12-31', workingWeekendDays: '02-20' },
    { year: 2022, source: decree('1564', '16.09.2021'), daysOff: '01-01..01-08, 02-23, 03-07..03-08, 05-01..05-03, 05-09..05-10, 06-12..06-13, 11-04', workingWeekendDays: '03-05' },
    { year: 2023, source: decree('1505', '29.08.2022'), daysOff: '01-01..01-08, 02-23..02-24, 03-08, 05-01, 05-08..05-09, 06-12, 11-04, 11-06' },
    { year: 2024, source: decree('1314', '10.08.2023'), daysOff: '01-01..01-08, 02-23, 03-08, 04-29..05-01, 05-09..05-10, 06-12, 11-04, 12-30..12-31', workingWeekendDays: '04-27, 11-02, 12-28' },
    { year: 2025, source: decree('1335', '04.10.2024'), daysOff: '01-01..01-08, 02-23, 03-08, 05-01..05-02, 05-08..05-09, 06-12..06-13, 11-03..11-04, 12-31', workingWeekendDays: '11-01' },
    { year: 2026, source: decree('1466', '24.09.2025'), daysOff: '01-01..01-09, 02-23, 03-08..03-09, 05-01, 05-09, 05-11, 06-12, 11-04, 12-31' },
    { year: 2027, source: decree('1187', '17.09.2026'), daysOff: '01-01..01-08, 02-22..02-23, 03-08, 05-01, 05-03, 05-09..05-10, 06-12, 06-14, 11-04..11-05, 12-31', workingWeekendDays: '02-20' },
  ],
  specialDays: [
    {
      kind: 'presidential-non-working',
      dates: '2020-03-30..2020-04-30, 2020-05-06..2020-05-08, 2020-06-24, 2020-07-01, 2021-05-04..2021-05-07, 2021-10-30..2021-11-07',
      name: 'presidential-non-working',
      source: {
        en: 'Presidential decrees on non-working days 2020-2021; per the Supreme Court (Review No. 1 of 21.04.2020, Presidium answers of 28.04.2021 and 26.10.2021) they do not move procedural or civil-law deadlines',
        ru: 'указы Президента о нерабочих днях 2020-2021 годов; по разъяснениям Верховного Суда (Обзор № 1 от 21.04.2020, ответы Президиума от 28.04.2021 и 26.10.2021) они не переносят процессуальные и гражданско-правовые сроки',
      },
    },
  ],
};
