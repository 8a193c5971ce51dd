import { createHash } from 'node:crypto';
import { readCookie } from '../http/cookies';

/**
 * A browser session for the codec endpoint. The Temporal Web UI can send cookies to a codec
 * endpoint ("Include cross-origin credentials" in its codec settings) but can forward a bearer
 * token only when the UI itself runs with single sign-on. So a person signs in once on the
 * endpoint's own page with their API token, which the endpoint keeps in an HttpOnly cookie
 * scoped to the codec paths; the Web UI's decode calls then carry it.
 */

export const SESSION_COOKIE_NAME = 'docket_codec_session';
const COOKIE_PATH = '/codec';

export interface SessionCookieOptions {
  /**
   * `Strict` suits a Web UI on the same host name as the endpoint (another port is the same site).
   * A Web UI on another site needs `None`, which browsers accept only over HTTPS.
   */
  sameSite: 'Strict' | 'None';
  maxAgeSeconds: number;
  secure: boolean;
}

export function sessionTokenFromCookies(cookieHeader: string | undefined): string | undefined {
  return readCookie(cookieHeader, SESSION_COOKIE_NAME);
}

function cookie(value: string, maxAgeSeconds: number, options: SessionCookieOptions): string {
  const attributes = [
    `${SESSION_COOKIE_NAME}=${value}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    `SameSite=${options.sameSite}`,
  ];
  if (options.secure || options.sameSite === 'None') attributes.push('Secure');
  return attributes.join('; ');
}

export function sessionCookie(token: string, options: SessionCookieOptions): string {
  return cookie(encodeURIComponent(token), options.maxAgeSeconds, options);
}

export function expiredSessionCookie(options: SessionCookieOptions): string {
  return cookie('', 0, options);
}

/** The sign-in page's only script, allowed by its hash (of exactly this text), so that nothing injected into the page could run. */
const SIGN_IN_SCRIPT = `
const status = document.getElementById('status');
async function call(method, headers) {
  const response = await fetch('session', { method, headers, credentials: 'same-origin' });
  const body = await response.json().catch(() => ({}));
  status.textContent = response.ok ? body.message : (body.error || 'Failed: HTTP ' + response.status);
}
document.getElementById('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = document.getElementById('token');
  call('POST', { authorization: 'Bearer ' + token.value });
  token.value = '';
});
document.getElementById('sign-out').addEventListener('click', () => call('DELETE', {}));
`;

/**
 * The sign-in page's policy: its own script, calls to this endpoint, no styles, images, forms posted
 * elsewhere or framing (a page that framed it could trick a person into typing their token into it).
 */
export const SIGN_IN_PAGE_POLICY = [
  "default-src 'none'",
  `script-src 'sha256-${createHash('sha256').update(SIGN_IN_SCRIPT).digest('base64')}'`,
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Served at `/codec/session`; posts the token to the same path, so the token never sits in a URL. */
export const SIGN_IN_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>asylum-docket: read case data in the Temporal Web UI</title></head>
<body>
<h1>Read case data in the Temporal Web UI</h1>
<p>Sign in with your API token. The Web UI then decrypts case data through this endpoint when its codec settings
have "Include cross-origin credentials" switched on. Open the Web UI under the same host name as this page.</p>
<form id="sign-in">
  <label>API token <input id="token" type="password" autocomplete="off" required></label>
  <button type="submit">Sign in</button>
  <button type="button" id="sign-out">Sign out</button>
</form>
<p id="status" role="status"></p>
<script>${SIGN_IN_SCRIPT}</script>
</body>
</html>
`;
