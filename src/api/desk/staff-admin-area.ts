import type { FastifyReply } from 'fastify';
import { requirePermission } from '../../access/permissions';
import { staffIdSchema } from '../../domain/identifiers';
import { NotFoundError } from '../../errors/docket-errors';
import type { StaffMember } from '../../store/staff-directory';
import { formFields } from './case-action-forms';
import { sendErrorPage, type DeskArea } from './desk-context';
import type { DeskViewer } from './desk-shell';
import { FORM_BODY_LIMIT_BYTES } from './form-bodies';
import type { RefusedForm } from './form-parts';
import { refusalProblem } from './refusal-problem';
import { secretOncePage } from './secret-once-page';
import { sendPage } from './send-page';
import { staffDirectoryPage, staffPath } from './staff-directory-page';
import { readAddStaff, readChangeStaff, STAFF_API_LABELS } from './staff-forms';
import { staffMemberPage } from './staff-member-page';
import { throughApi } from './through-api';

type MemberRoute = { Params: { id: string }; Querystring: { done?: string } };

const DONE_NOTICES = ['added', 'changed', 'unchanged', 'deactivated'] as const;
type DoneNotice = (typeof DONE_NOTICES)[number];
const isDoneNotice = (word: string | undefined): word is DoneNotice => (DONE_NOTICES as readonly (string | undefined)[]).includes(word);

const invitationAnswer = (body: unknown) => body as { expiresAt: string; link: string; mailed: 'sent' | 'no-smtp' | 'no-address' | 'failed' };

/**
 * `/desk/staff`: the administrators' staff directory. Lists read the directory as `GET /api/staff`
 * does; every change goes through the API's own route (`POST /api/staff`, `/api/staff/{id}`,
 * `/invitation`, `/deactivation`) with the form's CSRF token, so its checks and audit are the only ones.
 */
export const staffAdminArea: DeskArea = (desk, context) => {
  const { access, viewerOf } = context;

  const listed = async (includeInactive: boolean) => {
    const [members, passwords] = await Promise.all([access.staff.list({ includeInactive }), access.passwords.setDates()]);
    return members.map((member) => ({ member, passwordSetAt: passwords.get(member.id) ?? null }));
  };

  /** The member the address names, for an admin; a malformed id names nobody, like an unknown one. */
  const memberFor = async (viewer: DeskViewer, raw: string): Promise<StaffMember> => {
    requirePermission(viewer.principal, 'staff.manage');
    const member = staffIdSchema.safeParse(raw).success ? await access.staff.get(raw) : undefined;
    if (!member) throw new NotFoundError(`There is no staff member ${raw}.`);
    return member;
  };

  const showMember = async (reply: FastifyReply, viewer: DeskViewer, member: StaffMember, options: { status?: number; notice?: string; refused?: RefusedForm } = {}) => {
    const passwordSetAt = (await access.passwords.setDates()).get(member.id) ?? null;
    return sendPage(reply, options.status ?? 200, staffMemberPage(viewer, { member, passwordSetAt, ...options }));
  };

  desk.get<{ Querystring: { all?: string } }>('/staff', async (request, reply) => {
    const viewer = await viewerOf(request, reply);
    if (!viewer) return reply;
    try {
      requirePermission(viewer.principal, 'staff.manage');
      const includeInactive = request.query.all === '1';
      return sendPage(reply, 200, staffDirectoryPage(viewer, { members: await listed(includeInactive), includeInactive }));
    } catch (error) {
      return sendErrorPage(reply, viewer, error, '/desk/staff');
    }
  });

  desk.post('/staff', { bodyLimit: FORM_BODY_LIMIT_BYTES }, async (request, reply) => {
    const viewer = await viewerOf(request, reply);
    if (!viewer) return reply;
    try {
      requirePermission(viewer.principal, 'staff.manage');
      const fields = formFields(request.body);
      const refusedPage = async (status: number, refused: RefusedForm) =>
        sendPage(reply, status, staffDirectoryPage(viewer, { members: await listed(false), includeInactive: false, refused }));
      const reading = readAddStaff(viewer.t, fields);
      if (!reading.ok) return await refusedPage(400, { form: 'add-staff', values: fields, errors: reading.errors });
      const answer = await throughApi(request, { method: 'POST', url: '/api/staff', body: reading.body, csrfToken: fields.csrfToken });
      if (answer.ok) return reply.redirect(`${staffPath(String(reading.body.id))}?done=added`, 303);
      return await refusedPage(answer.status, { form: 'add-staff', values: fields, errors: [], problem: refusalProblem(viewer.t, answer, STAFF_API_LABELS) });
    } catch (error) {
      return sendErrorPage(reply, viewer, error, '/desk/staff');
    }
  });

  desk.get<MemberRoute>('/staff/:id', async (request, reply) => {
    const viewer = await viewerOf(request, reply);
    if (!viewer) return reply;
    try {
      const member = await memberFor(viewer, request.params.id);
      const done = request.query.done;
      return await showMember(reply, viewer, member, isDoneNotice(done) ? { notice: viewer.t.t(`staff.done.${done}`) } : {});
    } catch (error) {
      return sendErrorPage(reply, viewer, error, request.url.split('?')[0] ?? '/desk/staff');
    }
  });

  /** A POST on a member's page: read the form, send it through the API, and answer with the page (or `onSuccess`'s). */
  const memberAction = (
    action: string,
    handle: (context: { viewer: DeskViewer; member: StaffMember; fields: Record<string, string>; request: Parameters<typeof throughApi>[0]; reply: FastifyReply }) => Promise<FastifyReply>,
  ) =>
    desk.post<MemberRoute>(`/staff/:id${action}`, { bodyLimit: FORM_BODY_LIMIT_BYTES }, async (request, reply) => {
      const viewer = await viewerOf(request, reply);
      if (!viewer) return reply;
      try {
        const member = await memberFor(viewer, request.params.id);
        return await handle({ viewer, member, fields: formFields(request.body), request, reply });
      } catch (error) {
        return sendErrorPage(reply, viewer, error, request.url.split('?')[0] ?? '/desk/staff');
      }
    });

  memberAction('', async ({ viewer, member, fields, request, reply }) => {
    const reading = readChangeStaff(viewer.t, fields, member);
    if (!reading.ok) return showMember(reply, viewer, member, { status: 400, refused: { form: 'change-staff', values: fields, errors: reading.errors } });
    if (Object.keys(reading.body).length === 0) return reply.redirect(`${staffPath(member.id)}?done=unchanged`, 303);
    const answer = await throughApi(request, { method: 'POST', url: `/api/staff/${member.id}`, body: reading.body, csrfToken: fields.csrfToken });
    if (answer.ok) return reply.redirect(`${staffPath(member.id)}?done=changed`, 303);
    return showMember(reply, viewer, member, { status: answer.status, refused: { form: 'change-staff', values: fields, errors: [], problem: refusalProblem(viewer.t, answer, STAFF_API_LABELS) } });
  });

  memberAction('/invitation', async ({ viewer, member, fields, request, reply }) => {
    const answer = await throughApi(request, { method: 'POST', url: `/api/staff/${member.id}/invitation`, csrfToken: fields.csrfToken });
    if (!answer.ok) return showMember(reply, viewer, member, { status: answer.status, refused: { form: 'invite', values: fields, errors: [], problem: refusalProblem(viewer.t, answer) } });
    const { t } = viewer;
    const invitation = invitationAnswer(answer.body);
    const expires = `${t.date(invitation.expiresAt.slice(0, 10))} ${invitation.expiresAt.slice(11, 16)} UTC`;
    return sendPage(
      reply,
      200,
      secretOncePage(viewer, {
        title: t.t('staff.invite.resultTitle', { name: member.displayName }),
        lead: [t.t('staff.invite.result', { expires }), t.t(`staff.invite.mailed.${invitation.mailed}`, { email: member.email ?? '' })],
        label: t.t('staff.invite.linkLabel'),
        secret: invitation.link,
        back: { href: staffPath(member.id), text: t.t('staff.invite.back', { name: member.displayName }) },
        current: 'staff',
        path: staffPath(member.id),
      }),
    );
  });

  memberAction('/deactivation', async ({ viewer, member, fields, request, reply }) => {
    if (fields.confirm !== 'yes') {
      const errors = [{ field: 'confirm', message: `${viewer.t.t('staff.field.confirm')}: ${viewer.t.t('staff.problem.confirm')}` }];
      return showMember(reply, viewer, member, { status: 400, refused: { form: 'deactivate', values: fields, errors } });
    }
    const answer = await throughApi(request, { method: 'POST', url: `/api/staff/${member.id}/deactivation`, csrfToken: fields.csrfToken });
    if (answer.ok) return reply.redirect(`${staffPath(member.id)}?done=deactivated`, 303);
    return showMember(reply, viewer, member, { status: answer.status, refused: { form: 'deactivate', values: fields, errors: [], problem: refusalProblem(viewer.t, answer) } });
  });
};
