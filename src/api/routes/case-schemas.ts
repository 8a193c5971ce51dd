import { z } from 'zod';
import { STAGES } from '../../domain/stages';
import { caseFilterSchema, type CaseFilter } from '../../client/case-filter';
import { parseInput } from '../../errors/parse-input';
import { ComputedDeadlineSchema } from '../../rules/computed-deadline';

/** Response shapes. Nested domain records are loose objects: the fields named here are promised, others may follow. */
const localizedText = z.object({ en: z.string(), ru: z.string() });

export const caseListItemSchema = z.object({
  caseNumber: z.string(),
  stage: z.enum(STAGES),
  jurisdiction: z.string(),
  procedure: z.string(),
  office: z.string(),
  caseworker: z.string(),
  attempt: z.number(),
  nextDeadline: z.object({ endsAt: z.string(), dueDate: z.string(), kind: z.string() }).optional(),
  protectedUntil: z.string().optional(),
  status: z.enum(['running', 'completed', 'failed', 'terminated', 'other']),
});

export const caseSummarySchema = z.looseObject({
  caseId: z.string(),
  caseNumber: z.string(),
  jurisdiction: z.string(),
  procedure: z.string(),
  office: z.string(),
  caseworker: z.string(),
  stage: z.enum(STAGES),
  attempt: z.number(),
  protectedUntil: z.string().optional(),
  nextDeadline: z.object({ id: z.string(), kind: z.string(), title: localizedText, dueDate: z.string(), endsAt: z.string() }).optional(),
  openDeadlines: z.number(),
  missedDeadlines: z.number(),
  lastEvent: z.looseObject({ id: z.number(), type: z.string(), recordedAt: z.string() }),
});

export const caseViewSchema = caseSummarySchema.extend({
  events: z.array(z.looseObject({ id: z.number(), type: z.string(), actor: z.string(), recordedAt: z.string(), on: z.string().optional() })),
  deadlines: z.array(
    z.looseObject({
      id: z.string(),
      status: z.enum(['open', 'met', 'superseded', 'void', 'waived', 'missed', 'expired']),
      deadline: ComputedDeadlineSchema,
      /** The explanation as staff read it, in both languages. */
      explanationText: localizedText,
      /** The status in words; a deadline something made moot names what. */
      statusText: z.string(),
    }),
  ),
  linkedCases: z.array(z.object({ caseNumber: z.string(), relation: z.string(), eventId: z.number() })),
  reminders: z.array(z.looseObject({ id: z.string(), dueDate: z.string(), daysBefore: z.number(), plannedFor: z.string() })),
  escalations: z.array(z.looseObject({ id: z.string(), dueDate: z.string(), reason: z.string(), at: z.string() })),
  /** The earliest open period shown for information only, which `nextDeadline` leaves out (a court period, say). */
  nextForInformation: z.object({ id: z.string(), title: localizedText, dueDate: z.string() }).optional(),
});

export const missedDeadlineSchema = z.object({
  caseNumber: z.string(),
  office: z.string(),
  caseworker: z.string(),
  stage: z.enum(STAGES),
  deadlineId: z.string(),
  kind: z.string(),
  title: localizedText,
  owner: z.enum(['applicant', 'authority']),
  dueDate: z.string(),
  endsAt: z.string(),
});

export const timelineSchema = z.object({
  caseNumber: z.string(),
  entries: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(['event', 'deadline', 'reminder', 'escalation']),
      title: z.string(),
      detail: z.string(),
      actor: z.string().optional(),
    }),
  ),
});

const stageCounts = z.record(z.enum(STAGES), z.number());

export const overviewSchema = z.object({
  generatedAt: z.string(),
  scope: z.object({ office: z.string().optional(), caseworker: z.string().optional() }),
  byStage: stageCounts,
  openCases: z.number(),
  upcoming: z.array(caseListItemSchema),
  horizonDays: z.number(),
  dueWithin7Days: z.number(),
  dueWithin30Days: z.number(),
  missed: z.array(missedDeadlineSchema),
  missedLookbackDays: z.number(),
  workload: z.array(z.object({ caseworker: z.string(), office: z.string(), openCases: z.number(), dueWithin30Days: z.number(), missed: z.number() })),
});

export const digestSchema = z.object({
  office: z.string(),
  generatedAt: z.string(),
  upcomingDays: z.number(),
  upcoming: z.array(caseListItemSchema),
  missedLookbackDays: z.number(),
  missed: z.array(missedDeadlineSchema),
});

export const countSchema = z.object({ total: z.number(), byStage: stageCounts });

/** A date means the start of that day in UTC; an instant is taken as given. */
const instantOrDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T.+)?$/, 'expected a date (YYYY-MM-DD) or an ISO-8601 instant')
  .transform((value) => (value.length === 10 ? `${value}T00:00:00Z` : value))
  .pipe(z.iso.datetime({ offset: true, error: 'expected a date (YYYY-MM-DD) or an ISO-8601 instant' }));

/** Query parameters shared by the listing and the count: everything a supervisor filters on. */
export const caseFilterQuerySchema = z.object({
  stage: z
    .string()
    .transform((value) => value.split(',').map((stage) => stage.trim()))
    .pipe(z.array(z.enum(STAGES, { error: `each stage must be one of ${STAGES.join(', ')}` })))
    .optional()
    .describe('One stage or several, comma-separated'),
  office: z.string().optional(),
  caseworker: z.string().optional(),
  jurisdiction: z.string().optional(),
  procedure: z.string().optional(),
  nextDeadlineKind: z.string().optional(),
  nextDeadlineFrom: instantOrDate.optional().describe('Next deadline ends at or after this date or instant'),
  nextDeadlineBefore: instantOrDate.optional().describe('Next deadline ends before this date or instant'),
  protectedUntilFrom: instantOrDate.optional().describe('Protected until this date or instant or later'),
  protectedUntilBefore: instantOrDate.optional().describe('Protection ends before this date or instant'),
  caseNumber: z.string().trim().toUpperCase().optional().describe('Exactly this case number'),
  caseNumberPrefix: z.string().trim().toUpperCase().optional().describe('Case numbers that start with this, such as RU-TA-2016'),
  applicant: z
    .string()
    .trim()
    .min(1, 'name the pseudonym to find')
    .max(100, 'a pseudonym has at most 100 characters')
    .optional()
    .describe('Cases of the applicant with exactly this pseudonym, whatever its case and spacing (a blind index: no partial match)'),
  includeClosed: z.enum(['true', 'false']).optional().describe('Closed cases are left out unless true'),
});
export type CaseFilterQuery = z.output<typeof caseFilterQuerySchema>;

/**
 * Turns the query into the client's filter, with the same validation messages the client would give.
 * A pseudonym is looked up by its blind index (`applicantIndexOf`) and goes no further.
 */
export function filterFromQuery(query: CaseFilterQuery, office: string | undefined, applicantIndexOf: (pseudonym: string) => string): CaseFilter {
  const filter = {
    ...(query.caseNumber ? { caseNumber: query.caseNumber } : {}),
    ...(query.caseNumberPrefix ? { caseNumberPrefix: query.caseNumberPrefix } : {}),
    ...(query.applicant ? { applicantIndex: applicantIndexOf(query.applicant) } : {}),
    ...(query.stage ? { stages: query.stage } : {}),
    ...(office ? { office } : {}),
    ...(query.caseworker ? { caseworker: query.caseworker } : {}),
    ...(query.jurisdiction ? { jurisdiction: query.jurisdiction } : {}),
    ...(query.procedure ? { procedure: query.procedure } : {}),
    ...(query.nextDeadlineKind ? { nextDeadlineKind: query.nextDeadlineKind } : {}),
    ...(query.nextDeadlineFrom ? { nextDeadlineFrom: query.nextDeadlineFrom } : {}),
    ...(query.nextDeadlineBefore ? { nextDeadlineBefore: query.nextDeadlineBefore } : {}),
    ...(query.protectedUntilFrom ? { protectedUntilFrom: query.protectedUntilFrom } : {}),
    ...(query.protectedUntilBefore ? { protectedUntilBefore: query.protectedUntilBefore } : {}),
    ...(query.includeClosed === 'true' ? { includeClosed: true } : {}),
  };
  return parseInput(caseFilterSchema, filter, 'case filter');
}
