import { z } from 'zod';
import { ForbiddenError } from '../../errors/docket-errors';
import { staffIdSchema } from '../../domain/identifiers';
import type { Outbox } from '../../store';
import { defineRoute, type ApiRoute } from '../http/route';

const messageSchema = z.object({
  seq: z.number(),
  messageId: z.string(),
  recipientId: z.string(),
  language: z.enum(['ru', 'en']),
  subject: z.string(),
  body: z.string(),
  caseNumber: z.string(),
  createdAt: z.string(),
});

/**
 * Without SMTP every reminder, escalation and digest waits in the register's outbox; this is where staff
 * read it. Caseworkers read their own messages; supervisors their own or anyone's.
 */
export function outboxRoutes(outbox: Outbox): ApiRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/messages',
      operationId: 'listMessages',
      summary: 'Messages kept in the outbox for a staff member (yourself unless a supervisor names another), newest first',
      tag: 'messages',
      permission: 'messages.read',
      query: z.object({
        recipient: staffIdSchema.optional().describe('Supervisors only: whose messages'),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
      response: z.object({ recipient: z.string(), messages: z.array(messageSchema) }),
      handle: async ({ principal, query }) => {
        const recipient = query.recipient ?? principal.staffId;
        if (recipient !== principal.staffId && principal.role !== 'supervisor') {
          throw new ForbiddenError(`A ${principal.role} reads only their own messages.`);
        }
        const entries = await outbox.list({ recipientId: recipient, limit: query.limit });
        return { recipient, messages: entries.map(({ idempotencyKey: _key, ...message }) => message) };
      },
    }),
  ];
}
