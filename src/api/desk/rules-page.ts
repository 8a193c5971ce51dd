import type { CaseImpact, DeadlineImpact, RuleImpact } from '../../reports/rule-impact';
import { deskPage, type DeskViewer } from './desk-shell';
import { html, type SafeHtml } from './html';
import { cardTable, caseLink, type Column } from './my-work-page';

export interface RulesView {
  impact: RuleImpact;
  /** The migration just made, or the refusal of one, to show above the report. */
  done?: { migrated: number; refused: string[] };
  problem?: string;
  reason?: string;
}

interface ImpactRow {
  caseImpact: CaseImpact;
  deadline: DeadlineImpact;
}

/** `/desk/rules`: what the installed rule data would change in running cases, and the form that migrates them. */
export function rulesPage(viewer: DeskViewer, view: RulesView): string {
  const { t } = viewer;
  const { impact } = view;
  const rows: ImpactRow[] = impact.affected.flatMap((caseImpact) => caseImpact.deadlines.map((deadline) => ({ caseImpact, deadline })));
  const date = (value: string | undefined, missing: string) => (value ? t.date(value) : missing);
  const columns: Column<ImpactRow>[] = [
    { label: t.t('column.case'), cell: (row) => caseLink(row.caseImpact.caseNumber) },
    { label: t.t('column.deadline'), cell: (row) => t.text(row.deadline.title) },
    { label: t.t('rules.from'), cell: (row) => date(row.deadline.from, t.t('rules.new')) },
    {
      label: t.t('rules.to'),
      cell: (row) => html`${date(row.deadline.to, t.t('rules.gone'))}${row.deadline.earlier ? html` <strong class="alert">${t.t('rules.earlier')}</strong>` : html``}`,
    },
    {
      label: t.t('rules.why'),
      cell: (row) =>
        html`${row.deadline.fallbackCovered.length > 0 ? html`<p>${t.t('rules.fallbackCovered', { years: row.deadline.fallbackCovered.join(', ') })}</p>` : html``}
        <ul class="explanation-diff">${row.deadline.explanation.removed.map((line) => html`<li><del>${line.trim()}</del></li>`)}${row.deadline.explanation.added.map(
          (line) => html`<li><ins>${line.trim()}</ins></li>`,
        )}</ul>`,
    },
  ];
  const done: SafeHtml = view.done
    ? html`<p class="notice" role="status">${t.t('rules.migrated', { count: view.done.migrated })}</p>${view.done.refused.map((refusal) => html`<p class="problem">${refusal}</p>`)}`
    : html``;
  const form: SafeHtml =
    impact.affected.length === 0
      ? html``
      : html`<form method="post" action="/desk/rules/migrate" class="desk-form">
      <input type="hidden" name="csrfToken" value="${viewer.csrfToken}">
      ${view.problem ? html`<p class="problem" role="alert">${view.problem}</p>` : html``}
      <label for="reason">${t.t('rules.reason')}</label>
      <input id="reason" name="reason" required maxlength="2000" value="${view.reason ?? ''}">
      <button type="submit">${t.t('rules.migrateAll', { count: impact.affected.length })}</button>
    </form>`;
  return deskPage({
    viewer,
    title: t.t('rules.title'),
    current: 'rules',
    path: '/desk/rules',
    content: html`${done}
    <p>${t.t('rules.installed', { files: impact.installedFiles.join(', ') })}</p>
    <p>${t.t('rules.checked', { count: impact.casesChecked, affected: impact.affected.length })}</p>
    ${impact.wordingOnly.length > 0 ? html`<p class="muted">${t.t('rules.wordingOnly', { cases: impact.wordingOnly.join(', ') })}</p>` : html``}
    ${impact.unrecorded.length > 0 ? html`<p class="muted">${t.t('rules.unrecorded', { cases: impact.unrecorded.join(', ') })}</p>` : html``}
    ${cardTable(t, t.t('rules.title'), columns, rows)}
    ${form}`,
  });
}
