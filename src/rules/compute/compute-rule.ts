import type { DateTime } from 'luxon';
import type { DayInfo, WorkingCalendar } from '../calendar/working-calendar';
import { RulesError } from '../errors';
import { eventTitle } from '../event-titles';
import { BASIS_TEXT, describeDay, formatDay, formatPeriod } from '../explain/format';
import { daysBetween, endOfLocalDay, formatLocalDate, toDay as dayOf } from '../local-date';
import type { LocalizedText } from '../localized-text';
import type { BaseSource, Confidence, Period, Rule, RulePack, SuspensionWindowDefinition } from '../pack/schema';
import type { ComputedDeadline, SuspensionPeriod } from '../types';
import { ExplanationBuilder } from './explanation-builder';
import type { FactValue, ResolvedParam } from './inputs';
import { shiftByPeriod } from './periods';

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

const CONFIDENCE_ORDER: readonly Confidence[] = ['unconfirmed', 'low', 'medium', 'medium-high', 'high'];

function weaker(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_ORDER.indexOf(a) <= CONFIDENCE_ORDER.indexOf(b) ? a : b;
}

function text(en: string, ru: string): LocalizedText {
  return { en, ru };
}

/** Computes one rule's deadline for one trigger and explains every step of it. */
export function computeRuleDeadline(input: RuleInput): ComputedDeadline {
  return new RuleComputation(input).run();
}

class RuleComputation {
  private readonly explain: ExplanationBuilder;
  private confidence: Confidence;
  private readonly rule: Rule;
  private readonly trigger: DateTime;
  /** The base alternative that applied, needed to restart a period whose start fell into a suspension. */
  private baseSource: BaseSource | undefined;

  constructor(private readonly input: RuleInput) {
    this.rule = input.rule;
    this.trigger = input.triggerDay;
    this.explain = new ExplanationBuilder(input.calendar, input.allowCalendarFallback);
    const trigger = this.rule.triggers.find((candidate) => candidate.event === input.event);
    this.confidence = trigger?.confidence ?? this.rule.confidence;
  }

  run(): ComputedDeadline {
    const { rule, explain } = this;
    this.describeTriggerAndRule();
    const base = this.resolveBase();
    const rawEnd = rule.period ? this.applyPeriod(base, rule.period) : base;
    const suspendedEnd = this.applySuspensions(rawEnd);
    let due = this.roll(suspendedEnd);
    due = this.notBeforeTrigger(due);
    const reminderOffsetsDays = this.reminders(base, due);
    this.describeNotes(due);
    const calendarSource = explain.calendarSource();
    explain.step('calendar', due, text(`Calendar: ${calendarSource.en}.`, `Календарь: ${calendarSource.ru}.`));
    const dueDate = formatLocalDate(due);
    const warnings = [...explain.warnings];
    return {
      ruleId: rule.id,
      kind: rule.kind,
      title: rule.title,
      owner: rule.owner,
      dueDate,
      endsAt: endOfLocalDay(dueDate, this.input.zone),
      zone: this.input.zone,
      basis: rule.basis,
      citation: rule.citation.en,
      confidence: this.confidence,
      satisfiedBy: [...rule.satisfiedBy],
      supersededBy: [...rule.supersededBy],
      ...(reminderOffsetsDays ? { reminderOffsetsDays } : {}),
      informational: rule.informational,
      explanation: {
        trigger: { event: this.input.event, date: formatLocalDate(this.trigger) },
        ruleId: rule.id,
        citation: rule.citation.en,
        rawEndDate: formatLocalDate(rawEnd),
        steps: explain.steps,
        calendarSource: calendarSource.en,
        warnings,
      },
      warnings,
    };
  }

  private describeTriggerAndRule(): void {
    const { rule, trigger, explain } = this;
    const title = eventTitle(this.input.event) ?? { en: this.input.event, ru: this.input.event };
    const day = formatDay(trigger);
    explain.step('trigger', trigger, text(`Trigger: ${title.en}, ${day.en}.`, `Событие: ${title.ru}, ${day.ru}.`));
    const until = rule.effectiveTo ? text(` to ${rule.effectiveTo}`, ` по ${rule.effectiveTo}`) : text('', '');
    explain.step(
      'rule',
      trigger,
      text(
        `Rule ${rule.id} (${BASIS_TEXT[rule.basis].en}): ${rule.citation.en}; in force on the trigger date (from ${rule.effectiveFrom}${until.en}).`,
        `Правило ${rule.id} (${BASIS_TEXT[rule.basis].ru}): ${rule.citation.ru}; действует на дату события (с ${rule.effectiveFrom}${until.ru}).`,
      ),
    );
    for (const param of this.paramsUsed()) {
      const origin = param.overridden ? text('set in the request', 'задан в запросе') : text('default', 'по умолчанию');
      const status =
        param.definition.status === 'unconfirmed'
          ? text('unconfirmed in law: a safe default', 'не подтверждено законом: безопасное значение')
          : text('policy, not a legal requirement', 'политика организации, не требование закона');
      explain.step(
        'parameter',
        trigger,
        text(
          `Parameter ${param.name} = ${param.value} (${origin.en}; ${status.en}): ${param.definition.description.en}.`,
          `Параметр ${param.name} = ${param.value} (${origin.ru}; ${status.ru}): ${param.definition.description.ru}.`,
        ),
      );
    }
  }

  private paramsUsed(): ResolvedParam[] {
    const periods = [this.rule.period, this.rule.reminders?.firstBeforeBase, ...this.rule.base.map((source) => source.plus)];
    const names = new Set(periods.flatMap((period) => (period && typeof period.amount !== 'number' ? [period.amount.param] : [])));
    return [...names].map((name) => this.param(name));
  }

  private param(name: string): ResolvedParam {
    const param = this.input.params.get(name);
    if (!param) throw new Error(`parameter ${name} was not resolved`);
    return param;
  }

  private amountOf(period: Period): number {
    return typeof period.amount === 'number' ? period.amount : this.param(period.amount.param).value;
  }

  /** The first base alternative whose fact is present; a date taken from facts must not lie before the trigger. */
  private resolveBase(): DateTime {
    for (const source of this.rule.base) {
      const start = this.baseStart(source);
      if (!start) continue;
      let day = start.day;
      if (source.plus) {
        const amount = this.amountOf(source.plus);
        const unit = source.plus.unit;
        if (unit === 'working-days') throw new Error(`rule ${this.rule.id}: a base cannot move by working days`);
        const shifted = shiftByPeriod(day, amount, unit, 1, this.rule.counting.monthEnd);
        const period = formatPeriod(amount, unit);
        this.explain.step(
          'base-date',
          shifted.day,
          text(
            `${start.label.en} plus ${period.en}: ${formatDay(shifted.day).en}.`,
            `${start.label.ru} плюс ${period.ru}: ${formatDay(shifted.day).ru}.`,
          ),
        );
        this.describeClamp(shifted.day, shifted.clampedFrom);
        day = shifted.day;
      } else if (source.from === 'fact') {
        this.explain.step('base-date', day, text(`${start.label.en}: ${formatDay(day).en}.`, `${start.label.ru}: ${formatDay(day).ru}.`));
      }
      this.baseSource = source;
      if (source.warning) this.explain.warn(day, source.warning);
      if (source.from === 'fact' && day < this.trigger) {
        throw new RulesError(
          'invalid-request',
          `the date derived from fact "${source.fact}" (${formatLocalDate(day)}) is before the event date ${formatLocalDate(this.trigger)}; check the facts`,
          `facts.${source.fact}`,
        );
      }
      return day;
    }
    throw new Error(`rule ${this.rule.id}: no base alternative applies (the last one must not depend on a fact)`);
  }

  private baseStart(source: BaseSource): { day: DateTime; label: LocalizedText } | undefined {
    if (source.from === 'trigger') return { day: this.trigger, label: text('The trigger date', 'Дата события') };
    const value = this.input.facts.get(source.fact);
    if (value === undefined) return undefined;
    if (typeof value !== 'object') throw new Error(`fact ${source.fact} is not a date`);
    const description = this.input.pack.facts[source.fact]?.description ?? text(source.fact, source.fact);
    const capitalised = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);
    return { day: value, label: text(`${capitalised(description.en)} (${source.fact})`, `${capitalised(description.ru)} (${source.fact})`) };
  }

  private applyPeriod(base: DateTime, period: Period): DateTime {
    const { rule, explain } = this;
    const amount = this.amountOf(period);
    const sign = rule.direction === 'after' ? 1 : -1;
    const startsDayAfter = rule.counting.start === 'day-after-trigger';
    const periodText = formatPeriod(amount, period.unit);
    const halfMonth = period.unit === 'months' && !Number.isInteger(amount) ? text(' (half a month counts as 15 days)', ' (полмесяца — 15 дней)') : text('', '');
    if (sign === 1) {
      const first = startsDayAfter ? base.plus({ days: 1 }) : base;
      explain.step(
        'count-start',
        first,
        startsDayAfter
          ? text(`The period starts on the day after: ${formatDay(first).en}.`, `Срок начинается на следующий день: ${formatDay(first).ru}.`)
          : text(`The period starts on the trigger day itself: ${formatDay(first).en}.`, `Срок начинается в день события: ${formatDay(first).ru}.`),
      );
    }
    if (period.unit === 'working-days') return this.countWorkingDays(base, amount, sign, startsDayAfter, periodText);
    const shifted = shiftByPeriod(base, amount, period.unit, sign, rule.counting.monthEnd);
    const end = startsDayAfter ? shifted.day : shifted.day.minus({ days: sign });
    explain.step(
      'add-period',
      end,
      sign === 1
        ? text(
            `${periodText.en}${halfMonth.en} from ${formatDay(base).en} ends on ${formatDay(end).en}.`,
            `${periodText.ru}${halfMonth.ru} с ${formatDay(base).ru} истекает ${formatDay(end).ru}.`,
          )
        : text(
            `${periodText.en}${halfMonth.en} before ${formatDay(base).en} is ${formatDay(end).en}.`,
            `За ${periodText.ru}${halfMonth.ru} до ${formatDay(base).ru} — ${formatDay(end).ru}.`,
          ),
    );
    this.describeClamp(end, shifted.clampedFrom);
    return end;
  }

  private describeClamp(day: DateTime, clampedFrom: number | undefined): void {
    if (clampedFrom === undefined) return;
    this.explain.step(
      'clamp-month-end',
      day,
      text(
        `That month has no day ${clampedFrom}: the period ends on its last day, ${formatDay(day).en}.`,
        `В этом месяце нет ${clampedFrom}-го числа: срок истекает в последний день месяца, ${formatDay(day).ru}.`,
      ),
    );
  }

  private isNonWorking(info: DayInfo): boolean {
    if (info.kind === 'presidential-non-working') return this.rule.counting.honoursPresidentialNonWorkingDays;
    return info.kind === 'weekend' || info.kind === 'holiday' || info.kind === 'transferred-day-off';
  }

  private countWorkingDays(base: DateTime, amount: number, sign: 1 | -1, startsDayAfter: boolean, periodText: LocalizedText): DateTime {
    let day = startsDayAfter ? base.plus({ days: sign }) : base;
    let counted = 0;
    for (;;) {
      const info = this.explain.classify(day);
      if (this.isNonWorking(info)) {
        this.explain.step(
          'skip-non-working',
          day,
          text(`${formatDay(day).en} is ${describeDay(info).en}: not counted.`, `${formatDay(day).ru} — ${describeDay(info).ru}: не считается.`),
        );
      } else {
        if (info.kind === 'presidential-non-working') this.describePresidentialDay(day, info, 'counted');
        if (info.kind === 'working-weekend') {
          this.explain.step(
            'working-weekend',
            day,
            text(`${formatDay(day).en} is ${describeDay(info).en}: counted.`, `${formatDay(day).ru} — ${describeDay(info).ru}: считается.`),
          );
        }
        counted += 1;
        if (counted === amount) break;
      }
      day = day.plus({ days: sign });
    }
    this.explain.step(
      'add-period',
      day,
      text(
        `${periodText.en} counted ${sign === 1 ? 'from' : 'back from'} ${formatDay(base).en} end on ${formatDay(day).en}.`,
        `${periodText.ru}, считая ${sign === 1 ? 'с' : 'назад от'} ${formatDay(base).ru}, истекают ${formatDay(day).ru}.`,
      ),
    );
    return day;
  }

  private describePresidentialDay(day: DateTime, info: DayInfo, role: 'counted' | 'last-day'): void {
    const what =
      role === 'counted'
        ? text('it counts as a working day', 'он считается рабочим')
        : text('the period is not extended', 'срок не продлевается');
    this.explain.step(
      'presidential-day',
      day,
      text(
        `${formatDay(day).en} is ${describeDay(info).en}: such days do not move procedural deadlines (Supreme Court, Review No. 1 of 21.04.2020), so ${what.en}.`,
        `${formatDay(day).ru} — ${describeDay(info).ru}: такие дни не переносят процессуальные сроки (Обзор ВС РФ № 1 от 21.04.2020), поэтому ${what.ru}.`,
      ),
    );
    if (role === 'last-day') {
      this.explain.warn(
        day,
        text(
          `The period ends on a presidential non-working day (${formatLocalDate(day)}); it is not extended, though a court may restore a period missed because of the restrictions.`,
          `Срок оканчивается в нерабочий день по указу Президента (${formatLocalDate(day)}); он не продлевается, но суд может восстановить срок, пропущенный из-за ограничений.`,
        ),
      );
    }
  }

  /** Pack windows and the request's own periods stop the clock; `warn` windows only say they may apply. */
  private applySuspensions(rawEnd: DateTime): DateTime {
    const { rule, explain } = this;
    let end = rawEnd;
    const windows: Array<{ from: DateTime; to: DateTime; label: LocalizedText; confidence?: Confidence; effect: 'stop-clock' | 'warn' }> = [];
    for (const reference of rule.suspensions) {
      const window = this.input.pack.suspensionWindows.find((candidate) => candidate.id === reference.window) as SuspensionWindowDefinition;
      windows.push({
        from: dayOf(window.from),
        to: dayOf(window.to),
        label: text(`${window.reason.en} (${window.citation.en})`, `${window.reason.ru} (${window.citation.ru})`),
        confidence: window.confidence,
        effect: reference.effect,
      });
    }
    if (rule.stopsForRequestSuspensions) {
      for (const period of this.input.requestSuspensions) {
        windows.push({ from: dayOf(period.from), to: dayOf(period.to), label: text(period.reason, period.reason), effect: 'stop-clock' });
      }
    }
    windows.sort((a, b) => a.from.toMillis() - b.from.toMillis());
    let runningFrom = this.trigger.plus({ days: 1 });
    let stoppedUntil: DateTime | undefined;
    for (const window of windows) {
      const range = text(`${formatLocalDate(window.from)}..${formatLocalDate(window.to)}`, `${formatLocalDate(window.from)}..${formatLocalDate(window.to)}`);
      if (window.effect === 'warn') {
        if (window.from <= end && window.to >= runningFrom) {
          explain.warn(
            end,
            text(
              `The period overlaps ${range.en}: ${window.label.en}. Whether that suspension covers this period is unconfirmed; the date was not extended.`,
              `Срок пересекается с периодом ${range.ru}: ${window.label.ru}. Распространяется ли приостановление на этот срок, не подтверждено; дата не продлена.`,
            ),
          );
        }
        continue;
      }
      // Overlapping stops count once: a later window starts where the clock is running again.
      const from = stoppedUntil && window.from <= stoppedUntil ? stoppedUntil.plus({ days: 1 }) : window.from;
      if (from > window.to || from > end || window.to < runningFrom) continue;
      stoppedUntil = window.to;
      if (from <= runningFrom) {
        // Stopped before it ran: the whole period runs from the day after the stop, counted as the rule counts it.
        end = this.restartedEnd(window.to, rawEnd);
        runningFrom = window.to.plus({ days: 1 });
        explain.step(
          'suspension',
          end,
          text(
            `The clock was stopped when the period would have started, ${range.en} (${window.label.en}): it runs from ${formatDay(runningFrom).en} and ends on ${formatDay(end).en}.`,
            `Течение срока было приостановлено к его началу, ${range.ru} (${window.label.ru}): срок идёт с ${formatDay(runningFrom).ru} и истекает ${formatDay(end).ru}.`,
          ),
        );
      } else {
        const remaining = daysBetween(from, end) + 1;
        end = window.to.plus({ days: remaining });
        explain.step(
          'suspension',
          end,
          text(
            `The clock stopped ${range.en} (${window.label.en}); the ${remaining} day(s) of the period left on ${formatLocalDate(from)} run after the stop, so it ends on ${formatDay(end).en}.`,
            `Течение срока приостановлено ${range.ru} (${window.label.ru}); оставшиеся на ${formatLocalDate(from)} дни (${remaining}) идут после приостановления, срок истекает ${formatDay(end).ru}.`,
          ),
        );
      }
      if (window.confidence && weaker(window.confidence, this.confidence) !== this.confidence) {
        this.confidence = window.confidence;
        explain.warn(
          end,
          text(
            `This date relies on a suspension known with ${window.confidence} confidence: have a lawyer confirm it.`,
            `Дата зависит от приостановления, достоверность которого — ${window.confidence}: пусть юрист её подтвердит.`,
          ),
        );
      }
    }
    return end;
  }

  /** The end of the period when it only starts running on the day after `stopEnd`. */
  private restartedEnd(stopEnd: DateTime, rawEnd: DateTime): DateTime {
    const source = this.baseSource;
    const period = this.rule.period;
    if (source?.from !== 'trigger' || period?.unit === 'working-days') return stopEnd.plus({ days: daysBetween(this.trigger, rawEnd) });
    let day = stopEnd;
    for (const step of [source.plus, period]) {
      if (!step || step.unit === 'working-days') continue;
      day = shiftByPeriod(day, this.amountOf(step), step.unit, 1, this.rule.counting.monthEnd).day;
    }
    return period && this.rule.counting.start === 'trigger-day' ? day.minus({ days: 1 }) : day;
  }

  private roll(day: DateTime): DateTime {
    const { rule, explain } = this;
    const roll = rule.counting.roll;
    if (roll === 'none') {
      // Only to mention a presidential day; a validity date beyond the calendar needs no calendar at all.
      if (rule.period?.unit !== 'working-days' && this.input.calendar.covers(day.year)) {
        const info = explain.classify(day);
        if (info.kind === 'presidential-non-working' && !rule.counting.honoursPresidentialNonWorkingDays) {
          this.describePresidentialDay(day, info, 'last-day');
        }
      }
      return day;
    }
    if (this.input.calendarCaveat) explain.warn(day, this.input.calendarCaveat);
    const sign = roll === 'next-working-day' ? 1 : -1;
    let info = explain.classify(day);
    if (info.kind === 'working-weekend') {
      explain.step(
        'working-weekend',
        day,
        text(`${formatDay(day).en} is ${describeDay(info).en}: no roll-forward.`, `${formatDay(day).ru} — ${describeDay(info).ru}: срок не переносится.`),
      );
    }
    if (!this.isNonWorking(info) && info.kind !== 'working-weekend') {
      explain.step(
        'working-day',
        day,
        text(`${formatDay(day).en} is ${describeDay(info).en}: the date stays.`, `${formatDay(day).ru} — ${describeDay(info).ru}: дата не переносится.`),
      );
    }
    while (this.isNonWorking(info)) {
      const next = day.plus({ days: sign });
      explain.step(
        sign === 1 ? 'roll-forward' : 'roll-back',
        next,
        sign === 1
          ? text(
              `${formatDay(day).en} is ${describeDay(info).en}: the period moves to the next day, ${formatDay(next).en}.`,
              `${formatDay(day).ru} — ${describeDay(info).ru}: срок переносится на следующий день, ${formatDay(next).ru}.`,
            )
          : text(
              `${formatDay(day).en} is ${describeDay(info).en}: the date moves back to ${formatDay(next).en}.`,
              `${formatDay(day).ru} — ${describeDay(info).ru}: дата переносится на предыдущий день, ${formatDay(next).ru}.`,
            ),
      );
      day = next;
      info = explain.classify(day);
    }
    if (info.kind === 'presidential-non-working') this.describePresidentialDay(day, info, 'last-day');
    return day;
  }

  /** A date counted back (e.g. file one month before expiry) can fall before the trigger: then it is due at once. */
  private notBeforeTrigger(due: DateTime): DateTime {
    if (due >= this.trigger) return due;
    this.explain.step(
      'not-before-trigger',
      this.trigger,
      text(
        `${formatDay(due).en} is before the trigger date: due at once, ${formatDay(this.trigger).en}.`,
        `${formatDay(due).ru} — раньше даты события: срок наступает сразу, ${formatDay(this.trigger).ru}.`,
      ),
    );
    this.explain.warn(
      this.trigger,
      text(
        'The lead time is longer than the time left: act now.',
        'Запас времени больше оставшегося срока: действуйте сразу.',
      ),
    );
    return this.trigger;
  }

  private reminders(base: DateTime, due: DateTime): number[] | undefined {
    const reminders = this.rule.reminders;
    if (!reminders) return undefined;
    const unit = reminders.firstBeforeBase.unit;
    if (unit === 'working-days') throw new Error(`rule ${this.rule.id}: reminders cannot be counted in working days`);
    const amount = this.amountOf(reminders.firstBeforeBase);
    const first = shiftByPeriod(base, amount, unit, -1, this.rule.counting.monthEnd).day;
    // Never before the trigger (nothing to remind of yet) and never after the due date.
    const start = Math.min(Math.max(daysBetween(first, due), 0), daysBetween(this.trigger, due));
    const offsets = [...new Set([start, ...reminders.thenDaysBefore])].filter((offset) => offset <= start).sort((a, b) => b - a);
    const period = formatPeriod(amount, unit);
    this.explain.step(
      'reminders',
      due,
      text(
        `Reminders ${offsets.join(', ')} days before the due date (from ${period.en} before ${formatLocalDate(base)}).`,
        `Напоминания за ${offsets.join(', ')} дн. до срока (начиная за ${period.ru} до ${formatLocalDate(base)}).`,
      ),
    );
    return offsets;
  }

  private describeNotes(due: DateTime): void {
    const trigger = this.rule.triggers.find((candidate) => candidate.event === this.input.event);
    for (const note of [...this.rule.notes, ...(trigger?.note ? [trigger.note] : [])]) this.explain.step('note', due, note);
    if (this.confidence === 'low' || this.confidence === 'unconfirmed') {
      this.explain.warn(
        due,
        text(
          `Confidence in this rule is ${this.confidence}: have a lawyer confirm the date.`,
          `Достоверность правила — ${this.confidence === 'low' ? 'низкая' : 'не подтверждена'}: пусть юрист подтвердит дату.`,
        ),
      );
    }
  }
}
