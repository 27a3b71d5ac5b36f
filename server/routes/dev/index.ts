import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { recentMessages } from '../../../db/queries/outbox.ts';
import { Errors } from '../../errors.ts';
import { presentOutboxMessage } from '../../presenters/outbox-message.ts';
import { errorResponses } from '../../schemas/common.ts';
import { Mailbox } from './schema.ts';

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
        response: { 200: Mailbox, ...errorResponses(404) },
      },
    },
    async (_request, reply) => {
      if (!app.config.demo) throw Errors.devMailboxOff();
      void reply.header('cache-control', 'no-store');
      return { items: (await recentMessages(app.db)).map(presentOutboxMessage) };
    },
  );
};

export default devRoutes;
