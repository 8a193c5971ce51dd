import type { ComputedDeadline } from '../types';
import { formatDay } from '../explain/format';
import { parseLocalDate } from '../local-date';
import type { LocalizedText } from '../localized-text';
import { computeRuleDeadline, type RuleInput } from './compute-rule';

const dayText = (date: string): LocalizedText => {
  const day = parseLocalDate(date);
  return day ? formatDay(day) : { en: date, ru: date };
};

/**
 * A rule's deadline under every reading its sources allow. Today one question is open: whether a holiday
 * observed on another day is a legal holiday (the US Board's rule). Counting it as a working day can only
 * give the earlier date, which is then the working deadline, so reminders and escalation use the safe date;
 * the later reading is named in a warning.
 */
export function safestReading(input: RuleInput): ComputedDeadline {
  const asHolidays = computeRuleDeadline(input);
  if (input.rule.counting.observedHolidays !== 'unsettled') return asHolidays;
  const asWorkingDays = computeRuleDeadline({ ...input, calendar: input.calendar.withoutObservedHolidays() });
  if (asWorkingDays.dueDate === asHolidays.dueDate) return asHolidays;
  const [safe, later] = [dayText(asWorkingDays.dueDate), dayText(asHolidays.dueDate)];
  const warning: LocalizedText = {
    en: `Whether a holiday observed on another day counts as a legal holiday here is unsettled: counting it as a working day gives ${safe.en}, as a holiday ${later.en}. The earlier date is the deadline to work to.`,
    ru: `Неясно, считается ли здесь праздником перенесённый выходной: если считать его рабочим днём, срок — ${safe.ru}, если праздником — ${later.ru}. Ориентироваться следует на более раннюю дату.`,
  };
  // The explanation ends with the calendar data it relied on, so the warning goes just before that step.
  const steps = asWorkingDays.explanation.steps;
  return {
    ...asWorkingDays,
    warnings: [...asWorkingDays.warnings, warning],
    explanation: { ...asWorkingDays.explanation, steps: [...steps.slice(0, -1), { kind: 'warning', date: asWorkingDays.dueDate, ...warning }, ...steps.slice(-1)] },
  };
}
