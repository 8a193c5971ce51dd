import type { FastifyReply } from 'fastify';
import { requirePermission } from '../../access/permissions';
import { formFields, type ActionFieldError } from './case-action-forms';
import { sendErrorPage, type DeskArea } from './desk-context';
import type { DeskViewer } from './desk-shell';
import { FORM_BODY_LIMIT_BYTES } from './form-bodies';
import type { RefusedForm } from './form-parts';
import { refusalProblem } from './refusal-problem';
import { secretOncePage } from './secret-once-page';
import { sendPage } from './send-page';
import { TOKEN_FORM_LABELS, tokensPage } from './tokens-page';
import { throughApi } from './through-api';

const DONE_NOTICES = ['tokenRevoked', 'feedRevoked'] as const;
type DoneNotice = (typeof DONE_NOTICES)[number];
const isDoneNotice = (word: string | undefined): word is DoneNotice => (DONE_NOTICES as readonly (string | undefined)[]).includes(word);

/** What the issue form sent, as `POST /api/tokens`'s body, or what to correct; an empty lifetime is the engine's default. */
function readIssueToken(viewer: DeskViewer, fields: Record<string, string>, staffIds: readonly string[]) {
  const { t } = viewer;
  const errors: ActionFieldError[] = [];
  const fail = (field: keyof typeof TOKEN_FORM_LABELS, problem: Parameters<typeof t.t>[0]) => errors.push({ field, message: `${t.t(TOKEN_FORM_LABELS[field])}: ${t.t(problem)}` });
  const staffId = (fields.staffId ?? '').trim();
  if (staffId === '') fail('staffId', 'act.problem.choose');
  else if (!staffIds.includes(staffId)) fail('staffId', 'act.problem.notOffered');
  const label = (fields.label ?? '').trim();
  if (label === '') fail('label', 'act.problem.missing');
  const days = (fields.expiresInDays ?? '').trim();
  if (days !== '' && !(/^\d{1,3}$/.test(days) && Number(days) >= 1 && Number(days) <= 366)) fail('expiresInDays', 'tokens.problem.days');
  return errors.length > 0 ? ({ ok: false, errors } as const) : ({ ok: true, body: { staffId, label, ...(days !== '' ? { expiresInDays: Number(days) } : {}) } } as const);
}

/**
 * `/desk/tokens`: API tokens (issue, revoke) and calendar feeds (revoke) for administrators. The lists
 * read the stores as `GET /api/tokens` and `GET /api/calendar-feeds` do; each change goes through the
 * API's route with the form's CSRF token. A new token is shown once, as the API returns it once.
 */
export const tokensArea: DeskArea = (desk, context) => {
  const { access, viewerOf, now } = context;

  const showTokens = async (reply: FastifyReply, viewer: DeskViewer, options: { status?: number; notice?: string; refused?: RefusedForm } = {}) => {
    requirePermission(viewer.principal, 'tokens.manage');
    const [tokens, feeds, staff] = await Promise.all([access.tokens.list(), access.feeds.list(), access.staff.list({ includeInactive: true })]);
    return sendPage(reply, options.status ?? 200, tokensPage(viewer, { tokens, feeds, staff, now: now(), ...options }));
  };

  desk.get<{ Querystring: { done?: string } }>('/tokens', async (request, reply) => {
    const viewer = await viewerOf(request, reply);
    if (!viewer) return reply;
    try {
      const done = request.query.done;
      return await showTokens(reply, viewer, isDoneNotice(done) ? { notice: viewer.t.t(`tokens.done.${done}`) } : {});
    } catch (error) {
      return sendErrorPage(reply, viewer, error, '/desk/tokens');
    }
  });

  desk.post('/tokens', { bodyLimit: FORM_BODY_LIMIT_BYTES }, async (request, reply) => {
    const viewer = await viewerOf(request, reply);
    if (!viewer) return reply;
    try {
      requirePermission(viewer.principal, 'tokens.manage');
      const fields = formFields(request.body);
      const active = await access.staff.list();
      const reading = readIssueToken(viewer, fields, active.map((member) => member.id));
      if (!reading.ok) return await showTokens(reply, viewer, { status: 400, refused: { form: 'issue-token', values: fields, errors: [...reading.errors] } });
      const answer = await throughApi(request, { method: 'POST', url: '/api/tokens', body: reading.body, csrfToken: fields.csrfToken });
      if (!answer.ok) return await showTokens(reply, viewer, { status: answer.status, refused: { form: 'issue-token', values: fields, errors: [], problem: refusalProblem(viewer.t, answer, TOKEN_FORM_LABELS) } });
      const { t } = viewer;
      const issued = answer.body as { token: string; record: { staffId: string; role: 'caseworker' | 'supervisor' | 'admin'; office: string; expiresAt: string } };
      const name = active.find((member) => member.id === issued.record.staffId)?.displayName ?? issued.record.staffId;
      return sendPage(
        reply,
        200,
        secretOncePage(viewer, {
          title: t.t('tokens.issued.title', { name }),
          lead: [t.t('tokens.issued.lead', { name, role: t.t(`role.${issued.record.role}`), office: issued.record.office, expires: t.date(issued.record.expiresAt.slice(0, 10)) })],
          label: t.t('tokens.issued.label'),
          secret: issued.token,
          back: { href: '/desk/tokens', text: t.t('tokens.back') },
          current: 'tokens',
          path: '/desk/tokens',
        }),
      );
    } catch (error) {
      return sendErrorPage(reply, viewer, error, '/desk/tokens');
    }
  });

  /** Revoking a token or a feed: the API's DELETE, then the list again with what happened. */
  const revocation = (path: string, apiPath: string, done: DoneNotice) =>
    desk.post<{ Params: { id: string } }>(`${path}/:id/revocation`, { bodyLimit: FORM_BODY_LIMIT_BYTES }, async (request, reply) => {
      const viewer = await viewerOf(request, reply);
      if (!viewer) return reply;
      try {
        const fields = formFields(request.body);
        const answer = await throughApi(request, { method: 'DELETE', url: `${apiPath}/${encodeURIComponent(request.params.id)}`, csrfToken: fields.csrfToken });
        if (answer.ok) return reply.redirect(`/desk/tokens?done=${done}`, 303);
        return await showTokens(reply, viewer, { status: answer.status, notice: refusalProblem(viewer.t, answer) });
      } catch (error) {
        return sendErrorPage(reply, viewer, error, '/desk/tokens');
      }
    });
  revocation('/tokens', '/api/tokens', 'tokenRevoked');
  revocation('/feeds', '/api/calendar-feeds', 'feedRevoked');
};
