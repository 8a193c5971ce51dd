import { loadCalendar } from '../../src/rules/calendar/load-calendar';
import { UK_CALENDAR } from '../../src/rules/calendars/uk';
import { assembleExplanation, type Line } from '../../src/rules/explain/explanation';
import { RU, day } from './step-support';

const UK = loadCalendar(UK_CALENDAR).forRegion();

function said(kind: string, date: string, en: string): Line {
  return { kind, day: day(date), text: { en, ru: `ru: ${en}` } };
}

function consulted(calendar: typeof RU, date: string, allowFallback = false): Line {
  return { consulted: { day: day(date), info: calendar.classify(day(date), allowFallback) } };
}

describe('assembleExplanation: the recorded explanation of one deadline', () => {
  it('keeps the steps in order, says each warning once and ends with the calendar data', () => {
    const explanation = assembleExplanation(
      [said('trigger', '2016-01-26', 'Trigger.'), said('warning', '2016-02-26', 'Check this.'), said('note', '2016-02-26', 'A note.'), said('warning', '2016-02-26', 'Check this.')],
      RU,
      day('2016-02-26'),
    );
    expect(explanation.steps.map((step) => [step.kind, step.date, step.en])).toEqual([
      ['trigger', '2016-01-26', 'Trigger.'],
      ['warning', '2016-02-26', 'Check this.'],
      ['note', '2016-02-26', 'A note.'],
      ['calendar', '2016-02-26', 'Calendar: Russian production calendar: not consulted (this date does not move for non-working days).'],
    ]);
    expect(explanation.warnings).toEqual([{ en: 'Check this.', ru: 'ru: Check this.' }]);
  });

  it('names the calendar data of each year consulted, grouping consecutive years from one source', () => {
    // England and Wales: every year comes from the same Act and proclamations, so 2016 and 2017 form one group.
    expect(assembleExplanation([consulted(UK, '2017-01-02'), consulted(UK, '2016-12-27')], UK, day('2017-01-02')).calendarSource.en).toBe(
      'England and Wales bank holidays 2016-2017: England and Wales bank holidays (Banking and Financial Dealings Act 1971, sch. 1, and royal proclamations)',
    );
    // Russia: each year has its own decree.
    expect(assembleExplanation([consulted(RU, '2016-12-30'), consulted(RU, '2017-01-09')], RU, day('2017-01-09')).calendarSource.ru).toBe(
      'производственный календарь РФ 2016: Постановление Правительства РФ от 24.09.2015 № 1017; 2017: Постановление Правительства РФ от 04.08.2016 № 756',
    );
  });

  it('warns about the fallback once, where the first day of an uncovered year was looked up', () => {
    const explanation = assembleExplanation(
      [said('add-period', '2028-01-10', 'Ends.'), consulted(RU, '2028-01-10', true), said('working-day', '2028-01-10', 'Stays.'), consulted(RU, '2028-01-11', true)],
      RU,
      day('2028-01-10'),
    );
    expect(explanation.steps.map((step) => step.kind)).toEqual(['add-period', 'warning', 'working-day', 'calendar']);
    expect(explanation.warnings).toEqual([
      {
        en: 'No calendar data for 2028: only weekends and fixed holidays were considered (Russian production calendar); check the date against the official calendar.',
        ru: 'Нет календаря на 2028 год: учтены только выходные и фиксированные праздники (производственный календарь РФ); сверьте дату с официальным календарём.',
      },
    ]);
    expect(explanation.calendarSource.en).toBe(
      'Russian production calendar 2028: no data for 2028 in the Russian production calendar (covered years 2014-2027): weekends and fixed holidays only',
    );
  });
});
