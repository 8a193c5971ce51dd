import { z } from 'zod';
import { parseInput } from '../../errors/parse-input';
import { caseFilterQuerySchema, type CaseFilterQuery } from '../routes/case-schemas';

/** What the cases page's form sends, every field a string as browsers send them; empty fields mean no filter. */
const formSchema = z.object({
  q: z.string().optional(),
  caseNumber: z.string().optional(),
  applicant: z.string().optional(),
  stage: z.string().optional(),
  office: z.string().optional(),
  caseworker: z.string().optional(),
  nextDeadlineBefore: z.string().optional(),
  protectedUntilBefore: z.string().optional(),
  sort: z.enum(['next-deadline', 'case-number', 'protected-until', 'recent']).optional(),
  pageToken: z.string().max(4096).optional(),
});
export type CasesListForm = z.output<typeof formSchema>;

/** The form's values to show again beside a refusal: whatever of them are strings as the form sends them. */
export function formValues(raw: unknown): CasesListForm {
  return formSchema.safeParse(raw).data ?? {};
}

export const CASES_PAGE_SIZE = 50;

export interface CasesListRequest {
  form: CasesListForm;
  /** The filter as the API takes it, so the page and GET /api/cases refuse the same input with the same words. */
  filter: CaseFilterQuery;
  sort: NonNullable<CasesListForm['sort']>;
  /** The export of the same filter, for the page's CSV link. */
  exportQuery: string;
}

const filled = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

/**
 * Reads the cases page's query. One box takes a case number or its start (the layout's search box sends
 * it as `q`), always looked up as a start: RU-TA-2016-050 is a whole case number and the start of
 * RU-TA-2016-0501, and staff typing it mean either.
 */
export function casesListRequest(raw: unknown): CasesListRequest {
  const form = parseInput(formSchema, raw, 'query parameters');
  const number = filled(form.caseNumber) ?? filled(form.q);
  const fields: Record<string, string | undefined> = {
    caseNumberPrefix: number,
    applicant: filled(form.applicant),
    stage: filled(form.stage),
    office: filled(form.office),
    caseworker: filled(form.caseworker),
    nextDeadlineBefore: filled(form.nextDeadlineBefore),
    protectedUntilBefore: filled(form.protectedUntilBefore),
  };
  const given = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const sort = form.sort ?? 'next-deadline';
  return {
    form: { ...form, ...(number !== undefined ? { caseNumber: number } : {}) },
    filter: parseInput(caseFilterQuerySchema, given, 'query parameters'),
    sort,
    exportQuery: new URLSearchParams({ ...given, sort }).toString(),
  };
}
