import { isDeepStrictEqual } from 'node:util';
import { openCase, type CaseView, type OpenCaseInput } from '../domain';
import { ConflictError } from '../errors/docket-errors';

/**
 * An opening met a case that is already there. It is the same opening again (the first one's answer was
 * lost to a cut connection or an engine killed mid-request) when the case's own record of its opening
 * names the same caller, office and caseworker, and the case holds the jurisdiction, procedure,
 * applicant, reminder policy and rule parameters this opening gives (defaults filled in as the case
 * fills them). Read back from the case, so nothing about the opening is stored anywhere new.
 * Undefined for the same opening; otherwise the conflict to report, which names no one else.
 */
export function retriedOpeningConflict(existing: CaseView, input: OpenCaseInput): ConflictError | undefined {
  const [opened] = existing.events;
  if (opened?.type !== 'case-opened' || opened.actor !== input.actor) {
    return new ConflictError(`Case ${input.caseNumber} already exists, opened by another staff member; case numbers are never reused.`);
  }
  const wanted = openCase(input, Date.now());
  const fields = {
    jurisdiction: [existing.jurisdiction, wanted.jurisdiction],
    procedure: [existing.procedure, wanted.procedure],
    office: [opened.office, wanted.office],
    caseworker: [opened.caseworker, wanted.caseworker],
    applicant: [existing.applicant, wanted.applicant],
    reminderPolicy: [existing.reminderPolicy, wanted.reminderPolicy],
    ruleParams: [existing.ruleParams, wanted.ruleParams],
  };
  const different = Object.entries(fields)
    .filter(([, [held, given]]) => !isDeepStrictEqual(asStored(held), asStored(given)))
    .map(([field]) => field)
    .sort();
  if (different.length === 0) return undefined;
  return new ConflictError(
    `Case ${input.caseNumber} was already opened by you with a different ${different.join(', ')}; nothing was changed: an open case is changed through its commands.`,
  );
}

/** As the case holds a value after it crossed the data converter: JSON, without undefined fields. */
function asStored(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
