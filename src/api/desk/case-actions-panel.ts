import { isAllowed } from '../../access/permissions';
import { isProcedureEvent, standingEvents, type CaseView } from '../../domain';
import { CLOSURE_REASONS } from '../../domain/stages';
import { eventTitle } from '../../rules/event-titles';
import type { EventFact, LifecycleEvent, ProcedureLifecycle } from '../../rules';
import { factField } from './case-action-forms';
import { FormParts, type RefusedForm } from './form-parts';
import type { DeskViewer } from './desk-shell';
import { html, type SafeHtml } from './html';
import { casePath } from './my-work-page';

/** A caseworker the case can go to, shown by name. */
export interface AssignableCaseworker {
  id: string;
  displayName: string;
}

export interface CaseActionsInput {
  view: CaseView;
  lifecycle: ProcedureLifecycle;
  caseworkers: readonly AssignableCaseworker[];
  refused?: RefusedForm;
}

/** The events the case can take at its stage, in the lifecycle table's order. */
export function recordableEvents(lifecycle: ProcedureLifecycle, stage: string): LifecycleEvent[] {
  const allowed = new Set(lifecycle.transitions.filter((transition) => (transition.from as readonly string[]).includes(stage)).map((transition) => transition.event));
  return lifecycle.events.filter((event) => allowed.has(event.event));
}

function shell(parts: FormParts, heading: string, action: string, csrfToken: string, body: SafeHtml, submit: string): SafeHtml {
  return html`<details class="act"${parts.open ? html` open` : html``}><summary>${heading}</summary>
    <form method="post" action="${action}" novalidate>
      ${parts.summary()}
      <input type="hidden" name="csrfToken" value="${csrfToken}">
      ${body}
      <p><button type="submit">${submit}</button></p>
    </form></details>`;
}

function factInput(parts: FormParts, fact: EventFact): SafeHtml {
  const name = factField(fact.name);
  const label = parts.t.text(fact.description);
  if (fact.type === 'date') return parts.date(name, label, false);
  const options =
    fact.type === 'boolean'
      ? [
          { value: 'yes', text: parts.t.t('act.yes') },
          { value: 'no', text: parts.t.t('act.no') },
        ]
      : (fact.values ?? []).map((value) => ({ value, text: value.replace(/-/g, ' ') }));
  return parts.select(name, label, options, false);
}

function recordForms(viewer: DeskViewer, input: CaseActionsInput, path: string): SafeHtml {
  const { t } = viewer;
  const events = recordableEvents(input.lifecycle, input.view.stage);
  if (events.length === 0) return html`<p class="muted">${t.t('act.record.none')}</p>`;
  return html`<p class="muted">${t.t('act.record.lead')}</p>${events.map((event) => {
    const parts = new FormParts(t, `record-${event.event}`, input.refused);
    return shell(
      parts,
      t.text(event.title),
      `${path}/record`,
      viewer.csrfToken,
      html`<input type="hidden" name="event" value="${event.event}">${parts.date('on', parts.label('on'), true)}${event.facts.map((fact) => factInput(parts, fact))}${parts.text('note', parts.label('note'), { multiline: true, max: 2000 })}`,
      t.t('act.record.submit'),
    );
  })}`;
}

function correctForm(viewer: DeskViewer, input: CaseActionsInput, path: string): SafeHtml {
  const { t } = viewer;
  const dated = standingEvents(input.view.events).filter(isProcedureEvent);
  if (dated.length === 0) return html``;
  const parts = new FormParts(t, 'correct', input.refused);
  const options = dated.map((event) => ({ value: String(event.id), text: `${t.date(event.on)}: ${eventTitle(event.type)?.[t.language] ?? event.type}` }));
  return shell(
    parts,
    t.t('act.correct.heading'),
    `${path}/correct`,
    viewer.csrfToken,
    html`${parts.select('eventId', parts.label('eventId'), options)}${parts.date('correctedDate', parts.label('correctedDate'), true)}${parts.text('reason', parts.label('reason'), { required: true, max: 2000 })}`,
    t.t('act.correct.submit'),
  );
}

function acknowledgeForms(viewer: DeskViewer, input: CaseActionsInput, path: string): SafeHtml {
  const { t } = viewer;
  const { view } = input;
  // Acknowledging silences the reminders of the person who acknowledges: the case's caseworker.
  if (view.caseworker !== viewer.principal.staffId) return html``;
  const waiting = view.reminders.filter((reminder) => reminder.delivery !== undefined && reminder.acknowledged === undefined);
  if (waiting.length === 0) return html``;
  const titleOf = (deadlineId: string) => {
    const deadline = view.deadlines.find((item) => item.id === deadlineId)?.deadline;
    return deadline ? t.text(deadline.title) : deadlineId;
  };
  return html`<h3>${t.t('act.acknowledge.heading')}</h3><ul class="plain">${waiting.map(
    (reminder) => html`<li><form method="post" action="${path}/acknowledge" class="inline"><input type="hidden" name="csrfToken" value="${viewer.csrfToken}"><input type="hidden" name="reminderId" value="${reminder.id}">${t.t('act.acknowledge.item', { deadline: titleOf(reminder.deadlineId), date: t.date(reminder.dueDate) })} <button type="submit" class="quiet">${t.t('act.acknowledge.submit')}</button></form></li>`,
  )}</ul>`;
}

function reassignForm(viewer: DeskViewer, input: CaseActionsInput, path: string): SafeHtml {
  const { t } = viewer;
  if (!isAllowed(viewer.principal.role, 'case.reassign')) return html``;
  const parts = new FormParts(t, 'reassign', input.refused);
  const options = input.caseworkers.filter((member) => member.id !== input.view.caseworker).map((member) => ({ value: member.id, text: `${member.displayName} (${member.id})` }));
  return shell(
    parts,
    t.t('act.reassign.heading'),
    `${path}/reassign`,
    viewer.csrfToken,
    html`${parts.select('caseworker', parts.label('caseworker'), options)}${parts.text('reason', parts.label('reason'), { max: 2000 })}`,
    t.t('act.reassign.submit'),
  );
}

function closeForm(viewer: DeskViewer, input: CaseActionsInput, path: string): SafeHtml {
  const { t } = viewer;
  const parts = new FormParts(t, 'close', input.refused);
  const reasons = CLOSURE_REASONS.map((reason) => ({ value: reason, text: t.t(`act.close.reason.${reason}`) }));
  return shell(
    parts,
    t.t('act.close.heading'),
    `${path}/close`,
    viewer.csrfToken,
    html`${parts.select('closeReason', parts.label('closeReason'), reasons)}${parts.date('closedOn', parts.label('closedOn'), true)}${parts.text('note', parts.label('note'), { multiline: true, max: 2000 })}`,
    t.t('act.close.submit'),
  );
}

/**
 * The case page's forms, for those whose role may change the case: record an event the case's stage
 * allows (with the facts it carries), correct an event's date, acknowledge one's reminders, reassign
 * (supervisors) and close. Each posts to the desk, which sends it through the API's own route. None
 * for a closed case, whose history is final.
 */
export function caseActionsPanel(viewer: DeskViewer, input: CaseActionsInput): SafeHtml {
  const { t } = viewer;
  if (!isAllowed(viewer.principal.role, 'case.record') || input.view.stage === 'closed') return html``;
  const path = casePath(input.view.caseNumber);
  // A refusal of a form the page does not show (an acknowledgement, an event crafted for another stage) is said above the forms.
  const shown = [...recordableEvents(input.lifecycle, input.view.stage).map((event) => `record-${event.event}`), 'correct', 'close', ...(isAllowed(viewer.principal.role, 'case.reassign') ? ['reassign'] : [])];
  const unshown = input.refused && !shown.includes(input.refused.form) ? new FormParts(t, input.refused.form, input.refused).summary() : html``;
  return html`<section class="desk-panel screen-only" aria-labelledby="case-actions"><h2 id="case-actions">${t.t('act.title')}</h2>${unshown}
    <h3>${t.t('act.record.heading')}</h3>${recordForms(viewer, input, path)}
    ${acknowledgeForms(viewer, input, path)}
    ${correctForm(viewer, input, path)}
    ${reassignForm(viewer, input, path)}
    ${closeForm(viewer, input, path)}
  </section>`;
}
