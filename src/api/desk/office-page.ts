import type { CaseListItem } from '../../client/case-listing';
import { dueDateOf } from '../../client/due-date';
import { STAGES } from '../../domain/stages';
import type { MissedDeadline } from '../../reports/deadline-report';
import type { CaseworkerLoad, Overview } from '../../reports/overview';
import type { StaffMember } from '../../store/staff-directory';
import { deskPage, type DeskViewer } from './desk-shell';
import { html, type SafeHtml } from './html';
import { knownOffices } from './known-offices';
import { staffById, staffName } from './staff-name';
import type { Translator } from './i18n/translator';
import { cardTable, caseLink, type Column } from './my-work-page';

/** How far ahead the office page looks for protections that end. */
export const PROTECTION_SOON_DAYS = 90;

export interface OfficeView {
  overview: Overview;
  /** Open cases whose protection ends within PROTECTION_SOON_DAYS. */
  protectionEnding: CaseListItem[];
  /** The staff directory, for names beside ids and the list of offices. */
  staff: StaffMember[];
  /** The office chosen, or every office the person may see. */
  office?: string;
}

function casesPath(query: Record<string, string>): string {
  return `/desk/cases?${new URLSearchParams(query).toString()}`;
}

function section(heading: string, id: string, body: SafeHtml): SafeHtml {
  return html`<section class="desk-panel" aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>${body}</section>`;
}

function officeChoice(t: Translator, offices: string[], chosen: string | undefined): SafeHtml {
  return html`<form method="get" action="/desk/office" class="desk-filters"><label for="office">${t.t('office.choose')}</label>
    <select id="office" name="office"><option value="">${t.t('office.allOffices')}</option>${offices.map(
      (office) => html`<option value="${office}"${office === chosen ? html` selected` : html``}>${office}</option>`,
    )}</select> <button type="submit">${t.t('office.show')}</button></form>`;
}

/** `/desk/office`: what a supervisor watches over, every case and caseworker one click from its page. */
export function officePage(viewer: DeskViewer, view: OfficeView): string {
  const { t } = viewer;
  const { overview } = view;
  const staff = staffById(view.staff);
  const offices = knownOffices(view.staff);
  // The authority's own late decisions are not the office's missed work: they are listed apart, to chase the authority.
  const authorityOverdue = overview.missed.filter((item) => item.owner === 'authority');
  const missed = overview.missed.filter((item) => item.owner !== 'authority');
  const scoped = (query: Record<string, string>) => casesPath(view.office ? { office: view.office, ...query } : query);

  const missedColumns: Column<MissedDeadline>[] = [
    { label: t.t('column.case'), cell: (item) => caseLink(item.caseNumber) },
    { label: t.t('column.deadline'), cell: (item) => t.text(item.title) },
    { label: t.t('column.dueDate'), cell: (item) => t.date(item.dueDate) },
    { label: t.t('column.caseworker'), cell: (item) => staffName(staff, item.caseworker) },
  ];
  const protectionColumns: Column<CaseListItem>[] = [
    { label: t.t('column.case'), cell: (item) => caseLink(item.caseNumber) },
    { label: t.t('column.stage'), cell: (item) => t.t(`stage.${item.stage}`) },
    { label: t.t('column.protectedUntil'), cell: (item) => (item.protectedUntil ? t.date(dueDateOf(item.protectedUntil, item.jurisdiction)) : '—') },
    { label: t.t('column.caseworker'), cell: (item) => staffName(staff, item.caseworker) },
  ];
  const workloadColumns: Column<CaseworkerLoad>[] = [
    { label: t.t('column.caseworker'), cell: (load) => html`<a href="${casesPath({ office: load.office, caseworker: load.caseworker })}">${staffName(staff, load.caseworker)}</a>` },
    { label: t.t('column.office'), cell: (load) => load.office },
    { label: t.t('office.openCases'), cell: (load) => String(load.openCases) },
    { label: t.t('office.dueWithin30'), cell: (load) => String(load.dueWithin30Days) },
    {
      label: t.t('office.missedColumn'),
      cell: (load) => (load.missed > 0 ? html`<a href="#missed-of-${load.office}-${load.caseworker}">${t.t('office.missedCount', { count: load.missed })}</a>` : '0'),
    },
  ];
  const missedOf = overview.workload
    .filter((load) => load.missed > 0)
    .map((load) => {
      const id = `missed-of-${load.office}-${load.caseworker}`;
      const theirs = overview.missed.filter((item) => item.caseworker === load.caseworker && item.office === load.office);
      return html`<h3 id="${id}" tabindex="-1">${staffName(staff, load.caseworker)}</h3>${cardTable(t, t.t('office.missedTitle'), missedColumns, theirs)}`;
    });
  const stageCounts = STAGES.filter((stage) => overview.byStage[stage] > 0);
  const protectionHeading = t.t('office.protectionEnding', { days: PROTECTION_SOON_DAYS });

  return deskPage({
    viewer,
    title: view.office ? t.t('office.titleOf', { office: view.office }) : t.t('office.title'),
    current: 'office',
    path: '/desk/office',
    content: html`${viewer.principal.role === 'caseworker' ? html`` : officeChoice(t, offices, view.office)}
    ${section(
      t.t('office.overview'),
      'overview',
      html`<ul class="facts" id="overview-counts">
        <li>${t.t('office.openCount', { count: overview.openCases })}</li>
        <li>${t.t('office.dueWithin', { count: overview.dueWithin7Days, days: 7 })}</li>
        <li>${t.t('office.dueWithin', { count: overview.dueWithin30Days, days: 30 })}</li>
        <li>${t.t('office.dueWithin', { count: overview.upcoming.length, days: overview.horizonDays })}</li>
        <li><a href="#missed">${t.t('office.missedCount', { count: missed.length })}</a></li>
        <li><a href="#authority-overdue">${t.t('office.authorityOverdueCount', { count: authorityOverdue.length })}</a></li>
      </ul>
      <h3>${t.t('office.byStage')}</h3>
      <ul class="facts">${stageCounts.map((stage) => html`<li><a href="${scoped({ stage })}">${t.t(`stage.${stage}`)}</a>: ${String(overview.byStage[stage])}</li>`)}</ul>`,
    )}
    ${section(t.t('office.missedTitle'), 'missed', cardTable(t, t.t('office.missedTitle'), missedColumns, missed))}
    ${section(t.t('office.authorityOverdue'), 'authority-overdue', cardTable(t, t.t('office.authorityOverdue'), missedColumns, authorityOverdue))}
    ${section(protectionHeading, 'protection-ending', cardTable(t, protectionHeading, protectionColumns, view.protectionEnding))}
    ${section(t.t('office.workload'), 'workload', html`${cardTable(t, t.t('office.workload'), workloadColumns, overview.workload)}${missedOf}`)}`,
  });
}
