import type { FastifyRequest } from 'fastify';
import type { AccessStore } from '../../access';
import type { Principal } from '../../access/roles';
import type { SessionRefusal } from '../../access/staff-sessions';
import type { AuthenticationRefusal } from '../../access/token-store';
import { ForbiddenError } from '../../errors/docket-errors';
import { sessionCredentialFrom } from './session-cookie';

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

const SIGN_IN_AGAIN = 'sign in again at /desk/signin';
const SESSION_REASONS: Record<SessionRefusal, string> = {
  malformed: `The session cookie is not one this server set: ${SIGN_IN_AGAIN}.`,
  unknown: `The session has ended (signed out, or the password was set anew): ${SIGN_IN_AGAIN}.`,
  idle: `The session ended after 8 hours without use: ${SIGN_IN_AGAIN}.`,
  expired: `The session ended 12 hours after sign-in: ${SIGN_IN_AGAIN}.`,
  'staff-unknown': 'The session belongs to nobody in the staff directory: ask an administrator.',
  'staff-deactivated': 'The session belongs to a staff member who has been deactivated.',
};

/** The header a signed-in page sends its session's CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionRefusalMessage(reason: SessionRefusal): string {
  return SESSION_REASONS[reason];
}

export function refusalMessage(reason: AuthenticationRefusal): string {
  return REASONS[reason];
}

export function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') {
    throw new UnauthenticatedError('No credentials: send the header "Authorization: Bearer <token>", or sign in at /desk/signin.');
  }
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!match?.[1]) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  return match[1];
}

/**
 * Who is calling: a bearer token (scripts, the CLI) or else the session cookie of a signed-in browser.
 * Both give the same Principal from the staff directory, so every route's permission checks apply
 * alike. A browser's request that changes anything must also carry its session's CSRF token, since
 * the cookie goes with every request the browser makes; a bearer token is sent only on purpose.
 */
export async function authenticate(credentials: Pick<AccessStore, 'tokens' | 'sessions'>, request: FastifyRequest): Promise<Principal> {
  const session = request.headers.authorization === undefined ? sessionCredentialFrom(request) : undefined;
  if (session === undefined) {
    const result = await credentials.tokens.authenticate(bearerToken(request));
    if (!result.ok) throw new UnauthenticatedError(REASONS[result.reason]);
    return result.principal;
  }
  const result = await credentials.sessions.authenticate(session);
  if (!result.ok) throw new UnauthenticatedError(sessionRefusalMessage(result.reason));
  const csrfToken = request.headers[CSRF_HEADER];
  if (!SAFE_METHODS.has(request.method) && !result.session.carriesCsrfToken(typeof csrfToken === 'string' ? csrfToken : undefined)) {
    throw new ForbiddenError(
      'A signed-in browser’s request that changes anything must carry its session’s CSRF token in the X-CSRF-Token header; the desk’s pages send it. Reload the page and try again.',
    );
  }
  return result.session.principal;
}
