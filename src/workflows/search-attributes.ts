import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * What supervisors filter cases on. Search attributes are stored unencrypted by the server,
 * so none of these may ever carry personal data.
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
] as const;
