import type { FastifyInstance } from 'fastify';
import type { CaseReader } from '../../client/case-reader';
import { collect } from '../../client/collect';
import { mapLimit } from '../../client/map-limit';
import type { FeedStore } from '../../access/feed-store';
import { renderCalendar } from './render-calendar';

export interface CalendarFeedDependencies {
  cases: CaseReader;
  feeds: FeedStore;
  dashboardUrl: string;
}

/**
 * `GET /calendar/<secret>.ics`: what calendar apps poll. They cannot send a bearer token, so the URL is
 * the credential; an unknown and a revoked URL get the same 404, which tells a guesser nothing.
 */
export function calendarFeedRoute(deps: CalendarFeedDependencies) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { file: string } }>('/calendar/:file', async (request, reply) => {
      reply.header('cache-control', 'private, max-age=300').header('referrer-policy', 'no-referrer');
      const credential = request.params.file.endsWith('.ics') ? request.params.file.slice(0, -'.ics'.length) : '';
      const feed = credential ? await deps.feeds.resolve(credential) : undefined;
      if (!feed) {
        return reply.code(404).type('text/plain; charset=utf-8').send('This calendar feed does not exist or was revoked.\n');
      }
      const scope = feed.scope === 'office' ? { office: feed.subject } : { caseworker: feed.subject };
      const listed = await collect(deps.cases.listing.scan(scope));
      const views = await mapLimit(listed, 8, (item) => deps.cases.get(item.caseNumber));
      const body = renderCalendar({
        name: feed.scope === 'office' ? `asylum-docket: office ${feed.subject}` : `asylum-docket: caseworker ${feed.subject}`,
        cases: views,
        dashboardUrl: deps.dashboardUrl,
      });
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="deadlines.ics"').send(body);
    });
  };
}
