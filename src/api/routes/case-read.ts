import type { ReadAuditSink, ReadChannel } from '../../access/read-audit';
import type { Principal } from '../../access/roles';
import type { CaseClient } from '../../client/case-client';
import type { CaseView } from '../../domain';
import { NotFoundError } from '../../errors/docket-errors';

export interface CaseAccess {
  /**
   * Caseworkers touch only their own office's cases; the office comes from the case's search attributes.
   * Another office's case is answered as one that does not exist, word for word, so a caseworker cannot
   * learn which case numbers are taken elsewhere.
   */
  requireCaseAccess(principal: Principal, caseNumber: string): Promise<void>;
  /** One case's record for a caller who may see it, recorded in the read audit under the route's pattern before it is returned. */
  readCase(principal: Principal, caseNumber: string, via: Exclude<ReadChannel, 'codec'>, route: string): Promise<CaseView>;
}

/** The one way the API and the desk read a case: the same office check, the same audit row. */
export function caseAccess(cases: CaseClient, reads: ReadAuditSink): CaseAccess {
  const requireCaseAccess = async (principal: Principal, caseNumber: string) => {
    if (principal.role !== 'caseworker') return;
    const { office } = await cases.locate(caseNumber);
    if (office !== principal.office) throw new NotFoundError(`There is no case ${caseNumber}.`);
  };
  return {
    requireCaseAccess,
    readCase: async (principal, caseNumber, via, route) => {
      await requireCaseAccess(principal, caseNumber);
      const view = await cases.get(caseNumber);
      await reads.record({ actor: principal.staffId, via, route, caseNumber });
      return view;
    },
  };
}
