import { createHash, timingSafeEqual } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import { caseIdOf } from '../domain/identifiers';
import { STAGES, type Stage } from '../domain/stages';
import {
  Attempt,
  CaseStage,
  Caseworker,
  Jurisdiction,
  NextDeadline,
  NextDeadlineKind,
  Office,
  Procedure,
  ProtectedUntil,
} from '../workflows/search-attributes';
import { visibilityQuery, type CaseFilter } from './case-filter';
import { dueDateOf } from './due-date';
import { InvalidInputError } from '../errors/docket-errors';

/** A case as visibility knows it: its search attributes, which is all a listing needs. */
export interface CaseListItem {
  caseNumber: string;
  stage: Stage;
  jurisdiction: string;
  procedure: string;
  office: string;
  caseworker: string;
  attempt: number;
  /** The end (24:00 local) of the next deadline someone must act on, as an ISO instant. */
  nextDeadline?: { endsAt: string; dueDate: string; kind: string };
  protectedUntil?: string;
  status: 'running' | 'completed' | 'failed' | 'terminated' | 'other';
}

export interface CasePage {
  cases: CaseListItem[];
  /** Opaque; pass it back to get the next page. Absent on the last page. */
  nextPageToken?: string;
}

export const MAX_PAGE_SIZE = 1000;
/** Sorting happens here (the dev server's visibility store cannot ORDER BY), so it needs a bound. */
export const MAX_SORTED_CASES = 10_000;

const CASE_ID_PREFIX = caseIdOf('');
const STATUS_NAMES: Record<number, CaseListItem['status']> = { 1: 'running', 2: 'completed', 3: 'failed', 5: 'terminated' };

/**
 * Lists and counts cases through Temporal visibility on the case search attributes.
 * Results are eventually consistent: a case changed a moment ago may show its previous values.
 */
export class CaseListing {
  constructor(
    private readonly client: Client,
    private readonly namespace: string,
  ) {}

  async page(filter: CaseFilter, options: { pageSize?: number; pageToken?: string } = {}): Promise<CasePage> {
    const pageSize = options.pageSize ?? 100;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new InvalidInputError(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
    }
    const query = visibilityQuery(filter);
    const response = await this.client.workflowService.listWorkflowExecutions({
      namespace: this.namespace,
      query,
      pageSize,
      ...(options.pageToken !== undefined ? { nextPageToken: decodePageToken(options.pageToken, query) } : {}),
    });
    const cases = (response.executions ?? []).flatMap((execution) => {
      const item = toListItem(execution.execution?.workflowId ?? '', execution.status ?? 0, execution.searchAttributes?.indexedFields);
      return item ? [item] : [];
    });
    const token = response.nextPageToken;
    return token && token.length > 0 ? { cases, nextPageToken: encodePageToken(token, query) } : { cases };
  }

  /** Every matching case, page by page. */
  async *scan(filter: CaseFilter): AsyncGenerator<CaseListItem> {
    let pageToken: string | undefined;
    do {
      const page = await this.page(filter, { pageSize: MAX_PAGE_SIZE, ...(pageToken ? { pageToken } : {}) });
      yield* page.cases;
      pageToken = page.nextPageToken;
    } while (pageToken !== undefined);
  }

  async count(filter: CaseFilter): Promise<number> {
    const result = await this.client.workflow.count(visibilityQuery(filter));
    return result.count;
  }

  /** One count per stage: the visibility store groups only by execution status. */
  async countByStage(filter: Omit<CaseFilter, 'stages'>): Promise<Record<Stage, number>> {
    const counts = await Promise.all(STAGES.map((stage) => this.count({ ...filter, stages: [stage] })));
    return Object.fromEntries(STAGES.map((stage, index) => [stage, counts[index] ?? 0])) as Record<Stage, number>;
  }

  /** Matching cases, earliest next deadline first (cases without one last, then by case number). */
  async byNextDeadline(filter: CaseFilter): Promise<CaseListItem[]> {
    return this.sorted(filter, 'next-deadline');
  }

  /** Every matching case in the order asked for; at most MAX_SORTED_CASES, since they are sorted here. */
  async sorted(filter: CaseFilter, order: CaseOrder): Promise<CaseListItem[]> {
    const total = await this.count(filter);
    if (total > MAX_SORTED_CASES) {
      throw new InvalidInputError(
        `${total} cases match; at most ${MAX_SORTED_CASES} can be sorted by ${order.replace('-', ' ')}. Narrow the filter (office, stage or a deadline window).`,
      );
    }
    const cases: CaseListItem[] = [];
    for await (const item of this.scan(filter)) cases.push(item);
    return cases.sort(CASE_ORDERS[order]);
  }

  /** One page in any order the listing offers: the visibility store's own (`recent`), or one sorted here. */
  async pageInOrder(filter: CaseFilter, order: CaseOrder | 'recent', options: { pageSize: number; pageToken?: string }): Promise<CasePage> {
    return order === 'recent' ? this.page(filter, options) : this.sortedPage(filter, order, options);
  }

  /**
   * One page of the sorted cases. Its token holds the offset, checked like the server's tokens against
   * the query and the order, so it cannot continue another listing. Each page sorts afresh: a case that
   * changed between two pages can move from one page to another.
   */
  async sortedPage(filter: CaseFilter, order: CaseOrder, options: { pageSize: number; pageToken?: string }): Promise<CasePage> {
    const checkedAgainst = `${visibilityQuery(filter)} ORDER BY ${order}`;
    const offset = options.pageToken === undefined ? 0 : decodeOffset(options.pageToken, checkedAgainst);
    const cases = await this.sorted(filter, order);
    const end = offset + options.pageSize;
    if (end >= cases.length) return { cases: cases.slice(offset) };
    const next = Buffer.alloc(4);
    next.writeUInt32BE(end, 0);
    return { cases: cases.slice(offset, end), nextPageToken: encodePageToken(next, checkedAgainst) };
  }
}

/** Orders the listing sorts in, besides the visibility store's own (most recently started first). */
export const CASE_ORDERS = {
  'next-deadline': compareByNextDeadline,
  'case-number': (a: CaseListItem, b: CaseListItem) => a.caseNumber.localeCompare(b.caseNumber),
  'protected-until': (a: CaseListItem, b: CaseListItem) => compareInstants(a.protectedUntil, b.protectedUntil) || a.caseNumber.localeCompare(b.caseNumber),
} as const;
export type CaseOrder = keyof typeof CASE_ORDERS;

/** Earliest first; a case without the date comes last. */
function compareInstants(a: string | undefined, b: string | undefined): number {
  const aTime = a === undefined ? Number.POSITIVE_INFINITY : Date.parse(a);
  const bTime = b === undefined ? Number.POSITIVE_INFINITY : Date.parse(b);
  return aTime === bTime ? 0 : aTime < bTime ? -1 : 1;
}

export function compareByNextDeadline(a: CaseListItem, b: CaseListItem): number {
  return compareInstants(a.nextDeadline?.endsAt, b.nextDeadline?.endsAt) || a.caseNumber.localeCompare(b.caseNumber);
}

/**
 * Page tokens carry a check of the server's token and the query it continues. Temporal answers a token
 * it did not issue with an UNKNOWN error that the SDK retries for some 20 s; a token that fails the check
 * is refused at once instead, as is one used with another filter.
 */
const PAGE_TOKEN_CHECK_BYTES = 8;

function pageTokenCheck(raw: Uint8Array, query: string): Buffer {
  return createHash('sha256').update(query).update(raw).digest().subarray(0, PAGE_TOKEN_CHECK_BYTES);
}

function encodePageToken(raw: Uint8Array, query: string): string {
  return Buffer.concat([pageTokenCheck(raw, query), raw]).toString('base64url');
}

const refusedPageToken = () => new InvalidInputError('pageToken is not a token this API issued for this filter');

function decodePageToken(token: string, query: string): Uint8Array {
  const refused = refusedPageToken();
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw refused;
  const bytes = Buffer.from(token, 'base64url');
  const raw = bytes.subarray(PAGE_TOKEN_CHECK_BYTES);
  if (raw.length === 0 || !timingSafeEqual(bytes.subarray(0, PAGE_TOKEN_CHECK_BYTES), pageTokenCheck(raw, query))) throw refused;
  return raw;
}

function decodeOffset(token: string, checkedAgainst: string): number {
  const raw = decodePageToken(token, checkedAgainst);
  if (raw.length !== 4) throw refusedPageToken();
  return Buffer.from(raw).readUInt32BE(0);
}

function toListItem(
  workflowId: string,
  status: number,
  indexedFields: Parameters<typeof decodeTypedSearchAttributes>[0],
): CaseListItem | undefined {
  if (!workflowId.startsWith(CASE_ID_PREFIX)) return undefined;
  const attributes = decodeTypedSearchAttributes(indexedFields);
  const stage = attributes.get(CaseStage);
  if (stage === undefined || !(STAGES as readonly string[]).includes(stage)) return undefined;
  const nextDeadline = attributes.get(NextDeadline);
  const nextDeadlineKind = attributes.get(NextDeadlineKind);
  const protectedUntil = attributes.get(ProtectedUntil);
  const jurisdiction = attributes.get(Jurisdiction) ?? '';
  return {
    caseNumber: workflowId.slice(CASE_ID_PREFIX.length),
    stage: stage as Stage,
    jurisdiction,
    procedure: attributes.get(Procedure) ?? '',
    office: attributes.get(Office) ?? '',
    caseworker: attributes.get(Caseworker) ?? '',
    attempt: attributes.get(Attempt) ?? 0,
    ...(nextDeadline
      ? { nextDeadline: { endsAt: nextDeadline.toISOString(), dueDate: dueDateOf(nextDeadline.toISOString(), jurisdiction), kind: nextDeadlineKind ?? '' } }
      : {}),
    ...(protectedUntil ? { protectedUntil: protectedUntil.toISOString() } : {}),
    status: STATUS_NAMES[status] ?? 'other',
  };
}
