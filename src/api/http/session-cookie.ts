import type { FastifyRequest } from 'fastify';
import { readCookie } from '../../http/cookies';
import { SESSION_ABSOLUTE_HOURS } from '../../access/staff-sessions';

/**
 * The cookie of a signed-in browser. HttpOnly, so no script (an injected one included) can read it;
 * SameSite=Strict, so no other site's page or link makes the browser send it; Secure when people reach
 * the server over HTTPS; Path=/ because the desk pages and the API both read it. It lives
 * as long as the session can; the server ends it sooner when idle.
 */
export const SESSION_COOKIE_NAME = 'docket_session';

export function sessionCredentialFrom(request: FastifyRequest): string | undefined {
  return readCookie(request.headers.cookie, SESSION_COOKIE_NAME);
}

function cookie(value: string, maxAgeSeconds: number, publicUrl: string): string {
  const attributes = [`${SESSION_COOKIE_NAME}=${value}`, 'Path=/', `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict'];
  if (new URL(publicUrl).protocol === 'https:') attributes.push('Secure');
  return attributes.join('; ');
}

export function sessionCookie(credential: string, publicUrl: string): string {
  return cookie(encodeURIComponent(credential), SESSION_ABSOLUTE_HOURS * 60 * 60, publicUrl);
}

export function endedSessionCookie(publicUrl: string): string {
  return cookie('', 0, publicUrl);
}
