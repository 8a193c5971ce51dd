import { deskPage, type DeskViewer } from './desk-shell';
import { ACTION_FIELD_LABELS, type ActionField, type ActionFieldError, type FormFields } from './case-action-forms';
import { html, type SafeHtml } from './html';

export interface OpenCaseChoices {
  procedures: ReadonlyArray<{ value: string; text: string }>;
  offices: readonly string[];
  caseworkers: ReadonlyArray<{ id: string; displayName: string; office: string }>;
}

export interface OpenCaseFormState {
  values?: FormFields;
  errors?: ActionFieldError[];
  /** A refusal from the API that names no one field (the number is taken). */
  problem?: string;
}

/** `/desk/cases/new`: the form that opens a case, with the choices the person's role and office allow. */
export function openCasePage(viewer: DeskViewer, choices: OpenCaseChoices, state: OpenCaseFormState): string {
  const { t } = viewer;
  const values = state.values ?? {};
  const errors = state.errors ?? [];
  const label = (field: ActionField) => t.t(ACTION_FIELD_LABELS[field]);
  const errorOf = (field: ActionField): SafeHtml => {
    const error = errors.find((candidate) => candidate.field === field);
    return error ? html`<span class="field-error" id="open-${field}-error">${error.message}</span>` : html``;
  };
  const invalid = (field: ActionField): SafeHtml => (errors.some((candidate) => candidate.field === field) ? html` aria-invalid="true" aria-describedby="open-${field}-error"` : html``);
  const select = (field: ActionField, options: ReadonlyArray<{ value: string; text: string }>) =>
    html`<p class="field"><label for="open-${field}">${label(field)}</label>${errorOf(field)}<select id="open-${field}" name="${field}" required${invalid(field)}>${
      options.length === 1 ? html`` : html`<option value="">${t.t('act.chooseOption')}</option>`
    }${options.map((option) => html`<option value="${option.value}"${option.value === values[field] ? html` selected` : html``}>${option.text}</option>`)}</select></p>`;
  const text = (field: ActionField, required: boolean, max: number) =>
    html`<p class="field"><label for="open-${field}">${label(field)}</label>${errorOf(field)}<input type="text" id="open-${field}" name="${field}" value="${values[field] ?? ''}" maxlength="${max}" autocomplete="off" spellcheck="false"${required ? html` required` : html``}${invalid(field)}></p>`;
  const summary =
    errors.length > 0 || state.problem
      ? html`<div class="error" role="alert"><p>${t.t('act.errorsTitle')}</p><ul>${state.problem ? html`<li>${state.problem}</li>` : html``}${errors.map(
          (error) => html`<li><a href="#open-${error.field}">${error.message}</a></li>`,
        )}</ul></div>`
      : html``;
  return deskPage({
    viewer,
    title: t.t('open.title'),
    current: 'cases',
    path: '/desk/cases/new',
    content: html`<section class="desk-panel"><p>${t.t('open.lead')}</p>
      <form method="post" action="/desk/cases/new" class="open-case" novalidate>
        ${summary}
        <input type="hidden" name="csrfToken" value="${viewer.csrfToken}">
        ${text('caseNumber', true, 24)}
        ${select('procedure', choices.procedures)}
        ${select('office', choices.offices.map((office) => ({ value: office, text: office })))}
        ${select('caseworker', choices.caseworkers.map((member) => ({ value: member.id, text: `${member.displayName} (${member.id}, ${member.office})` })))}
        ${text('pseudonym', false, 100)}
        <p><button type="submit">${t.t('open.submit')}</button></p>
      </form></section>`,
  });
}
