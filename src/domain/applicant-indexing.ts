import type { CaseState } from './case';
import { applicantIndexSchema } from './open-case';

export type ApplicantIndexing = { ok: true; state: CaseState } | { ok: false; reason: string };

/**
 * Gives a case the blind index of its applicant's pseudonym, which only the client can compute (the
 * workflow holds no key): for a case opened before the index existed, or after the index key was
 * replaced. The same index again changes nothing; a case without an applicant, or closed, takes none.
 */
export function withApplicantIndex(state: CaseState, applicantIndex: unknown): ApplicantIndexing {
  const parsed = applicantIndexSchema.safeParse(applicantIndex);
  if (!parsed.success) return { ok: false, reason: 'expected the 32 hex digits of an applicant index' };
  if (state.applicant === undefined) return { ok: false, reason: `case ${state.caseNumber} has no applicant to index` };
  if (state.stage === 'closed') return { ok: false, reason: `case ${state.caseNumber} is closed: its index stays as it was` };
  if (state.applicantIndex === parsed.data) return { ok: true, state };
  return { ok: true, state: { ...state, applicantIndex: parsed.data } };
}
