import { z } from 'zod';
import { jurisdictionSchema, officeIdSchema, procedureSchema, staffIdSchema } from '../domain/identifiers';
import { STAGES } from '../domain/stages';

const instant = z.iso.datetime({ offset: true, error: 'expected an ISO-8601 instant such as 2016-03-01T00:00:00Z' });

/** What supervisors and caseworkers filter cases on: exactly the search attributes, nothing personal. */
export const caseFilterSchema = z
  .object({
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
    /** Closed cases are left out unless asked for (or unless `stages` names `closed`). */
    includeClosed: z.boolean().optional(),
  })
  .strict()
  .refine(
    (filter) =>
      filter.nextDeadlineFrom === undefined ||
      filter.nextDeadlineBefore === undefined ||
      Date.parse(filter.nextDeadlineFrom) < Date.parse(filter.nextDeadlineBefore),
    { message: 'nextDeadlineFrom must be before nextDeadlineBefore', path: ['nextDeadlineBefore'] },
  );
export type CaseFilter = z.infer<typeof caseFilterSchema>;

export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

/** Values are validated above, but quoting stays defensive so no value can change the query's shape. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The visibility query for a filter. A case that continued as new leaves earlier runs behind, so those
 * are excluded: every case appears once, as its latest run.
 */
export function visibilityQuery(filter: CaseFilter): string {
  const clauses = [`WorkflowType = ${quote(CASE_WORKFLOW_TYPE)}`, `ExecutionStatus != "ContinuedAsNew"`];
  if (filter.stages) {
    clauses.push(
      filter.stages.length === 1 ? `CaseStage = ${quote(filter.stages[0] as string)}` : `CaseStage IN (${filter.stages.map(quote).join(', ')})`,
    );
  } else if (!filter.includeClosed) {
    clauses.push(`CaseStage != "closed"`);
  }
  const equals: Array<[string, string | undefined]> = [
    ['Office', filter.office],
    ['Caseworker', filter.caseworker],
    ['Jurisdiction', filter.jurisdiction],
    ['Procedure', filter.procedure],
    ['NextDeadlineKind', filter.nextDeadlineKind],
  ];
  for (const [attribute, value] of equals) {
    if (value !== undefined) clauses.push(`${attribute} = ${quote(value)}`);
  }
  if (filter.nextDeadlineFrom !== undefined) clauses.push(`NextDeadline >= ${quote(new Date(filter.nextDeadlineFrom).toISOString())}`);
  if (filter.nextDeadlineBefore !== undefined) clauses.push(`NextDeadline < ${quote(new Date(filter.nextDeadlineBefore).toISOString())}`);
  return clauses.join(' AND ');
}
