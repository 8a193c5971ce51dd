import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { CaseIndexValues } from '../domain';
import {
  ApplicantIndex,
  Attempt,
  CaseStage,
  Caseworker,
  Jurisdiction,
  NextDeadline,
  NextDeadlineKind,
  Office,
  Procedure,
  ProtectedUntil,
} from './search-attributes';

/**
 * The domain's index values as typed search attributes; a missing value removes the attribute. A case
 * without an applicant index (opened before it existed, or with no applicant) upserts exactly what it did.
 */
export function caseSearchAttributes(values: CaseIndexValues): SearchAttributeUpdatePair[] {
  return [
    { key: CaseStage, value: values.caseStage },
    { key: NextDeadline, value: values.nextDeadline === null ? null : new Date(values.nextDeadline) },
    { key: NextDeadlineKind, value: values.nextDeadlineKind },
    { key: Jurisdiction, value: values.jurisdiction },
    { key: Procedure, value: values.procedure },
    { key: Office, value: values.office },
    { key: Caseworker, value: values.caseworker },
    { key: Attempt, value: values.attempt },
    { key: ProtectedUntil, value: values.protectedUntil === null ? null : new Date(values.protectedUntil) },
    ...(values.applicantIndex === undefined ? [] : [{ key: ApplicantIndex, value: values.applicantIndex }]),
  ];
}
