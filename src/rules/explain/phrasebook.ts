/**
 * Every sentence of a deadline's explanation, in English and Russian. The date steps in `compute/` decide and
 * report what they did as data; this module only puts that into words, one function per step, in the order the
 * explanation tells it. Changing a sentence here cannot change a date.
 */
import type { DateTime } from 'luxon';
import type { SuspensionEffect } from '../compute/apply-suspensions';
import type { BaseDate } from '../compute/base-date';
import type { ClockStop } from '../compute/clock-stops';
import type { PeriodEnd } from '../compute/count-period';
import type { ClassifiedDay } from '../compute/day-kinds';
import type { ResolvedParam } from '../compute/inputs';
import type { NotBeforeTrigger } from '../compute/not-before-trigger';
import type { ReminderPlan } from '../compute/reminder-offsets';
import type { RolledDate } from '../compute/roll-to-working-day';
import type { ResolvedPeriod } from '../compute/rule-params';
import { eventTitle } from '../event-titles';
import { formatLocalDate } from '../local-date';
import { textIn, type LocalizedText, type RecordedText } from '../localized-text';
import type { BaseSource, Confidence, Rule, RulePack } from '../pack/schema';
import type { Line, YearsFromOneSource } from './explanation';
import { BASIS_TEXT, describeDay, formatDay, formatPeriod } from './format';

function text(en: string, ru: string): LocalizedText {
  return { en, ru };
}

const NOTHING = text('', '');

function step(kind: string, day: DateTime, said: LocalizedText): Line {
  return { kind, day, text: said };
}

function warning(day: DateTime, said: LocalizedText): Line {
  return step('warning', day, said);
}

function consulted(day: ClassifiedDay): Line {
  return { consulted: day };
}

/** `Mon 7 Mar 2016 is a transferred day off (...): <what follows>.` */
function dayIs({ day, info }: ClassifiedDay, consequence: LocalizedText): LocalizedText {
  const date = formatDay(day);
  const kind = describeDay(info);
  return text(`${date.en} is ${kind.en}: ${consequence.en}.`, `${date.ru} — ${kind.ru}: ${consequence.ru}.`);
}

// The trigger, the rule and the parameters it uses: dated on the trigger day.

export function triggerPhrases(event: string, trigger: DateTime): Line[] {
  const title = eventTitle(event) ?? text(event, event);
  const day = formatDay(trigger);
  return [step('trigger', trigger, text(`Trigger: ${title.en}, ${day.en}.`, `Событие: ${title.ru}, ${day.ru}.`))];
}

export function rulePhrases(rule: Rule, trigger: DateTime): Line[] {
  const until = rule.effectiveTo ? text(` to ${rule.effectiveTo}`, ` по ${rule.effectiveTo}`) : NOTHING;
  const basis = BASIS_TEXT[rule.basis];
  return [
    step(
      'rule',
      trigger,
      text(
        `Rule ${rule.id} (${basis.en}): ${rule.citation.en}; in force on the trigger date (from ${rule.effectiveFrom}${until.en}).`,
        `Правило ${rule.id} (${basis.ru}): ${rule.citation.ru}; действует на дату события (с ${rule.effectiveFrom}${until.ru}).`,
      ),
    ),
  ];
}

export function parameterPhrases(params: readonly ResolvedParam[], trigger: DateTime): Line[] {
  return params.map((param) => {
    const origin = param.overridden ? text('set in the request', 'задан в запросе') : text('default', 'по умолчанию');
    const status =
      param.definition.status === 'unconfirmed'
        ? text('unconfirmed in law: a safe default', 'не подтверждено законом: безопасное значение')
        : text('policy, not a legal requirement', 'политика организации, не требование закона');
    return step(
      'parameter',
      trigger,
      text(
        `Parameter ${param.name} = ${param.value} (${origin.en}; ${status.en}): ${param.definition.description.en}.`,
        `Параметр ${param.name} = ${param.value} (${origin.ru}; ${status.ru}): ${param.definition.description.ru}.`,
      ),
    );
  });
}

// The base date and the period.

function clampPhrases(day: DateTime, clampedFrom: number | undefined): Line[] {
  if (clampedFrom === undefined) return [];
  return [
    step(
      'clamp-month-end',
      day,
      text(
        `That month has no day ${clampedFrom}: the period ends on its last day, ${formatDay(day).en}.`,
        `В этом месяце нет ${clampedFrom}-го числа: срок истекает в последний день месяца, ${formatDay(day).ru}.`,
      ),
    ),
  ];
}

function capitalised(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function baseLabel(source: BaseSource, facts: RulePack['facts']): LocalizedText {
  if (source.from === 'trigger') return text('The trigger date', 'Дата события');
  const description = facts[source.fact]?.description ?? text(source.fact, source.fact);
  return text(`${capitalised(description.en)} (${source.fact})`, `${capitalised(description.ru)} (${source.fact})`);
}

/** Silent when the period simply runs from the trigger: the trigger step has said that date already. */
export function baseDatePhrases(base: BaseDate, facts: RulePack['facts']): Line[] {
  const label = baseLabel(base.source, facts);
  const day = formatDay(base.date);
  const lines: Line[] = [];
  if (base.shift) {
    const period = formatPeriod(base.shift.by.amount, base.shift.by.unit);
    lines.push(step('base-date', base.date, text(`${label.en} plus ${period.en}: ${day.en}.`, `${label.ru} плюс ${period.ru}: ${day.ru}.`)));
    lines.push(...clampPhrases(base.date, base.shift.clampedFrom));
  } else if (base.source.from === 'fact') {
    lines.push(step('base-date', base.date, text(`${label.en}: ${day.en}.`, `${label.ru}: ${day.ru}.`)));
  }
  if (base.source.warning) lines.push(warning(base.date, base.source.warning));
  return lines;
}

function presidentialDayPhrases(day: ClassifiedDay, role: 'counted' | 'last-day'): Line[] {
  const consequence = role === 'counted' ? text('it counts as a working day', 'он считается рабочим') : text('the period is not extended', 'срок не продлевается');
  const lines = [
    step(
      'presidential-day',
      day.day,
      dayIs(
        day,
        text(
          `such days do not move procedural deadlines (Supreme Court, Review No. 1 of 21.04.2020), so ${consequence.en}`,
          `такие дни не переносят процессуальные сроки (Обзор ВС РФ № 1 от 21.04.2020), поэтому ${consequence.ru}`,
        ),
      ),
    ),
  ];
  if (role === 'last-day') {
    const date = formatLocalDate(day.day);
    lines.push(
      warning(
        day.day,
        text(
          `The period ends on a presidential non-working day (${date}); it is not extended, though a court may restore a period missed because of the restrictions.`,
          `Срок оканчивается в нерабочий день по указу Президента (${date}); он не продлевается, но суд может восстановить срок, пропущенный из-за ограничений.`,
        ),
      ),
    );
  }
  return lines;
}

function countStartPhrases(firstDay: DateTime, startsDayAfter: boolean): Line[] {
  const day = formatDay(firstDay);
  return [
    step(
      'count-start',
      firstDay,
      startsDayAfter
        ? text(`The period starts on the day after: ${day.en}.`, `Срок начинается на следующий день: ${day.ru}.`)
        : text(`The period starts on the trigger day itself: ${day.en}.`, `Срок начинается в день события: ${day.ru}.`),
    ),
  ];
}

function workingDayPhrases(counted: ClassifiedDay & { counted: boolean }): Line[] {
  if (!counted.counted) return [step('skip-non-working', counted.day, dayIs(counted, text('not counted', 'не считается')))];
  if (counted.info.kind === 'presidential-non-working') return presidentialDayPhrases(counted, 'counted');
  if (counted.info.kind === 'working-weekend') return [step('working-weekend', counted.day, dayIs(counted, text('counted', 'считается')))];
  return [];
}

export function periodPhrases(base: DateTime, period: ResolvedPeriod, rule: Pick<Rule, 'direction' | 'counting'>, end: PeriodEnd): Line[] {
  const after = rule.direction === 'after';
  const from = formatDay(base);
  const to = formatDay(end.date);
  const amount = formatPeriod(period.amount, period.unit);
  const lines = after ? countStartPhrases(end.firstDay, rule.counting.start === 'day-after-trigger') : [];
  if (end.kind === 'working-days') {
    for (const day of end.days) lines.push(consulted(day), ...workingDayPhrases(day));
    const sense = after ? text('from', 'с') : text('back from', 'назад от');
    lines.push(
      step(
        'add-period',
        end.date,
        text(`${amount.en} counted ${sense.en} ${from.en} end on ${to.en}.`, `${amount.ru}, считая ${sense.ru} ${from.ru}, истекают ${to.ru}.`),
      ),
    );
    return lines;
  }
  const halfMonth = period.unit === 'months' && !Number.isInteger(period.amount) ? text(' (half a month counts as 15 days)', ' (полмесяца — 15 дней)') : NOTHING;
  lines.push(
    step(
      'add-period',
      end.date,
      after
        ? text(`${amount.en}${halfMonth.en} from ${from.en} ends on ${to.en}.`, `${amount.ru}${halfMonth.ru} с ${from.ru} истекает ${to.ru}.`)
        : text(`${amount.en}${halfMonth.en} before ${from.en} is ${to.en}.`, `За ${amount.ru}${halfMonth.ru} до ${from.ru} — ${to.ru}.`),
    ),
    ...clampPhrases(end.date, end.clampedFrom),
  );
  return lines;
}

// Suspensions.

function stopLabel(stop: ClockStop): LocalizedText {
  return stop.citation ? text(`${stop.reason.en} (${stop.citation.en})`, `${stop.reason.ru} (${stop.citation.ru})`) : stop.reason;
}

type ClockStopped = Exclude<SuspensionEffect, { kind: 'may-apply' }>;

function clockStoppedText(effect: ClockStopped, range: string, label: LocalizedText): LocalizedText {
  const end = formatDay(effect.end);
  if (effect.kind === 'stopped-before-start') {
    const runsFrom = formatDay(effect.runsFrom);
    if (effect.workingDays) {
      const count = effect.workingDays.amount;
      const amount = formatPeriod(count, 'working-days');
      const one = { en: count === 1, ru: count % 10 === 1 && count % 100 !== 11 };
      return text(
        `The clock was stopped when the period would have started, ${range} (${label.en}): its ${amount.en} ${one.en ? 'is counted' : 'are counted'} from ${runsFrom.en} and ${one.en ? 'ends' : 'end'} on ${end.en}.`,
        `Течение срока было приостановлено к его началу, ${range} (${label.ru}): ${amount.ru} срока ${one.ru ? 'считается' : 'считаются'} с ${runsFrom.ru} и ${one.ru ? 'истекает' : 'истекают'} ${end.ru}.`,
      );
    }
    return text(
      `The clock was stopped when the period would have started, ${range} (${label.en}): it runs from ${runsFrom.en} and ends on ${end.en}.`,
      `Течение срока было приостановлено к его началу, ${range} (${label.ru}): срок идёт с ${runsFrom.ru} и истекает ${end.ru}.`,
    );
  }
  const stoppedFrom = formatLocalDate(effect.stoppedFrom);
  if (effect.workingDays) {
    const amount = formatPeriod(effect.daysLeft, 'working-days');
    return text(
      `The clock stopped ${range} (${label.en}); the ${amount.en} of the period left on ${stoppedFrom} ${effect.daysLeft === 1 ? 'is' : 'are'} counted after the stop, so it ends on ${end.en}.`,
      `Течение срока приостановлено ${range} (${label.ru}); оставшиеся на ${stoppedFrom} рабочие дни (${effect.daysLeft}) считаются после приостановления, срок истекает ${end.ru}.`,
    );
  }
  return text(
    `The clock stopped ${range} (${label.en}); the ${effect.daysLeft} day(s) of the period left on ${stoppedFrom} run after the stop, so it ends on ${end.en}.`,
    `Течение срока приостановлено ${range} (${label.ru}); оставшиеся на ${stoppedFrom} дни (${effect.daysLeft}) идут после приостановления, срок истекает ${end.ru}.`,
  );
}

/** The days after a stop that a period in working days was counted on, after the sentence that says so: each is looked up, a skipped one said. */
function daysCountedAfterStop(effect: SuspensionEffect): Line[] {
  if (effect.kind === 'may-apply' || !effect.workingDays) return [];
  return effect.workingDays.days.flatMap((day) => [consulted(day), ...workingDayPhrases(day)]);
}

function suspensionEffectPhrase(effect: SuspensionEffect): Line {
  const range = `${formatLocalDate(effect.stop.from)}..${formatLocalDate(effect.stop.to)}`;
  const label = stopLabel(effect.stop);
  if (effect.kind !== 'may-apply') return step('suspension', effect.end, clockStoppedText(effect, range, label));
  return warning(
    effect.end,
    text(
      `The period overlaps ${range}: ${label.en}. Whether that suspension covers this period is unconfirmed; the date was not extended.`,
      `Срок пересекается с периодом ${range}: ${label.ru}. Распространяется ли приостановление на этот срок, не подтверждено; дата не продлена.`,
    ),
  );
}

/** Each window's effect, followed by a warning where it made the date less sure than the rule. */
export function suspensionPhrases(effects: readonly SuspensionEffect[], loweredConfidence: readonly SuspensionEffect[]): Line[] {
  return effects.flatMap((effect) => {
    const confidence = effect.stop.confidence;
    const said = [suspensionEffectPhrase(effect), ...daysCountedAfterStop(effect)];
    if (!confidence || !loweredConfidence.includes(effect)) return said;
    return [
      ...said,
      warning(
        effect.end,
        text(
          `This date relies on a suspension known with ${confidence} confidence: have a lawyer confirm it.`,
          `Дата зависит от приостановления, достоверность которого — ${confidence}: пусть юрист её подтвердит.`,
        ),
      ),
    ];
  });
}

// The roll to a working day and the due date.

/** Whether the period's last day is a working day; a working weekend day is said to be one, because it looks like it is not. */
function lastDayPhrases(lastDay: ClassifiedDay, moved: boolean): Line[] {
  if (lastDay.info.kind === 'working-weekend') return [step('working-weekend', lastDay.day, dayIs(lastDay, text('no roll-forward', 'срок не переносится')))];
  if (!moved) return [step('working-day', lastDay.day, dayIs(lastDay, text('the date stays', 'дата не переносится')))];
  return [];
}

function movePhrase(from: ClassifiedDay, to: DateTime, roll: 'next-working-day' | 'previous-working-day'): Line {
  const day = formatDay(to);
  return roll === 'next-working-day'
    ? step('roll-forward', to, dayIs(from, text(`the period moves to the next day, ${day.en}`, `срок переносится на следующий день, ${day.ru}`)))
    : step('roll-back', to, dayIs(from, text(`the date moves back to ${day.en}`, `дата переносится на предыдущий день, ${day.ru}`)));
}

/**
 * Why the last day stays or moves, one day at a time. `calendarCaveat` says what the calendar could not
 * consider (e.g. regional holidays when the region was not given); only a date that moves depends on it.
 */
export function rollPhrases(rolled: RolledDate, counting: Pick<Rule['counting'], 'roll' | 'honoursPresidentialNonWorkingDays'>, calendarCaveat?: LocalizedText): Line[] {
  const [lastDay, ...movedTo] = rolled.days;
  if (!lastDay) return [];
  const roll = counting.roll;
  const lines: Line[] = [];
  if (roll !== 'none' && calendarCaveat) lines.push(warning(lastDay.day, calendarCaveat));
  lines.push(consulted(lastDay));
  let reached = lastDay;
  if (roll !== 'none') {
    lines.push(...lastDayPhrases(lastDay, movedTo.length > 0));
    for (const next of movedTo) {
      lines.push(movePhrase(reached, next.day, roll), consulted(next));
      reached = next;
    }
  }
  if (reached.info.kind === 'presidential-non-working' && !counting.honoursPresidentialNonWorkingDays) lines.push(...presidentialDayPhrases(reached, 'last-day'));
  return lines;
}

export function notBeforeTriggerPhrases(result: NotBeforeTrigger): Line[] {
  if (!result.wouldHaveBeen) return [];
  const computed = formatDay(result.wouldHaveBeen);
  const trigger = formatDay(result.date);
  return [
    step(
      'not-before-trigger',
      result.date,
      text(`${computed.en} is before the trigger date: due at once, ${trigger.en}.`, `${computed.ru} — раньше даты события: срок наступает сразу, ${trigger.ru}.`),
    ),
    warning(result.date, text('The lead time is longer than the time left: act now.', 'Запас времени больше оставшегося срока: действуйте сразу.')),
  ];
}

// What follows the due date: reminders, notes, confidence.

export function reminderPhrases(plan: ReminderPlan | undefined, base: DateTime, due: DateTime): Line[] {
  if (!plan) return [];
  const offsets = plan.offsetsDays.join(', ');
  const period = formatPeriod(plan.firstBeforeBase.amount, plan.firstBeforeBase.unit);
  const from = formatLocalDate(base);
  return [
    step(
      'reminders',
      due,
      text(
        `Reminders ${offsets} days before the due date (from ${period.en} before ${from}).`,
        `Напоминания за ${offsets} дн. до срока (начиная за ${period.ru} до ${from}).`,
      ),
    ),
  ];
}

/** The rule's notes, then the trigger's own note. */
export function notePhrases(rule: Pick<Rule, 'notes' | 'triggers'>, event: string, due: DateTime): Line[] {
  const triggerNote = rule.triggers.find((trigger) => trigger.event === event)?.note;
  return [...rule.notes, ...(triggerNote ? [triggerNote] : [])].map((note) => step('note', due, note));
}

export function confidencePhrases(confidence: Confidence, due: DateTime): Line[] {
  if (confidence !== 'low' && confidence !== 'unconfirmed') return [];
  return [
    warning(
      due,
      text(
        `Confidence in this rule is ${confidence}: have a lawyer confirm the date.`,
        `Достоверность правила — ${confidence === 'low' ? 'низкая' : 'не подтверждена'}: пусть юрист подтвердит дату.`,
      ),
    ),
  ];
}

// The calendar data behind the result.

const FALLBACK_WARNING = /^No calendar data for (\d{4}):/;

/** The years a deadline was counted in on weekends and fixed holidays alone, read off its fallback warnings. */
export function calendarFallbackYears(warnings: readonly RecordedText[]): number[] {
  return warnings.flatMap((warning) => {
    const year = FALLBACK_WARNING.exec(textIn(warning, 'en'))?.[1];
    return year ? [Number(year)] : [];
  });
}

export function calendarFallbackWarning(year: number, calendarName: LocalizedText): LocalizedText {
  return text(
    `No calendar data for ${year}: only weekends and fixed holidays were considered (${calendarName.en}); check the date against the official calendar.`,
    `Нет календаря на ${year} год: учтены только выходные и фиксированные праздники (${calendarName.ru}); сверьте дату с официальным календарём.`,
  );
}

export function calendarSourceText(calendarName: LocalizedText, years: readonly YearsFromOneSource[]): LocalizedText {
  if (years.length === 0) {
    return text(
      `${calendarName.en}: not consulted (this date does not move for non-working days)`,
      `${calendarName.ru}: не применялся (эта дата не переносится с нерабочих дней)`,
    );
  }
  const span = (group: YearsFromOneSource): string => (group.from === group.to ? `${group.from}` : `${group.from}-${group.to}`);
  return text(
    `${calendarName.en} ${years.map((group) => `${span(group)}: ${group.source.en}`).join('; ')}`,
    `${calendarName.ru} ${years.map((group) => `${span(group)}: ${group.source.ru}`).join('; ')}`,
  );
}

export function calendarStep(source: LocalizedText): LocalizedText {
  return text(`Calendar: ${source.en}.`, `Календарь: ${source.ru}.`);
}
