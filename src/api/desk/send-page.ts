import type { FastifyReply } from 'fastify';
import { PAGE_CONTENT_SECURITY_POLICY } from '../../http/page-security-policy';

/** A desk page: HTML in UTF-8 under the pages' content security policy, which lets only our own script and stylesheet run. */
export function sendPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY).send(page);
}
