import { z } from 'zod';
import { jurisdictionSchema, procedureSchema } from '../../domain';
import { NotFoundError } from '../../errors/docket-errors';
import { lifecycleOf, RulesError } from '../../rules';
import { defineRoute, type ApiRoute } from '../http/route';

const localizedText = z.object({ en: z.string(), ru: z.string() });

const lifecycleSchema = z.object({
  jurisdiction: z.string(),
  procedure: z.string(),
  title: localizedText,
  stages: z.array(z.string()),
  protectedStages: z.array(z.string()),
  events: z.array(
    z.looseObject({
      event: z.string(),
      title: localizedText,
      facts: z.array(z.looseObject({ name: z.string(), type: z.enum(['date', 'boolean', 'enum']), values: z.array(z.string()).optional(), description: localizedText })),
      deadlines: z.array(z.looseObject({ ruleId: z.string(), kind: z.string(), title: localizedText })),
    }),
  ),
  transitions: z.array(z.looseObject({ event: z.string(), from: z.array(z.string()), to: z.string(), requires: z.array(z.string()) })),
});

/**
 * What a procedure's cases can record, for the desk and for scripts: its stages, its events with the
 * facts each carries and the deadlines each starts, and which event may be recorded in which stage.
 */
export function procedureRoutes(): ApiRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/procedures/{jurisdiction}/{procedure}/lifecycle',
      operationId: 'procedureLifecycle',
      summary: 'The lifecycle table of a procedure: stages, events, facts and the moves between them',
      tag: 'cases',
      permission: 'case.read',
      params: z.object({ jurisdiction: jurisdictionSchema, procedure: procedureSchema }),
      response: lifecycleSchema,
      handle: async ({ params }) => {
        try {
          // The route checks the response against its schema at run time; the table's interfaces are narrower than its loose shape.
          return lifecycleOf(params.jurisdiction, params.procedure) as unknown as z.input<typeof lifecycleSchema>;
        } catch (error) {
          if (error instanceof RulesError) throw new NotFoundError(error.reason);
          throw error;
        }
      },
    }),
  ];
}
