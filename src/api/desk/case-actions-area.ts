import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAllowed, requirePermission } from '../../access/permissions';
import type { Principal } from '../../access/roles';
import { todayIn } from '../../client/due-date';
import { caseNumberSchema, lifecycleFor, lifecycleProblem, type CaseCommandName, type CaseView } from '../../domain';
import { NotFoundError } from '../../errors/docket-errors';
import { listJurisdictions, listProcedures } from '../../rules';
import { eventTitle } from '../../rules/event-titles';
import { caseAccess } from '../routes/case-read';
import {
  formFields,
  readAcknowledge,
  readClose,
  readCorrectDate,
  readOpenCase,
  readReassign,
  readRecordEvent,
  type ActionReading,
  type FormFields,
} from './case-action-forms';
import { caseActionsPanel, recordableEvents } from './case-actions-panel';
import type { RefusedForm } from './form-parts';
import { casePage } from './case-page';
import type { DeskArea, DeskContext } from './desk-context';
import { sendErrorPage } from './desk-context';
import type { DeskViewer } from './desk-shell';
import { FORM_BODY_LIMIT_BYTES } from './form-bodies';
import type { Translator } from './i18n/translator';
import { casePath } from './my-work-page';
import { openCasePage, type OpenCaseChoices } from './open-case-page';
import { sendPage } from './send-page';
import { staffById } from './staff-name';
import { refusalProblem } from './refusal-problem';
import { throughApi } from './through-api';

type CaseParams = { Params: { caseNumber: string }; Querystring: { print?: string; done?: string } };

const DONE_NOTICES = ['recordEvent', 'correctEventDate', 'acknowledgeReminder', 'reassign', 'closeCase', 'openCase'] as const;
type DoneNotice = (typeof DONE_NOTICES)[number];

/** What a form of the case page asks for: its form's name on the page, the API command, and how its fields are read. */
interface CaseAction {
  path: string;
  command: CaseCommandName;
  /** The form's name on the page; for an event, its own form. */
  form(fields: FormFields): string;
  read(t: Translator, fields: FormFields, view: CaseView, caseworkers: readonly string[]): ActionReading | undefined;
}

const ACTIONS: readonly CaseAction[] = [
  {
    path: 'record',
    command: 'recordEvent',
    form: (fields) => `record-${fields.event ?? ''}`,
    read: (t, fields, view) => {
      const event = recordableEvents(lifecycleFor(view), view.stage).find((candidate) => candidate.event === fields.event);
      return event ? readRecordEvent(t, fields, event) : undefined;
    },
  },
  {
    path: 'correct',
    command: 'correctEventDate',
    form: () => 'correct',
    read: (t, fields, view) => readCorrectDate(t, fields, view.events.map((event) => event.id)),
  },
  { path: 'acknowledge', command: 'acknowledgeReminder', form: () => 'acknowledge', read: (_t, fields) => readAcknowledge(fields) },
  { path: 'reassign', command: 'reassign', form: () => 'reassign', read: (t, fields, _view, caseworkers) => readReassign(t, fields, caseworkers) },
  { path: 'close', command: 'closeCase', form: () => 'close', read: (t, fields) => readClose(t, fields) },
];

async function activeCaseworkers(context: DeskContext, office?: string) {
  return (await context.access.staff.list({ role: 'caseworker', ...(office ? { office } : {}) })).map((member) => ({ id: member.id, displayName: member.displayName, office: member.office }));
}

/** The procedures that run as cases, as `RU/temporary-asylum`, with their titles. */
function runnableProcedures(t: Translator): OpenCaseChoices['procedures'] {
  return listJurisdictions().flatMap((jurisdiction) =>
    listProcedures(jurisdiction.code)
      .filter((procedure) => lifecycleProblem(jurisdiction.code, procedure.procedure) === undefined)
      .map((procedure) => ({ value: `${jurisdiction.code}/${procedure.procedure}`, text: `${jurisdiction.code}: ${t.text(procedure.title)}` })),
  );
}

/** The offices a person may open a case in: a caseworker their own; a supervisor any office with staff. */
async function openableOffices(context: DeskContext, principal: Principal): Promise<string[]> {
  if (principal.role === 'caseworker') return [principal.office];
  return [...new Set((await context.access.staff.list()).map((member) => member.office))].sort();
}

/**
 * The case page and the forms that act on a case: `/desk/cases/<caseNumber>` with its forms, a POST per
 * action (`/record`, `/correct`, `/acknowledge`, `/reassign`, `/close`), and `/desk/cases/new` to open
 * one. Each POST reads the form in the person's language (a field left empty or a date that is no date
 * is named by its label and nothing is sent), then sends the command through the API's own route with
 * the form's CSRF token, and answers with the case page: after success by redirect, with a notice and
 * the deadlines computed anew; after a refusal with the form open and filled in as sent.
 */
export const caseActionsArea: DeskArea = (desk, context) => {
  const { viewerOf, now } = context;
  const reads = caseAccess(context.cases, context.access.reads);

  const showCase = async (reply: FastifyReply, viewer: DeskViewer, view: CaseView, options: { status?: number; print?: boolean; notice?: string; refused?: RefusedForm } = {}) => {
    // Deactivated members too: who recorded an event years ago is still named. The reassignment goes to active caseworkers of the office only.
    const members = await context.access.staff.list({ includeInactive: true });
    const caseworkers = isAllowed(viewer.principal.role, 'case.reassign')
      ? members.filter((member) => member.active && member.role === 'caseworker' && member.office === view.office)
      : [];
    const actions = caseActionsPanel(viewer, { view, lifecycle: lifecycleFor(view), caseworkers, ...(options.refused ? { refused: options.refused } : {}) });
    const staff = staffById(members);
    const page = casePage(viewer, view, { print: options.print ?? false, today: todayIn(view.jurisdiction, now()), actions, staff, ...(options.notice ? { notice: options.notice } : {}) });
    return sendPage(reply, options.status ?? 200, page);
  };

  const readCaseFor = async (viewer: DeskViewer, raw: string, route: string): Promise<CaseView> => {
    requirePermission(viewer.principal, 'case.read');
    // A malformed number names no case: the same not-found page as a case that does not exist.
    const caseNumber = caseNumberSchema.safeParse(raw);
    if (!caseNumber.success) throw new NotFoundError(`There is no case ${raw}.`);
    return reads.readCase(viewer.principal, caseNumber.data, 'dashboard', route);
  };

  desk.get<CaseParams>('/cases/:caseNumber', async (request, reply) => {
    const viewer = await viewerOf(request, reply);
    if (!viewer) return reply;
    try {
      const view = await readCaseFor(viewer, request.params.caseNumber, 'GET /desk/cases/{caseNumber}');
      const done = (DONE_NOTICES as readonly string[]).includes(request.query.done ?? '') ? (request.query.done as DoneNotice) : undefined;
      return await showCase(reply, viewer, view, { print: request.query.print === '1', ...(done ? { notice: viewer.t.t(`act.done.${done}`) } : {}) });
    } catch (error) {
      return sendErrorPage(reply, viewer, error, request.url.split('?')[0] ?? '/desk/cases');
    }
  });

  for (const action of ACTIONS) {
    desk.post<CaseParams>(`/cases/:caseNumber/${action.path}`, { bodyLimit: FORM_BODY_LIMIT_BYTES }, async (request, reply) => {
      const viewer = await viewerOf(request, reply);
      if (!viewer) return reply;
      try {
        requirePermission(viewer.principal, action.command === 'reassign' ? 'case.reassign' : 'case.record');
        const view = await readCaseFor(viewer, request.params.caseNumber, `POST /desk/cases/{caseNumber}/${action.path}`);
        const fields = formFields(request.body);
        const caseworkers = action.command === 'reassign' ? (await activeCaseworkers(context, view.office)).map((member) => member.id) : [];
        const reading = action.read(viewer.t, fields, view, caseworkers);
        const form = action.form(fields);
        if (reading === undefined) {
          const event = eventTitle(fields.event ?? '')?.[viewer.t.language] ?? fields.event ?? '';
          const problem = viewer.t.t('act.record.notNow', { event, stage: viewer.t.t(`stage.${view.stage}`) });
          return await showCase(reply, viewer, view, { status: 422, refused: { form, values: fields, errors: [], problem } });
        }
        if (!reading.ok) return await showCase(reply, viewer, view, { status: 400, refused: { form, values: fields, errors: reading.errors } });
        const answer = await throughApi(request, {
          method: 'POST',
          url: `/api/cases/${view.caseNumber}/commands/${action.command}`,
          body: reading.body,
          csrfToken: fields.csrfToken,
        });
        if (answer.ok) return reply.redirect(`${casePath(view.caseNumber)}?done=${action.command}`, 303);
        return await showCase(reply, viewer, view, { status: answer.status, refused: { form, values: fields, errors: [], problem: refusalProblem(viewer.t, answer) } });
      } catch (error) {
        return sendErrorPage(reply, viewer, error, request.url.split('?')[0] ?? '/desk/cases');
      }
    });
  }

  const openChoices = async (viewer: DeskViewer): Promise<OpenCaseChoices> => {
    const offices = await openableOffices(context, viewer.principal);
    const caseworkers = (await activeCaseworkers(context)).filter((member) => offices.includes(member.office));
    return { procedures: runnableProcedures(viewer.t), offices, caseworkers };
  };

  const openRoute = async (request: FastifyRequest, reply: FastifyReply) => {
    const viewer = await viewerOf(request, reply);
    if (!viewer) return reply;
    try {
      requirePermission(viewer.principal, 'case.open');
      const choices = await openChoices(viewer);
      if (request.method === 'GET') return sendPage(reply, 200, openCasePage(viewer, choices, {}));
      const fields = formFields(request.body);
      const reading = readOpenCase(viewer.t, fields, {
        procedures: choices.procedures.map((procedure) => procedure.value),
        offices: choices.offices,
        caseworkers: choices.caseworkers.map((member) => member.id),
      });
      if (!reading.ok) return sendPage(reply, 400, openCasePage(viewer, choices, { values: fields, errors: reading.errors }));
      const answer = await throughApi(request, { method: 'POST', url: '/api/cases', body: reading.body, csrfToken: fields.csrfToken });
      if (answer.ok) return reply.redirect(`${casePath(String(reading.body.caseNumber))}?done=openCase`, 303);
      return sendPage(reply, answer.status, openCasePage(viewer, choices, { values: fields, errors: [], problem: refusalProblem(viewer.t, answer) }));
    } catch (error) {
      return sendErrorPage(reply, viewer, error, '/desk/cases/new');
    }
  };
  desk.get('/cases/new', openRoute);
  desk.post('/cases/new', { bodyLimit: FORM_BODY_LIMIT_BYTES }, openRoute);
};

