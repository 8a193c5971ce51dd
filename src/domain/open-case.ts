import { z } from 'zod';
import { DEFAULT_REMINDER_POLICY, type CaseState } from './case';
import { localDateSchema, toInstant } from './dates';
import {
  caseIdOf,
  caseNumberSchema,
  jurisdictionSchema,
  officeIdSchema,
  procedureSchema,
  staffIdSchema,
} from './identifiers';
import { queueEventRecord } from './outbox';
import { lifecycleFor, lifecycleProblem } from './lifecycle';
import { ruleParamNameSchema, ruleParamsProblem } from './rule-params';

export const reminderPolicySchema = z
  .object({
    offsetsDays: z
      .array(z.number().int().min(0).max(366))
      .min(1, 'at least one reminder offset is needed')
      .max(20)
      .refine((offsets) => new Set(offsets).size === offsets.length, 'reminder offsets must not repeat'),
    localTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a local time as HH:mm'),
    lateEntryGraceMinutes: z.number().int().min(0).max(24 * 60).optional(),
  })
  .strict();

export const applicantProfileSchema = z
  .object({
    pseudonym: z.string().trim().min(1).max(100),
    birthDate: localDateSchema.optional(),
    nationality: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166 alpha-3 code such as PRK').optional(),
    languages: z.array(z.string().min(2).max(35)).max(10).optional(),
  })
  .strict();

/** The applicant index the case client computed (src/codec/applicant-index.ts): 128 bits of an HMAC in hex, nothing else. */
export const applicantIndexSchema = z.string().regex(/^[0-9a-f]{32}$/, 'expected the 32 hex digits of an applicant index');

export const ruleParamsSchema = z.record(ruleParamNameSchema, z.union([z.string().max(100), z.number(), z.boolean()]));

/**
 * The opening as runs recorded before its rule parameters were checked against the pack read it, so
 * that they replay; such a case's parameters can be corrected (`correctRuleParams`).
 */
export const legacyOpenCaseInputSchema = z
  .object({
    caseNumber: caseNumberSchema,
    jurisdiction: jurisdictionSchema,
    procedure: procedureSchema,
    office: officeIdSchema,
    caseworker: staffIdSchema,
    actor: staffIdSchema,
    applicant: applicantProfileSchema.optional(),
    reminderPolicy: reminderPolicySchema.optional(),
    ruleParams: ruleParamsSchema.optional(),
  })
  .strict()
  .refine((input) => input.caseNumber.startsWith(`${input.jurisdiction}-`), {
    message: 'the case number must start with the jurisdiction code',
    path: ['caseNumber'],
  })
  .superRefine((input, context) => {
    const problem = lifecycleProblem(input.jurisdiction, input.procedure);
    if (problem) context.addIssue({ code: 'custom', message: problem.reason, path: [problem.field] });
  });

/** A case to open: its procedure must run as a case, and its rule parameters must be ones its pack takes. */
export const openCaseInputSchema = legacyOpenCaseInputSchema.superRefine((input, context) => {
  if (lifecycleProblem(input.jurisdiction, input.procedure)) return;
  const problem = ruleParamsProblem(lifecycleFor(input), input.ruleParams ?? {});
  if (problem) context.addIssue({ code: 'custom', message: problem.reason, path: ['ruleParams', ...(problem.param ? [problem.param] : [])] });
});
export type OpenCaseInput = z.infer<typeof openCaseInputSchema>;

export function openCase(input: OpenCaseInput, nowMs: number, applicantIndex?: string): CaseState {
  const recordedAt = toInstant(nowMs);
  const opened = {
    id: 1,
    type: 'case-opened' as const,
    actor: input.actor,
    recordedAt,
    office: input.office,
    caseworker: input.caseworker,
  };
  const state: CaseState = {
    caseId: caseIdOf(input.caseNumber),
    caseNumber: input.caseNumber,
    jurisdiction: input.jurisdiction,
    procedure: input.procedure,
    office: input.office,
    caseworker: input.caseworker,
    ...(input.applicant ? { applicant: input.applicant } : {}),
    ...(applicantIndex === undefined ? {} : { applicantIndex }),
    reminderPolicy: input.reminderPolicy ?? DEFAULT_REMINDER_POLICY,
    ruleParams: input.ruleParams ?? {},
    stage: 'opened',
    attempt: 0,
    events: [opened],
    deadlines: [],
    computations: [],
    reminders: [],
    escalations: [],
    outbox: [],
  };
  return queueEventRecord(state, opened, 'openCase');
}
