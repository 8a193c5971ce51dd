import type { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { assembleExplanation } from '../explain/explanation';
import * as phrase from '../explain/phrasebook';
import { endOfLocalDay, formatLocalDate } from '../local-date';
import type { LocalizedText } from '../localized-text';
import type { Rule, RulePack } from '../pack/schema';
import type { ComputedDeadline, SuspensionPeriod } from '../types';
import { applySuspensions } from './apply-suspensions';
import { resolveBaseDate } from './base-date';
import { clockStopsFor } from './clock-stops';
import { deadlineConfidence, ruleConfidenceFor } from './confidence';
import { countPeriod } from './count-period';
import type { FactValue, ResolvedParam } from './inputs';
import { notBeforeTrigger } from './not-before-trigger';
import { reminderOffsets } from './reminder-offsets';
import { rollToWorkingDay } from './roll-to-working-day';
import { paramsUsedBy, resolvePeriod } from './rule-params';

export interface RuleInput {
  pack: RulePack;
  rule: Rule;
  event: string;
  triggerDay: DateTime;
  zone: string;
  calendar: WorkingCalendar;
  allowCalendarFallback: boolean;
  params: ReadonlyMap<string, ResolvedParam>;
  facts: ReadonlyMap<string, FactValue>;
  requestSuspensions: readonly SuspensionPeriod[];
  /** Said on every deadline that depends on the calendar, e.g. that regional holidays were not considered. */
  calendarCaveat?: LocalizedText;
}

/**
 * Computes one rule's deadline for one trigger and explains every step of it: each date step takes the
 * previous one's result and reports what it did, and the phrasebook words those reports in order.
 */
export function computeRuleDeadline(input: RuleInput): ComputedDeadline {
  const { pack, rule, event, triggerDay: trigger, calendar, allowCalendarFallback, params, facts } = input;
  const paramsUsed = paramsUsedBy(rule, params);
  const period = rule.period && resolvePeriod(rule.period, params);
  const base = resolveBaseDate({ rule, trigger, facts, params });
  const periodEnd = period && countPeriod({ base: base.date, period, rule, calendar, allowCalendarFallback });
  const rawEnd = periodEnd?.date ?? base.date;
  const stops = clockStopsFor(rule, pack, input.requestSuspensions);
  const suspended = applySuspensions({ trigger, rawEnd, stops, base, period, counting: rule.counting, calendar, allowCalendarFallback });
  const rolled = rollToWorkingDay({ day: suspended.date, counting: rule.counting, countedInWorkingDays: period?.unit === 'working-days', calendar, allowCalendarFallback });
  const due = notBeforeTrigger(rolled.date, trigger);
  const reminders = reminderOffsets({ rule, base: base.date, due: due.date, trigger, params });
  const { confidence, loweredBy } = deadlineConfidence(ruleConfidenceFor(rule, event), suspended.effects);

  const explanation = assembleExplanation(
    [
      ...phrase.triggerPhrases(event, trigger),
      ...phrase.rulePhrases(rule, trigger),
      ...phrase.parameterPhrases(paramsUsed, trigger),
      ...phrase.baseDatePhrases(base, pack.facts),
      ...(period && periodEnd ? phrase.periodPhrases(base.date, period, rule, periodEnd) : []),
      ...phrase.suspensionPhrases(suspended.effects, loweredBy),
      ...phrase.rollPhrases(rolled, rule.counting, input.calendarCaveat),
      ...phrase.notBeforeTriggerPhrases(due),
      ...phrase.reminderPhrases(reminders, base.date, due.date),
      ...phrase.notePhrases(rule, event, due.date),
      ...phrase.confidencePhrases(confidence, due.date),
    ],
    calendar,
    due.date,
  );
  const dueDate = formatLocalDate(due.date);
  const { warnings } = explanation;
  return {
    ruleId: rule.id,
    kind: rule.kind,
    title: rule.title,
    owner: rule.owner,
    dueDate,
    endsAt: endOfLocalDay(dueDate, input.zone),
    zone: input.zone,
    basis: rule.basis,
    citation: { ...rule.citation },
    confidence,
    satisfiedBy: [...rule.satisfiedBy],
    supersededBy: [...rule.supersededBy],
    ...(reminders ? { reminderOffsetsDays: reminders.offsetsDays } : {}),
    informational: rule.informational,
    explanation: {
      trigger: { event, date: formatLocalDate(trigger) },
      ruleId: rule.id,
      citation: { ...rule.citation },
      rawEndDate: formatLocalDate(rawEnd),
      steps: explanation.steps,
      calendarSource: explanation.calendarSource.en,
      warnings,
    },
    warnings,
  };
}
