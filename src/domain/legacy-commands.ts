import { z } from 'zod';
import { localDateSchema } from './dates';
import { staffIdSchema } from './identifiers';
import { COMPLAINT_FORUMS } from './stages';
import { parseWith } from './validation';

/**
 * The commands a temporary-asylum case took before every procedure had its lifecycle table. Their
 * updates stay registered so that running cases and committed histories replay unchanged; each one is
 * read as the `recordEvent` it always meant. New callers use `recordEvent`.
 */
const byStaff = { actor: staffIdSchema };

const recordApplicationLodgedInput = z.object({ ...byStaff, lodgedOn: localDateSchema }).strict();

const recordDecisionInput = z.discriminatedUnion('decision', [
  z.object({ ...byStaff, decision: z.literal('grant'), grantedOn: localDateSchema, validUntil: localDateSchema.optional() }).strict(),
  z.object({ ...byStaff, decision: z.literal('refusal'), noticeReceivedOn: localDateSchema, decidedOn: localDateSchema.optional() }).strict(),
]);

const recordComplaintFiledInput = z.object({ ...byStaff, filedOn: localDateSchema, forum: z.enum(COMPLAINT_FORUMS) }).strict();

const recordComplaintOutcomeInput = z
  .object({ ...byStaff, outcome: z.enum(['refusal-upheld', 'refusal-overturned']), on: localDateSchema })
  .strict();

const recordNewApplicationInput = z
  .object({ ...byStaff, lodgedOn: localDateSchema, changedCircumstances: z.string().trim().min(1).max(2000).optional() })
  .strict();

const recordRenewalFiledInput = z.object({ ...byStaff, filedOn: localDateSchema }).strict();

const recordRenewalDecisionInput = z.discriminatedUnion('decision', [
  z.object({ ...byStaff, decision: z.literal('extended'), decidedOn: localDateSchema, validUntil: localDateSchema.optional() }).strict(),
  z.object({ ...byStaff, decision: z.literal('refused'), noticeReceivedOn: localDateSchema }).strict(),
]);

export const LEGACY_COMMAND_INPUTS = {
  recordApplicationLodged: recordApplicationLodgedInput,
  recordDecision: recordDecisionInput,
  recordComplaintFiled: recordComplaintFiledInput,
  recordComplaintOutcome: recordComplaintOutcomeInput,
  recordNewApplication: recordNewApplicationInput,
  recordRenewalFiled: recordRenewalFiledInput,
  recordRenewalDecision: recordRenewalDecisionInput,
} as const;

export type LegacyCommandName = keyof typeof LEGACY_COMMAND_INPUTS;

/** What `recordEvent` is given for a legacy command; optional fields stay absent, as they were. */
export interface RecordedHappening {
  actor: string;
  event: string;
  on: string;
  facts?: Record<string, string>;
  note?: string;
}

function happening(actor: string, event: string, on: string, facts: Record<string, string | undefined> = {}, note?: string): RecordedHappening {
  const given = Object.fromEntries(Object.entries(facts).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return { actor, event, on, ...(Object.keys(given).length > 0 ? { facts: given } : {}), ...(note !== undefined ? { note } : {}) };
}

export function legacyHappening(name: LegacyCommandName, raw: unknown): { ok: true; input: RecordedHappening } | { ok: false; reason: string } {
  const parsed = parseWith(LEGACY_COMMAND_INPUTS[name], raw, `${name} input`);
  if (!parsed.ok) return parsed;
  const input: unknown = parsed.value;
  switch (name) {
    case 'recordApplicationLodged': {
      const { actor, lodgedOn } = input as z.infer<typeof recordApplicationLodgedInput>;
      return { ok: true, input: happening(actor, 'application-lodged', lodgedOn) };
    }
    case 'recordNewApplication': {
      const { actor, lodgedOn, changedCircumstances } = input as z.infer<typeof recordNewApplicationInput>;
      return { ok: true, input: happening(actor, 'application-lodged', lodgedOn, {}, changedCircumstances) };
    }
    case 'recordDecision': {
      const decision = input as z.infer<typeof recordDecisionInput>;
      return decision.decision === 'grant'
        ? { ok: true, input: happening(decision.actor, 'protection-granted', decision.grantedOn, { validUntil: decision.validUntil }) }
        : { ok: true, input: happening(decision.actor, 'refusal-notice-received', decision.noticeReceivedOn, { decidedOn: decision.decidedOn }) };
    }
    case 'recordComplaintFiled': {
      const { actor, filedOn, forum } = input as z.infer<typeof recordComplaintFiledInput>;
      return { ok: true, input: happening(actor, 'complaint-filed', filedOn, { forum }) };
    }
    case 'recordComplaintOutcome': {
      const { actor, outcome, on } = input as z.infer<typeof recordComplaintOutcomeInput>;
      return { ok: true, input: happening(actor, outcome === 'refusal-upheld' ? 'final-refusal-notice-received' : 'refusal-overturned', on) };
    }
    case 'recordRenewalFiled': {
      const { actor, filedOn } = input as z.infer<typeof recordRenewalFiledInput>;
      return { ok: true, input: happening(actor, 'renewal-filed', filedOn) };
    }
    case 'recordRenewalDecision': {
      const decision = input as z.infer<typeof recordRenewalDecisionInput>;
      return decision.decision === 'extended'
        ? { ok: true, input: happening(decision.actor, 'protection-extended', decision.decidedOn, { validUntil: decision.validUntil }) }
        : { ok: true, input: happening(decision.actor, 'renewal-refusal-notice-received', decision.noticeReceivedOn) };
    }
  }
  throw new Error(`unknown legacy command ${String(name)}`);
}
