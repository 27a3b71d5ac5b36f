import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listAccounts, regionNames, type AdminUserRow } from '../../../db/queries/admin-users.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { randomToken } from '../../auth/tokens.ts';
import {
  ACCOUNT_INVITATION_DAYS,
  changeAccountRole,
  deactivateAccount,
  inviteAccount,
  reactivateAccount,
} from '../../commands/account-admin.ts';
import { runCommand } from '../../commands/actor.ts';
import { decodeCursor, encodeCursor, queryFingerprint } from '../../cursor.ts';
import { errorResponses } from '../../schemas/common.ts';
import {
  Account,
  AccountListQuery,
  AccountPage,
  AccountParams,
  ChangeRoleBody,
  DEFAULT_ACCOUNT_LIMIT,
  InviteAccountBody,
} from './schema.ts';

const ADMINS = { access: { roles: ['admin'] } } as const;
const TAGS = ['admin'];

/**
 * Accounts, for administrators (/admin/users): list and search them, invite bureau officers (with their
 * region chosen by name) and further admins, change roles, deactivate and reactivate. The commands are in
 * server/commands/account-admin.ts; every change is audited.
 */
const adminUserRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(Account);

  async function present(rows: AdminUserRow[]) {
    const names = await regionNames(
      app.db,
      rows.flatMap((r) => (r.regionPrefix ? [r.regionPrefix] : [])),
    );
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      display_name: r.displayName,
      role: r.role,
      region: r.regionPrefix ? { prefix: r.regionPrefix, name: names.get(r.regionPrefix) ?? r.regionPrefix } : null,
      is_demo: r.isDemo,
      deactivated_at: r.disabledAt ? r.disabledAt.toISOString() : null,
      created_at: r.createdAt.toISOString(),
    }));
  }
  const presentOne = async (row: AdminUserRow) => (await present([row]))[0]!;

  app.get(
    '/api/admin/users',
    {
      config: ADMINS,
      schema: {
        tags: TAGS,
        summary: 'Accounts by email, searched by part of the email or name, by role and status',
        operationId: 'listAccounts',
        querystring: AccountListQuery,
        response: { 200: AccountPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { query } = request;
      const limit = query.limit ?? DEFAULT_ACCOUNT_LIMIT;
      const q = query.q?.trim() || undefined;
      const fingerprint = queryFingerprint({ q, role: query.role, status: query.status });
      const after = query.cursor ? decodeCursor(query.cursor, fingerprint) : undefined;
      const rows = await listAccounts(app.db, {
        q,
        role: query.role,
        status: query.status,
        afterEmail: after ? String(after.key[0]) : undefined,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      void reply.header('cache-control', 'no-store');
      return {
        items: await present(page),
        next_cursor: rows.length > limit && last ? encodeCursor({ key: [last.email], id: last.id }, fingerprint) : null,
      };
    },
  );

  app.post(
    '/api/admin/users/invitations',
    {
      config: ADMINS,
      schema: {
        tags: TAGS,
        summary: 'Make the account of a bureau officer (region chosen by name) or another admin, and invite them',
        description: `The account exists at once; its owner sets the password with a link sent through the outbox, working once for ${ACCOUNT_INVITATION_DAYS} days (the password-reset page). 409 ACCOUNT_EXISTS when the email has an account (change its role instead); 400 REGION_REQUIRED, REGION_NOT_FOR_ROLE, REGION_NOT_FOUND.`,
        operationId: 'inviteAccount',
        body: InviteAccountBody,
        response: { 201: Account, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { body } = request;
      // A password nobody knows until the link sets one; argon2 runs outside the transaction.
      const placeholderHash = await hashPassword(randomToken());
      const row = await runCommand(app.db, inviteAccount, request.actor, {
        email: body.email.trim().toLowerCase(),
        displayName: body.display_name.trim(),
        role: body.role,
        ...(body.region_adcode === undefined ? {} : { regionAdcode: body.region_adcode }),
        placeholderHash,
        setPasswordPageUrl: `${app.config.publicUrl}/reset-password`,
      });
      return reply.code(201).send(await presentOne(row));
    },
  );

  app.patch(
    '/api/admin/users/:id',
    {
      config: ADMINS,
      schema: {
        tags: TAGS,
        summary: "Change an account's role (a bureau's with its region)",
        description:
          'Takes effect on the account’s next request. 409 NOT_YOURSELF for your own account, LAST_ADMIN when no active admin would remain; 404 USER_NOT_FOUND.',
        operationId: 'changeAccountRole',
        params: AccountParams,
        body: ChangeRoleBody,
        response: { 200: Account, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { body } = request;
      const row = await runCommand(app.db, changeAccountRole, request.actor, {
        userId: request.params.id,
        role: body.role,
        ...(body.region_adcode === undefined ? {} : { regionAdcode: body.region_adcode }),
      });
      return presentOne(row);
    },
  );

  app.post(
    '/api/admin/users/:id/deactivate',
    {
      config: ADMINS,
      schema: {
        tags: TAGS,
        summary: 'Deactivate an account: it cannot sign in, and its sessions end at once',
        description:
          '409 NOT_YOURSELF, LAST_ADMIN, ALREADY_DEACTIVATED; 404 USER_NOT_FOUND. Reactivating it lets it sign in again.',
        operationId: 'deactivateAccount',
        params: AccountParams,
        response: { 200: Account, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentOne(await runCommand(app.db, deactivateAccount, request.actor, { userId: request.params.id })),
  );

  app.post(
    '/api/admin/users/:id/reactivate',
    {
      config: ADMINS,
      schema: {
        tags: TAGS,
        summary: 'Reactivate a deactivated account (it signs in anew)',
        description: '409 NOT_DEACTIVATED; 404 USER_NOT_FOUND.',
        operationId: 'reactivateAccount',
        params: AccountParams,
        response: { 200: Account, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentOne(await runCommand(app.db, reactivateAccount, request.actor, { userId: request.params.id })),
  );
};

export default adminUserRoutes;
