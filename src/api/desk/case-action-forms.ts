import { z } from 'zod';
import { localDateSchema } from '../../domain/dates';
import { caseNumberSchema } from '../../domain/identifiers';
import { CLOSURE_REASONS } from '../../domain/stages';
import type { LifecycleEvent } from '../../rules';
import type { MessageKey } from './i18n/messages-en';
import type { Translator } from './i18n/translator';

/** What a form sent: every field a string (a form sends nothing else), read with no zod English reaching the person. */
export type FormFields = Record<string, string>;

/** A problem with one field, worded in the page's language and naming the field by its label. */
export interface ActionFieldError {
  field: string;
  message: string;
}

export type ActionReading = { ok: true; body: Record<string, unknown> } | { ok: false; errors: ActionFieldError[] };

const asFields = z.record(z.string(), z.unknown()).catch({});

/** A form body as strings only; anything else (a repeated key's array, a JSON value) reads as empty. */
export function formFields(body: unknown): FormFields {
  return Object.fromEntries(Object.entries(asFields.parse(body ?? {})).map(([name, value]) => [name, typeof value === 'string' ? value : '']));
}

/** The label of each form field of the case actions, as the form shows it. */
export const ACTION_FIELD_LABELS = {
  on: 'act.field.on',
  note: 'act.field.note',
  eventId: 'act.field.eventId',
  correctedDate: 'act.field.correctedDate',
  reason: 'act.field.reason',
  caseworker: 'act.field.caseworker',
  closeReason: 'act.field.closeReason',
  closedOn: 'act.field.closedOn',
  caseNumber: 'act.field.caseNumber',
  procedure: 'act.field.procedure',
  office: 'act.field.office',
  pseudonym: 'act.field.pseudonym',
} as const satisfies Record<string, MessageKey>;
export type ActionField = keyof typeof ACTION_FIELD_LABELS;

/** The name a fact's input has in the form: apart from the fixed fields, so no fact can shadow one. */
export const factField = (fact: string) => `fact.${fact}`;

class Reader {
  readonly errors: ActionFieldError[] = [];
  constructor(
    private readonly t: Translator,
    private readonly fields: FormFields,
  ) {}

  private fail(field: string, label: string, problem: MessageKey): undefined {
    this.errors.push({ field, message: `${label}: ${this.t.t(problem)}` });
    return undefined;
  }

  private labelOf(field: ActionField): string {
    return this.t.t(ACTION_FIELD_LABELS[field]);
  }

  text(field: ActionField, options: { required: boolean; max: number }, formField: string = field): string | undefined {
    const value = (this.fields[formField] ?? '').trim();
    if (value === '') return options.required ? this.fail(formField, this.labelOf(field), 'act.problem.missing') : undefined;
    if (value.length > options.max) return this.fail(formField, this.labelOf(field), 'act.problem.tooLong');
    return value;
  }

  date(field: ActionField | { name: string; label: string }, required: boolean): string | undefined {
    const [name, label] = typeof field === 'string' ? [field, this.labelOf(field)] : [field.name, field.label];
    const value = (this.fields[name] ?? '').trim();
    if (value === '') return required ? this.fail(name, label, 'act.problem.missingDate') : undefined;
    return localDateSchema.safeParse(value).success ? value : this.fail(name, label, 'act.problem.dateFormat');
  }

  oneOf<T extends string>(field: ActionField, values: readonly T[], formField: string = field): T | undefined {
    const value = (this.fields[formField] ?? '').trim();
    if (value === '') return this.fail(formField, this.labelOf(field), 'act.problem.choose');
    return (values as readonly string[]).includes(value) ? (value as T) : this.fail(formField, this.labelOf(field), 'act.problem.notOffered');
  }

  reading(body: Record<string, unknown>): ActionReading {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, body };
  }
}

/** Leaves out what was not given, so the API sees only fields the person filled in. */
const given = (entries: Record<string, unknown>) => Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));

/** `recordEvent`: the date, the facts the event carries (dates, yes/no, one of its values) and a note. */
export function readRecordEvent(t: Translator, fields: FormFields, event: LifecycleEvent): ActionReading {
  const reader = new Reader(t, fields);
  const on = reader.date('on', true);
  const facts: Record<string, string | boolean> = {};
  for (const fact of event.facts) {
    const name = factField(fact.name);
    const label = t.text(fact.description);
    const raw = (fields[name] ?? '').trim();
    if (raw === '') continue;
    if (fact.type === 'date') {
      const value = reader.date({ name, label }, false);
      if (value !== undefined) facts[fact.name] = value;
    } else if (fact.type === 'boolean') {
      if (raw === 'yes' || raw === 'no') facts[fact.name] = raw === 'yes';
      else reader.errors.push({ field: name, message: `${label}: ${t.t('act.problem.notOffered')}` });
    } else if (fact.values?.includes(raw)) facts[fact.name] = raw;
    else reader.errors.push({ field: name, message: `${label}: ${t.t('act.problem.notOffered')}` });
  }
  const note = reader.text('note', { required: false, max: 2000 });
  return reader.reading(given({ event: event.event, on, ...(Object.keys(facts).length > 0 ? { facts } : {}), note }));
}

/** `correctEventDate`: which event, its right date, and why. */
export function readCorrectDate(t: Translator, fields: FormFields, eventIds: readonly number[]): ActionReading {
  const reader = new Reader(t, fields);
  const eventId = reader.oneOf('eventId', eventIds.map(String));
  const correctedDate = reader.date('correctedDate', true);
  const reason = reader.text('reason', { required: true, max: 2000 });
  return reader.reading(given({ eventId: eventId === undefined ? undefined : Number(eventId), correctedDate, reason }));
}

/** `acknowledgeReminder`: one of the reminders the page offered. */
export function readAcknowledge(fields: FormFields): ActionReading {
  const reminderId = (fields.reminderId ?? '').trim();
  return reminderId === '' || reminderId.length > 200 ? { ok: false, errors: [] } : { ok: true, body: { reminderId } };
}

/** `reassign`: one of the office's active caseworkers, and optionally why. */
export function readReassign(t: Translator, fields: FormFields, caseworkers: readonly string[]): ActionReading {
  const reader = new Reader(t, fields);
  const caseworker = reader.oneOf('caseworker', caseworkers);
  const reason = reader.text('reason', { required: false, max: 2000 });
  return reader.reading(given({ caseworker, reason }));
}

/** `closeCase`: why, on which day, and optionally a note. */
export function readClose(t: Translator, fields: FormFields): ActionReading {
  const reader = new Reader(t, fields);
  const reason = reader.oneOf('closeReason', CLOSURE_REASONS);
  const closedOn = reader.date('closedOn', true);
  const note = reader.text('note', { required: false, max: 2000 });
  return reader.reading(given({ reason, closedOn, note }));
}

/** Opening a case: its number, procedure (`RU/temporary-asylum`), office, caseworker and the applicant's pseudonym. */
export function readOpenCase(t: Translator, fields: FormFields, offered: { procedures: readonly string[]; offices: readonly string[]; caseworkers: readonly string[] }): ActionReading {
  const reader = new Reader(t, fields);
  const caseNumber = reader.text('caseNumber', { required: true, max: 24 })?.toUpperCase();
  if (caseNumber !== undefined && !caseNumberSchema.safeParse(caseNumber).success) reader.errors.push({ field: 'caseNumber', message: `${t.t('act.field.caseNumber')}: ${t.t('act.problem.caseNumberFormat')}` });
  const procedure = reader.oneOf('procedure', offered.procedures);
  const office = reader.oneOf('office', offered.offices);
  const caseworker = reader.oneOf('caseworker', offered.caseworkers);
  const pseudonym = reader.text('pseudonym', { required: false, max: 100 });
  const [jurisdiction, procedureId] = procedure?.split('/') ?? [];
  if (caseNumber !== undefined && jurisdiction !== undefined && !caseNumber.startsWith(`${jurisdiction}-`)) {
    reader.errors.push({ field: 'caseNumber', message: `${t.t('act.field.caseNumber')}: ${t.t('act.problem.caseNumberJurisdiction', { jurisdiction })}` });
  }
  return reader.reading(given({ caseNumber, jurisdiction, procedure: procedureId, office, caseworker, ...(pseudonym ? { applicant: { pseudonym } } : {}) }));
}
