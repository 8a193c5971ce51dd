import type { CalendarDataInput } from '../calendar/schema';
import { CALENDAR_FIRST_VERSIONED } from '../first-versions';

/**
 * US federal legal public holidays, generated from the rules of 5 U.S.C. 6103(a) with the Saturday/Sunday
 * observance of 6103(b) and Executive Order 11582. Ad hoc closures by executive order are not holidays here.
 */
export const US_CALENDAR: CalendarDataInput = {
  id: 'us-federal-holidays',
  name: { en: 'US federal holidays', ru: 'федеральные праздники США' },
  changelog: [CALENDAR_FIRST_VERSIONED],
  weekendDays: [6, 7],
  holidayNames: {
    'new-year': { en: "New Year's Day", ru: 'Новый год' },
    mlk: { en: 'Birthday of Martin Luther King, Jr.', ru: 'День Мартина Лютера Кинга' },
    washington: { en: "Washington's Birthday", ru: 'День рождения Вашингтона' },
    memorial: { en: 'Memorial Day', ru: 'День памяти' },
    juneteenth: { en: 'Juneteenth National Independence Day', ru: 'Джунтинс (День освобождения)' },
    independence: { en: 'Independence Day', ru: 'День независимости' },
    labor: { en: 'Labor Day', ru: 'День труда' },
    columbus: { en: 'Columbus Day', ru: 'День Колумба' },
    veterans: { en: 'Veterans Day', ru: 'День ветеранов' },
    thanksgiving: { en: 'Thanksgiving Day', ru: 'День благодарения' },
    christmas: { en: 'Christmas Day', ru: 'Рождество' },
  },
  fixedHolidays: { '01-01': 'new-year', '07-04': 'independence', '11-11': 'veterans', '12-25': 'christmas' },
  holidayRules: {
    coverage: { from: 2014, to: 2030 },
    source: {
      en: 'US federal holidays under 5 U.S.C. 6103 (generated from its rules, with Saturday/Sunday observance)',
      ru: 'федеральные праздники США по 5 U.S.C. 6103 (рассчитаны по его правилам, с переносом с субботы и воскресенья)',
    },
    observance: 'nearest-weekday',
    specs: [
      { name: 'new-year', rule: { type: 'fixed', month: 1, day: 1 } },
      { name: 'mlk', rule: { type: 'nth-weekday', month: 1, weekday: 1, n: 3 } },
      { name: 'washington', rule: { type: 'nth-weekday', month: 2, weekday: 1, n: 3 } },
      { name: 'memorial', rule: { type: 'nth-weekday', month: 5, weekday: 1, n: -1 } },
      // Added by Pub. L. 117-17 of 17 June 2021 and observed that year on Friday 18 June.
      { name: 'juneteenth', rule: { type: 'fixed', month: 6, day: 19 }, fromYear: 2021 },
      { name: 'independence', rule: { type: 'fixed', month: 7, day: 4 } },
      { name: 'labor', rule: { type: 'nth-weekday', month: 9, weekday: 1, n: 1 } },
      { name: 'columbus', rule: { type: 'nth-weekday', month: 10, weekday: 1, n: 2 } },
      { name: 'veterans', rule: { type: 'fixed', month: 11, day: 11 } },
      { name: 'thanksgiving', rule: { type: 'nth-weekday', month: 11, weekday: 4, n: 4 } },
      { name: 'christmas', rule: { type: 'fixed', month: 12, day: 25 } },
    ],
  },
};
