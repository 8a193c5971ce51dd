import { Readable } from 'node:stream';
import { z } from 'zod';
import type { ReadAuditSink } from '../../access/read-audit';
import type { CaseClient } from '../../client/case-client';
import { CASE_ORDERS, MAX_PAGE_SIZE, type CaseListItem, type CaseOrder } from '../../client/case-listing';
import { buildDigest } from '../../digest/build-digest';
import { missedDeadlines, upcomingDeadlines, type ReportScope } from '../../reports/deadline-report';
import type { EscalatedCases } from '../../store/escalated-cases';
import { buildOverview } from '../../reports/overview';
import { deadlineStatusText } from '../../reports/deadline-status-text';
import { caseTimeline } from '../../reports/timeline';
import { nextDates } from '../../reports/next-dates';
import { caseNumberSchema, officeIdSchema, openCaseInputSchema, STAFF_COMMAND_INPUTS, staffIdSchema, type CaseCommandName, type CaseSummary, type CaseView } from '../../domain';
import { renderExplanation } from '../../rules';
import { officeScope, requireOfficeAccess, type Action } from '../../access/permissions';
import type { Principal } from '../../access/roles';
import { defineRoute, type ApiRoute } from '../http/route';
import {
  caseFilterQuerySchema,
  caseListItemSchema,
  caseSummarySchema,
  caseViewSchema,
  countSchema,
  digestSchema,
  missedDeadlineSchema,
  overviewSchema,
  timelineSchema,
} from './case-schemas';
import { caseListCsv } from './case-list-csv';
import { STAFF_LANGUAGES } from '../../store/staff-directory';
import { caseAccess } from './case-read';
import { listingFilter } from './listing-filter';
import { withoutActor } from './without-actor';

export interface CaseRouteDependencies {
  cases: CaseClient;
  escalated: EscalatedCases;
  /** Every read of one case's record is written here before the answer is sent. */
  reads: ReadAuditSink;
  now: () => Date;
}

const caseParams = z.object({ caseNumber: caseNumberSchema });
const CASE_PATH = '/api/cases/{caseNumber}';
const TIMELINE_PATH = `${CASE_PATH}/timeline`;
// Ids as the directory writes them: anything else (a NUL, a quote) is refused here, before it reaches visibility.
const officeQuery = z.object({ office: officeIdSchema.optional().describe('Supervisors: one office, or all when left out') });
const deadlineReportQuery = officeQuery.extend({ caseworker: staffIdSchema.optional() });

/** The cases a deadline report covers: a caseworker's own office only, and one caseworker's cases if asked. */
function reportScope(principal: Principal, query: z.output<typeof deadlineReportQuery>): ReportScope {
  const office = officeScope(principal, query.office);
  return { ...(office ? { office } : {}), ...(query.caseworker ? { caseworker: query.caseworker } : {}) };
}

/** `recent` is the visibility store's own order, which pages on its tokens; the others are sorted here. */
const listOrder = z.enum(['recent', ...(Object.keys(CASE_ORDERS) as CaseOrder[])]);
const SORTED_ORDERS = '`next-deadline` (earliest first), `case-number` or `protected-until` (soonest first)';

type CaseViewResponse = z.input<typeof caseViewSchema>;
type CaseSummaryResponse = z.input<typeof caseSummarySchema>;

/**
 * The domain's records are interfaces, which TypeScript will not widen to the loose response schemas'
 * index signatures; the route checks every response against its schema at run time instead.
 */
const asSummaryResponse = (summary: CaseSummary) => summary as unknown as CaseSummaryResponse;

/** A deadline's explanation and status rendered for people, next to the structured ones, and the next period for information. */
export function withExplanationText(view: CaseView): CaseViewResponse {
  const { forInformation } = nextDates(view);
  const response = {
    ...view,
    ...(forInformation ? { nextForInformation: { id: forInformation.id, title: forInformation.deadline.title, dueDate: forInformation.deadline.dueDate } } : {}),
    deadlines: view.deadlines.map((deadline) => ({
      ...deadline,
      explanationText: { en: renderExplanation(deadline.deadline, 'en'), ru: renderExplanation(deadline.deadline, 'ru') },
      statusText: deadlineStatusText(view, deadline),
    })),
  };
  return response as unknown as CaseViewResponse;
}

/** Commands that are a supervisor's to give; every other command is recording. */
const COMMAND_PERMISSIONS: Partial<Record<CaseCommandName, Action>> = {
  reassign: 'case.reassign',
  migrateRules: 'rules.migrate',
  overrideDeadline: 'deadlines.override',
};

export function caseRoutes({ cases, escalated, reads, now }: CaseRouteDependencies): ApiRoute[] {
  const { requireCaseAccess, readCase } = caseAccess(cases, reads);

  // Today's commands only: the legacy updates exist for replay, not for new callers.
  const commandRoutes = (Object.keys(STAFF_COMMAND_INPUTS) as CaseCommandName[]).map((name) =>
    defineRoute({
      method: 'POST',
      path: `/api/cases/{caseNumber}/commands/${name}`,
      operationId: name,
      summary: `Send the ${name} command to a case; answers with the new case summary`,
      description: 'The actor is the token’s staff member. A command the case’s stage does not allow is refused with 422 and changes nothing.',
      tag: 'cases',
      permission: COMMAND_PERMISSIONS[name] ?? 'case.record',
      params: caseParams,
      body: withoutActor(STAFF_COMMAND_INPUTS[name]),
      response: caseSummarySchema,
      handle: async ({ principal, params, body }) => {
        await requireCaseAccess(principal, params.caseNumber);
        return asSummaryResponse(await cases.command(params.caseNumber, name, { ...body, actor: principal.staffId }));
      },
    }),
  );

  return [
    defineRoute({
      method: 'POST',
      path: '/api/cases',
      operationId: 'openCase',
      summary: 'Open a case; its workflow starts and the whole case is returned',
      description:
        'Safe to retry: the same caller sending the same opening again (its first answer lost) gets 201 with the case and alreadyOpened: true, ' +
        'and nothing changes. Anyone else, or other details, gets 409.',
      tag: 'cases',
      permission: 'case.open',
      body: withoutActor(openCaseInputSchema),
      response: caseViewSchema.extend({ alreadyOpened: z.boolean() }),
      successStatus: 201,
      handle: async ({ principal, body }) => {
        if (typeof body.office === 'string') requireOfficeAccess(principal, body.office, 'The new case');
        const opened = await cases.open({ ...body, actor: principal.staffId });
        return { ...withExplanationText(opened), alreadyOpened: opened.alreadyOpened };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/cases',
      operationId: 'listCases',
      summary: 'List cases by case number, pseudonym, stage, next-deadline window, protection end, office, caseworker, jurisdiction or procedure',
      description:
        '`sort=recent` (default) pages with `pageToken` (100 a page unless `pageSize` says); ' +
        `${SORTED_ORDERS} sort every match (narrow the filter if more than 10,000 match) and return them all, or pages of \`pageSize\` when it is given. ` +
        '`applicant` finds a pseudonym by its blind index: exact matches only, whatever their case and spacing. Caseworker tokens list only their own office.',
      tag: 'cases',
      permission: 'case.read',
      query: caseFilterQuerySchema.extend({
        sort: listOrder.default('recent'),
        pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
        pageToken: z.string().max(4096).optional(),
      }),
      response: z.object({ cases: z.array(caseListItemSchema), nextPageToken: z.string().optional() }),
      handle: async ({ principal, query }) => {
        const filter = listingFilter(cases, principal, query);
        if (query.sort !== 'recent' && query.pageSize === undefined && query.pageToken === undefined) return { cases: await cases.listing.sorted(filter, query.sort) };
        return cases.listing.pageInOrder(filter, query.sort, { pageSize: query.pageSize ?? 100, ...(query.pageToken ? { pageToken: query.pageToken } : {}) });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/cases.csv',
      operationId: 'exportCases',
      summary: 'The cases a listing finds, as CSV (UTF-8 with a byte order mark, for Excel)',
      description:
        'The same filters as listCases, every match (no pages), in `sort` order: `recent` streams as visibility answers, ' +
        `${SORTED_ORDERS} sort first (at most 10,000). Columns: case number, stage, office, caseworker, next deadline kind and due date, protected until; ` +
        'no applicant data for any role. A cell that a spreadsheet would read as a formula starts with an apostrophe. ' +
        'With `lang=ru` or `lang=en` the headers, stages and deadlines are in words of that language (Russian dates as 26.05.2016), as the desk exports them; without, codes and ISO dates.',
      tag: 'cases',
      permission: 'case.read',
      query: caseFilterQuerySchema.extend({ sort: listOrder.default('next-deadline'), lang: z.enum(STAFF_LANGUAGES).optional().describe('The language of the headers and words, for people') }),
      response: z.instanceof(Readable),
      produces: 'text/csv',
      handle: async ({ principal, query, reply }) => {
        const filter = listingFilter(cases, principal, query);
        // Sorting first means a filter matching too many is refused (400) before a byte is sent.
        const items: AsyncIterable<CaseListItem> | CaseListItem[] =
          query.sort === 'recent' ? cases.listing.scan(filter) : await cases.listing.sorted(filter, query.sort);
        reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="cases.csv"');
        return caseListCsv(items, query.lang);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/cases/count',
      operationId: 'countCases',
      summary: 'Count matching cases, in total and by stage',
      tag: 'cases',
      permission: 'case.read',
      query: caseFilterQuerySchema,
      response: countSchema,
      handle: async ({ principal, query }) => {
        const { stages, ...filter } = listingFilter(cases, principal, query);
        const byStage = await cases.listing.countByStage(filter);
        const counted = Object.entries(byStage).filter(([stage]) => (stages ? stages.includes(stage as never) : filter.includeClosed || stage !== 'closed'));
        return { total: counted.reduce((sum, [, count]) => sum + count, 0), byStage };
      },
    }),
    defineRoute({
      method: 'GET',
      path: CASE_PATH,
      operationId: 'getCase',
      summary: 'The whole case: stage, events, deadlines with explanations, reminders and escalations',
      tag: 'cases',
      permission: 'case.read',
      params: caseParams,
      response: caseViewSchema,
      handle: async ({ principal, params }) =>
        withExplanationText(await readCase(principal, params.caseNumber, 'api', `GET ${CASE_PATH}`)),
    }),
    defineRoute({
      method: 'GET',
      path: TIMELINE_PATH,
      operationId: 'caseTimeline',
      summary: 'The case’s events, deadlines, reminders and escalations in date order',
      tag: 'cases',
      permission: 'case.read',
      params: caseParams,
      response: timelineSchema,
      handle: async ({ principal, params }) => ({
        caseNumber: params.caseNumber,
        entries: caseTimeline(await readCase(principal, params.caseNumber, 'api', `GET ${TIMELINE_PATH}`)),
      }),
    }),
    ...commandRoutes,
    defineRoute({
      method: 'GET',
      path: '/api/deadlines/upcoming',
      operationId: 'upcomingDeadlines',
      summary: 'Cases whose next deadline ends within the coming days, earliest first',
      tag: 'deadlines',
      permission: 'deadlines.read',
      query: deadlineReportQuery.extend({ withinDays: z.coerce.number().int().min(1).max(366).default(30) }),
      response: z.object({ withinDays: z.number(), cases: z.array(caseListItemSchema) }),
      handle: async ({ principal, query }) => ({
        withinDays: query.withinDays,
        cases: await upcomingDeadlines(cases, reportScope(principal, query), now(), query.withinDays),
      }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/deadlines/missed',
      operationId: 'missedDeadlines',
      summary: 'Deadlines that ended unmet in the past days, in cases still open',
      tag: 'deadlines',
      permission: 'deadlines.read',
      query: deadlineReportQuery.extend({ lookbackDays: z.coerce.number().int().min(1).max(3660).default(90) }),
      response: z.object({ lookbackDays: z.number(), deadlines: z.array(missedDeadlineSchema) }),
      handle: async ({ principal, query }) => ({
        lookbackDays: query.lookbackDays,
        deadlines: await missedDeadlines(cases, escalated, reportScope(principal, query), now(), query.lookbackDays),
      }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/overview',
      operationId: 'overview',
      summary: 'The office overview’s figures: cases by stage, upcoming and missed deadlines, workload per caseworker',
      tag: 'dashboard',
      permission: 'overview.read',
      query: officeQuery,
      response: overviewSchema,
      handle: async ({ principal, query }) => {
        const office = officeScope(principal, query.office);
        return buildOverview(cases, escalated, office ? { office } : {}, now());
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/digest',
      operationId: 'digest',
      summary: 'The daily digest an office’s supervisors receive, as of now',
      tag: 'dashboard',
      permission: 'digest.read',
      query: z.object({ office: z.string().min(1, 'name the office whose digest to show') }),
      response: digestSchema,
      handle: async ({ query }) => buildDigest(cases, escalated, query.office, now()),
    }),
  ];
}
