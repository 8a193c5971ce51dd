import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * What supervisors filter cases on. The server stores these unencrypted, so they carry
 * identifiers and dates only, never personal data.
 */
export const CaseStage = defineSearchAttributeKey('CaseStage', SearchAttributeType.KEYWORD);
export const NextDeadline = defineSearchAttributeKey('NextDeadline', SearchAttributeType.DATETIME);
export const NextDeadlineKind = defineSearchAttributeKey('NextDeadlineKind', SearchAttributeType.KEYWORD);
export const Jurisdiction = defineSearchAttributeKey('Jurisdiction', SearchAttributeType.KEYWORD);
export const Procedure = defineSearchAttributeKey('Procedure', SearchAttributeType.KEYWORD);
export const Office = defineSearchAttributeKey('Office', SearchAttributeType.KEYWORD);
export const Caseworker = defineSearchAttributeKey('Caseworker', SearchAttributeType.KEYWORD);
export const Attempt = defineSearchAttributeKey('Attempt', SearchAttributeType.INT);
export const ProtectedUntil = defineSearchAttributeKey('ProtectedUntil', SearchAttributeType.DATETIME);
/** The keyed blind index of the applicant's pseudonym (src/codec/applicant-index.ts): an HMAC, never the pseudonym. */
export const ApplicantIndex = defineSearchAttributeKey('ApplicantIndex', SearchAttributeType.KEYWORD);

/** Every key the case workflow upserts; servers must have them registered before cases start. */
export const CASE_SEARCH_ATTRIBUTES = [
  CaseStage,
  NextDeadline,
  NextDeadlineKind,
  Jurisdiction,
  Procedure,
  Office,
  Caseworker,
  Attempt,
  ProtectedUntil,
  ApplicantIndex,
] as const;
