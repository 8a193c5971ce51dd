import { z } from 'zod';
import { ESCALATION_REASONS } from '../domain/case';
import { ComputedDeadlineSchema, RulePinSchema } from '../rules/computed-deadline';
import { parseInput } from '../store';
import type { CaseDeadlineRequest, DeadlineChangeNotice, EscalationRequest, ReminderRequest } from './types';

const key = z.string().min(1).max(300);

const aboutCase = {
  idempotencyKey: key,
  caseId: key,
  caseNumber: z.string().min(1).max(64),
  office: z.string().min(1),
  caseworker: z.string().min(1),
  deadline: ComputedDeadlineSchema,
};

const reminderSchema = z.object({ ...aboutCase, daysBefore: z.number().int().min(0), plannedFor: z.iso.datetime({ offset: true }).optional() });
const escalationSchema = z.object({ ...aboutCase, reason: z.enum(ESCALATION_REASONS), previousDueDate: z.iso.date().optional() });
const changeNoticeSchema = z.object({
  idempotencyKey: key,
  caseId: key,
  caseNumber: aboutCase.caseNumber,
  office: aboutCase.office,
  caseworker: aboutCase.caseworker,
  change: z.object({
    deadlineId: z.string().min(1),
    deadline: ComputedDeadlineSchema,
    change: z.enum(['moved', 'added', 'removed']),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  }),
});
const computeSchema = z.looseObject({
  caseId: key,
  reminderPolicyOffsetsDays: z.array(z.number().int().min(0)).optional(),
  eventId: z.number().int().positive().optional(),
  rulePin: RulePinSchema.optional(),
});

/**
 * Activity inputs come from workflow history, possibly written by older code: each is checked before
 * anything is sent or written, and returned as given (loose objects keep every field).
 */
export function checkReminder(input: ReminderRequest): ReminderRequest {
  parseInput(reminderSchema, input, 'reminder request');
  return input;
}

export function checkEscalation(input: EscalationRequest): EscalationRequest {
  parseInput(escalationSchema, input, 'escalation request');
  return input;
}

export function checkChangeNotice(input: DeadlineChangeNotice): DeadlineChangeNotice {
  parseInput(changeNoticeSchema, input, 'deadline change notice');
  return input;
}

/** The deadline request itself is the rules engine's to check; here only the case it belongs to. */
export function checkComputeInput(input: CaseDeadlineRequest): CaseDeadlineRequest {
  parseInput(computeSchema, input, 'deadline computation input');
  return input;
}
