import { RulesError } from '../errors';
import { eventTitle } from '../event-titles';
import { rulesErrorFromZod } from '../zod-issues';
import { recurringDaysOff } from '../compute/court-days-off';
import { type Period, type Rule, type RulePack, RulePackSchema } from './schema';

function invalid(pack: string, message: string, path: string): RulesError {
  return new RulesError('invalid-pack', `rule pack ${pack}: ${message}`, path);
}

function conditionKey(rule: Rule): string {
  return JSON.stringify(rule.when ?? {});
}

/**
 * Validates a rule pack once, when it is loaded: its shape with zod, then the references between its parts
 * (events, facts, parameters, suspension windows) and overlapping rules. Any problem names the field's path.
 */
export function loadRulePack(raw: unknown): RulePack {
  const parsed = RulePackSchema.safeParse(raw);
  const name =
    typeof raw === 'object' && raw !== null && 'jurisdiction' in raw && 'procedure' in raw
      ? `${String(raw.jurisdiction)}/${String(raw.procedure)}`
      : 'rule pack';
  if (!parsed.success) throw rulesErrorFromZod('invalid-pack', `${name} is malformed`, parsed.error);
  const pack = parsed.data;
  const events = new Set<string>();

  pack.events.forEach((entry, index) => {
    const path = `events.${index}`;
    if (!eventTitle(entry.event)) throw invalid(name, `"${entry.event}" is not in the shared event vocabulary (TRIGGER_EVENTS)`, `${path}.event`);
    if (events.has(entry.event)) throw invalid(name, `event "${entry.event}" is declared twice`, `${path}.event`);
    events.add(entry.event);
    entry.facts.forEach((fact, factIndex) => {
      if (!pack.facts[fact]) throw invalid(name, `fact "${fact}" is not declared in facts`, `${path}.facts.${factIndex}`);
    });
  });

  if (pack.calendarRegionFact !== undefined && pack.facts[pack.calendarRegionFact]?.type !== 'enum') {
    throw invalid(name, `calendar region fact "${pack.calendarRegionFact}" must be a declared enum fact`, 'calendarRegionFact');
  }

  for (const [param, definition] of Object.entries(pack.params)) {
    const { default: value, min, max, integer } = definition;
    if (min > max || value < min || value > max || (integer && !Number.isInteger(value))) {
      throw invalid(name, `default ${value} is outside ${min}..${max}${integer ? ' or not whole' : ''}`, `params.${param}`);
    }
  }

  const windows = new Set<string>();
  pack.courtDaysOff.forEach((group, index) => {
    try {
      recurringDaysOff(group);
    } catch (error) {
      throw invalid(name, (error as Error).message, `courtDaysOff.${index}.days`);
    }
    group.when?.allOf.forEach((condition, conditionIndex) => {
      if (!pack.facts[condition.fact]) throw invalid(name, `fact "${condition.fact}" is not declared in facts`, `courtDaysOff.${index}.when.allOf.${conditionIndex}.fact`);
    });
  });

  pack.suspensionWindows.forEach((window, index) => {
    if (window.to < window.from) throw invalid(name, 'suspension window ends before it starts', `suspensionWindows.${index}.to`);
    if (windows.has(window.id)) throw invalid(name, `suspension window "${window.id}" is declared twice`, `suspensionWindows.${index}.id`);
    windows.add(window.id);
  });

  const checkPeriod = (period: Period | undefined, path: string): void => {
    if (period && typeof period.amount !== 'number' && !pack.params[period.amount.param]) {
      throw invalid(name, `parameter "${period.amount.param}" is not declared in params`, `${path}.amount.param`);
    }
  };

  const ruleIds = new Set<string>();
  pack.rules.forEach((rule, index) => {
    const path = `rules.${index}`;
    if (ruleIds.has(rule.id)) throw invalid(name, `rule id "${rule.id}" is used twice`, `${path}.id`);
    ruleIds.add(rule.id);
    rule.triggers.forEach((trigger, triggerIndex) => {
      if (!events.has(trigger.event)) throw invalid(name, `trigger "${trigger.event}" is not a declared event`, `${path}.triggers.${triggerIndex}.event`);
    });
    for (const list of ['satisfiedBy', 'supersededBy'] as const) {
      rule[list].forEach((event, eventIndex) => {
        if (!events.has(event)) throw invalid(name, `"${event}" is not a declared event`, `${path}.${list}.${eventIndex}`);
      });
    }
    for (const group of ['allOf', 'anyOf', 'noneOf'] as const) {
      (rule.when?.[group] ?? []).forEach((condition, conditionIndex) => {
        if (!pack.facts[condition.fact]) throw invalid(name, `fact "${condition.fact}" is not declared`, `${path}.when.${group}.${conditionIndex}.fact`);
      });
    }
    rule.base.forEach((source, sourceIndex) => {
      if (source.from === 'fact' && pack.facts[source.fact]?.type !== 'date') {
        throw invalid(name, `base fact "${source.fact}" must be a declared date fact`, `${path}.base.${sourceIndex}.fact`);
      }
      checkPeriod(source.plus, `${path}.base.${sourceIndex}.plus`);
    });
    checkPeriod(rule.period, `${path}.period`);
    checkPeriod(rule.reminders?.firstBeforeBase, `${path}.reminders.firstBeforeBase`);
    if (rule.effectiveTo !== undefined && rule.effectiveTo < rule.effectiveFrom) {
      throw invalid(name, 'effectiveTo is before effectiveFrom', `${path}.effectiveTo`);
    }
    rule.suspensions.forEach((suspension, suspensionIndex) => {
      if (!windows.has(suspension.window)) throw invalid(name, `suspension window "${suspension.window}" is not declared`, `${path}.suspensions.${suspensionIndex}.window`);
    });
    const stopsClock = rule.stopsForRequestSuspensions || rule.suspensions.some((suspension) => suspension.effect === 'stop-clock');
    if (stopsClock && rule.direction === 'before') {
      throw invalid(name, 'a period counted back from its base cannot be suspended', `${path}.suspensions`);
    }
    if (rule.period?.unit === 'working-days' && rule.counting.roll !== 'none') {
      throw invalid(name, 'a period in working days always ends on a working day: set counting.roll to "none"', `${path}.counting.roll`);
    }
  });

  // Two rules of the same kind for the same trigger and facts must not be in force on the same day.
  pack.rules.forEach((rule, index) => {
    pack.rules.slice(index + 1).forEach((other, offset) => {
      if (other.kind !== rule.kind || conditionKey(other) !== conditionKey(rule)) return;
      const sharedTrigger = rule.triggers.find((trigger) => other.triggers.some((candidate) => candidate.event === trigger.event));
      if (!sharedTrigger) return;
      const overlaps = (rule.effectiveTo ?? '9999-12-31') >= other.effectiveFrom && (other.effectiveTo ?? '9999-12-31') >= rule.effectiveFrom;
      if (overlaps) {
        throw invalid(
          name,
          `rules "${rule.id}" and "${other.id}" give a ${rule.kind} for "${sharedTrigger.event}" on overlapping dates`,
          `rules.${index + 1 + offset}.effectiveFrom`,
        );
      }
    });
  });

  return pack;
}
