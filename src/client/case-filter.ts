import { z } from 'zod';
import { caseIdOf, caseNumberSchema, jurisdictionSchema, officeIdSchema, procedureSchema, staffIdSchema } from '../domain/identifiers';
import { applicantIndexSchema } from '../domain/open-case';
import { STAGES } from '../domain/stages';

const instant = z.iso.datetime({ offset: true, error: 'expected an ISO-8601 instant such as 2016-03-01T00:00:00Z' });

/** Whether an optional window's start comes before its end. */
const ordered = (from: string | undefined, before: string | undefined) => from === undefined || before === undefined || Date.parse(from) < Date.parse(before);

/** What supervisors and caseworkers filter cases on: exactly the search attributes, nothing personal. */
export const caseFilterSchema = z
  .object({
    caseNumber: caseNumberSchema.optional(),
    /** Cases whose number starts with this, such as `RU-TA-2016-00`. */
    caseNumberPrefix: z.string().regex(/^[A-Z0-9-]{1,24}$/, 'expected the start of a case number such as RU-TA-2016').optional(),
    /** The blind index of a pseudonym (CaseClient.applicantIndexOf), never the pseudonym. */
    applicantIndex: applicantIndexSchema.optional(),
    /** Whether the case carries a blind index at all: false finds those opened before it existed. */
    applicantIndexed: z.boolean().optional(),
    stages: z.array(z.enum(STAGES)).min(1).optional(),
    office: officeIdSchema.optional(),
    caseworker: staffIdSchema.optional(),
    jurisdiction: jurisdictionSchema.optional(),
    procedure: procedureSchema.optional(),
    nextDeadlineKind: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'expected a deadline kind such as complaint').optional(),
    /** Cases whose next deadline ends at or after this instant. */
    nextDeadlineFrom: instant.optional(),
    /** Cases whose next deadline ends before this instant. */
    nextDeadlineBefore: instant.optional(),
    /** Cases protected until at or after this instant. */
    protectedUntilFrom: instant.optional(),
    /** Cases protected until before this instant: protections that end soon. */
    protectedUntilBefore: instant.optional(),
    /** Closed cases are left out unless asked for (or unless `stages` names `closed`). */
    includeClosed: z.boolean().optional(),
  })
  .strict()
  .refine((filter) => ordered(filter.nextDeadlineFrom, filter.nextDeadlineBefore), {
    message: 'nextDeadlineFrom must be before nextDeadlineBefore',
    path: ['nextDeadlineBefore'],
  })
  .refine((filter) => ordered(filter.protectedUntilFrom, filter.protectedUntilBefore), {
    message: 'protectedUntilFrom must be before protectedUntilBefore',
    path: ['protectedUntilBefore'],
  });
export type CaseFilter = z.infer<typeof caseFilterSchema>;

export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

/** Values are validated above, but quoting stays defensive so no value can change the query's shape. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A search attribute's name as the query names it. The server parses queries with a MySQL-dialect SQL
 * parser, for which PROCEDURE is a keyword: `Procedure = "x"` fails on a cluster with SQL visibility
 * ("Failed to count workflows") while `\`Procedure\` = "x"` works on every store, so every name of ours is quoted.
 */
const attribute = (name: string) => `\`${name}\``;

/**
 * The visibility query for a filter. A case that continued as new leaves earlier runs behind, so those
 * are excluded: every case appears once, as its latest run.
 */
export function visibilityQuery(filter: CaseFilter): string {
  const clauses = [`WorkflowType = ${quote(CASE_WORKFLOW_TYPE)}`, `ExecutionStatus != "ContinuedAsNew"`];
  if (filter.stages) {
    clauses.push(
      filter.stages.length === 1 ? `${attribute('CaseStage')} = ${quote(filter.stages[0] as string)}` : `${attribute('CaseStage')} IN (${filter.stages.map(quote).join(', ')})`,
    );
  } else if (!filter.includeClosed) {
    clauses.push(`${attribute('CaseStage')} != "closed"`);
  }
  if (filter.caseNumber !== undefined) clauses.push(`WorkflowId = ${quote(caseIdOf(filter.caseNumber))}`);
  if (filter.caseNumberPrefix !== undefined) clauses.push(`WorkflowId STARTS_WITH ${quote(caseIdOf(filter.caseNumberPrefix))}`);
  if (filter.applicantIndexed !== undefined) clauses.push(`${attribute('ApplicantIndex')} ${filter.applicantIndexed ? 'IS NOT NULL' : 'IS NULL'}`);
  const equals: Array<[string, string | undefined]> = [
    ['ApplicantIndex', filter.applicantIndex],
    ['Office', filter.office],
    ['Caseworker', filter.caseworker],
    ['Jurisdiction', filter.jurisdiction],
    ['Procedure', filter.procedure],
    ['NextDeadlineKind', filter.nextDeadlineKind],
  ];
  for (const [name, value] of equals) {
    if (value !== undefined) clauses.push(`${attribute(name)} = ${quote(value)}`);
  }
  if (filter.nextDeadlineFrom !== undefined) clauses.push(`${attribute('NextDeadline')} >= ${quote(new Date(filter.nextDeadlineFrom).toISOString())}`);
  if (filter.nextDeadlineBefore !== undefined) clauses.push(`${attribute('NextDeadline')} < ${quote(new Date(filter.nextDeadlineBefore).toISOString())}`);
  if (filter.protectedUntilFrom !== undefined) clauses.push(`${attribute('ProtectedUntil')} >= ${quote(new Date(filter.protectedUntilFrom).toISOString())}`);
  if (filter.protectedUntilBefore !== undefined) clauses.push(`${attribute('ProtectedUntil')} < ${quote(new Date(filter.protectedUntilBefore).toISOString())}`);
  return clauses.join(' AND ');
}
