import { adminPage } from './admin-page';
import type { DeskArea } from './desk-context';
import { sendPage } from './send-page';

/** `/desk/admin`: the administrators' start page. */
export const adminDeskRoutes: DeskArea = (desk, { viewerOf }) => {
  desk.get('/admin', async (request, reply) => {
    const viewer = await viewerOf(request, reply);
    return viewer ? sendPage(reply, 200, adminPage(viewer)) : reply;
  });
};
