import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AccessStore } from '../../access';
import { officeScope, requirePermission } from '../../access/permissions';
import type { CaseClient } from '../../client/case-client';
import type { EscalatedCases } from '../../store/escalated-cases';
import { buildMyWork } from '../../reports/my-work';
import { errorResponse } from '../http/error-response';
import { listingFilter } from '../routes/listing-filter';
import { adminDeskRoutes } from './admin-desk-routes';
import { caseActionsArea } from './case-actions-area';
import { CASES_PAGE_SIZE, casesListRequest, formValues } from './cases-list-query';
import { casesListPage } from './cases-page';
import { deskAssetsDir } from './desk-routes';
import { acceptFormBodies } from './form-bodies';
import { knownOffices } from './known-offices';
import { staffById } from './staff-name';
import { officeDeskRoutes } from './office-desk-routes';
import { staffAdminArea } from './staff-admin-area';
import { tokensArea } from './tokens-area';
import { deskContext, sendErrorPage, type DeskArea, type DeskContext } from './desk-context';
import { rulesDeskRoutes } from './rules-desk-routes';
import { deskErrorPage, homePath } from './desk-shell';
import { myWorkPage } from './my-work-page';
import { sendPage } from './send-page';

export interface StaffDeskRouteOptions {
  access: AccessStore;
  /** The API's own case client: the cases page looks pseudonyms up through its blind index. */
  cases: CaseClient;
  escalated: EscalatedCases;
  ruleData: DeskContext['ruleData'];
  publicUrl: string;
  projectRoot: string;
  now: () => Date;
}

/** The desk's areas beyond My work and the cases, each in its own file. */
const AREAS: readonly DeskArea[] = [caseActionsArea, adminDeskRoutes, officeDeskRoutes, rulesDeskRoutes, staffAdminArea, tokensArea];

/**
 * The signed-in desk's pages: `/desk` (to the person's start page), `/desk/work` (My work), `/desk/cases` (the cases list),
 * the areas (a case and the forms that act on it, administration) and a not-found page for any other `/desk/` address. Each reads the session as the API does, checks the same permissions with the
 * session's principal and reads through the same read models; a browser without a session is sent
 * to sign in. Errors are pages in the person's language with the way back, never JSON.
 */
export function staffDeskRoutes(options: StaffDeskRouteOptions) {
  const context = deskContext(options);
  const { cases, viewerOf, now } = context;
  // The directory read once per cases page: the office choices and the caseworkers' names.
  const directory = async () => {
    const staff = await options.access.staff.list({ includeInactive: true });
    return { offices: knownOffices(staff), staff: staffById(staff) };
  };
  const stylesheet = readFileSync(path.join(deskAssetsDir(options.projectRoot), 'desk.css'));

  return async (app: FastifyInstance): Promise<void> => {
    await app.register(async (desk) => {
      // Pages with case data, a CSRF token, a new token or a sign-in link in them: no browser or proxy may keep one.
      desk.addHook('onRequest', async (_request, reply) => {
        reply.header('cache-control', 'no-store');
      });
      // The areas' forms post urlencoded bodies; only desk routes read them.
      acceptFormBodies(desk);
      desk.get('/desk.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(stylesheet));

      desk.get('/', async (request, reply) => {
        const viewer = await viewerOf(request, reply);
        return viewer ? reply.redirect(homePath(viewer.principal), 303) : reply;
      });

      desk.get('/work', async (request, reply) => {
        const viewer = await viewerOf(request, reply);
        if (!viewer) return reply;
        try {
          // The API's own checks: reading cases, and a caseworker only in their office.
          requirePermission(viewer.principal, 'case.read');
          const office = officeScope(viewer.principal, undefined);
          const work = await buildMyWork(cases, { caseworker: viewer.principal.staffId, ...(office ? { office } : {}) }, now());
          return sendPage(reply, 200, myWorkPage(viewer, work));
        } catch (error) {
          return sendErrorPage(reply, viewer, error, '/desk/work');
        }
      });

      desk.get('/cases', async (request, reply) => {
        const viewer = await viewerOf(request, reply);
        if (!viewer) return reply;
        try {
          requirePermission(viewer.principal, 'case.read');
          const { form, filter: query, sort, exportQuery } = casesListRequest(request.query);
          const filter = listingFilter(cases, viewer.principal, query);
          const page = await cases.listing.pageInOrder(filter, sort, { pageSize: CASES_PAGE_SIZE, ...(form.pageToken ? { pageToken: form.pageToken } : {}) });
          return sendPage(reply, 200, casesListPage(viewer, { form, page, exportQuery, ...(await directory()) }));
        } catch (error) {
          const { status, body } = errorResponse(error);
          // A filter it cannot take is shown on the page with the field named, the form filled in as sent.
          if (status === 400) return sendPage(reply, 400, casesListPage(viewer, { form: formValues(request.query), ...(await directory()), problem: [body.message, ...(body.problems ?? [])].join(' ') }));
          return sendErrorPage(reply, viewer, error, '/desk/cases');
        }
      });

      for (const area of AREAS) area(desk, context);

      // Any other desk address, for a signed-in person, is a page with the way back rather than the API's JSON.
      desk.setNotFoundHandler(async (request, reply) => {
        const viewer = await viewerOf(request, reply);
        return viewer ? sendPage(reply, 404, deskErrorPage(viewer, 'notFound', request.url.split('?')[0] ?? '/desk')) : reply;
      });
    }, { prefix: '/desk' });
  };
}
