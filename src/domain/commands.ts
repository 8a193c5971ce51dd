import { z } from 'zod';
import { localDateSchema } from './dates';
import { officeIdSchema, staffIdSchema } from './identifiers';
import { CLOSURE_REASONS, COMPLAINT_FORUMS } from './stages';
import { parseWith } from './validation';

/**
 * What staff can tell a case after it is opened. Each input names the staff member who acts (`actor`)
 * and the legal date of what happened; the case records the time it was told.
 */
const byStaff = { actor: staffIdSchema };
const note = z.string().trim().min(1).max(2000);

export const recordApplicationLodgedInput = z.object({ ...byStaff, lodgedOn: localDateSchema }).strict();

export const recordDecisionInput = z.discriminatedUnion('decision', [
  z
    .object({ ...byStaff, decision: z.literal('grant'), grantedOn: localDateSchema, validUntil: localDateSchema.optional() })
    .strict()
    .refine((input) => input.validUntil === undefined || input.validUntil > input.grantedOn, {
      message: 'validUntil must be after grantedOn',
      path: ['validUntil'],
    }),
  z
    .object({
      ...byStaff,
      decision: z.literal('refusal'),
      noticeReceivedOn: localDateSchema,
      decidedOn: localDateSchema.optional(),
    })
    .strict()
    .refine((input) => input.decidedOn === undefined || input.decidedOn <= input.noticeReceivedOn, {
      message: 'decidedOn cannot be after noticeReceivedOn',
      path: ['decidedOn'],
    }),
]);

export const recordComplaintFiledInput = z
  .object({ ...byStaff, filedOn: localDateSchema, forum: z.enum(COMPLAINT_FORUMS) })
  .strict();

export const recordComplaintOutcomeInput = z
  .object({
    ...byStaff,
    outcome: z.enum(['refusal-upheld', 'refusal-overturned']),
    /** For an upheld refusal, the day its notice was received (the departure period counts from it). */
    on: localDateSchema,
  })
  .strict();

export const recordNewApplicationInput = z
  .object({ ...byStaff, lodgedOn: localDateSchema, changedCircumstances: note.optional() })
  .strict();

export const recordRenewalFiledInput = z.object({ ...byStaff, filedOn: localDateSchema }).strict();

export const recordRenewalDecisionInput = z.discriminatedUnion('decision', [
  z
    .object({ ...byStaff, decision: z.literal('extended'), decidedOn: localDateSchema, validUntil: localDateSchema.optional() })
    .strict()
    .refine((input) => input.validUntil === undefined || input.validUntil > input.decidedOn, {
      message: 'validUntil must be after decidedOn',
      path: ['validUntil'],
    }),
  z.object({ ...byStaff, decision: z.literal('refused'), noticeReceivedOn: localDateSchema }).strict(),
]);

export const correctEventDateInput = z
  .object({ ...byStaff, eventId: z.number().int().positive(), correctedDate: localDateSchema, reason: note })
  .strict();

export const acknowledgeReminderInput = z.object({ ...byStaff, reminderId: z.string().min(1).max(200) }).strict();

export const reassignInput = z
  .object({ ...byStaff, caseworker: staffIdSchema, office: officeIdSchema.optional(), reason: note.optional() })
  .strict();

export const closeCaseInput = z
  .object({ ...byStaff, reason: z.enum(CLOSURE_REASONS), closedOn: localDateSchema, note: note.optional() })
  .strict();

/** Every staff command by its name; the names are also the names of the workflow's updates. */
export const COMMAND_INPUTS = {
  recordApplicationLodged: recordApplicationLodgedInput,
  recordDecision: recordDecisionInput,
  recordComplaintFiled: recordComplaintFiledInput,
  recordComplaintOutcome: recordComplaintOutcomeInput,
  recordNewApplication: recordNewApplicationInput,
  recordRenewalFiled: recordRenewalFiledInput,
  recordRenewalDecision: recordRenewalDecisionInput,
  correctEventDate: correctEventDateInput,
  acknowledgeReminder: acknowledgeReminderInput,
  reassign: reassignInput,
  closeCase: closeCaseInput,
} as const;

export type CommandName = keyof typeof COMMAND_INPUTS;
export type CommandInput<N extends CommandName> = z.infer<(typeof COMMAND_INPUTS)[N]>;
export type CaseCommand = { [N in CommandName]: { name: N; input: CommandInput<N> } }[CommandName];

/** Reads raw input for a command, or explains in one message what was wrong with it. */
export function parseCommand(name: CommandName, raw: unknown): { ok: true; command: CaseCommand } | { ok: false; reason: string } {
  const parsed = parseWith(COMMAND_INPUTS[name], raw, `${name} input`);
  return parsed.ok ? { ok: true, command: { name, input: parsed.value } as CaseCommand } : parsed;
}
