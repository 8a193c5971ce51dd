import type { Client } from '@temporalio/client';
import { caseNumberSchema, type CaseView } from '../domain';
import { NotFoundError } from '../errors/docket-errors';
import { parseInput } from '../errors/parse-input';
import { caseWorkflowId, getCase } from '../workflows/messages';
import { Caseworker, Office } from '../workflows/search-attributes';
import { CaseListing } from './case-listing';
import { translateTemporalError } from './temporal-errors';

/**
 * Reads cases: by query, by their search attributes, and as listings through visibility. What reports and
 * the digest need, and all they get: a reader writes nothing, so it needs no audit trail.
 */
export class CaseReader {
  readonly listing: CaseListing;

  constructor(
    protected readonly client: Client,
    namespace: string,
  ) {
    this.listing = new CaseListing(client, namespace);
  }

  async get(caseNumber: string): Promise<CaseView> {
    const number = parseInput(caseNumberSchema, caseNumber, 'case number');
    try {
      return await this.client.workflow.getHandle(caseWorkflowId(number)).query(getCase);
    } catch (error) {
      throw translateTemporalError(error, number);
    }
  }

  /** Where a case belongs, from its search attributes: enough to decide who may touch it, without running its workflow. */
  async locate(caseNumber: string): Promise<{ office: string; caseworker: string }> {
    const number = parseInput(caseNumberSchema, caseNumber, 'case number');
    try {
      const description = await this.client.workflow.getHandle(caseWorkflowId(number)).describe();
      const office = description.typedSearchAttributes.get(Office);
      const caseworker = description.typedSearchAttributes.get(Caseworker);
      if (office === undefined || caseworker === undefined) throw new NotFoundError(`There is no case ${number}.`);
      return { office, caseworker };
    } catch (error) {
      throw translateTemporalError(error, number);
    }
  }
}
