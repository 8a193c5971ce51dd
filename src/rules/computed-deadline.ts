import { z } from 'zod';
import { LocalizedTextSchema, RecordedTextSchema } from './localized-text';

/**
 * A computed deadline, once: the rules engine returns it, workflow history keeps it, the activities
 * check it before they send or write, and the API describes it in its OpenAPI document. The type is
 * inferred from this schema, so the four can never disagree about its shape.
 */
const localDate = z.iso.date();
const bilingual = z.object({ en: z.string().min(1), ru: z.string().min(1) });

export const ExplanationStepSchema = z.object({
  /** Machine-readable kind of step, e.g. 'start', 'add-period', 'clamp-month-end', 'roll-forward', 'suspension', 'note'. */
  kind: z.string(),
  /** The date after this step. */
  date: localDate,
  en: z.string(),
  ru: z.string(),
});

export const ExplanationSchema = z.object({
  trigger: z.object({ event: z.string(), date: localDate }),
  ruleId: z.string(),
  citation: RecordedTextSchema,
  rawEndDate: localDate,
  steps: z.array(ExplanationStepSchema),
  calendarSource: z.string(),
  warnings: z.array(RecordedTextSchema),
});

/** One set of rule data as it was when a deadline was computed: its id, the changelog's latest label and date, and a hash of its content. */
export const RuleDataVersionSchema = z.object({
  id: z.string().min(1),
  /** The latest changelog entry's label; `unlabelled` for data that keeps no changelog (a test's own pack). */
  label: z.string().min(1),
  effectiveFrom: localDate.nullable(),
  /** The first 12 hex digits of the SHA-256 of the data's canonical JSON: two different contents never share a label unnoticed. */
  hash: z.string().regex(/^[0-9a-f]{12}$/),
});

/** The pack and calendar versions a case's deadlines are computed with until a supervisor migrates it. */
export const RulePinSchema = z.object({ pack: RuleDataVersionSchema, calendar: RuleDataVersionSchema });

export const ComputedDeadlineSchema = z.object({
  ruleId: z.string().min(1),
  /** Stable kind the case domain understands, e.g. 'decision-due', 'complaint', 'court-challenge', 'protection-expiry', 'renewal-filing', 'departure', 'certificate-expiry', 'preliminary-consideration'. */
  kind: z.string().min(1),
  title: bilingual,
  /** Who must act before it: the applicant's side (staff) or the authority. */
  owner: z.enum(['applicant', 'authority']),
  /** Last day on which the act may be done, local to `zone`. */
  dueDate: localDate,
  /** The instant the period ends: 24:00 local time of `dueDate`, as ISO-8601 UTC. */
  endsAt: z.iso.datetime({ offset: true }),
  zone: z.string().min(1),
  basis: z.enum(['statutory', 'policy']),
  /** In both languages; a deadline computed before citations carried both has the English text alone (read it with `textIn`). */
  citation: z.union([LocalizedTextSchema, z.string().min(1)]),
  confidence: z.enum(['high', 'medium-high', 'medium', 'low', 'unconfirmed']),
  /** Events that meet this deadline. */
  satisfiedBy: z.array(z.string()),
  /** Events that make it moot without meeting it (e.g. a new application instead of a complaint). */
  supersededBy: z.array(z.string()),
  /** Days before `dueDate` on which to remind, when the rule pack sets its own (e.g. renewal: from 2 months ahead). */
  reminderOffsetsDays: z.array(z.number().int().min(0)).optional(),
  /**
   * The working day on which each reminder goes out, from the rule's offsets or else the case's reminder
   * policy, earliest first; `daysBefore` is the offset that names the reminder. Absent for deadlines never
   * reminded of, and for those computed before reminders fell on working days (they keep plain offsets).
   */
  reminderDates: z.array(z.object({ daysBefore: z.number().int().min(0), on: localDate })).optional(),
  /** True for deadlines shown for information (e.g. the longer court period) and never escalated. */
  informational: z.boolean(),
  explanation: ExplanationSchema,
  /** In both languages; older deadlines have English strings (read them with `textIn`). */
  warnings: z.array(RecordedTextSchema),
  /** The rule pack and calendar it was computed with; absent on deadlines computed before versions were kept. */
  ruleData: z
    .object({
      pack: RuleDataVersionSchema,
      calendar: RuleDataVersionSchema,
      /**
       * Whether the versions installed when it was computed applied, or the ones the case is pinned to (its
       * first computation's, until a supervisor migrates it); absent where nobody chose (a direct computation).
       */
      applied: z.enum(['installed', 'pinned']).optional(),
      /** With `pinned`: the installed versions that differed and did not apply, so a reader knows a migration awaits. */
      installed: RulePinSchema.optional(),
    })
    .optional(),
});

export type ExplanationStep = z.infer<typeof ExplanationStepSchema>;
export type Explanation = z.infer<typeof ExplanationSchema>;
export type ComputedDeadline = z.infer<typeof ComputedDeadlineSchema>;
export type RuleDataVersion = z.infer<typeof RuleDataVersionSchema>;
export type RulePin = z.infer<typeof RulePinSchema>;
