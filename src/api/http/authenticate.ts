import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../access/roles';
import type { AuthenticationRefusal, TokenStore } from '../../access/token-store';

/** A request without valid credentials (401); the message says which of the reasons applies. */
export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError';
}

const REASONS: Record<AuthenticationRefusal, string> = {
  malformed: 'The bearer token is malformed: expected the whole token as issued, starting with "dkt_".',
  unknown: 'The bearer token is not known: it was mistyped or never issued.',
  revoked: 'The bearer token was revoked: ask an administrator for a new one.',
  expired: 'The bearer token has expired: ask an administrator for a new one.',
  'staff-unknown': 'The bearer token belongs to nobody in the staff directory: ask an administrator.',
  'staff-deactivated': 'The bearer token belongs to a staff member who has been deactivated.',
};

export function refusalMessage(reason: AuthenticationRefusal): string {
  return REASONS[reason];
}

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
