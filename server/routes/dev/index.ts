import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { recentMessages } from '../../../db/queries/outbox.ts';
import { Errors } from '../../errors.ts';
import { presentOutboxMessage } from '../../presenters/outbox-message.ts';
import { errorResponses } from '../../schemas/common.ts';
import { isLocalRequest } from './local.ts';
import { Mailbox } from './schema.ts';

/**
 * The dev mailbox: in demo mode no message leaves the machine, and this lists what would have been sent
 * (password-reset links, slot cancellations). Outside demo mode the route answers 404. The links in it
 * take over accounts, so it is read only from the machine Kaimen runs on (loopback, after the trusted
 * proxies) or by an admin: 403 DEV_MAILBOX_LOCAL_ONLY otherwise.
 */
const devRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/dev/mailbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'Messages the outbox holds (demo mode only)',
        description:
          'Readable from the machine Kaimen runs on (loopback) or by an admin; 403 DEV_MAILBOX_LOCAL_ONLY from elsewhere.',
        operationId: 'getDevMailbox',
        response: { 200: Mailbox, ...errorResponses(403, 404) },
      },
    },
    async (request, reply) => {
      if (!app.config.demo) throw Errors.devMailboxOff();
      if (request.user?.role !== 'admin' && !isLocalRequest(request, app.config.trustProxy !== false)) {
        throw Errors.devMailboxLocalOnly();
      }
      void reply.header('cache-control', 'no-store');
      return { items: (await recentMessages(app.db)).map(presentOutboxMessage) };
    },
  );
};

export default devRoutes;
