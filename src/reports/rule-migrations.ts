import type { CaseSummary } from '../domain';
import { ForbiddenError } from '../errors/docket-errors';
import type { CaseImpact, RuleImpact } from './rule-impact';

/** What a migration request names: cases by number, or every case the impact report lists. */
export type MigrationSelection = { caseNumbers: readonly string[] } | { allAffected: true };

export interface MigrationOutcome {
  caseNumber: string;
  /** `dry-run`: what it would change; `migrated`: done; `refused`: the case said no, with why. */
  result: 'dry-run' | 'migrated' | 'refused';
  impact?: CaseImpact;
  summary?: CaseSummary;
  reason?: string;
}

export interface CaseMigrator {
  command(caseNumber: string, name: 'migrateRules', input: { actor: string; reason: string }): Promise<CaseSummary>;
}

/**
 * Migrates the chosen cases to the installed rule data, one Temporal update each, in case-number order.
 * A case named that the impact report does not list is migrated too (the supervisor chose it); with
 * `dryRun` nothing is sent and each case's expected changes are returned instead. A case that refuses
 * (closed, unknown) does not stop the others; its refusal is in the outcome.
 */
export async function migrateCases(
  migrator: CaseMigrator,
  impact: RuleImpact,
  selection: MigrationSelection,
  request: { actor: string; reason: string; dryRun: boolean },
): Promise<MigrationOutcome[]> {
  const impacts = new Map(impact.affected.map((affected) => [affected.caseNumber, affected] as const));
  const chosen = 'allAffected' in selection ? [...impacts.keys()] : [...new Set(selection.caseNumbers)];
  const outcomes: MigrationOutcome[] = [];
  for (const caseNumber of chosen.sort()) {
    const caseImpact = impacts.get(caseNumber);
    const withImpact = caseImpact ? { impact: caseImpact } : {};
    if (request.dryRun) {
      outcomes.push({ caseNumber, result: 'dry-run', ...withImpact });
      continue;
    }
    try {
      const summary = await migrator.command(caseNumber, 'migrateRules', { actor: request.actor, reason: request.reason });
      outcomes.push({ caseNumber, result: 'migrated', ...withImpact, summary });
    } catch (error) {
      // Not allowed for one case is not allowed for any: stop rather than list the same refusal for each.
      if (error instanceof ForbiddenError) throw error;
      outcomes.push({ caseNumber, result: 'refused', ...withImpact, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}
