import type { FastifyRequest } from 'fastify';

const KIB = 1024;
const MIB = 1024 * KIB;

function byteSize(bytes: number): string {
  return bytes >= MIB ? `${Math.round((bytes / MIB) * 10) / 10} MiB` : `${Math.ceil(bytes / KIB)} KiB`;
}

/** What a 413 says: which endpoint (its pattern, never the URL, which may carry a secret) and how much it takes. */
export function bodyTooLargeMessage(request: FastifyRequest): string {
  const endpoint = request.routeOptions.url === undefined ? 'this endpoint' : `${request.method} ${request.routeOptions.url}`;
  return `The request body is too large: ${endpoint} takes at most ${byteSize(request.routeOptions.bodyLimit)}.`;
}
