import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Errors } from '../../errors.ts';
import { errorResponses, Nullable } from '../../schemas/common.ts';
import { recentMessages } from '../../../db/queries/outbox.ts';

/**
 * The dev mailbox: in demo mode no message leaves the machine, and this lists what would have been sent
 * (password-reset links, slot cancellations). Outside demo mode the route answers 404.
 */
const devRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/dev/mailbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'Messages the outbox holds (demo mode only)',
        operationId: 'getDevMailbox',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String({ format: 'uuid' }),
                recipient: Type.String(),
                topic: Type.String(),
                subject: Type.String(),
                body: Type.String(),
                created_at: Type.String({ format: 'date-time' }),
                sent_at: Nullable(Type.String({ format: 'date-time' })),
              }),
            ),
          }),
          ...errorResponses(404),
        },
      },
    },
    async (_request, reply) => {
      if (!app.config.demo) throw Errors.devMailboxOff();
      void reply.header('cache-control', 'no-store');
      const messages = await recentMessages(app.db);
      return {
        items: messages.map((m) => ({
          id: m.id,
          recipient: m.recipient,
          topic: m.topic,
          subject: m.subject,
          body: m.body,
          created_at: m.createdAt.toISOString(),
          sent_at: m.sentAt ? m.sentAt.toISOString() : null,
        })),
      };
    },
  );
};

export default devRoutes;
