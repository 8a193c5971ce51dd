import { officeScope, requirePermission } from '../../access/permissions';
import { collect } from '../../client/collect';
import { officeIdSchema } from '../../domain';
import { buildOverview } from '../../reports/overview';
import type { DeskArea } from './desk-context';
import { sendErrorPage } from './desk-context';
import { officePage, PROTECTION_SOON_DAYS } from './office-page';
import { sendPage } from './send-page';

const DAY_MS = 86_400_000;

/**
 * `/desk/office`: the supervisors' office page. It reads the same overview the API's GET /api/overview
 * serves, with the same office scope, so the page and the API can never tell different counts.
 */
export const officeDeskRoutes: DeskArea = (desk, { access, cases, escalated, viewerOf, now }) => {
  desk.get<{ Querystring: { office?: string } }>('/office', async (request, reply) => {
    const viewer = await viewerOf(request, reply);
    if (!viewer) return reply;
    try {
      // The Office section is the supervisors' desk (those who may reassign), on top of the API's overview permission.
      requirePermission(viewer.principal, 'overview.read');
      requirePermission(viewer.principal, 'case.reassign');
      const asked = officeIdSchema.safeParse(request.query.office);
      const office = officeScope(viewer.principal, request.query.office && asked.success ? asked.data : undefined);
      const scope = office ? { office } : {};
      const at = now();
      const [overview, protectionEnding, staff] = await Promise.all([
        buildOverview(cases, escalated, scope, at),
        collect(cases.listing.scan({ ...scope, protectedUntilFrom: at.toISOString(), protectedUntilBefore: new Date(at.getTime() + PROTECTION_SOON_DAYS * DAY_MS).toISOString() })),
        access.staff.list({ includeInactive: true }),
      ]);
      return sendPage(reply, 200, officePage(viewer, { overview, protectionEnding, staff, ...(office ? { office } : {}) }));
    } catch (error) {
      return sendErrorPage(reply, viewer, error, '/desk/office');
    }
  });
};
