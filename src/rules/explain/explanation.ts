import type { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { ClassifiedDay } from '../compute/day-kinds';
import { formatLocalDate } from '../local-date';
import type { LocalizedText } from '../localized-text';
import type { ExplanationStep } from '../types';
import { calendarFallbackWarning, calendarSourceText, calendarStep } from './phrasebook';

/**
 * One line of a deadline's explanation, in the order it happened: a step (kind `warning` for a warning), or
 * a day the calendar was consulted about, which the explanation needs to name the calendar data it relied on.
 */
export type Line = { kind: string; day: DateTime; text: LocalizedText } | { consulted: ClassifiedDay };

/** Consecutive years whose calendar data comes from the same act or data set. */
export interface YearsFromOneSource {
  from: number;
  to: number;
  source: LocalizedText;
}

export interface AssembledExplanation {
  steps: ExplanationStep[];
  /** The warnings in both languages, each once. */
  warnings: LocalizedText[];
  /** The calendar data behind the result, year by year. */
  calendarSource: LocalizedText;
}

/** Years in ascending order, with consecutive years of the same source grouped (2016-2018: the same decree). */
function groupYears(sources: ReadonlyMap<number, LocalizedText>): YearsFromOneSource[] {
  const groups: YearsFromOneSource[] = [];
  for (const year of [...sources.keys()].sort((a, b) => a - b)) {
    const source = sources.get(year) as LocalizedText;
    const last = groups[groups.length - 1];
    if (last && last.to === year - 1 && last.source.en === source.en) last.to = year;
    else groups.push({ from: year, to: year, source });
  }
  return groups;
}

/**
 * Turns the phrasebook's lines into the recorded explanation: a warning is said once, the first day looked up
 * in a year the calendar does not cover warns about the fallback there, and the last step names the calendar
 * data of every year consulted.
 */
export function assembleExplanation(lines: readonly Line[], calendar: Pick<WorkingCalendar, 'name'>, dueDate: DateTime): AssembledExplanation {
  const steps: ExplanationStep[] = [];
  const warnings: LocalizedText[] = [];
  const yearSources = new Map<number, LocalizedText>();
  const say = (kind: string, day: DateTime, text: LocalizedText): void => {
    if (kind === 'warning') {
      if (warnings.some((said) => said.en === text.en)) return;
      warnings.push({ en: text.en, ru: text.ru });
    }
    steps.push({ kind, date: formatLocalDate(day), en: text.en, ru: text.ru });
  };
  for (const line of lines) {
    if ('kind' in line) {
      say(line.kind, line.day, line.text);
      continue;
    }
    const { day, info } = line.consulted;
    // A court's own day off is cited in its step; the year's source is the country's calendar.
    if (info.kind === 'court-day-off' || yearSources.has(day.year)) continue;
    yearSources.set(day.year, info.source);
    if (info.fallback) say('warning', day, calendarFallbackWarning(day.year, calendar.name));
  }
  const calendarSource = calendarSourceText(calendar.name, groupYears(yearSources));
  say('calendar', dueDate, calendarStep(calendarSource));
  return { steps, warnings, calendarSource };
}
