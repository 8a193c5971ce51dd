import type { z } from 'zod';
import { staffIdSchema } from '../../domain/identifiers';
import { STAFF_LANGUAGES, STAFF_ROLES, staffMemberSchema, type StaffMember } from '../../store/staff-directory';
import type { ActionFieldError, ActionReading, FormFields } from './case-action-forms';
import type { MessageKey } from './i18n/messages-en';
import type { Translator } from './i18n/translator';
import type { FieldLabels } from './refusal-problem';

/** The staff forms' fields: each form field's name, and the label the form shows for it. */
export const STAFF_FORM_LABELS = {
  id: 'staff.field.id',
  displayName: 'staff.field.displayName',
  role: 'staff.field.role',
  office: 'staff.field.office',
  language: 'staff.field.language',
  email: 'staff.field.email',
  webhookUrl: 'staff.field.webhookUrl',
  webhookSecretRef: 'staff.field.webhookSecret',
} as const satisfies Record<string, MessageKey>;
type StaffField = keyof typeof STAFF_FORM_LABELS;

/** The same labels by the API's names for the fields, which its refusals use. */
export const STAFF_API_LABELS: FieldLabels = {
  ...STAFF_FORM_LABELS,
  'webhook.url': STAFF_FORM_LABELS.webhookUrl,
  'webhook.secretRef': STAFF_FORM_LABELS.webhookSecretRef,
};

const { email: emailSchema, webhook: webhookSchema, office: officeSchema } = staffMemberSchema.shape;
const webhookParts = webhookSchema.unwrap().shape;

/** Reads the staff forms' fields one by one, naming each wrong one by its label in the page's language. */
class StaffFormReader {
  readonly errors: ActionFieldError[] = [];
  constructor(
    private readonly t: Translator,
    private readonly fields: FormFields,
  ) {}

  fail(field: StaffField, problem: MessageKey): undefined {
    this.errors.push({ field, message: `${this.t.t(STAFF_FORM_LABELS[field])}: ${this.t.t(problem)}` });
    return undefined;
  }

  raw(field: StaffField): string {
    return (this.fields[field] ?? '').trim();
  }

  /** A required field whose value the schema must accept; `problem` says what to write instead. */
  required(field: StaffField, schema: z.ZodType, problem: MessageKey): string | undefined {
    const value = this.raw(field);
    if (value === '') return this.fail(field, 'act.problem.missing');
    return schema.safeParse(value).success ? value : this.fail(field, problem);
  }

  oneOf<T extends string>(field: StaffField, values: readonly T[]): T | undefined {
    const value = this.raw(field);
    if (value === '') return this.fail(field, 'act.problem.choose');
    return (values as readonly string[]).includes(value) ? (value as T) : this.fail(field, 'act.problem.notOffered');
  }

  /** How they are reached: an e-mail address or none, and a webhook with its secret's variable or none. */
  contact(): { email: string | null; webhook: { url: string; secretRef: string } | null } {
    const email = this.raw('email');
    if (email !== '' && !emailSchema.safeParse(email).success) this.fail('email', 'staff.problem.emailFormat');
    const url = this.raw('webhookUrl');
    const secretRef = this.raw('webhookSecretRef');
    if ((url === '') !== (secretRef === '')) this.fail(url === '' ? 'webhookUrl' : 'webhookSecretRef', 'staff.problem.webhookPair');
    else if (url !== '') {
      if (!webhookParts.url.safeParse(url).success) this.fail('webhookUrl', 'staff.problem.webhookUrlFormat');
      if (!webhookParts.secretRef.safeParse(secretRef).success) this.fail('webhookSecretRef', 'staff.problem.secretRefFormat');
    }
    return { email: email === '' ? null : email, webhook: url === '' ? null : { url, secretRef } };
  }
}

/** The add form, as `POST /api/staff`'s body. A staff id typed with capitals or spaces is read as meant. */
export function readAddStaff(t: Translator, fields: FormFields): ActionReading {
  const reader = new StaffFormReader(t, { ...fields, id: (fields.id ?? '').trim().toLowerCase() });
  const id = reader.required('id', staffIdSchema, 'staff.problem.idFormat');
  const displayName = reader.required('displayName', staffMemberSchema.shape.displayName, 'act.problem.tooLong');
  const role = reader.oneOf('role', STAFF_ROLES);
  const office = reader.required('office', officeSchema, 'staff.problem.officeFormat');
  const language = reader.oneOf('language', STAFF_LANGUAGES);
  const { email, webhook } = reader.contact();
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  return { ok: true, body: { id, displayName, role, office, language, ...(email ? { email } : {}), ...(webhook ? { webhook } : {}) } };
}

/**
 * The change form, as `POST /api/staff/{id}`'s body: only what differs from the member as stored, so
 * the audit names what was changed. An empty body means nothing was.
 */
export function readChangeStaff(t: Translator, fields: FormFields, member: StaffMember): ActionReading {
  const reader = new StaffFormReader(t, fields);
  const displayName = reader.required('displayName', staffMemberSchema.shape.displayName, 'act.problem.tooLong');
  const language = reader.oneOf('language', STAFF_LANGUAGES);
  const { email, webhook } = reader.contact();
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  const webhookChanged = (webhook?.url ?? null) !== (member.webhook?.url ?? null) || (webhook?.secretRef ?? null) !== (member.webhook?.secretRef ?? null);
  return {
    ok: true,
    body: {
      ...(displayName !== member.displayName ? { displayName } : {}),
      ...(language !== member.language ? { language } : {}),
      ...(email !== (member.email ?? null) ? { email } : {}),
      ...(webhookChanged ? { webhook } : {}),
    },
  };
}

/** A member's fields as the change form shows them before anything is typed. */
export function staffFormValues(member: StaffMember): FormFields {
  return {
    displayName: member.displayName,
    language: member.language,
    email: member.email ?? '',
    webhookUrl: member.webhook?.url ?? '',
    webhookSecretRef: member.webhook?.secretRef ?? '',
  };
}
