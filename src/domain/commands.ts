import { z } from 'zod';
import { localDateSchema } from './dates';
import { CASE_RELATIONS } from './events';
import { caseNumberSchema, officeIdSchema, staffIdSchema } from './identifiers';
import { MAX_RULE_PARAMS, ruleParamNameSchema, TOO_MANY_RULE_PARAMS } from './rule-params';
import { LEGACY_COMMAND_INPUTS, legacyHappening, type LegacyCommandName } from './legacy-commands';
import { CLOSURE_REASONS } from './stages';
import { parseWith } from './validation';

/**
 * What staff can tell a case after it is opened. Each input names the staff member who acts (`actor`);
 * the case records the time it was told. Which events a case takes, with which facts, is in its
 * procedure's lifecycle table: `recordEvent` is checked against it.
 */
const byStaff = { actor: staffIdSchema };
const note = z.string().trim().min(1).max(2000);
const reason = note;
const eventId = z.number().int().positive();
const factName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'expected a fact name such as validUntil');
const factValue = z.union([z.string().max(100), z.number(), z.boolean()]);

export const recordEventInput = z
  .object({
    ...byStaff,
    event: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected an event name such as refusal-notice-received'),
    /** The legal date of what happened (for a notice, the day it was received). */
    on: localDateSchema,
    facts: z.record(factName, factValue).optional(),
    note: note.optional(),
  })
  .strict();

export const correctEventDateInput = z.object({ ...byStaff, eventId, correctedDate: localDateSchema, reason }).strict();

export const correctFactInput = z.object({ ...byStaff, eventId, fact: factName, value: factValue, reason }).strict();

/** The case's rule parameters in full from now on: a parameter left out takes its pack's default. */
export const correctRuleParamsInput = z
  .object({
    ...byStaff,
    ruleParams: z
      .record(ruleParamNameSchema, z.number())
      .refine((params) => Object.keys(params).length <= MAX_RULE_PARAMS, TOO_MANY_RULE_PARAMS)
      .describe('The case’s rule parameters in full from now on, e.g. {"renewalLeadMonths": 2}; one left out takes its pack’s default, {} all of them'),
    reason,
  })
  .strict();

export const voidEventInput = z.object({ ...byStaff, eventId, reason }).strict();

export const recordStayInput = z
  .object({ ...byStaff, from: localDateSchema, to: localDateSchema, reason })
  .strict()
  .refine((input) => input.to >= input.from, { message: 'the stay cannot end before it starts', path: ['to'] });

export const waiveDeadlineInput = z.object({ ...byStaff, deadlineId: z.string().min(1).max(200), reason }).strict();

export const linkCaseInput = z.object({ ...byStaff, caseNumber: caseNumberSchema, relation: z.enum(CASE_RELATIONS), note: note.optional() }).strict();

export const acknowledgeReminderInput = z.object({ ...byStaff, reminderId: z.string().min(1).max(200) }).strict();

export const reassignInput = z.object({ ...byStaff, caseworker: staffIdSchema, office: officeIdSchema.optional(), reason: note.optional() }).strict();

/** A supervisor sets a deadline's date by hand, saying why (a court order, an agreed extension). */
export const overrideDeadlineInput = z.object({ ...byStaff, deadlineId: z.string().min(1).max(200), dueDate: localDateSchema, reason }).strict();

/** A supervisor moves the case from the rule data it is pinned to onto the installed data, saying why. */
export const migrateRulesInput = z.object({ ...byStaff, reason }).strict();

export const closeCaseInput = z.object({ ...byStaff, reason: z.enum(CLOSURE_REASONS), closedOn: localDateSchema, note: note.optional() }).strict();

/** The commands staff give today, by name; the names are also the names of the workflow's updates. */
export const STAFF_COMMAND_INPUTS = {
  recordEvent: recordEventInput,
  correctEventDate: correctEventDateInput,
  correctFact: correctFactInput,
  correctRuleParams: correctRuleParamsInput,
  voidEvent: voidEventInput,
  recordStay: recordStayInput,
  waiveDeadline: waiveDeadlineInput,
  linkCase: linkCaseInput,
  acknowledgeReminder: acknowledgeReminderInput,
  reassign: reassignInput,
  closeCase: closeCaseInput,
  migrateRules: migrateRulesInput,
  overrideDeadline: overrideDeadlineInput,
} as const;

/** Every update a case answers: today's commands and the legacy ones that replays still send. */
export const COMMAND_INPUTS = { ...STAFF_COMMAND_INPUTS, ...LEGACY_COMMAND_INPUTS } as const;

export type CaseCommandName = keyof typeof STAFF_COMMAND_INPUTS;
export type CommandName = keyof typeof COMMAND_INPUTS;
export type CommandInput<N extends CommandName> = z.input<(typeof COMMAND_INPUTS)[N]>;
type ParsedInput<N extends CaseCommandName> = z.infer<(typeof STAFF_COMMAND_INPUTS)[N]>;
export type CaseCommand = { [N in CaseCommandName]: { name: N; input: ParsedInput<N> } }[CaseCommandName];

function isLegacy(name: CommandName): name is LegacyCommandName {
  return Object.prototype.hasOwnProperty.call(LEGACY_COMMAND_INPUTS, name);
}

/** Reads raw input for a command, or explains in one message what was wrong with it. A legacy command reads as `recordEvent`. */
export function parseCommand(name: CommandName, raw: unknown): { ok: true; command: CaseCommand } | { ok: false; reason: string } {
  if (isLegacy(name)) {
    const legacy = legacyHappening(name, raw);
    return legacy.ok ? { ok: true, command: { name: 'recordEvent', input: legacy.input } } : legacy;
  }
  const parsed = parseWith(STAFF_COMMAND_INPUTS[name], raw, `${name} input`);
  return parsed.ok ? { ok: true, command: { name, input: parsed.value } as CaseCommand } : parsed;
}
