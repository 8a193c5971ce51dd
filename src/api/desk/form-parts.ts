import { ACTION_FIELD_LABELS, type ActionField, type ActionFieldError, type FormFields } from './case-action-forms';
import { html, type SafeHtml } from './html';
import type { Translator } from './i18n/translator';

/** The form that was just refused, with what was typed and what was wrong, so the page shows it open and filled in. */
export interface RefusedForm {
  form: string;
  values: FormFields;
  errors: ActionFieldError[];
  /** A refusal that names no one field (the case's stage, a conflict). */
  problem?: string;
}

/**
 * The fields of one desk form, labelled, filled in as last sent and marked invalid where the reading
 * or the API refused them, with the summary of what to correct at the top; ids are prefixed with the
 * form's name so that several forms share a page.
 */
export class FormParts {
  constructor(
    readonly t: Translator,
    readonly form: string,
    private readonly refused: RefusedForm | undefined,
    /** What the fields hold before anything is typed: a record's current values, on a form that changes it. */
    private readonly current: FormFields = {},
  ) {}

  private get mine(): RefusedForm | undefined {
    return this.refused?.form === this.form ? this.refused : undefined;
  }

  id(name: string): string {
    return `${this.form}-${name}`.replace(/[^a-zA-Z0-9-]/g, '-');
  }

  value(name: string): string {
    return this.mine ? (this.mine.values[name] ?? '') : (this.current[name] ?? '');
  }

  private invalid(name: string): SafeHtml {
    const error = this.mine?.errors.find((candidate) => candidate.field === name);
    return error ? html` aria-invalid="true" aria-describedby="${this.id(name)}-error"` : html``;
  }

  private errorText(name: string): SafeHtml {
    const error = this.mine?.errors.find((candidate) => candidate.field === name);
    return error ? html`<span class="field-error" id="${this.id(name)}-error">${error.message}</span>` : html``;
  }

  label(field: ActionField): string {
    return this.t.t(ACTION_FIELD_LABELS[field]);
  }

  date(name: string, label: string, required: boolean): SafeHtml {
    return html`<p class="field"><label for="${this.id(name)}">${label}</label>${this.errorText(name)}<input type="date" id="${this.id(name)}" name="${name}" value="${this.value(name)}"${required ? html` required` : html``}${this.invalid(name)}></p>`;
  }

  text(name: string, label: string, options: { required?: boolean; multiline?: boolean; max: number }): SafeHtml {
    const required = options.required ? html` required` : html``;
    const input = options.multiline
      ? html`<textarea id="${this.id(name)}" name="${name}" rows="2" maxlength="${options.max}"${required}${this.invalid(name)}>${this.value(name)}</textarea>`
      : html`<input type="text" id="${this.id(name)}" name="${name}" value="${this.value(name)}" maxlength="${options.max}" autocomplete="off"${required}${this.invalid(name)}>`;
    return html`<p class="field"><label for="${this.id(name)}">${label}</label>${this.errorText(name)}${input}</p>`;
  }

  /** A box to tick, sent as `yes`: a confirmation the reading refuses without. */
  checkbox(name: string, label: string): SafeHtml {
    return html`<p class="field field-check">${this.errorText(name)}<input type="checkbox" id="${this.id(name)}" name="${name}" value="yes"${this.invalid(name)}> <label for="${this.id(name)}">${label}</label></p>`;
  }

  /** A required choice with one option only is that option, chosen already. */
  select(name: string, label: string, options: ReadonlyArray<{ value: string; text: string }>, required = true): SafeHtml {
    const only = required && options.length === 1 ? options[0]?.value : undefined;
    const chosen = this.value(name) || (only ?? '');
    return html`<p class="field"><label for="${this.id(name)}">${label}</label>${this.errorText(name)}<select id="${this.id(name)}" name="${name}"${required ? html` required` : html``}${this.invalid(name)}>
      ${only === undefined ? html`<option value="">${this.t.t(required ? 'act.chooseOption' : 'act.notGiven')}</option>` : html``}${options.map(
        (option) => html`<option value="${option.value}"${option.value === chosen ? html` selected` : html``}>${option.text}</option>`,
      )}</select></p>`;
  }

  summary(): SafeHtml {
    const mine = this.mine;
    if (!mine) return html``;
    return html`<div class="error" role="alert"><p>${this.t.t('act.errorsTitle')}</p><ul>${mine.problem ? html`<li>${mine.problem}</li>` : html``}${mine.errors.map(
      (error) => html`<li><a href="#${this.id(error.field)}">${error.message}</a></li>`,
    )}</ul></div>`;
  }

  /** Open when it was just refused, so the person sees what to correct. */
  get open(): boolean {
    return this.mine !== undefined;
  }
}
