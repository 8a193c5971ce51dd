import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Action } from '../../access/permissions';
import type { Principal } from '../../access/roles';

type AnyObjectSchema = z.ZodType<Record<string, unknown>>;

export interface RouteContext<P, Q, B> {
  principal: Principal;
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One operation of the API: its path, who may call it, and zod schemas for everything that crosses
 * the boundary. The same definition validates requests, checks responses and writes the OpenAPI document.
 */
export interface ApiRoute<
  P extends AnyObjectSchema = AnyObjectSchema,
  Q extends AnyObjectSchema = AnyObjectSchema,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: 'GET' | 'POST' | 'DELETE';
  /** OpenAPI style: `/api/cases/{caseNumber}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** The permission the caller's role needs; 'any-role' for what every valid token may do. */
  permission: Action | 'any-role';
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** What the success answer is, when not JSON: the handler then sets its own headers and returns a stream. */
  produces?: 'text/csv';
  successStatus?: 200 | 201;
  handle(context: RouteContext<z.output<P>, z.output<Q>, z.output<B>>): Promise<z.input<R>>;
}

/** Keeps each route's schema types tied to its handler while the server holds them in one list. */
export function defineRoute<P extends AnyObjectSchema, Q extends AnyObjectSchema, B extends z.ZodType, R extends z.ZodType>(
  route: ApiRoute<P, Q, B, R>,
): ApiRoute {
  return route as unknown as ApiRoute;
}
