import { RU_CALENDAR } from '../../src/rules/calendars/ru';

const shipped2027 = RU_CALENDAR.yearTable!.find((row) => row.year === 2027)!;

/**
 * A rule data file as an office would write it in YAML: the shipped Russian 2027 row with more days off,
 * and with `with2028` an invented 2028 row. No such decree exists; the tests work their dates out from these rows.
 */
export function russianCalendarFix(options: { extraDaysOff2027: string; with2028?: boolean }): string {
  const row2028 = `
  - year: 2028
    source: { en: "Test production calendar 2028 (invented)", ru: "Тестовый производственный календарь на 2028 год (вымышленный)" }
    daysOff: "01-01..01-08, 02-23, 03-08, 05-01, 05-09, 06-12, 11-04"`;
  return `
extends: ru-production
yearTable:
  - year: 2027
    source: { en: "Test correction of the 2027 calendar (invented)", ru: "Тестовая поправка календаря на 2027 год (вымышленная)" }
    daysOff: "${shipped2027.daysOff}, ${options.extraDaysOff2027}"
    workingWeekendDays: "${shipped2027.workingWeekendDays}"${options.with2028 ? row2028 : ''}
changelog:
  - label: test-2027.2
    effectiveFrom: "2026-12-01"
    change: { en: "2027 corrected (test data)", ru: "2027 исправлен (тестовые данные)" }
    authority: { en: "The test suite", ru: "Набор тестов" }
`;
}
