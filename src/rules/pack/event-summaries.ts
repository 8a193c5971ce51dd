import type { EventSummary } from '../catalog';
import { eventTitle } from '../event-titles';
import type { RulePack } from './schema';

/** Every event a pack knows, with its facts and the deadlines it can start. */
export function eventSummaries(pack: RulePack): EventSummary[] {
  return pack.events.map((entry) => ({
    event: entry.event,
    title: eventTitle(entry.event) ?? { en: entry.event, ru: entry.event },
    ...(entry.note ? { note: entry.note } : {}),
    facts: entry.facts.map((name) => {
      const fact = pack.facts[name];
      if (!fact) throw new Error(`fact ${name} was validated at load`);
      return { name, type: fact.type, ...(fact.type === 'enum' ? { values: fact.values } : {}), description: fact.description };
    }),
    deadlines: pack.rules
      .filter((rule) => rule.triggers.some((trigger) => trigger.event === entry.event))
      .map((rule) => ({
        ruleId: rule.id,
        kind: rule.kind,
        title: rule.title,
        informational: rule.informational,
        stopsForRequestSuspensions: rule.stopsForRequestSuspensions,
        effectiveFrom: rule.effectiveFrom,
        ...(rule.effectiveTo ? { effectiveTo: rule.effectiveTo } : {}),
      })),
  }));
}
