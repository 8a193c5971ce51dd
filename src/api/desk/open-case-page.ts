import { ACTION_FIELD_LABELS, type ActionField, type ActionFieldError, type FormFields } from './case-action-forms';
import { deskPage, type DeskViewer } from './desk-shell';
import { FormParts } from './form-parts';
import { html } from './html';

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
  const refused = state.values ? { form: 'open', values: state.values, errors: state.errors ?? [], ...(state.problem ? { problem: state.problem } : {}) } : undefined;
  const parts = new FormParts(t, 'open', refused);
  const label = (field: ActionField) => t.t(ACTION_FIELD_LABELS[field]);
  return deskPage({
    viewer,
    title: t.t('open.title'),
    current: 'cases',
    path: '/desk/cases/new',
    content: html`<section class="desk-panel"><p>${t.t('open.lead')}</p>
      <form method="post" action="/desk/cases/new" class="open-case" novalidate>
        ${parts.summary()}
        <input type="hidden" name="csrfToken" value="${viewer.csrfToken}">
        ${parts.text('caseNumber', label('caseNumber'), { required: true, max: 24 })}
        ${parts.select('procedure', label('procedure'), choices.procedures)}
        ${parts.select('office', label('office'), choices.offices.map((office) => ({ value: office, text: office })))}
        ${parts.select('caseworker', label('caseworker'), choices.caseworkers.map((member) => ({ value: member.id, text: `${member.displayName} (${member.id}, ${member.office})` })))}
        ${parts.text('pseudonym', label('pseudonym'), { max: 100 })}
        <p><button type="submit">${t.t('open.submit')}</button></p>
      </form></section>`,
  });
}
