import { z } from 'zod';
import { errorResponseSchema } from './error-response';
import type { ApiRoute } from './route';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const { properties = {}, required = [] } = jsonSchema(schema, 'input');
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...shape } = property as Record<string, unknown>;
    return {
      name,
      in: location,
      required: location === 'path' || required.includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: shape,
    };
  });
}

const ERROR_STATUSES: Record<string, string> = {
  '400': 'The request is malformed; `problems` names each offending field. Nothing was changed.',
  '401': 'No valid bearer token; the message says whether it was missing, malformed, unknown or revoked.',
  '403': 'The token is valid but its role or office does not allow this.',
};
const OPERATION_ERRORS: Record<string, string> = {
  '404': 'No such case, token or feed.',
  '409': 'It already exists.',
  '422': 'The case refused the command (its stage does not allow it). Nothing was changed.',
  '503': 'Temporal or the database cannot be reached; retry later.',
};

/** The OpenAPI 3.1 document, generated from the same route definitions the server runs. */
export function openApiDocument(routes: readonly ApiRoute[], info: { version: string; serverUrl: string }): Record<string, unknown> {
  const errorRef = { $ref: '#/components/schemas/Error' };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {
      [String(route.successStatus ?? 200)]: {
        description: 'Success',
        content: route.produces
          ? { [route.produces]: { schema: { type: 'string' } } }
          : { 'application/json': { schema: jsonSchema(route.response, 'output') } },
      },
    };
    for (const [status, description] of Object.entries({ ...ERROR_STATUSES, ...OPERATION_ERRORS })) {
      responses[status] = { description, content: { 'application/json': { schema: errorRef } } };
    }
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: {
        operationId: route.operationId,
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        tags: [route.tag],
        security: [{ bearer: [] }],
        'x-permission': route.permission,
        parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
        ...(route.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'asylum-docket API',
      version: info.version,
      description:
        'Cases, deadlines, calendar feeds and access tokens. Every operation needs `Authorization: Bearer <token>`; ' +
        'the token’s role (caseworker, supervisor, admin) decides what it may do, and caseworker tokens reach only their office’s cases. ' +
        'Calendar feeds are read at `/calendar/{secret}.ics` without a token: the URL itself is the secret.',
    },
    servers: [{ url: info.serverUrl }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token issued by an administrator (`dkt_...`).' } },
      schemas: { Error: jsonSchema(errorResponseSchema, 'output') },
    },
    paths,
  };
}
