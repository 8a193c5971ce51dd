import { z } from 'zod';
import { parseInput } from '../store';
import type { ComputeDeadlinesInput, EscalationRequest, ReminderRequest } from './types';

const key = z.string().min(1).max(300);
const localDate = z.iso.date();

/** The parts of a deadline that messages and the register read; the rest passes through untouched. */
const deadlineSchema = z.looseObject({
  ruleId: z.string().min(1),
  kind: z.string().min(1),
  title: z.object({ en: z.string().min(1), ru: z.string().min(1) }),
  owner: z.enum(['applicant', 'authority']),
  dueDate: localDate,
  endsAt: z.iso.datetime({ offset: true }),
  zone: z.string().min(1),
  basis: z.enum(['statutory', 'policy']),
  citation: z.string().min(1),
  confidence: z.enum(['high', 'medium-high', 'medium', 'low', 'unconfirmed']),
  informational: z.boolean(),
  explanation: z.looseObject({
    steps: z.array(z.looseObject({ date: localDate, en: z.string(), ru: z.string() })),
    calendarSource: z.string(),
  }),
  warnings: z.array(z.string()),
});

const aboutCase = {
  idempotencyKey: key,
  caseId: key,
  caseNumber: z.string().min(1).max(64),
  office: z.string().min(1),
  caseworker: z.string().min(1),
  deadline: deadlineSchema,
};

const reminderSchema = z.object({ ...aboutCase, daysBefore: z.number().int().min(0) });
const escalationSchema = z.object({ ...aboutCase, reason: z.enum(['missed', 'lapsed', 'authority-overdue']) });
const computeSchema = z.looseObject({ caseId: key });

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

/** The deadline request itself is the rules engine's to check; here only the case it belongs to. */
export function checkComputeInput(input: ComputeDeadlinesInput): ComputeDeadlinesInput {
  parseInput(computeSchema, input, 'deadline computation input');
  return input;
}
