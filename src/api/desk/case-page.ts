import { isProcedureEvent, type CaseEvent, type CaseView, type DeadlineView } from '../../domain';
import { procedureTitle } from '../../reports/procedure-title';
import { eventTitle } from '../../rules/event-titles';
import { textIn } from '../../rules/localized-text';
import { versionName } from '../../rules/rule-data-version';
import type { LocalDate } from '../../rules/types';
import { deskPage, type DeskViewer } from './desk-shell';
import { html, type SafeHtml } from './html';
import { dayWithWeekday } from './i18n/day-with-weekday';
import type { Translator } from './i18n/translator';
import { cardTable, casePath, type Column } from './my-work-page';
import { pageHead } from './page-head';
import { staffName, type StaffById } from './staff-name';

export interface CasePageOptions {
  /** The print view: the case alone, without the desk's menu, for the paper file. */
  print: boolean;
  /** Today, for the print view's "printed on" line. */
  today: LocalDate;
  /** The forms that act on the case, for those whose role may (never in the print view). */
  actions?: SafeHtml;
  /** What the last action did ("Recorded."), above the case. */
  notice?: string;
  /** The directory, so the caseworker and who recorded each event are shown by name. */
  staff: StaffById;
}

function facts(rows: Array<[string, SafeHtml | string]>): SafeHtml {
  return html`<dl class="facts">${rows.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}</dl>`;
}

function statusWords(t: Translator, item: DeadlineView): SafeHtml {
  const word = t.t(`status.${item.status}`);
  if (item.status === 'missed') return html`<span class="bad">${word}</span>`;
  return html`${word}${item.status === 'met' || item.status === 'superseded' ? `, ${t.date(item.on)}` : ''}`;
}

/** One deadline: its status, who acts, the due day and how it was counted, step by numbered step, with its legal basis. */
function deadlineEntry(t: Translator, item: DeadlineView): SafeHtml {
  const { deadline } = item;
  const steps = deadline.explanation.steps.filter((step) => step.kind !== 'warning' && step.kind !== 'calendar');
  const calendar = deadline.explanation.steps.filter((step) => step.kind === 'calendar');
  const warnings = deadline.explanation.steps.filter((step) => step.kind === 'warning');
  return html`<li class="deadline" data-kind="${deadline.kind}">
    <h3>${t.text(deadline.title)}${deadline.informational ? html` <span class="muted">(${t.t('casePage.informational')})</span>` : html``}</h3>
    ${facts([
      [t.t('column.status'), statusWords(t, item)],
      [t.t('column.whoActs'), t.t(`owner.${deadline.owner}`)],
      [t.t('column.dueDate'), dayWithWeekday(t, deadline.dueDate)],
      ...(item.override ? [[t.t('casePage.ruleDate'), dayWithWeekday(t, item.override.computedDueDate)] as [string, string]] : []),
    ])}
    <h4>${t.t('casePage.howComputed')}</h4>
    <ol class="explanation">${steps.map((step) => html`<li>${step[t.language]}</li>`)}</ol>
    ${calendar.map((step) => html`<p class="muted">${step[t.language]}</p>`)}
    ${warnings.length > 0 ? html`<p><strong>${t.t('casePage.warnings')}:</strong></p><ul>${warnings.map((step) => html`<li>${step[t.language]}</li>`)}</ul>` : html``}
    <p><strong>${t.t('casePage.citation')}:</strong> ${textIn(deadline.citation, t.language)}</p>
    ${deadline.ruleData
      ? html`<p class="muted">${t.t('casePage.ruleData', { pack: versionName(deadline.ruleData.pack), calendar: versionName(deadline.ruleData.calendar) })}</p>`
      : html``}
  </li>`;
}

function eventName(t: Translator, event: CaseEvent): string {
  if (isProcedureEvent(event)) return eventTitle(event.type)?.[t.language] ?? event.type;
  return t.t(`record.${event.type}`);
}

function caseContent(t: Translator, view: CaseView, staff: StaffById, actions: SafeHtml = html``): SafeHtml {
  const procedure = procedureTitle(view.jurisdiction, view.procedure);
  const historyColumns: Column<CaseEvent>[] = [
    { label: t.t('column.date'), cell: (event) => t.date('on' in event ? event.on : event.recordedAt.slice(0, 10)) },
    { label: t.t('casePage.event'), cell: (event) => eventName(t, event) },
    { label: t.t('casePage.recordedBy'), cell: (event) => staffName(staff, event.actor) },
  ];
  return html`<section class="desk-panel" aria-labelledby="case-facts"><h2 id="case-facts">${t.t('casePage.facts')}</h2>${facts([
    [t.t('casePage.procedure'), procedure ? t.text(procedure) : view.procedure],
    [t.t('column.stage'), view.stage === 'lapsed' ? html`<span class="bad">${t.t('stage.lapsed')}</span>` : t.t(`stage.${view.stage}`)],
    [t.t('casePage.attempt'), String(view.attempt)],
    [t.t('column.office'), view.office],
    [t.t('column.caseworker'), staffName(staff, view.caseworker)],
    [t.t('column.protectedUntil'), view.protectedUntil ? t.date(view.protectedUntil) : '—'],
    ...(view.applicant ? [[t.t('casePage.applicant'), view.applicant.pseudonym] as [string, string]] : []),
  ])}</section>
  ${actions}
  <section class="desk-panel" aria-labelledby="deadlines"><h2 id="deadlines">${t.t('casePage.deadlines')}</h2>${
    view.deadlines.length > 0 ? html`<ol class="deadlines">${view.deadlines.map((item) => deadlineEntry(t, item))}</ol>` : html`<p class="muted">${t.t('table.nothing')}</p>`
  }</section>
  <section class="desk-panel" aria-labelledby="history"><h2 id="history">${t.t('casePage.history')}</h2>${cardTable(t, t.t('casePage.history'), historyColumns, view.events)}</section>`;
}

/** `/desk/cases/<caseNumber>`: the whole case in the viewer's language; with `print`, the same without the desk around it. */
export function casePage(viewer: DeskViewer, view: CaseView, options: CasePageOptions): string {
  const { t } = viewer;
  if (options.print) {
    const content = caseContent(t, view, options.staff);
    return html`${pageHead(t.language, view.caseNumber, html`<link rel="stylesheet" href="/desk/desk.css">`)}
<body class="print-view">
  <main id="content">
    <h1>${view.caseNumber}</h1>
    ${content}
    <p class="muted">${t.t('casePage.printedBy', { date: t.date(options.today), staffId: viewer.principal.staffId })}</p>
  </main>
</body>
</html>
`.markup;
  }
  return deskPage({
    viewer,
    title: view.caseNumber,
    current: 'cases',
    path: casePath(view.caseNumber),
    content: html`${options.notice ? html`<p class="status" role="status">${options.notice}</p>` : html``}<p class="screen-only"><a href="${casePath(view.caseNumber)}?print=1">${t.t('casePage.printView')}</a></p>${caseContent(t, view, options.staff, options.actions)}`,
  });
}
