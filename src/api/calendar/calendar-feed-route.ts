import type { FastifyInstance } from 'fastify';
import type { CaseReader } from '../../client/case-reader';
import { collect } from '../../client/collect';
import { mapLimit } from '../../client/map-limit';
import type { FeedRecord, FeedStore } from '../../access/feed-store';
import type { StaffRoster } from '../../access/staff-roster';
import type { CaseFilter } from '../../client/case-filter';
import { renderCalendar } from './render-calendar';

export interface CalendarFeedDependencies {
  cases: CaseReader;
  feeds: FeedStore;
  staff: StaffRoster;
  deskUrl: string;
}

/**
 * The cases a feed lists, or undefined when it stands for nobody any more. A caseworker's feed shows
 * what their token reads: their cases in the office the staff directory gives them today, not the ones
 * they still hold in an office they have left.
 */
async function feedScope(feed: FeedRecord, staff: StaffRoster): Promise<CaseFilter | undefined> {
  if (feed.scope === 'office') return { office: feed.subject };
  const member = await staff.get(feed.subject);
  return member?.active ? { caseworker: feed.subject, office: member.office } : undefined;
}

/**
 * `GET /calendar/<secret>.ics`: what calendar apps poll. They cannot send a bearer token, so the URL is
 * the credential; an unknown and a revoked URL get the same 404, which tells a guesser nothing.
 */
export function calendarFeedRoute(deps: CalendarFeedDependencies) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { file: string } }>('/calendar/:file', async (request, reply) => {
      reply.header('cache-control', 'private, max-age=300');
      const credential = request.params.file.endsWith('.ics') ? request.params.file.slice(0, -'.ics'.length) : '';
      const feed = credential ? await deps.feeds.resolve(credential) : undefined;
      const scope = feed && (await feedScope(feed, deps.staff));
      if (!feed || !scope) {
        return reply.code(404).type('text/plain; charset=utf-8').send('This calendar feed does not exist or was revoked.\n');
      }
      const listed = await collect(deps.cases.listing.scan(scope));
      const views = await mapLimit(listed, 8, (item) => deps.cases.get(item.caseNumber));
      const body = renderCalendar({
        name: feed.scope === 'office' ? `asylum-docket: office ${feed.subject}` : `asylum-docket: caseworker ${feed.subject}`,
        cases: views,
        deskUrl: deps.deskUrl,
      });
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="deadlines.ics"').send(body);
    });
  };
}
