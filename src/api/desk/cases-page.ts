import { isAllowed } from '../../access/permissions';
import type { CasePage, CaseListItem } from '../../client/case-listing';
import { dueDateOf } from '../../client/due-date';
import { STAGES } from '../../domain/stages';
import { deadlineKindTitle } from '../../reports/deadline-kind-title';
import type { CasesListForm } from './cases-list-query';
import { deskPage, type DeskViewer } from './desk-shell';
import { html, type SafeHtml } from './html';
import { staffName, type StaffById } from './staff-name';
import type { MessageKey } from './i18n/messages-en';
import { cardTable, caseLink, type Column } from './my-work-page';

export interface CasesListView {
  form: CasesListForm;
  /** The cases found; absent when the form was refused. */
  page?: CasePage;
  /** The query of the CSV export of the same filter. */
  exportQuery?: string;
  /** Why the form was refused, naming the field (the API's words). */
  problem?: string;
  /** The offices a supervisor may choose from. */
  offices: string[];
  /** The staff directory, for caseworkers by name. */
  staff: StaffById;
}

const SORTS = ['next-deadline', 'case-number', 'protected-until', 'recent'] as const;

function textField(id: keyof CasesListForm, label: string, value: string | undefined, type = 'text'): SafeHtml {
  return html`<p class="field"><label for="cases-${id}">${label}</label><input id="cases-${id}" name="${id}" type="${type}" value="${value ?? ''}" autocomplete="off" spellcheck="false"></p>`;
}

function selectField(id: keyof CasesListForm, label: string, options: Array<{ value: string; text: string }>, chosen: string | undefined): SafeHtml {
  return html`<p class="field"><label for="cases-${id}">${label}</label><select id="cases-${id}" name="${id}">${options.map(
    (option) => html`<option value="${option.value}"${option.value === (chosen ?? '') ? html` selected` : html``}>${option.text}</option>`,
  )}</select></p>`;
}

/** `/desk/cases`: every case the person may see, searched, filtered, sorted and paged through the API's listing. */
export function casesListPage(viewer: DeskViewer, view: CasesListView): string {
  const { t, principal } = viewer;
  const { form } = view;
  const kindTitle = (item: CaseListItem, kind: string) => {
    const title = deadlineKindTitle(item.jurisdiction, item.procedure, kind);
    return title ? t.text(title) : kind;
  };
  const columns: Column<CaseListItem>[] = [
    { label: t.t('column.case'), cell: (item) => caseLink(item.caseNumber) },
    { label: t.t('column.stage'), cell: (item) => t.t(`stage.${item.stage}`) },
    { label: t.t('column.office'), cell: (item) => item.office },
    { label: t.t('column.caseworker'), cell: (item) => staffName(view.staff, item.caseworker) },
    { label: t.t('column.nextDeadline'), cell: (item) => (item.nextDeadline ? `${kindTitle(item, item.nextDeadline.kind)}, ${t.date(item.nextDeadline.dueDate)}` : t.t('deadline.none')) },
    { label: t.t('column.protectedUntil'), cell: (item) => (item.protectedUntil ? t.date(dueDateOf(item.protectedUntil, item.jurisdiction)) : '—') },
  ];
  const stages = [{ value: '', text: t.t('cases.anyStage') }, ...STAGES.map((stage) => ({ value: stage, text: t.t(`stage.${stage}`) }))];
  const sorts = SORTS.map((sort) => ({ value: sort, text: t.t(`cases.sort.${sort}` as MessageKey) }));
  const nextPage = view.page?.nextPageToken
    ? `/desk/cases?${new URLSearchParams({ ...stringsOf(form), pageToken: view.page.nextPageToken }).toString()}`
    : undefined;
  const results = view.page
    ? html`<p>${t.t('cases.shown', { count: view.page.cases.length })}${view.exportQuery ? html` · <a href="/api/cases.csv?${view.exportQuery}&amp;lang=${t.language}" download>${t.t('cases.export')}</a>` : html``}</p>
    ${cardTable(t, t.t('cases.title'), columns, view.page.cases)}
    ${nextPage ? html`<p><a href="${nextPage}" rel="next">${t.t('cases.nextPage')}</a></p>` : html``}`
    : html``;
  return deskPage({
    viewer,
    title: t.t('cases.title'),
    current: 'cases',
    path: '/desk/cases',
    content: html`${isAllowed(principal.role, 'case.open') ? html`<p><a class="button-link" href="/desk/cases/new">${t.t('open.link')}</a></p>` : html``}<form class="desk-panel" method="get" action="/desk/cases" role="search" aria-label="${t.t('cases.filters')}">
      ${textField('caseNumber', t.t('cases.caseNumber'), form.caseNumber ?? form.q)}
      ${textField('applicant', t.t('cases.applicant'), form.applicant)}
      ${selectField('stage', t.t('column.stage'), stages, form.stage)}
      ${principal.role === 'caseworker' ? html`` : selectField('office', t.t('column.office'), [{ value: '', text: t.t('office.allOffices') }, ...view.offices.map((office) => ({ value: office, text: office }))], form.office)}
      ${textField('caseworker', t.t('column.caseworker'), form.caseworker)}
      ${textField('nextDeadlineBefore', t.t('cases.nextDeadlineBefore'), form.nextDeadlineBefore, 'date')}
      ${textField('protectedUntilBefore', t.t('cases.protectedUntilBefore'), form.protectedUntilBefore, 'date')}
      ${selectField('sort', t.t('cases.sort'), sorts, form.sort ?? 'next-deadline')}
      <p><button type="submit">${t.t('cases.apply')}</button></p>
    </form>
    ${view.problem ? html`<p class="bad" role="alert">${view.problem}</p>` : html``}
    <section class="desk-panel" aria-live="polite">${results}</section>`,
  });
}

/** The form's filled fields, for the link to the next page (without the page token it was shown with). */
function stringsOf(form: CasesListForm): Record<string, string> {
  const { pageToken: _shown, q: _fromSearchBox, ...fields } = form;
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
}
