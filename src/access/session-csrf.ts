import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The CSRF token of a browser session: a synchronizer token tied to the session, derived from the
 * session's secret (HMAC-SHA256), so it needs no storage and a page can be given it at any time. A
 * page on another site can make the browser send the session cookie, but cannot read the cookie or
 * this page's token, so it cannot send the token back. Knowing the token does not reveal the secret.
 */
export function csrfTokenFor(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('asylum-docket csrf token').digest('base64url');
}

export function csrfTokenMatches(sessionSecret: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const expected = Buffer.from(csrfTokenFor(sessionSecret));
  const received = Buffer.from(given);
  return expected.length === received.length && timingSafeEqual(expected, received);
}
