import { ACTION_FIELD_LABELS } from './case-action-forms';
import type { MessageKey } from './i18n/messages-en';
import type { Translator } from './i18n/translator';
import type { ApiAnswer } from './through-api';

/** A form's fields as the API names them, with the catalogue key of the label the form shows for each. */
export type FieldLabels = Readonly<Record<string, MessageKey>>;

/** The form fields the API's problems name ("on: ...", "facts.validUntil: ...", "webhook.url: ..."), by the labels the form shows. */
function fieldsNamed(t: Translator, problems: readonly string[], labels: FieldLabels): string {
  const named = problems.map((problem) => {
    const path = problem.split(':')[0]?.trim() ?? '';
    const key = labels[path];
    if (key !== undefined) return t.t(key);
    return path.startsWith('facts.') ? path.slice('facts.'.length) : path;
  });
  return [...new Set(named)].join(', ');
}

/** The API's refusal as the page says it: in the person's language, naming the field where the API named one. */
export function refusalProblem(t: Translator, answer: Extract<ApiAnswer, { ok: false }>, labels: FieldLabels = ACTION_FIELD_LABELS): string {
  const { error } = answer;
  if (answer.status === 400) return t.t('act.refused.invalid', { fields: fieldsNamed(t, error.problems ?? [], labels), detail: [error.message, ...(error.problems ?? [])].join(' ') });
  if (answer.status === 422) return t.t('act.refused.stage', { detail: error.message });
  if (answer.status === 409) return t.t('act.refused.conflict', { detail: error.message });
  if (answer.status === 404) return t.t('act.refused.notFound', { detail: error.message });
  if (answer.status === 403) return t.t('act.refused.forbidden');
  return t.t('act.refused.failed');
}
