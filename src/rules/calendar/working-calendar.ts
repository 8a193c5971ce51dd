import type { DateTime } from 'luxon';
import { RulesError } from '../errors';
import { formatLocalDate } from '../local-date';
import type { LocalizedText } from '../localized-text';
import type { LocalDate } from '../types';
import { parseDayList } from './day-list';
import { generateHolidays } from './holiday-rules';
import type { CalendarData } from './schema';

export type DayKind =
  | 'working'
  | 'weekend'
  | 'holiday'
  | 'transferred-day-off'
  | 'working-weekend'
  | 'presidential-non-working'
  | 'court-day-off';

export interface DayInfo {
  date: LocalDate;
  kind: DayKind;
  /** The holiday's name, when the day has one. */
  name?: LocalizedText;
  /** The act or data set the day's status comes from. */
  source: LocalizedText;
  /** True when the date lies outside the covered years and the weekends-and-fixed-holidays fallback decided. */
  fallback: boolean;
  /** A holiday kept on another day than its own (a Saturday holiday observed on the Friday before). */
  observed?: true;
}

/** A day the court does not work every year, on top of the country's calendar; see the rule pack's `courtDaysOff`. */
export interface RecurringDayOff {
  /** `MM-DD`. */
  monthDay: string;
  name: LocalizedText;
  source: LocalizedText;
}

export interface CalendarCoverage {
  from: number;
  to: number;
}

function invalid(message: string, path: string): RulesError {
  return new RulesError('invalid-calendar', message, path);
}

function readDays(text: string, year: number | undefined, path: string): DateTime[] {
  try {
    return parseDayList(text, year);
  } catch (error) {
    throw invalid((error as Error).message, path);
  }
}

/**
 * One jurisdiction's (and optionally one region's) working calendar, compiled once into a lookup table of
 * every day that is not an ordinary weekday or weekend day.
 */
export class WorkingCalendar {
  private constructor(
    readonly id: string,
    readonly name: LocalizedText,
    readonly region: string | undefined,
    readonly coverage: CalendarCoverage,
    private readonly weekendDays: ReadonlySet<number>,
    private readonly specialDays: ReadonlyMap<LocalDate, DayInfo>,
    private readonly yearSources: ReadonlyMap<number, LocalizedText>,
    private readonly fixedHolidays: ReadonlyMap<string, LocalizedText>,
    private readonly courtDaysOff: ReadonlyMap<string, RecurringDayOff> = new Map(),
  ) {}

  /** This calendar with every observed holiday a working day: the other reading where a rule leaves open whether those count. */
  withoutObservedHolidays(): WorkingCalendar {
    const kept = new Map([...this.specialDays].filter(([, info]) => !info.observed));
    return new WorkingCalendar(this.id, this.name, this.region, this.coverage, this.weekendDays, kept, this.yearSources, this.fixedHolidays, this.courtDaysOff);
  }

  /** This calendar as a court with its own days off sees it: every year, covered or not, those days do not count as working days. */
  withCourtDaysOff(days: readonly RecurringDayOff[]): WorkingCalendar {
    if (days.length === 0) return this;
    const merged = new Map(this.courtDaysOff);
    for (const day of days) if (!merged.has(day.monthDay)) merged.set(day.monthDay, day);
    return new WorkingCalendar(this.id, this.name, this.region, this.coverage, this.weekendDays, this.specialDays, this.yearSources, this.fixedHolidays, merged);
  }

  static compile(data: CalendarData, region?: string): WorkingCalendar {
    const holidayName = (key: string, path: string): LocalizedText => {
      const name = data.holidayNames[key];
      if (!name) throw invalid(`unknown holiday name "${key}"`, path);
      return name;
    };
    if (region !== undefined && !data.regions?.[region]) {
      throw invalid(`unknown region "${region}" in calendar ${data.id}`, 'regions');
    }
    const fixedHolidays = new Map<string, LocalizedText>();
    for (const [monthDay, key] of Object.entries(data.fixedHolidays)) {
      fixedHolidays.set(monthDay, holidayName(key, `fixedHolidays.${monthDay}`));
    }
    const weekendDays = new Set(data.weekendDays);
    const specialDays = new Map<LocalDate, DayInfo>();
    const yearSources = new Map<number, LocalizedText>();
    let coverage: CalendarCoverage;

    if (data.yearTable) {
      const years = data.yearTable.map((row) => row.year);
      coverage = { from: Math.min(...years), to: Math.max(...years) };
      data.yearTable.forEach((row, index) => {
        const path = `yearTable.${index}`;
        if (yearSources.has(row.year)) throw invalid(`year ${row.year} appears twice`, `${path}.year`);
        yearSources.set(row.year, row.source);
        const daysOff = readDays(row.daysOff, row.year, `${path}.daysOff`);
        const offKeys = new Set(daysOff.map(formatLocalDate));
        for (const day of daysOff) {
          const monthDay = formatLocalDate(day).slice(5);
          const namedKey = row.names?.[monthDay];
          const name = namedKey ? holidayName(namedKey, `${path}.names.${monthDay}`) : fixedHolidays.get(monthDay);
          specialDays.set(formatLocalDate(day), {
            date: formatLocalDate(day),
            kind: name ? 'holiday' : 'transferred-day-off',
            ...(name ? { name } : {}),
            source: row.source,
            fallback: false,
          });
        }
        for (const monthDay of Object.keys(row.names ?? {})) {
          if (!offKeys.has(`${row.year}-${monthDay}`)) {
            throw invalid(`${monthDay} is named but not listed as a day off`, `${path}.names.${monthDay}`);
          }
        }
        if (data.fixedHolidaysListedEveryYear) {
          for (const monthDay of fixedHolidays.keys()) {
            if (!offKeys.has(`${row.year}-${monthDay}`)) {
              throw invalid(`fixed holiday ${monthDay} is missing from ${row.year}`, `${path}.daysOff`);
            }
          }
        }
        for (const day of readDays(row.workingWeekendDays, row.year, `${path}.workingWeekendDays`)) {
          const date = formatLocalDate(day);
          if (!weekendDays.has(day.weekday)) {
            throw invalid(`${date} is listed as a working weekend day but is not a weekend day`, `${path}.workingWeekendDays`);
          }
          if (offKeys.has(date)) throw invalid(`${date} is listed both as a day off and as a working day`, `${path}.workingWeekendDays`);
          specialDays.set(date, { date, kind: 'working-weekend', source: row.source, fallback: false });
        }
      });
      for (let year = coverage.from; year <= coverage.to; year += 1) {
        if (!yearSources.has(year)) throw invalid(`year ${year} is missing: covered years must be contiguous`, 'yearTable');
      }
    } else if (data.holidayRules) {
      const rules = data.holidayRules;
      coverage = { ...rules.coverage };
      if (coverage.to < coverage.from) throw invalid('coverage ends before it starts', 'holidayRules.coverage');
      const regionName = region === undefined ? undefined : data.regions?.[region];
      const source: LocalizedText = regionName
        ? { en: `${rules.source.en}; region: ${regionName.en}`, ru: `${rules.source.ru}; регион: ${regionName.ru}` }
        : rules.source;
      rules.specs.forEach((spec, index) => {
        holidayName(spec.name, `holidayRules.specs.${index}.name`);
        for (const specRegion of spec.regions ?? []) {
          if (!data.regions?.[specRegion]) throw invalid(`unknown region "${specRegion}"`, `holidayRules.specs.${index}.regions`);
        }
      });
      for (let year = coverage.from; year <= coverage.to + 1; year += 1) {
        if (year <= coverage.to) yearSources.set(year, source);
        for (const holiday of generateHolidays(rules.specs, year, region, rules.observance)) {
          const date = formatLocalDate(holiday.day);
          if (holiday.day.year < coverage.from || holiday.day.year > coverage.to || specialDays.has(date)) continue;
          const name = holidayName(holiday.name, 'holidayRules.specs');
          specialDays.set(date, {
            date,
            kind: 'holiday',
            name: holiday.observed ? { en: `${name.en} (observed)`, ru: `${name.ru} (перенос)` } : name,
            source,
            fallback: false,
            ...(holiday.observed ? { observed: true as const } : {}),
          });
        }
      }
    } else {
      throw invalid('a calendar needs a year table or holiday rules', 'yearTable');
    }

    (data.specialDays ?? []).forEach((group, index) => {
      const path = `specialDays.${index}`;
      const name = holidayName(group.name, `${path}.name`);
      for (const day of readDays(group.dates, undefined, `${path}.dates`)) {
        const date = formatLocalDate(day);
        if (day.year < coverage.from || day.year > coverage.to) throw invalid(`${date} lies outside the covered years`, `${path}.dates`);
        const existing = specialDays.get(date);
        const alreadyOff = existing ? existing.kind !== 'working-weekend' : weekendDays.has(day.weekday);
        // A day that is off anyway stays what it is: the weaker kind must not hide a holiday.
        if (alreadyOff) continue;
        specialDays.set(date, { date, kind: group.kind, name, source: group.source, fallback: false });
      }
    });

    return new WorkingCalendar(data.id, data.name, region, coverage, weekendDays, specialDays, yearSources, fixedHolidays);
  }

  covers(year: number): boolean {
    return year >= this.coverage.from && year <= this.coverage.to;
  }

  /** What kind of day `day` is. Outside coverage: the fallback when allowed, else a RulesError. */
  classify(day: DateTime, allowFallback: boolean): DayInfo {
    const info = this.countryDay(day, allowFallback);
    if (info.kind !== 'working' && info.kind !== 'working-weekend') return info;
    // A day the country works but the court does not: the court's day off decides, named as the pack names it.
    const courtDayOff = this.courtDaysOff.get(info.date.slice(5));
    return courtDayOff ? { date: info.date, kind: 'court-day-off', name: courtDayOff.name, source: courtDayOff.source, fallback: info.fallback } : info;
  }

  private countryDay(day: DateTime, allowFallback: boolean): DayInfo {
    const date = formatLocalDate(day);
    const source = this.yearSources.get(day.year);
    if (source) {
      const special = this.specialDays.get(date);
      if (special) return special;
      return { date, kind: this.weekendDays.has(day.weekday) ? 'weekend' : 'working', source, fallback: false };
    }
    if (!allowFallback) {
      throw new RulesError(
        'outside-calendar',
        `${date} is outside the ${this.name.en} (covered years ${this.coverage.from}-${this.coverage.to}); ` +
          'add the year to the calendar data or allow the weekends-and-fixed-holidays fallback (allowCalendarFallback)',
      );
    }
    const fallbackSource = this.fallbackSource(day.year);
    const name = this.fixedHolidays.get(date.slice(5));
    if (name) return { date, kind: 'holiday', name, source: fallbackSource, fallback: true };
    return { date, kind: this.weekendDays.has(day.weekday) ? 'weekend' : 'working', source: fallbackSource, fallback: true };
  }

  private fallbackSource(year: number): LocalizedText {
    return {
      en: `no data for ${year} in the ${this.name.en} (covered years ${this.coverage.from}-${this.coverage.to}): weekends and fixed holidays only`,
      ru: `нет данных за ${year} год (${this.name.ru}, ${this.coverage.from}-${this.coverage.to}): учтены только выходные и фиксированные праздники`,
    };
  }
}
