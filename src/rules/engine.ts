import { DateTime } from 'luxon';
import { z } from 'zod';
import { type CalendarFamily, loadCalendar } from './calendar/load-calendar';
import { courtCalendar } from './compute/court-days-off';
import { safestReading } from './compute/safest-reading';
import type { RuleDataVersion } from './computed-deadline';
import { ruleDataVersion } from './rule-data-version';
import type { DayKind } from './calendar/working-calendar';
import type { EventSummary, JurisdictionSummary, ProcedureSummary } from './catalog';
import { conditionsHold, resolveFacts, resolveParams } from './compute/inputs';
import { reminderDates } from './compute/reminder-dates';
import { validateReminderSchedule, validateRequest } from './compute/request';
import { RulesError } from './errors';
import { isValidZone, toDay } from './local-date';
import { type LocalizedText, LocalizedTextSchema } from './localized-text';
import { loadLifecycle, type ProcedureLifecycle } from './lifecycle/load-lifecycle';
import { eventSummaries } from './pack/event-summaries';
import { loadRulePack } from './pack/load-pack';
import type { RulePack } from './pack/schema';
import type { ComputedDeadline, DeadlineRequest, LocalDate, ReminderSchedule } from './types';
import { rulesErrorFromZod } from './zod-issues';

export interface JurisdictionDefinition {
  code: string;
  name: LocalizedText;
  /** IANA zone in which due dates are local and end at 24:00. */
  zone: string;
  /** Calendar data, validated at load. */
  calendar: unknown;
  /** Rule pack data, validated at load. */
  packs: readonly unknown[];
  /** Lifecycle tables, one per pack that runs as a case, validated against it at load. */
  lifecycles?: readonly unknown[];
}

const JurisdictionDefinitionSchema = z.object({
  code: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter upper-case code'),
  name: LocalizedTextSchema,
  zone: z.string().refine(isValidZone, 'expected an IANA time zone such as Europe/Moscow'),
  calendar: z.unknown(),
  packs: z.array(z.unknown()).min(1),
  lifecycles: z.array(z.unknown()).default([]),
});

interface LoadedJurisdiction {
  code: string;
  name: LocalizedText;
  zone: string;
  calendars: CalendarFamily;
  packs: ReadonlyMap<string, RulePack>;
  /** Each pack's version as loaded, by procedure; the calendar's is on the family. */
  packVersions: ReadonlyMap<string, RuleDataVersion>;
  lifecycles: ReadonlyMap<string, ProcedureLifecycle>;
}

export interface DeadlineEngine {
  /**
   * The deadlines an event starts. With the case's reminder schedule, each deadline someone must act on says
   * on which working days its reminders go out (a rule's own reminder days come first); without it, only
   * those with reminder days of their own do.
   */
  computeDeadlines(request: DeadlineRequest, reminders?: ReminderSchedule): ComputedDeadline[];
  listJurisdictions(): JurisdictionSummary[];
  listProcedures(jurisdiction: string): ProcedureSummary[];
  listEvents(jurisdiction: string, procedure: string): EventSummary[];
  /** The procedure's lifecycle table joined with its pack's events and facts. */
  lifecycleOf(jurisdiction: string, procedure: string): ProcedureLifecycle;
  /** The kind of day an instant falls on in a jurisdiction's zone, by its nationwide calendar. */
  dayAt(jurisdiction: string, at: Date): JurisdictionDay;
  /**
   * Why no deadline of the jurisdiction can be counted from a trigger date, or nothing when one can.
   * From the calendar's first covered year on one can: a period that runs past its last year is counted
   * on weekends and fixed holidays, flagged (allowCalendarFallback). Before it, no calendar here can
   * vouch for a single day.
   */
  uncountableDateReason(jurisdiction: string, date: LocalDate): string | undefined;
  /** The versions of the pack and calendar a procedure's deadlines are computed with. */
  ruleDataOf(jurisdiction: string, procedure: string): { pack: RuleDataVersion; calendar: RuleDataVersion };
}

export interface JurisdictionDay {
  /** The local date in the jurisdiction's zone. */
  date: string;
  zone: string;
  kind: DayKind;
  /** True when the date lies outside the calendar's years and weekends plus fixed holidays decided. */
  fallback: boolean;
}

function loadJurisdiction(raw: JurisdictionDefinition, index: number): LoadedJurisdiction {
  const parsed = JurisdictionDefinitionSchema.safeParse(raw);
  if (!parsed.success) throw rulesErrorFromZod('invalid-pack', 'jurisdiction definition is malformed', parsed.error, `jurisdictions.${index}`);
  const definition = parsed.data;
  const calendars = loadCalendar(definition.calendar);
  const packs = new Map<string, RulePack>();
  for (const rawPack of definition.packs) {
    const pack = loadRulePack(rawPack);
    const name = `${pack.jurisdiction}/${pack.procedure}`;
    if (pack.jurisdiction !== definition.code) {
      throw new RulesError('invalid-pack', `rule pack ${name} is listed under jurisdiction ${definition.code}`, 'jurisdiction');
    }
    if (packs.has(pack.procedure)) throw new RulesError('invalid-pack', `rule pack ${name} is listed twice`, 'procedure');
    if (pack.calendarRegionFact !== undefined) {
      const fact = pack.facts[pack.calendarRegionFact];
      const unknown = fact?.type === 'enum' ? fact.values.filter((value) => !(value in calendars.regions)) : [];
      if (unknown.length > 0) {
        throw new RulesError('invalid-pack', `rule pack ${name}: regions ${unknown.join(', ')} are not in calendar ${calendars.id}`, `facts.${pack.calendarRegionFact}.values`);
      }
    }
    packs.set(pack.procedure, pack);
  }
  const lifecycles = new Map<string, ProcedureLifecycle>();
  definition.lifecycles.forEach((rawLifecycle, lifecycleIndex) => {
    const procedure = typeof rawLifecycle === 'object' && rawLifecycle !== null && 'procedure' in rawLifecycle ? String(rawLifecycle.procedure) : '';
    const pack = packs.get(procedure);
    if (!pack) throw new RulesError('invalid-pack', `lifecycle ${definition.code}/${procedure} has no rule pack`, `lifecycles.${lifecycleIndex}.procedure`);
    if (lifecycles.has(procedure)) throw new RulesError('invalid-pack', `lifecycle ${definition.code}/${procedure} is listed twice`, `lifecycles.${lifecycleIndex}`);
    lifecycles.set(procedure, loadLifecycle(rawLifecycle, pack, eventSummaries(pack)));
  });
  const packVersions = new Map([...packs].map(([procedure, pack]) => [procedure, ruleDataVersion(`${pack.jurisdiction}/${pack.procedure}`, pack)] as const));
  return { code: definition.code, name: definition.name, zone: definition.zone, calendars, packs, packVersions, lifecycles };
}


/** Loads and checks every calendar and rule pack once; the returned engine only computes. */
export function createDeadlineEngine(definitions: readonly JurisdictionDefinition[]): DeadlineEngine {
  const jurisdictions = new Map<string, LoadedJurisdiction>();
  definitions.forEach((definition, index) => {
    const loaded = loadJurisdiction(definition, index);
    if (jurisdictions.has(loaded.code)) throw new RulesError('invalid-pack', `jurisdiction ${loaded.code} is defined twice`, `jurisdictions.${index}.code`);
    jurisdictions.set(loaded.code, loaded);
  });

  const jurisdictionOf = (code: string): LoadedJurisdiction => {
    const jurisdiction = jurisdictions.get(code.trim().toUpperCase());
    if (!jurisdiction) {
      throw new RulesError('unknown-jurisdiction', `unknown jurisdiction "${code}"; known: ${[...jurisdictions.keys()].join(', ')}`, 'jurisdiction');
    }
    return jurisdiction;
  };

  const packOf = (code: string, procedure: string): { jurisdiction: LoadedJurisdiction; pack: RulePack } => {
    const jurisdiction = jurisdictionOf(code);
    const pack = jurisdiction.packs.get(procedure.trim());
    if (!pack) {
      throw new RulesError(
        'unknown-procedure',
        `unknown procedure "${procedure}" for ${jurisdiction.code}; known: ${[...jurisdiction.packs.keys()].join(', ')}`,
        'procedure',
      );
    }
    return { jurisdiction, pack };
  };

  return {
    computeDeadlines(request: DeadlineRequest, reminders?: ReminderSchedule): ComputedDeadline[] {
      const valid = validateRequest(request);
      const schedule = reminders && validateReminderSchedule(reminders);
      const { jurisdiction, pack } = packOf(valid.jurisdiction, valid.procedure);
      if (!pack.events.some((entry) => entry.event === valid.event)) {
        throw new RulesError(
          'unknown-event',
          `unknown event "${valid.event}" for ${pack.jurisdiction}/${pack.procedure}; known: ${pack.events.map((entry) => entry.event).join(', ')}`,
          'event',
        );
      }
      const facts = resolveFacts(pack, valid.event, valid.facts);
      const params = resolveParams(pack, valid.params);
      const region = pack.calendarRegionFact === undefined ? undefined : facts.get(pack.calendarRegionFact);
      const calendar = courtCalendar(jurisdiction.calendars.forRegion(typeof region === 'string' ? region : undefined), pack, facts);
      const regionFact = pack.calendarRegionFact === undefined ? undefined : pack.facts[pack.calendarRegionFact];
      const calendarCaveat: LocalizedText | undefined =
        regionFact && region === undefined
          ? {
              en: `The fact "${pack.calendarRegionFact}" (${regionFact.description.en}) was not given: only holidays observed everywhere were considered; a regional holiday could make the deadline later.`,
              ru: `Факт «${pack.calendarRegionFact}» (${regionFact.description.ru}) не указан: учтены только общие праздники; региональный праздник может сделать срок позже.`,
            }
          : undefined;
      const date = valid.date;
      const rules = pack.rules.filter(
        (rule) =>
          rule.triggers.some((trigger) => trigger.event === valid.event) &&
          rule.effectiveFrom <= date &&
          (rule.effectiveTo === undefined || date <= rule.effectiveTo) &&
          conditionsHold(rule, facts, pack),
      );
      // Refused only when no clock of the event ever stops: a case passes its stays to every such event, whatever the facts.
      const stoppable = pack.rules.some((rule) => rule.stopsForRequestSuspensions && rule.triggers.some((trigger) => trigger.event === valid.event));
      if (valid.suspensions.length > 0 && !stoppable) {
        throw new RulesError(
          'invalid-request',
          `suspensions do not apply to event "${valid.event}" in ${pack.jurisdiction}/${pack.procedure}: none of its clocks stops for case-specific suspensions`,
          'suspensions',
        );
      }
      const triggerDay = toDay(date);
      const ruleData = { pack: jurisdiction.packVersions.get(pack.procedure) as RuleDataVersion, calendar: jurisdiction.calendars.version };
      const deadlines = rules.map((rule) => {
        const deadline = safestReading({
          pack,
          rule,
          event: valid.event,
          triggerDay,
          zone: jurisdiction.zone,
          calendar,
          allowCalendarFallback: valid.allowCalendarFallback,
          params,
          facts,
          requestSuspensions: valid.suspensions,
          ...(calendarCaveat ? { calendarCaveat } : {}),
        });
        // Reminded of only while someone must act: a deadline shown for information gets none.
        const offsetsDays = deadline.informational ? undefined : (deadline.reminderOffsetsDays ?? schedule?.offsetsDays);
        if (!offsetsDays) return { ...deadline, ruleData };
        return { ...deadline, reminderDates: reminderDates({ offsetsDays, due: toDay(deadline.dueDate), trigger: triggerDay, calendar }), ruleData };
      });
      // Stable: rules due on the same day keep the pack's order.
      return deadlines.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
    },

    listJurisdictions(): JurisdictionSummary[] {
      return [...jurisdictions.values()].map((jurisdiction) => ({
        code: jurisdiction.code,
        name: jurisdiction.name,
        zone: jurisdiction.zone,
        calendar: {
          id: jurisdiction.calendars.id,
          name: jurisdiction.calendars.name,
          coverage: { ...jurisdiction.calendars.coverage },
          regions: Object.keys(jurisdiction.calendars.regions),
        },
        procedures: [...jurisdiction.packs.keys()],
      }));
    },

    listProcedures(code: string): ProcedureSummary[] {
      return [...jurisdictionOf(code).packs.values()].map((pack) => ({
        procedure: pack.procedure,
        title: pack.title,
        params: Object.entries(pack.params).map(([name, param]) => ({
          name,
          default: param.default,
          min: param.min,
          max: param.max,
          status: param.status,
          description: param.description,
        })),
      }));
    },

    /**
     * Outside the calendar's years the weekends-and-fixed-holidays fallback decides and says so: callers
     * asking what kind of day it is (the digest) would rather have a flagged answer than none.
     */
    dayAt(code: string, at: Date): JurisdictionDay {
      const jurisdiction = jurisdictionOf(code);
      const day = DateTime.fromJSDate(at, { zone: jurisdiction.zone }).startOf('day');
      const info = jurisdiction.calendars.forRegion().classify(day, true);
      return { date: info.date, zone: jurisdiction.zone, kind: info.kind, fallback: info.fallback };
    },

    uncountableDateReason(code: string, date: LocalDate): string | undefined {
      const { calendars } = jurisdictionOf(code);
      const { from, to } = calendars.coverage;
      if (Number(date.slice(0, 4)) >= from) return undefined;
      return `no deadline can be counted from ${date}: it lies before the years the calendar covers (${calendars.name.en}, ${from}-${to})`;
    },

    ruleDataOf(code: string, procedure: string) {
      const { jurisdiction, pack } = packOf(code, procedure);
      return { pack: jurisdiction.packVersions.get(pack.procedure) as RuleDataVersion, calendar: jurisdiction.calendars.version };
    },

    listEvents(code: string, procedure: string): EventSummary[] {
      return eventSummaries(packOf(code, procedure).pack);
    },

    lifecycleOf(code: string, procedure: string): ProcedureLifecycle {
      const { jurisdiction, pack } = packOf(code, procedure);
      const lifecycle = jurisdiction.lifecycles.get(pack.procedure);
      if (!lifecycle) throw new RulesError('unknown-procedure', `${jurisdiction.code}/${pack.procedure} has no lifecycle table: its deadlines can be computed, but it cannot run as a case`, 'procedure');
      return lifecycle;
    },
  };
}
