import { z } from 'zod';
import { LocalDateSchema } from '../pack/schema';
import { rulesErrorFromZod } from '../zod-issues';

const ValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/**
 * The boundary check of every computation. Unknown top-level keys are dropped, not refused, because callers
 * pass richer objects (the activity input adds `caseId`).
 */
const DeadlineRequestSchema = z.object({
  jurisdiction: z.string().trim().min(1, 'jurisdiction is required').transform((code) => code.toUpperCase()),
  procedure: z.string().trim().min(1, 'procedure is required'),
  event: z.string().trim().min(1, 'event is required'),
  date: LocalDateSchema,
  facts: z.record(z.string(), ValueSchema).default({}),
  params: z.record(z.string(), ValueSchema).default({}),
  allowCalendarFallback: z.boolean().default(false),
  suspensions: z
    .array(
      z
        .object({ from: LocalDateSchema, to: LocalDateSchema, reason: z.string().trim().min(1, 'a suspension needs a reason') })
        .refine((period) => period.to >= period.from, { message: 'a suspension must not end before it starts', path: ['to'] }),
    )
    .default([]),
});

export type ValidatedRequest = z.output<typeof DeadlineRequestSchema>;

export function validateRequest(request: unknown): ValidatedRequest {
  const parsed = DeadlineRequestSchema.safeParse(request);
  if (!parsed.success) throw rulesErrorFromZod('invalid-request', 'invalid deadline request', parsed.error);
  return parsed.data;
}

const ReminderScheduleSchema = z.object({ offsetsDays: z.array(z.number().int().min(0, 'reminder offsets are days before the due date')) });

export function validateReminderSchedule(schedule: unknown): z.output<typeof ReminderScheduleSchema> {
  const parsed = ReminderScheduleSchema.safeParse(schedule);
  if (!parsed.success) throw rulesErrorFromZod('invalid-request', 'invalid reminder schedule', parsed.error, 'reminders');
  return parsed.data;
}
