import type { CaseClient } from './case-client';
import { DocketError } from '../errors/docket-errors';
import { mapLimit } from './map-limit';

/** Enough to keep the worker busy without queueing a thousand updates at once. */
const CONCURRENT_UPDATES = 8;

export interface ApplicantReindexReport {
  /** Cases that got the index (they were missing it, or held one under an earlier key). */
  indexed: string[];
  unchanged: number;
  /** Cases opened without an applicant: nothing to index. */
  withoutApplicant: number;
  /** Cases that refused, e.g. closed in the meantime, with the kind of refusal. */
  refused: Array<{ caseNumber: string; reason: string }>;
}

/**
 * Gives open cases the blind index of their applicant's pseudonym so that the desk and the API find
 * them by pseudonym: by default those opened before the index existed (no index at all), with `all`
 * every open case, as after the index key was replaced. The cases are listed first and then updated,
 * because an update changes what the "no index" listing would return on its next page. Closed cases
 * keep the index they closed with: a closed workflow takes no updates.
 */
export async function reindexApplicants(cases: CaseClient, options: { actor: string; all: boolean }): Promise<ApplicantReindexReport> {
  const caseNumbers: string[] = [];
  for await (const item of cases.listing.scan(options.all ? {} : { applicantIndexed: false })) caseNumbers.push(item.caseNumber);
  const report: ApplicantReindexReport = { indexed: [], unchanged: 0, withoutApplicant: 0, refused: [] };
  await mapLimit(caseNumbers, CONCURRENT_UPDATES, async (caseNumber) => {
    try {
      const outcome = await cases.indexApplicant(caseNumber, options.actor);
      if (outcome === 'indexed') report.indexed.push(caseNumber);
      else if (outcome === 'unchanged') report.unchanged += 1;
      else report.withoutApplicant += 1;
    } catch (error) {
      if (!(error instanceof DocketError) || error.kind === 'unavailable') throw error;
      report.refused.push({ caseNumber, reason: error.kind });
    }
  });
  report.indexed.sort();
  return report;
}
