import type { FastifyInstance } from 'fastify';

/**
 * Sent with every answer, refusals included. Nothing of ours may be framed by another site (clickjacking
 * the codec sign-in page or the staff desk), read as another content type than it says, or hand its URL
 * onward in a Referer (calendar feed URLs carry their secret). JSON and plain text need no script, style
 * or frame at all; the pages send a policy of their own in its place.
 */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

/** A Host header: a DNS name or IPv4 address, or an IPv6 address in brackets, and an optional port. */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/;
const LOOPBACK_NAMES: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || /^(::ffff:)?127\./.test(address));
}

/**
 * The checks every server of ours makes before anything else: the security headers above, and the
 * `Host` header against DNS rebinding. A page on a rebound name (evil.example resolving to this machine)
 * reaches the server as same-origin to itself; the name it must send in `Host` gives it away. So the
 * server answers only for the host of its public URL and, on a connection that came in over loopback
 * (from this machine, which covers a server bound to loopback), for the loopback names.
 * `publicUrl` is the address people and apps reach the server at (API_PUBLIC_URL); without one only
 * loopback names are answered.
 */
export function guardServer(app: FastifyInstance, publicUrl: string | undefined): void {
  const publicHost = publicUrl === undefined ? undefined : new URL(publicUrl).hostname;
  const answersFor = publicHost === undefined ? 'only for localhost, from this machine' : `for ${publicHost} (its public URL) and, from this machine, localhost`;
  app.addHook('onSend', async (request, reply) => {
    // An answer given before the body is in (a refusal from onRequest) ends the connection: kept alive, Node
    // would read and throw away the rest of the body first, which a flood of large uploads turns into work.
    if (!request.raw.complete) reply.header('connection', 'close');
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    const header = (request.headers.host ?? '').toLowerCase();
    const host = HOST_HEADER.exec(header)?.[1];
    if (host === undefined) {
      return reply.code(400).send({
        error: 'invalid-input',
        message: header === '' ? 'The request has no Host header: send the host name you called.' : 'The Host header is not a host name.',
      });
    }
    if (host === publicHost || (LOOPBACK_NAMES.has(host) && isLoopbackAddress(request.socket.localAddress))) return;
    return reply.code(421).send({
      error: 'invalid-input',
      message: `This server does not answer for host "${header}": it answers ${answersFor}.${publicUrl === undefined ? '' : ` Use ${publicUrl}.`}`,
    });
  });
}
