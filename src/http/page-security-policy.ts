/**
 * The policy of our HTML pages (the staff desk and its sign-in pages), sent in place of the server's
 * policy for JSON (server-guard.ts), which would let nothing load. Their scripts and styles come from
 * this server as files, so nothing injected into a page could run; forms post only here; no other
 * site may frame them.
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
