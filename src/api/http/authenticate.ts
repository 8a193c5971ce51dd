import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../access/roles';
import type { TokenStore } from '../../access/token-store';

/** A request without valid credentials (401); the message says which of the reasons applies. */
export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError';
}

const REASONS = {
  malformed: 'The bearer token is malformed: expected the whole token as issued, starting with "dkt_".',
  unknown: 'The bearer token is not known: it was mistyped or never issued.',
  revoked: 'The bearer token was revoked: ask an administrator for a new one.',
} as const;

export function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') {
    throw new UnauthenticatedError('No credentials: send the header "Authorization: Bearer <token>".');
  }
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!match?.[1]) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  return match[1];
}

export async function authenticate(tokens: TokenStore, request: FastifyRequest): Promise<Principal> {
  const result = await tokens.authenticate(bearerToken(request));
  if (!result.ok) throw new UnauthenticatedError(REASONS[result.reason]);
  return result.principal;
}
