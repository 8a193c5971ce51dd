import { z } from 'zod';
import { DocketError } from '../../errors/docket-errors';
import { UnauthenticatedError } from './authenticate';

export const errorResponseSchema = z.object({
  error: z.enum(['invalid-input', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'rejected', 'unavailable', 'internal']),
  message: z.string(),
  problems: z.array(z.string()).optional(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

const STATUS: Record<ErrorResponse['error'], number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  rejected: 422,
  unavailable: 503,
  internal: 500,
};

export function errorResponse(error: unknown): { status: number; body: ErrorResponse } {
  if (error instanceof UnauthenticatedError) return respond('unauthenticated', error.message);
  if (error instanceof DocketError) {
    const problems = 'problems' in error && Array.isArray(error.problems) && error.problems.length > 0 ? { problems: error.problems as string[] } : {};
    return { status: STATUS[error.kind], body: { error: error.kind, message: error.message, ...problems } };
  }
  return respond('internal', 'The server failed to handle the request; the error is in its log.');
}

function respond(kind: ErrorResponse['error'], message: string) {
  return { status: STATUS[kind], body: { error: kind, message } };
}
