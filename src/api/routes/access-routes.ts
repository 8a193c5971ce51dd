import { z } from 'zod';
import { ForbiddenError } from '../../errors/docket-errors';
import { auditedGrant } from '../../access/audited-grant';
import { AUDIT_SOURCES } from '../../access/audit-trail';
import type { AccessStore } from '../../access';
import { feedRequestSchema, type FeedRecord } from '../../access/feed-store';
import { READ_CHANNELS, readFilterSchema } from '../../access/read-audit';
import { ROLES, type Principal } from '../../access/roles';
import { tokenRequestSchema } from '../../access/token-store';
import { defineRoute, type ApiRoute } from '../http/route';

/** Who issued a token or a feed and when, and who revoked it and when (null while it is valid). */
const issuanceFields = {
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
};
const tokenRecordSchema = z.object({
  id: z.string(),
  staffId: z.string(),
  role: z.enum(ROLES),
  office: z.string(),
  label: z.string(),
  ...issuanceFields,
  expiresAt: z.string(),
});
const feedRecordSchema = z.object({
  id: z.string(),
  scope: z.enum(['caseworker', 'office']),
  subject: z.string(),
  ...issuanceFields,
});
const principalSchema = z.object({ tokenId: z.string(), staffId: z.string(), role: z.enum(ROLES), office: z.string() });
const idParams = z.object({ id: z.string().regex(/^[a-z]+_[0-9a-f]{12}$/, 'expected an id such as dkt_0123456789ab') });

/** Caseworkers manage only their own feed and their office's; supervisors and admins any feed. */
function mayManageFeed(principal: Principal, feed: Pick<FeedRecord, 'scope' | 'subject'>): boolean {
  if (principal.role !== 'caseworker') return true;
  return feed.scope === 'caseworker' ? feed.subject === principal.staffId : feed.subject === principal.office;
}

function requireFeedAccess(principal: Principal, feed: Pick<FeedRecord, 'scope' | 'subject'>): void {
  if (!mayManageFeed(principal, feed)) {
    throw new ForbiddenError(
      `A caseworker may manage only the feed of their own cases ("${principal.staffId}") and of their office ("${principal.office}").`,
    );
  }
}

export function accessRoutes(access: AccessStore, publicUrl: string): ApiRoute[] {
  const feedUrl = (secretPath: string) => `${publicUrl.replace(/\/$/, '')}${secretPath}`;
  /** Every change to tokens and feeds made here is logged as the API's, under the caller's staff id. */
  const logChange = (principal: Principal, action: string, target: string, detail?: Record<string, unknown>) =>
    access.audit.record({ actor: principal.staffId, via: 'api', action, target, outcome: 'ok', ...(detail ? { detail } : {}) });

  return [
    defineRoute({
      method: 'GET',
      path: '/api/me',
      operationId: 'whoAmI',
      summary: 'The staff member, role and office the token stands for',
      tag: 'access',
      permission: 'any-role',
      response: principalSchema,
      handle: async ({ principal }) => principal,
    }),
    defineRoute({
      method: 'GET',
      path: '/api/tokens',
      operationId: 'listTokens',
      summary: 'Every token issued, revoked ones included (never the secrets)',
      tag: 'access',
      permission: 'tokens.manage',
      response: z.object({ tokens: z.array(tokenRecordSchema) }),
      handle: async () => ({ tokens: await access.tokens.list() }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/tokens',
      operationId: 'issueToken',
      summary: 'Issue a token for an active staff member; the token is in this response only',
      description:
        'The token acts with the role and office the staff directory gives the member, at every request: a deactivated member’s tokens stop working at once. It expires after expiresInDays (default DOCKET_TOKEN_LIFETIME_DAYS, 90).',
      tag: 'access',
      permission: 'tokens.manage',
      body: tokenRequestSchema,
      response: z.object({ token: z.string(), record: tokenRecordSchema }),
      successStatus: 201,
      handle: async ({ principal, body }) => {
        const issued = await auditedGrant(access.audit, { actor: principal.staffId, via: 'api', action: 'token.issue', target: body.staffId }, () =>
          access.tokens.issue(body, principal.staffId),
        );
        await logChange(principal, 'token.issue', issued.record.id, {
          staffId: issued.record.staffId,
          role: issued.record.role,
          office: issued.record.office,
          expiresAt: issued.record.expiresAt,
        });
        return issued;
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/tokens/{id}',
      operationId: 'revokeToken',
      summary: 'Revoke a token at once',
      tag: 'access',
      permission: 'tokens.manage',
      params: idParams,
      response: tokenRecordSchema,
      handle: async ({ principal, params }) => {
        const record = await access.tokens.revoke(params.id, principal.staffId);
        await logChange(principal, 'token.revoke', record.id);
        return record;
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/calendar-feeds',
      operationId: 'listCalendarFeeds',
      summary: 'Calendar feeds (a caseworker sees their own and their office’s)',
      tag: 'calendar',
      permission: 'feeds.manage',
      response: z.object({ feeds: z.array(feedRecordSchema) }),
      handle: async ({ principal }) => {
        const feeds = await access.feeds.list();
        return { feeds: feeds.filter((feed) => mayManageFeed(principal, feed)) };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/calendar-feeds',
      operationId: 'createCalendarFeed',
      summary: 'Create a secret ICS feed URL for a caseworker or an office; the URL is in this response only',
      description: 'Subscribe to the URL from Outlook or Google Calendar ("add calendar from URL"). Anyone holding it can read the feed until it is revoked.',
      tag: 'calendar',
      permission: 'feeds.create',
      body: feedRequestSchema,
      response: z.object({ url: z.string(), record: feedRecordSchema }),
      successStatus: 201,
      handle: async ({ principal, body }) => {
        requireFeedAccess(principal, body);
        const { secretPath, record } = await access.feeds.create(body, principal.staffId);
        await logChange(principal, 'feed.create', record.id, { scope: record.scope, subject: record.subject });
        return { url: feedUrl(secretPath), record };
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/calendar-feeds/{id}',
      operationId: 'revokeCalendarFeed',
      summary: 'Revoke a feed URL: calendars subscribed to it stop receiving updates',
      tag: 'calendar',
      permission: 'feeds.manage',
      params: idParams,
      response: feedRecordSchema,
      handle: async ({ principal, params }) => {
        requireFeedAccess(principal, await access.feeds.get(params.id));
        const record = await access.feeds.revoke(params.id, principal.staffId);
        await logChange(principal, 'feed.revoke', record.id);
        return record;
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/audit',
      operationId: 'listAudit',
      summary: 'Recent writes with their actors, newest first',
      description:
        'Two sources, merged by time: the access log (source access-log: each request the API or CLI handled, refused ones included) and ' +
        'the cases’ own record (source case-register: each command a case applied, with its actor, written by its workflow, so a write ' +
        'whose request was cut off after Temporal applied it is there too). Narrow with source.',
      tag: 'access',
      permission: 'audit.read',
      query: z.object({
        target: z.string().max(200).optional(),
        source: z.enum(AUDIT_SOURCES).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
      response: z.object({
        entries: z.array(
          z.object({
            seq: z.number(),
            at: z.string(),
            actor: z.string(),
            via: z.string(),
            action: z.string(),
            target: z.string(),
            outcome: z.enum(['ok', 'rejected', 'failed']),
            detail: z.record(z.string(), z.unknown()),
            source: z.enum(AUDIT_SOURCES),
          }),
        ),
      }),
      handle: async ({ query }) => ({
        entries: await access.trail.list({ ...(query.target ? { target: query.target } : {}), ...(query.source ? { source: query.source } : {}), limit: query.limit }),
      }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/audit/reads',
      operationId: 'listReads',
      summary: 'Who viewed or decoded which case, newest first',
      description:
        'Reads of one case through the API or the staff desk’s case page (via dashboard, the name the audit gives the browser pages), and decodes through the codec endpoint (which cannot tell the case: the Web UI names only the namespace). ' +
        'Filter by caseNumber, actor, via (api, dashboard, codec) and a since/until window (ISO date and time).',
      tag: 'access',
      permission: 'audit.read',
      query: readFilterSchema,
      response: z.object({
        reads: z.array(
          z.object({
            seq: z.number(),
            at: z.string(),
            actor: z.string(),
            via: z.enum(READ_CHANNELS),
            route: z.string(),
            caseNumber: z.string().nullable(),
            detail: z.object({ namespace: z.string().optional(), payloads: z.number().optional() }),
          }),
        ),
      }),
      handle: async ({ query }) => ({ reads: await access.reads.list(query) }),
    }),
  ];
}
