import { z } from 'zod';
import { ChangelogSchema } from '../changelog';
import { isLocalDate } from '../local-date';
import { LocalizedTextSchema } from '../localized-text';

const SlugSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case slug such as "refusal-notice-received"');
const IdentifierSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'expected a camelCase name such as "validUntil"');
export const LocalDateSchema = z
  .string()
  .refine(isLocalDate, { error: (issue) => `expected an existing date as YYYY-MM-DD, got ${JSON.stringify(issue.input)}` });
export const ConfidenceSchema = z.enum(['high', 'medium-high', 'medium', 'low', 'unconfirmed']);
const FactValueSchema = z.union([z.string(), z.number(), z.boolean()]);

export const PERIOD_UNITS = ['days', 'working-days', 'weeks', 'months', 'years'] as const;

/** A literal amount, or a declared parameter that callers may override within its bounds. */
const AmountSchema = z.union([z.number().positive(), z.object({ param: IdentifierSchema })]);

const PeriodSchema = z
  .object({ amount: AmountSchema, unit: z.enum(PERIOD_UNITS) })
  .refine((period) => typeof period.amount !== 'number' || Number.isInteger(period.amount) || (period.unit === 'months' && Number.isInteger(period.amount * 2)), {
    // Civil Code art. 192(2): half a month is 15 days; other fractions have no legal meaning.
    message: 'amounts must be whole numbers, except half months (e.g. 0.5 or 1.5 months)',
    path: ['amount'],
  });

/**
 * Where a rule's date is measured from. Alternatives are tried in order; the first whose fact is present wins.
 * `plus` moves the base before the rule's own period (e.g. one year from the grant when no end date is known).
 */
const BaseSourceSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('trigger'), plus: PeriodSchema.optional(), warning: LocalizedTextSchema.optional() }),
  z.object({ from: z.literal('fact'), fact: IdentifierSchema, plus: PeriodSchema.optional(), warning: LocalizedTextSchema.optional() }),
]);

const ConditionSchema = z.object({ fact: IdentifierSchema, equals: FactValueSchema });

const CountingSchema = z.object({
  /** Civil Code art. 191, BGB 187(1): a period starts on the day after its trigger. */
  start: z.enum(['day-after-trigger', 'trigger-day']).default('day-after-trigger'),
  /** `clamp`: 31 Jan + 1 month = 28/29 Feb (Civil Code art. 192(3), BGB 188(3)); `overflow`: into the next month. */
  monthEnd: z.enum(['clamp', 'overflow']).default('clamp'),
  /** What happens when the last day is a non-working day. */
  roll: z.enum(['next-working-day', 'previous-working-day', 'none']),
  /** Russian presidential non-working days do not move procedural deadlines (Supreme Court, 2020-2021). */
  honoursPresidentialNonWorkingDays: z.boolean().default(false),
  /**
   * `unsettled`: whether a holiday observed on another day (5 U.S.C. 6103(b)) is a legal holiday for this rule is
   * not settled, so the deadline is counted both ways and the earlier date is the working deadline, the later one
   * named in a warning.
   */
  observedHolidays: z.enum(['holidays', 'unsettled']).default('holidays'),
});

const RuleSchema = z.object({
  id: SlugSchema,
  /** The kind the case domain understands, e.g. `complaint`. */
  kind: SlugSchema,
  title: LocalizedTextSchema,
  triggers: z
    .array(z.object({ event: SlugSchema, confidence: ConfidenceSchema.optional(), note: LocalizedTextSchema.optional() }))
    .min(1),
  /** Facts that must hold (all of `allOf`, none of `noneOf`, at least one of `anyOf`). */
  when: z
    .object({ allOf: z.array(ConditionSchema).optional(), anyOf: z.array(ConditionSchema).optional(), noneOf: z.array(ConditionSchema).optional() })
    .optional(),
  owner: z.enum(['applicant', 'authority']),
  base: z.array(BaseSourceSchema).min(1).default([{ from: 'trigger' }]),
  /** The period counted from the base; absent when the base itself is the date (e.g. a stated end of validity). */
  period: PeriodSchema.optional(),
  /** `before`: the date lies the period before the base (e.g. file one month before expiry). */
  direction: z.enum(['after', 'before']).default('after'),
  counting: CountingSchema,
  basis: z.enum(['statutory', 'policy']),
  citation: LocalizedTextSchema,
  /** The rule in force on the trigger date applies (inclusive bounds). */
  effectiveFrom: LocalDateSchema,
  effectiveTo: LocalDateSchema.optional(),
  confidence: ConfidenceSchema,
  notes: z.array(LocalizedTextSchema).default([]),
  satisfiedBy: z.array(SlugSchema),
  supersededBy: z.array(SlugSchema),
  informational: z.boolean().default(false),
  /** Reminders from a point measured back from the base date, then on fixed days before the due date. */
  reminders: z.object({ firstBeforeBase: PeriodSchema, thenDaysBefore: z.array(z.number().int().min(0)).min(1) }).optional(),
  /** Pack suspension windows this rule respects: `stop-clock` extends the period, `warn` only says the window may apply. */
  suspensions: z.array(z.object({ window: SlugSchema, effect: z.enum(['stop-clock', 'warn']) })).default([]),
  /** Whether the request's own suspension periods (e.g. applicant-caused delays) stop this clock. */
  stopsForRequestSuspensions: z.boolean().default(false),
});

const FactSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('date'), description: LocalizedTextSchema }),
  z.object({ type: z.literal('boolean'), description: LocalizedTextSchema }),
  z.object({ type: z.literal('enum'), values: z.array(z.string().min(1)).min(1), description: LocalizedTextSchema }),
]);

const ParamSchema = z.object({
  default: z.number(),
  min: z.number(),
  max: z.number(),
  integer: z.boolean().default(true),
  /** `policy`: the organisation's own margin; `unconfirmed`: the legal value is not confirmed, this is a safe default. */
  status: z.enum(['policy', 'unconfirmed']),
  description: LocalizedTextSchema,
});

/**
 * Days the court or tribunal does not work although the country's calendar has them as working days: its own
 * closure (the First-tier Tribunal's 27-31 December) or a holiday of the municipality it sits in (Assumption
 * Day in Munich). `days` recur every year, as `MM-DD` items or ranges; `when` names the facts that select them.
 */
const CourtDaysOffSchema = z.object({
  days: z.string().min(1),
  name: LocalizedTextSchema,
  source: LocalizedTextSchema,
  when: z.object({ allOf: z.array(ConditionSchema).min(1) }).optional(),
});

const SuspensionWindowSchema = z.object({
  id: SlugSchema,
  from: LocalDateSchema,
  to: LocalDateSchema,
  reason: LocalizedTextSchema,
  citation: LocalizedTextSchema,
  confidence: ConfidenceSchema,
});

export const RulePackSchema = z.object({
  jurisdiction: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter upper-case code'),
  procedure: SlugSchema,
  title: LocalizedTextSchema,
  /** The fact naming the calendar region (e.g. the German Land of the court's seat), if the calendar has regions. */
  calendarRegionFact: IdentifierSchema.optional(),
  /** Every event the procedure knows, including those that start no clock (they still satisfy or supersede). */
  events: z.array(z.object({ event: SlugSchema, facts: z.array(IdentifierSchema).default([]), note: LocalizedTextSchema.optional() })).min(1),
  facts: z.record(IdentifierSchema, FactSchema).default({}),
  params: z.record(IdentifierSchema, ParamSchema).default({}),
  suspensionWindows: z.array(SuspensionWindowSchema).default([]),
  courtDaysOff: z.array(CourtDaysOffSchema).default([]),
  changelog: ChangelogSchema,
  rules: z.array(RuleSchema).min(1),
});

export type RulePackInput = z.input<typeof RulePackSchema>;
export type RulePack = z.output<typeof RulePackSchema>;
export type Rule = RulePack['rules'][number];
export type Period = NonNullable<Rule['period']>;
export type BaseSource = Rule['base'][number];
export type Condition = z.output<typeof ConditionSchema>;
export type ParamDefinition = RulePack['params'][string];
export type SuspensionWindowDefinition = RulePack['suspensionWindows'][number];
export type CourtDaysOff = RulePack['courtDaysOff'][number];
export type Confidence = z.output<typeof ConfidenceSchema>;
