import { z } from 'zod';
import { LocalizedTextSchema } from '../localized-text';
import { STAGES } from './stages';

const SlugSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case slug such as "refusal-notice-received"');
const IdentifierSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'expected a camelCase name such as "forum"');
const StageSchema = z.enum(STAGES);
const FactValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/**
 * A fact staff record with an event for the case's own sake (which forum a complaint went to), as
 * opposed to the facts the rule pack declares because its rules read them.
 */
const RecordedFactSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('date'), description: LocalizedTextSchema }),
  z.object({ type: z.literal('boolean'), description: LocalizedTextSchema }),
  z.object({ type: z.literal('enum'), values: z.array(z.string().min(1)).min(1), description: LocalizedTextSchema }),
]);

/** One move of the case: recording `event` in a `from` stage leads to `to`. */
const TransitionSchema = z.object({
  event: SlugSchema,
  from: z.array(StageSchema).min(1),
  to: StageSchema,
  /** Facts that must be given with the event in this move. */
  requires: z.array(IdentifierSchema).default([]),
  /** Values the move needs (e.g. only a court appeal is possible once the complaint was refused). */
  when: z.array(z.object({ fact: IdentifierSchema, equals: FactValueSchema })).default([]),
  /** Counts a new application: the case's attempt number goes up by one. */
  countsAttempt: z.boolean().default(false),
  /** Why the move exists, for the generated stage table and for refusals. */
  note: LocalizedTextSchema.optional(),
});

/**
 * A procedure's lifecycle: which events staff can record in which stage, and where each leads. It lives
 * beside the rule pack (same jurisdiction and procedure) and names only the pack's events; the deadlines
 * an event starts, meets or makes moot stay in the pack's rules.
 */
export const LifecycleSchema = z.object({
  jurisdiction: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter upper-case code'),
  procedure: SlugSchema,
  /** Stages in which the person holds protection, so an expiry that passes matters. */
  protectedStages: z.array(StageSchema).default([]),
  /** Stages an unrenewed protection expiry ends; the engine then moves the case to `lapsed`. */
  lapsesFrom: z.array(StageSchema).default([]),
  facts: z.record(IdentifierSchema, RecordedFactSchema).default({}),
  /** Facts each event may carry beyond the pack's own (keys are pack events). */
  records: z.record(SlugSchema, z.array(IdentifierSchema)).default({}),
  transitions: z.array(TransitionSchema).min(1),
});

export type LifecycleInput = z.input<typeof LifecycleSchema>;
export type Lifecycle = z.output<typeof LifecycleSchema>;
export type Transition = Lifecycle['transitions'][number];
export type RecordedFact = Lifecycle['facts'][string];
