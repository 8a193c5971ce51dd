import type { Kysely } from 'kysely';
import { ruleVersionsOf } from '../rules/rule-pin';
import type { ComputedDeadline, DeadlineRequest } from '../rules/types';
import type { RegisterDatabase } from './schema';

/** What a case last computed for one of its events: the request, and the deadlines it gave. */
export interface CaseComputation {
  caseId: string;
  eventId: string;
  request: DeadlineRequest;
  reminderOffsetsDays?: number[];
  deadlines: ComputedDeadline[];
  computedAt: string;
}

/** Enough for any database's bound on the parameters of one statement. */
const CASES_PER_QUERY = 500;

/**
 * The current deadline computations of the cases, one row per case and event, replaced whenever the case
 * recomputes that event. Unlike `computed_deadlines` (the append-only record of every result), this is what
 * holds now: the rule impact report reads it instead of asking every workflow.
 */
export class CaseComputations {
  constructor(
    private readonly db: Kysely<RegisterDatabase>,
    private readonly now: () => Date,
  ) {}

  async record(computation: Omit<CaseComputation, 'computedAt'>): Promise<void> {
    const ruleData = ruleVersionsOf(computation.deadlines);
    const row = {
      jurisdiction: computation.request.jurisdiction,
      procedure: computation.request.procedure,
      request: JSON.stringify(computation.request),
      reminder_offsets: computation.reminderOffsetsDays ? JSON.stringify(computation.reminderOffsetsDays) : null,
      pack_hash: ruleData?.pack.hash ?? null,
      calendar_hash: ruleData?.calendar.hash ?? null,
      deadlines: JSON.stringify(computation.deadlines),
      computed_at: this.now().toISOString(),
    };
    await this.db
      .insertInto('case_computations')
      .values({ case_id: computation.caseId, event_id: computation.eventId, ...row })
      .onConflict((conflict) => conflict.columns(['case_id', 'event_id']).doUpdateSet(row))
      .execute();
  }

  /** The computations of the given cases, case by case and in the order they were made. */
  async ofCases(caseIds: readonly string[]): Promise<CaseComputation[]> {
    const found: CaseComputation[] = [];
    for (let start = 0; start < caseIds.length; start += CASES_PER_QUERY) {
      const rows = await this.db
        .selectFrom('case_computations')
        .selectAll()
        .where('case_id', 'in', caseIds.slice(start, start + CASES_PER_QUERY))
        .orderBy('case_id')
        .orderBy('computed_at')
        .execute();
      for (const row of rows) {
        found.push({
          caseId: row.case_id,
          eventId: row.event_id,
          request: JSON.parse(row.request) as DeadlineRequest,
          ...(row.reminder_offsets ? { reminderOffsetsDays: JSON.parse(row.reminder_offsets) as number[] } : {}),
          deadlines: JSON.parse(row.deadlines) as ComputedDeadline[],
          computedAt: row.computed_at,
        });
      }
    }
    return found;
  }
}
