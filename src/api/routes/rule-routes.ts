import { z } from 'zod';
import type { CaseClient } from '../../client/case-client';
import { caseNumberSchema } from '../../domain/identifiers';
import { ruleImpact, type RuleImpactSources } from '../../reports/rule-impact';
import { migrateCases } from '../../reports/rule-migrations';
import { defineRoute, type ApiRoute } from '../http/route';

export interface RuleRouteDependencies {
  cases: CaseClient;
  ruleData: Omit<RuleImpactSources, 'listing'>;
  now: () => Date;
}

const officeQuery = z.object({ office: z.string().min(1).max(64).optional().describe('Only the cases of this office') }).strict();

const migrationBody = z
  .object({
    caseNumbers: z.array(caseNumberSchema).min(1).max(10_000).optional().describe('The cases to migrate; or allAffected'),
    allAffected: z.literal(true).optional().describe('Every case the impact report lists'),
    office: z.string().min(1).max(64).optional().describe('With allAffected: only the cases of this office'),
    reason: z.string().trim().min(1).max(2000).describe('Why, for the case history (e.g. "2028 production calendar decreed")'),
    dryRun: z.boolean().default(false).describe('Change nothing; answer with what each case would change'),
  })
  .strict()
  .refine((body) => (body.caseNumbers === undefined) !== (body.allAffected === undefined), {
    message: 'name the cases (caseNumbers) or give allAffected: true, one of the two',
    path: ['caseNumbers'],
  });

// The report's shapes are the code's own; the OpenAPI document describes them loosely rather than twice.
const impactResponse = z.looseObject({ generatedAt: z.string(), installedFiles: z.array(z.string()), casesChecked: z.number(), pinnedUnchanged: z.number(), wordingOnly: z.array(z.string()), unrecorded: z.array(z.string()), affected: z.array(z.looseObject({ caseNumber: z.string() })) });
const migrationResponse = z.object({ outcomes: z.array(z.looseObject({ caseNumber: z.string(), result: z.enum(['dry-run', 'migrated', 'refused']) })) });

/** Supervisors see what installed rule data would change in running cases, and migrate cases to it. */
export function ruleRoutes({ cases, ruleData, now }: RuleRouteDependencies): ApiRoute[] {
  const sources: RuleImpactSources = { ...ruleData, listing: cases.listing };
  return [
    defineRoute({
      method: 'GET',
      path: '/api/rules/impact',
      operationId: 'ruleImpact',
      summary: 'The running cases whose deadlines the installed rule data would change, with old and new dates and the explanations’ difference',
      description: 'Computed from the register’s record of each case’s deadlines; no case is touched.',
      tag: 'rules',
      permission: 'rules.migrate',
      query: officeQuery,
      response: impactResponse,
      handle: async ({ query }) => {
        const impact = await ruleImpact(sources, query.office ? { office: query.office } : {}, now());
        return { ...impact, installedFiles: [...impact.installedFiles] } as unknown as z.input<typeof impactResponse>;
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/rules/migrations',
      operationId: 'migrateRules',
      summary: 'Migrate cases to the installed rule data (or, with dryRun, show what would change)',
      description:
        'Each case recomputes every deadline with the installed data through a Temporal update; its caseworker is told of each changed date, and a date moved earlier is escalated to the supervisors at once. The token’s supervisor is the actor.',
      tag: 'rules',
      permission: 'rules.migrate',
      body: migrationBody,
      response: migrationResponse,
      handle: async ({ principal, body }) => {
        const impact = await ruleImpact(sources, body.office ? { office: body.office } : {}, now());
        const selection = body.allAffected ? { allAffected: true as const } : { caseNumbers: body.caseNumbers ?? [] };
        const outcomes = await migrateCases(cases, impact, selection, { actor: principal.staffId, reason: body.reason, dryRun: body.dryRun });
        return { outcomes: outcomes as unknown as z.input<typeof migrationResponse>['outcomes'] };
      },
    }),
  ];
}
