import type { Principal } from '../../access/roles';
import { officeScope } from '../../access/permissions';
import type { CaseClient } from '../../client/case-client';
import type { CaseFilter } from '../../client/case-filter';
import { filterFromQuery, type CaseFilterQuery } from './case-schemas';

/**
 * The filter a listing asks for, for the API and the desk's cases page alike: within the caller's office
 * (a caseworker's own), a pseudonym turned into its blind index.
 */
export function listingFilter(cases: Pick<CaseClient, 'applicantIndexOf'>, principal: Principal, query: CaseFilterQuery): CaseFilter {
  return filterFromQuery(query, officeScope(principal, query.office), (pseudonym) => cases.applicantIndexOf(pseudonym));
}
