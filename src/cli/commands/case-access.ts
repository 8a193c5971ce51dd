import type { CaseClient, OpenedCase } from '../../client/case-client';
import type { CaseFilter } from '../../client/case-filter';
import type { CaseListItem, CasePage } from '../../client/case-listing';
import { collect } from '../../client/collect';
import type { CaseCommandName, CaseSummary, CaseView, Stage } from '../../domain';

/**
 * What `docket case` does to cases, whichever way it reaches them: as the operator, straight to Temporal
 * with the engine's keys (operatorCases), or as a staff member through the HTTP API with their token, so
 * the API's roles and offices apply (ApiCases). The actions, their checks and their rendering are the same.
 */
export interface DocketCases {
  /** Who a write is made as: the operator's --as, or the token's staff member. */
  actor(): Promise<string>;
  open(input: Record<string, unknown>): Promise<OpenedCase>;
  get(caseNumber: string): Promise<CaseView>;
  command(caseNumber: string, name: CaseCommandName, input: Record<string, unknown>): Promise<CaseSummary>;
  page(filter: CaseFilter, options: { pageSize?: number; pageToken?: string }): Promise<CasePage>;
  /** Every match, page after page. */
  all(filter: CaseFilter): Promise<CaseListItem[]>;
  byNextDeadline(filter: CaseFilter): Promise<CaseListItem[]>;
  countByStage(filter: Omit<CaseFilter, 'stages'>): Promise<Record<Stage, number>>;
}

/** The operator's way: the case client on the engine's Temporal connection, acting as whoever --as names. */
export function operatorCases(cases: CaseClient, actor: () => string): DocketCases {
  return {
    actor: async () => actor(),
    open: (input) => cases.open(input),
    get: (caseNumber) => cases.get(caseNumber),
    command: (caseNumber, name, input) => cases.command(caseNumber, name, input),
    page: (filter, options) => cases.listing.page(filter, options),
    all: (filter) => collect(cases.listing.scan(filter)),
    byNextDeadline: (filter) => cases.listing.byNextDeadline(filter),
    countByStage: (filter) => cases.listing.countByStage(filter),
  };
}
