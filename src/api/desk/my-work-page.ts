import type { DeadlineView } from '../../domain';
import type { MyCase, MyDeadline, MyReminder, MyWork } from '../../reports/my-work';
import { PROTECTION_ENDING_DAYS } from '../../reports/my-work';
import { deskPage, type DeskViewer } from './desk-shell';
import { html, type SafeHtml } from './html';
import type { Translator } from './i18n/translator';

/** The case page; every case number on the desk links there. */
export function casePath(caseNumber: string): string {
  return `/desk/cases/${encodeURIComponent(caseNumber)}`;
}

export interface Column<T> {
  label: string;
  cell(row: T): SafeHtml | string;
}

/** A table that becomes one card per row at phone width (each cell then names its column through data-label). */
export function cardTable<T>(t: Translator, caption: string, columns: Column<T>[], rows: T[]): SafeHtml {
  if (rows.length === 0) return html`<p class="muted">${t.t('table.nothing')}</p>`;
  return html`<table class="cards"><caption class="visually-hidden">${caption}</caption><thead><tr>${columns.map((column) => html`<th scope="col">${column.label}</th>`)}</tr></thead><tbody>${rows.map(
    (row) => html`<tr>${columns.map((column) => html`<td data-label="${column.label}">${column.cell(row)}</td>`)}</tr>`,
  )}</tbody></table>`;
}

/** A case number as a link to its case page. */
export const caseLink = (caseNumber: string) => html`<a href="${casePath(caseNumber)}">${caseNumber}</a>`;

function nextDeadlineText(t: Translator, item: MyCase): SafeHtml | string {
  const shown = (deadline: DeadlineView) => `${t.text(deadline.deadline.title)}, ${t.date(deadline.deadline.dueDate)}`;
  const information = item.forInformation
    ? t.t('deadline.forInformation', { title: t.text(item.forInformation.deadline.title), date: t.date(item.forInformation.deadline.dueDate) })
    : undefined;
  if (item.forAction) return information ? html`${shown(item.forAction)}<br><span class="muted">${information}</span>` : shown(item.forAction);
  return information ?? t.t('deadline.none');
}

function deadlineColumns(t: Translator, days: (item: MyDeadline) => SafeHtml | string): Column<MyDeadline>[] {
  return [
    { label: t.t('column.case'), cell: (item) => caseLink(item.caseNumber) },
    { label: t.t('column.deadline'), cell: (item) => t.text(item.title) },
    { label: t.t('column.whoActs'), cell: (item) => t.t(`owner.${item.owner}`) },
    { label: t.t('column.dueDate'), cell: (item) => t.date(item.dueDate) },
    { label: t.t('column.when'), cell: days },
  ];
}

function section(heading: string, id: string, body: SafeHtml): SafeHtml {
  return html`<section class="desk-panel" aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>${body}</section>`;
}

/** `/desk/work`: a caseworker's day, every case number one click from its case page. */
export function myWorkPage(viewer: DeskViewer, work: MyWork): string {
  const { t } = viewer;
  const left = (item: MyDeadline) => t.t('days.left', { days: item.daysLeft });
  const overdue = (item: MyDeadline) => html`<span class="bad">${t.t('days.overdue', { days: -item.daysLeft })}</span>`;
  const reminderColumns: Column<MyReminder>[] = [
    { label: t.t('column.case'), cell: (item) => caseLink(item.caseNumber) },
    { label: t.t('column.deadline'), cell: (item) => (item.title ? t.text(item.title) : '') },
    { label: t.t('column.dueDate'), cell: (item) => t.date(item.dueDate) },
    { label: t.t('column.reminder'), cell: (item) => t.t('days.reminderBefore', { days: item.daysBefore, date: t.date(item.sentOn) }) },
  ];
  const caseColumns: Column<MyCase>[] = [
    { label: t.t('column.case'), cell: (item) => caseLink(item.caseNumber) },
    { label: t.t('column.stage'), cell: (item) => t.t(`stage.${item.stage}`) },
    { label: t.t('column.nextDeadline'), cell: (item) => nextDeadlineText(t, item) },
    { label: t.t('column.protectedUntil'), cell: (item) => (item.protectedUntil ? t.date(item.protectedUntil) : '—') },
  ];
  const protectionColumns: Column<MyWork['protectionEnding'][number]>[] = [
    { label: t.t('column.case'), cell: (item) => caseLink(item.caseNumber) },
    { label: t.t('column.stage'), cell: (item) => t.t(`stage.${item.stage}`) },
    { label: t.t('column.protectedUntil'), cell: (item) => t.date(item.protectedUntil) },
    { label: t.t('column.when'), cell: (item) => t.t('days.left', { days: item.daysLeft }) },
  ];
  const protectionHeading = t.t('myWork.protectionEnding', { days: PROTECTION_ENDING_DAYS });
  return deskPage({
    viewer,
    title: t.t('myWork.title'),
    current: 'work',
    path: '/desk/work',
    content: html`${section(t.t('myWork.overdue'), 'overdue', cardTable(t, t.t('myWork.overdue'), deadlineColumns(t, overdue), work.overdue))}
    ${section(t.t('myWork.dueToday'), 'due-today', cardTable(t, t.t('myWork.dueToday'), deadlineColumns(t, left), work.dueToday))}
    ${section(t.t('myWork.dueThisWeek'), 'due-this-week', cardTable(t, t.t('myWork.dueThisWeek'), deadlineColumns(t, left), work.dueThisWeek))}
    ${section(t.t('myWork.reminders'), 'reminders', cardTable(t, t.t('myWork.reminders'), reminderColumns, work.unacknowledgedReminders))}
    ${section(protectionHeading, 'protection-ending', cardTable(t, protectionHeading, protectionColumns, work.protectionEnding))}
    ${section(t.t('myWork.myCases'), 'my-cases', html`<p>${t.t('myWork.myCasesCount', { count: work.cases.length })}</p>${cardTable(t, t.t('myWork.myCases'), caseColumns, work.cases)}`)}`,
  });
}
