import type { DateTime } from 'luxon';
import type { DayInfo, WorkingCalendar } from '../calendar/working-calendar';
import { formatLocalDate } from '../local-date';
import type { LocalizedText } from '../localized-text';
import type { ExplanationStep } from '../types';

/** Collects one deadline's steps, warnings and the calendar years it consulted, in the order they happened. */
export class ExplanationBuilder {
  readonly steps: ExplanationStep[] = [];
  readonly warnings: string[] = [];
  private readonly yearSources = new Map<number, LocalizedText>();

  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly allowFallback: boolean,
  ) {}

  step(kind: string, day: DateTime, text: LocalizedText): void {
    this.steps.push({ kind, date: formatLocalDate(day), en: text.en, ru: text.ru });
  }

  warn(day: DateTime, text: LocalizedText): void {
    if (this.warnings.includes(text.en)) return;
    this.warnings.push(text.en);
    this.step('warning', day, text);
  }

  /** Classifies a day and remembers which year's calendar data decided it; a fallback year is warned about once. */
  classify(day: DateTime): DayInfo {
    const info = this.calendar.classify(day, this.allowFallback);
    if (!this.yearSources.has(day.year)) {
      this.yearSources.set(day.year, info.source);
      if (info.fallback) {
        this.warn(day, {
          en: `No calendar data for ${day.year}: only weekends and fixed holidays were considered (${this.calendar.name.en}); check the date against the official calendar.`,
          ru: `Нет календаря на ${day.year} год: учтены только выходные и фиксированные праздники (${this.calendar.name.ru}); сверьте дату с официальным календарём.`,
        });
      }
    }
    return info;
  }

  /** The calendar data behind the result, year by year; years with the same source are grouped. */
  calendarSource(): LocalizedText {
    if (this.yearSources.size === 0) {
      return {
        en: `${this.calendar.name.en}: not consulted (this date does not move for non-working days)`,
        ru: `${this.calendar.name.ru}: не применялся (эта дата не переносится с нерабочих дней)`,
      };
    }
    const groups: Array<{ from: number; to: number; source: LocalizedText }> = [];
    for (const year of [...this.yearSources.keys()].sort((a, b) => a - b)) {
      const source = this.yearSources.get(year) as LocalizedText;
      const last = groups[groups.length - 1];
      if (last && last.to === year - 1 && last.source.en === source.en) last.to = year;
      else groups.push({ from: year, to: year, source });
    }
    const years = (group: { from: number; to: number }): string => (group.from === group.to ? `${group.from}` : `${group.from}-${group.to}`);
    return {
      en: `${this.calendar.name.en} ${groups.map((group) => `${years(group)}: ${group.source.en}`).join('; ')}`,
      ru: `${this.calendar.name.ru} ${groups.map((group) => `${years(group)}: ${group.source.ru}`).join('; ')}`,
    };
  }
}
