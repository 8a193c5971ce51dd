import type { DateTime } from 'luxon';
import { loadCalendar } from '../../src/rules/calendar/load-calendar';
import { easterSunday } from '../../src/rules/calendar/easter';
import { holidayDate } from '../../src/rules/calendar/holiday-rules';
import { DE_CALENDAR } from '../../src/rules/calendars/de';
import { RU_CALENDAR } from '../../src/rules/calendars/ru';
import { UK_CALENDAR } from '../../src/rules/calendars/uk';
import { US_CALENDAR } from '../../src/rules/calendars/us';
import { RulesError } from '../../src/rules';
import { formatLocalDate, toDay } from '../../src/rules/local-date';

const ru = loadCalendar(RU_CALENDAR).forRegion();
const kindOf = (calendar: ReturnType<typeof loadCalendar>, date: string, region?: string): string =>
  calendar.forRegion(region).classify(toDay(date), false).kind;

describe('Russian production calendar', () => {
  it('covers 2014-2027, each year with its decree', () => {
    expect(ru.coverage).toEqual({ from: 2014, to: 2027 });
    expect(ru.classify(toDay('2016-03-01'), false).source.en).toBe('Government Decree No. 1017 of 24.09.2015');
    expect(ru.classify(toDay('2027-03-01'), false).source.ru).toBe('Постановление Правительства РФ от 17.09.2026 № 1187');
  });

  it.each([
    ['2025-03-10', 'working'],
    ['2026-03-23', 'working'],
    ['2026-11-23', 'working'],
    ['2016-02-20', 'working-weekend'],
    ['2018-04-28', 'working-weekend'],
    ['2018-06-09', 'working-weekend'],
    ['2018-12-29', 'working-weekend'],
    ['2021-02-20', 'working-weekend'],
    ['2022-03-05', 'working-weekend'],
    ['2024-04-27', 'working-weekend'],
    ['2024-11-02', 'working-weekend'],
    ['2024-12-28', 'working-weekend'],
    ['2025-11-01', 'working-weekend'],
    ['2027-02-20', 'working-weekend'],
    ['2016-01-07', 'holiday'],
    ['2016-05-09', 'holiday'],
    ['2016-02-22', 'transferred-day-off'],
    ['2016-05-03', 'transferred-day-off'],
    ['2015-01-09', 'transferred-day-off'],
    ['2026-01-09', 'transferred-day-off'],
    ['2024-12-31', 'transferred-day-off'],
    ['2020-04-15', 'presidential-non-working'],
    ['2020-06-24', 'presidential-non-working'],
    ['2021-11-01', 'presidential-non-working'],
    ['2021-11-04', 'holiday'],
    ['2021-11-06', 'weekend'],
    ['2020-05-07', 'presidential-non-working'],
    ['2016-03-05', 'weekend'],
  ])('%s is a %s day', (date, kind) => {
    expect(ru.classify(toDay(date), false).kind).toBe(kind);
  });

  it('names holidays in both languages', () => {
    expect(ru.classify(toDay('2016-06-12'), false).name).toEqual({ en: 'Russia Day', ru: 'День России' });
  });

  it('fails loudly outside the covered years, and falls back only when allowed, saying so', () => {
    expect(() => ru.classify(toDay('2013-12-31'), false)).toThrow(RulesError);
    expect(() => ru.classify(toDay('2028-01-10'), false)).toThrow(/outside the Russian production calendar \(covered years 2014-2027\)/);
    const fallback = ru.classify(toDay('2028-03-08'), true);
    expect(fallback).toMatchObject({ kind: 'holiday', fallback: true });
    expect(fallback.source.en).toContain('weekends and fixed holidays only');
    expect(ru.classify(toDay('2028-03-09'), true)).toMatchObject({ kind: 'working', fallback: true });
  });

  it('takes a new year as one more data row', () => {
    const extended = loadCalendar({
      ...RU_CALENDAR,
      yearTable: [
        ...(RU_CALENDAR.yearTable ?? []),
        {
          year: 2028,
          source: { en: 'Government Decree No. 0 of 01.01.2027 (test row)', ru: 'тестовая строка' },
          daysOff: '01-01..01-08, 02-23, 03-08, 05-01, 05-09, 06-12, 11-04, 11-06',
          workingWeekendDays: '11-11',
        },
      ],
    }).forRegion();
    expect(extended.coverage.to).toBe(2028);
    expect(extended.classify(toDay('2028-11-06'), false).kind).toBe('transferred-day-off');
    expect(extended.classify(toDay('2028-11-11'), false).kind).toBe('working-weekend');
    expect(() =>
      loadCalendar({ ...RU_CALENDAR, yearTable: [...(RU_CALENDAR.yearTable ?? []), { year: 2029, source: { en: 'x', ru: 'x' }, daysOff: '01-01..01-08' }] }),
    ).toThrow(/year 2028 is missing|fixed holiday 02-23 is missing/);
  });

  it.each([
    [{ workingWeekendDays: '02-22' }, /2016-02-22 is listed as a working weekend day but is not a weekend day \(at yearTable\.2\.workingWeekendDays\)/],
    [{ daysOff: '01-01..01-08, 03-08, 05-01, 05-09, 06-12, 11-04' }, /fixed holiday 02-23 is missing from 2016 \(at yearTable\.2\.daysOff\)/],
    [{ daysOff: '01-01..01-08, 02-30' }, /"02-30" is not an MM-DD day of 2016 \(at yearTable\.2\.daysOff\)/],
  ])('refuses a malformed year row %j with the path of the bad field', (change, message) => {
    const table = [...(RU_CALENDAR.yearTable ?? [])];
    table[2] = { ...(table[2] as (typeof table)[number]), ...change };
    expect(() => loadCalendar({ ...RU_CALENDAR, yearTable: table })).toThrow(message);
  });

  it('refuses a calendar of the wrong shape with the path of the bad field', () => {
    expect(() => loadCalendar({ ...RU_CALENDAR, weekendDays: [6, 8] })).toThrow(/at weekendDays\.1/);
    expect(() => loadCalendar({ ...RU_CALENDAR, holidayRules: US_CALENDAR.holidayRules })).toThrow(/either a year table or holiday rules/);
  });
});

describe('US federal holidays (generated from 5 U.S.C. 6103)', () => {
  const us = loadCalendar(US_CALENDAR);
  it.each([
    ['2016-11-24', 'holiday'],
    ['2020-01-20', 'holiday'],
    ['2020-07-03', 'holiday'],
    ['2021-06-18', 'holiday'],
    ['2020-06-19', 'working'],
    ['2021-12-31', 'holiday'],
    ['2022-12-26', 'holiday'],
    ['2023-01-02', 'holiday'],
    ['2016-05-30', 'holiday'],
    ['2016-10-10', 'holiday'],
    ['2017-11-10', 'holiday'],
    ['2016-12-24', 'weekend'],
  ])('%s is a %s day', (date, kind) => {
    expect(kindOf(us, date)).toBe(kind);
  });

  it('marks observed days as such', () => {
    expect(us.forRegion().classify(toDay('2020-07-03'), false).name?.en).toBe('Independence Day (observed)');
  });

  it('has exactly 10 holidays before Juneteenth and 11 from 2021', () => {
    const holidays = (year: number): number => {
      let count = 0;
      for (let day = toDay(`${year}-01-01`); day.year === year; day = day.plus({ days: 1 })) {
        if (us.forRegion().classify(day, false).kind === 'holiday') count += 1;
      }
      return count;
    };
    expect(holidays(2019)).toBe(10);
    // 2021: Juneteenth added; New Year 2022 observed on 31 December 2021 adds a twelfth day.
    expect(holidays(2021)).toBe(12);
    expect(holidays(2022)).toBe(10);
  });
});

describe('German public holidays', () => {
  const de = loadCalendar(DE_CALENDAR);
  it.each([
    ['2016-03-25', undefined, 'holiday'],
    ['2016-03-28', undefined, 'holiday'],
    ['2016-05-05', undefined, 'holiday'],
    ['2016-05-16', undefined, 'holiday'],
    ['2017-10-31', undefined, 'holiday'],
    ['2016-10-31', undefined, 'working'],
    ['2016-10-31', 'SN', 'holiday'],
    ['2016-10-31', 'HH', 'working'],
    ['2018-10-31', 'HH', 'holiday'],
    ['2016-01-06', 'BY', 'holiday'],
    ['2016-01-06', 'BE', 'working'],
    ['2018-03-08', 'BE', 'working'],
    ['2019-03-08', 'BE', 'holiday'],
    ['2016-05-26', 'NW', 'holiday'],
    ['2016-11-16', 'SN', 'holiday'],
    ['2017-11-22', 'SN', 'holiday'],
    ['2020-05-08', 'BE', 'holiday'],
    ['2021-05-08', 'BE', 'weekend'],
  ])('%s in %s is a %s day', (date, region, kind) => {
    expect(kindOf(de, date, region)).toBe(kind);
  });

  it('refuses an unknown region', () => {
    expect(() => de.forRegion('XX')).toThrow(/unknown region "XX"/);
  });
});

describe('England and Wales bank holidays (year table)', () => {
  const uk = loadCalendar(UK_CALENDAR).forRegion();
  const listed = (year: number): string[] => {
    const days: string[] = [];
    for (let day = toDay(`${year}-01-01`); day.year === year; day = day.plus({ days: 1 })) {
      if (uk.classify(day, false).kind === 'holiday') days.push(formatLocalDate(day));
    }
    return days;
  };
  const weekdayOnOrAfter = (day: DateTime): DateTime => (day.weekday === 6 ? day.plus({ days: 2 }) : day.weekday === 7 ? day.plus({ days: 1 }) : day);
  /** The regular pattern of the Banking and Financial Dealings Act, with the proclaimed one-offs on top. */
  const expected = (year: number): string[] => {
    const rule = (month: number, n: 1 | -1): DateTime => holidayDate({ type: 'nth-weekday', month, weekday: 1, n }, year) as DateTime;
    const christmas = toDay(`${year}-12-25`);
    const boxing = toDay(`${year}-12-26`);
    const christmasObserved = weekdayOnOrAfter(christmas);
    const boxingObserved = christmas.weekday >= 6 || boxing.weekday >= 6 ? weekdayOnOrAfter(christmasObserved.plus({ days: 1 })) : boxing;
    const moved: Record<number, { replace?: [string, string]; add?: string[] }> = {
      2020: { replace: [formatLocalDate(rule(5, 1)), '2020-05-08'] },
      2022: { replace: [formatLocalDate(rule(5, -1)), '2022-06-02'], add: ['2022-06-03', '2022-09-19'] },
      2023: { add: ['2023-05-08'] },
    };
    const days = [
      weekdayOnOrAfter(toDay(`${year}-01-01`)),
      easterSunday(year).minus({ days: 2 }),
      easterSunday(year).plus({ days: 1 }),
      rule(5, 1),
      rule(5, -1),
      rule(8, -1),
      christmasObserved,
      boxingObserved,
    ].map(formatLocalDate);
    const change = moved[year];
    const replaced = change?.replace ? days.map((day) => (day === change.replace?.[0] ? change.replace[1] : day)) : days;
    return [...replaced, ...(change?.add ?? [])].sort();
  };

  it.each(Array.from({ length: 14 }, (_, index) => 2014 + index))('%s matches the Act\'s pattern and the proclaimed changes', (year) => {
    expect(listed(year)).toEqual(expected(year));
  });
});

describe('Easter', () => {
  it.each([
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2038, '2038-04-25'],
  ])('%s: %s', (year, date) => {
    expect(formatLocalDate(easterSunday(year))).toBe(date);
  });
});
