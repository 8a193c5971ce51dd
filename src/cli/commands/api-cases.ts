import { z } from 'zod';
import type { OpenedCase } from '../../client/case-client';
import type { CaseFilter } from '../../client/case-filter';
import type { CaseListItem, CasePage } from '../../client/case-listing';
import { loadConfig } from '../../config';
import type { CaseCommandName, CaseSummary, CaseView, Stage } from '../../domain';
import {
  CommandRejectedError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnavailableError,
} from '../../errors/docket-errors';
import { UsageError } from '../io';
import type { DocketCases } from './case-access';

/** The API's error body (src/api/http/error-response.ts), read before anything in it is trusted. */
const errorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  problems: z.array(z.string()).optional(),
});

/** The API's own error, in the vocabulary the CLI turns into exit codes. */
function docketErrorOf(status: number, body: z.infer<typeof errorBodySchema>): Error {
  const { message, problems = [] } = body;
  switch (body.error) {
    case 'invalid-input': {
      // The API's message is the summary followed by its problems; the CLI lists the problems itself.
      const listed = `: ${problems.join('; ')}`;
      return new InvalidInputError(problems.length > 0 && message.endsWith(listed) ? message.slice(0, -listed.length) : message, problems);
    }
    case 'unauthenticated':
      return new ForbiddenError(`The API did not accept the token: ${message}`);
    case 'forbidden':
      return new ForbiddenError(message);
    case 'not-found':
      return new NotFoundError(message);
    case 'conflict':
      return new ConflictError(message);
    case 'rejected':
      return new CommandRejectedError(message);
    case 'unavailable':
      return new UnavailableError(message);
    default:
      return new Error(`The API failed (${status}): ${message}`);
  }
}

const apiUrlSchema = z.url({ protocol: /^https?$/, error: "must be the API's http:// or https:// address, such as https://docket.example.org" });

/** A filter as the listing routes take it in their query string. */
function filterQuery(filter: Omit<CaseFilter, 'stages'> & { stages?: readonly string[] }): URLSearchParams {
  const query = new URLSearchParams();
  const { stages, includeClosed, ...equals } = filter;
  if (stages) query.set('stage', stages.join(','));
  if (includeClosed !== undefined) query.set('includeClosed', String(includeClosed));
  for (const [name, value] of Object.entries(equals)) if (value !== undefined) query.set(name, String(value));
  return query;
}

/** Fields the API takes from the token, never from the body: it refuses a body that names an actor. */
function withoutActor({ actor: _actor, ...body }: Record<string, unknown>): Record<string, unknown> {
  return body;
}

/**
 * A staff member's way: every case action as a request to the HTTP API with their bearer token, so the
 * API decides what their role and office allow, exactly as for the dashboard. Responses are the API's,
 * which checks each against its OpenAPI schema before sending it; errors are read with zod.
 */
export class ApiCases implements DocketCases {
  private staffId: Promise<string> | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  actor(): Promise<string> {
    this.staffId ??= this.request<{ staffId: string }>('GET', '/api/me').then((me) => me.staffId);
    return this.staffId;
  }

  open(input: Record<string, unknown>): Promise<OpenedCase> {
    return this.request('POST', '/api/cases', withoutActor(input));
  }

  get(caseNumber: string): Promise<CaseView> {
    return this.request('GET', `/api/cases/${encodeURIComponent(caseNumber)}`);
  }

  command(caseNumber: string, name: CaseCommandName, input: Record<string, unknown>): Promise<CaseSummary> {
    return this.request('POST', `/api/cases/${encodeURIComponent(caseNumber)}/commands/${name}`, withoutActor(input));
  }

  page(filter: CaseFilter, options: { pageSize?: number; pageToken?: string }): Promise<CasePage> {
    const query = filterQuery(filter);
    if (options.pageSize !== undefined) query.set('pageSize', String(options.pageSize));
    if (options.pageToken !== undefined) query.set('pageToken', options.pageToken);
    return this.request('GET', `/api/cases?${query}`);
  }

  async all(filter: CaseFilter): Promise<CaseListItem[]> {
    const cases: CaseListItem[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.page(filter, { ...(pageToken !== undefined ? { pageToken } : {}) });
      cases.push(...page.cases);
      pageToken = page.nextPageToken;
    } while (pageToken !== undefined);
    return cases;
  }

  async byNextDeadline(filter: CaseFilter): Promise<CaseListItem[]> {
    const query = filterQuery(filter);
    query.set('sort', 'next-deadline');
    return (await this.request<{ cases: CaseListItem[] }>('GET', `/api/cases?${query}`)).cases;
  }

  async countByStage(filter: Omit<CaseFilter, 'stages'>): Promise<Record<Stage, number>> {
    return (await this.request<{ byStage: Record<Stage, number> }>('GET', `/api/cases/count?${filterQuery(filter)}`)).byStage;
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: Record<string, unknown>): Promise<T> {
    const url = `${this.baseUrl.replace(/\/$/, '')}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${this.token}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new UnavailableError(`Cannot reach the API at ${this.baseUrl} (${cause}); is the engine running, and is DOCKET_API_URL right?`);
    }
    const text = await response.text();
    if (response.ok) return JSON.parse(text) as T;
    let parsed;
    try {
      parsed = errorBodySchema.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) throw new UnavailableError(`The API at ${this.baseUrl} answered ${response.status} without an error it documents; is DOCKET_API_URL the engine's API?`);
    throw docketErrorOf(response.status, parsed.data);
  }
}

/** The API a token is used with: DOCKET_API_URL, else the engine's own public address (API_PUBLIC_URL, API_HOST, API_PORT). */
export function apiCasesFor(token: string, environment: NodeJS.ProcessEnv): DocketCases {
  const given = environment.DOCKET_API_URL?.trim();
  if (!given) return new ApiCases(loadConfig(environment).api.publicUrl, token);
  const parsed = apiUrlSchema.safeParse(given);
  if (!parsed.success) throw new UsageError(`DOCKET_API_URL=${JSON.stringify(given)} ${parsed.error.issues[0]?.message ?? 'is not a URL'}`);
  return new ApiCases(parsed.data, token);
}
