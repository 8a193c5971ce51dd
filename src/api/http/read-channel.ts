import type { FastifyRequest } from 'fastify';
import type { ReadChannel } from '../../access/read-audit';

/**
 * Which door an API read came through, for the read audit. The dashboard's script says so in this
 * header; it is the client's own word, like a User-Agent, and tells the audit nothing it must trust.
 */
const CLIENT_HEADER = 'x-docket-client';

export function readChannel(request: FastifyRequest): Exclude<ReadChannel, 'codec'> {
  return request.headers[CLIENT_HEADER] === 'dashboard' ? 'dashboard' : 'api';
}
