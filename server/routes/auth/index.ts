import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createOrganisation } from '../../../db/queries/organisations.ts';
import { addSchoolMember, schoolExists } from '../../../db/queries/schools.ts';
import {
  consumePasswordReset,
  insertPasswordReset,
  insertSession,
  revokeSession,
  revokeUserSessions,
} from '../../../db/queries/sessions.ts';
import {
  findUserForLogin,
  insertUser,
  setPassword,
  userAffiliations,
  type UserRow,
} from '../../../db/queries/users.ts';
import type { Role } from '../../../domain/vocab.ts';
import { hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { RateLimiter } from '../../auth/rate-limit.ts';
import { hashToken, randomToken } from '../../auth/tokens.ts';
import { Errors } from '../../errors.ts';
import { errorResponses } from '../../schemas/common.ts';
import { recordAudit } from '../../commands/audit.ts';
import { enqueueMessage } from '../../../db/queries/outbox.ts';
import { passwordResetMessage } from '../../messages/password-reset.ts';
import { LoginBody, Me, RegisterBody, ResetConfirmBody, ResetRequestBody, ResetRequested } from './schema.ts';

const SESSION_DAYS = 14;
const RESET_MINUTES = 30;
const MINUTE = 60_000;

/** Accounts: sign up, sign in and out, the current user, password reset by a link sent through the outbox. */
const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(Me);

  // Brute force: 5 logins per account and address a quarter hour, 50 per address; sign-ups and resets too.
  const loginPerAccount = new RateLimiter(5, 15 * MINUTE);
  const loginPerAddress = new RateLimiter(50, 15 * MINUTE);
  const registerPerAddress = new RateLimiter(20, 60 * MINUTE);
  const resetPerAddress = new RateLimiter(10, 15 * MINUTE);
  const resetPerAccount = new RateLimiter(3, 60 * MINUTE);
  const confirmPerAddress = new RateLimiter(20, 15 * MINUTE);
  const limit = (limiter: RateLimiter, key: string) => {
    const wait = limiter.hit(key);
    if (wait !== undefined) throw Errors.rateLimited(wait);
  };

  /** Starts a fresh session (never reusing a presented one, against fixation) and answers the user. */
  async function signIn(request: FastifyRequest, reply: FastifyReply, user: UserRow): Promise<Me> {
    if (request.sessionTokenHash) await revokeSession(app.db, request.sessionTokenHash);
    const token = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * MINUTE);
    await insertSession(app.db, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      expiresAt,
      ip: request.ip,
      ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'].slice(0, 300) } : {}),
    });
    app.setSessionCookie(reply, request, token, expiresAt);
    return describe(user, csrfToken);
  }

  async function describe(user: UserRow, csrfToken: string): Promise<Me> {
    const { organisations, schools } = await userAffiliations(app.db, user.id);
    return {
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      role: user.role,
      region_prefix: user.regionPrefix,
      organisations,
      schools,
      csrf_token: csrfToken,
    };
  }

  app.post(
    '/api/auth/register',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: 'Create an account (parent, teacher or venue manager) and sign in',
        description:
          'Teachers join a school (its admin approves them); venue managers get an organisation for their venues. Bureau, school admin and admin accounts are made by an administrator.',
        operationId: 'register',
        body: RegisterBody,
        response: { 201: Type.Ref('Me'), ...errorResponses(400, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      limit(registerPerAddress, request.ip);
      const body = request.body;
      const email = body.email.trim().toLowerCase();
      checkPassword(body.password, email);
      if (body.role === 'teacher' && !body.school_id) throw Errors.schoolRequired();
      const passwordHash = await hashPassword(body.password);
      const user = await app.db.transaction(async (tx) => {
        if (body.role === 'teacher' && !(await schoolExists(tx, body.school_id!))) throw Errors.schoolNotFound();
        const created = await insertUser(tx, {
          email,
          displayName: body.display_name.trim(),
          passwordHash,
          role: body.role as Role,
        });
        if (!created) throw Errors.emailTaken();
        if (body.role === 'teacher') {
          await addSchoolMember(tx, { schoolId: body.school_id!, userId: created.id, role: 'teacher' });
        }
        if (body.role === 'venue_manager') {
          await createOrganisation(tx, (body.organisation_name ?? body.display_name).trim(), created.id);
        }
        await recordAudit(tx, request.actor, {
          action: 'user.register',
          entityType: 'user',
          entityId: created.id,
          after: { email, role: body.role, school_id: body.school_id ?? null },
        });
        return created;
      });
      return reply.code(201).send(await signIn(request, reply, user));
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with email and password',
        description:
          'A wrong email and a wrong password get the same answer in the same time. Five attempts per account and address in 15 minutes, then 429.',
        operationId: 'login',
        body: LoginBody,
        response: { 200: Type.Ref('Me'), ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      const accountKey = `${request.ip} ${email}`;
      limit(loginPerAddress, request.ip);
      limit(loginPerAccount, accountKey);
      const user = await findUserForLogin(app.db, email);
      const valid = await verifyPassword(user?.passwordHash, request.body.password);
      if (!user || !valid || user.disabledAt) throw Errors.invalidCredentials();
      loginPerAccount.reset(accountKey);
      return signIn(request, reply, user);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['accounts'],
        summary: 'Sign out: the session is revoked on the server',
        operationId: 'logout',
        response: { 204: Type.Null(), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      if (request.sessionTokenHash) await revokeSession(app.db, request.sessionTokenHash);
      app.setSessionCookie(reply, request, null);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user, their organisations and schools, and the CSRF token',
        operationId: 'getMe',
        response: { 200: Type.Ref('Me'), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return describe(request.user!, request.user!.csrfToken);
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: 'Ask for a password-reset link by email',
        description:
          'Always answers 202 at once, whether or not the email has an account; the link, valid 30 minutes, goes out through the outbox.',
        operationId: 'requestPasswordReset',
        body: ResetRequestBody,
        response: { 202: ResetRequested, ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      limit(resetPerAddress, request.ip);
      // Past the per-account limit the answer stays the same, so it reveals nothing; no message goes out.
      const send = resetPerAccount.hit(email) === undefined;
      // The work happens after the answer, so its timing cannot tell whether the account exists.
      if (send) {
        setImmediate(() => {
          void sendResetLink(request, email).catch((err: unknown) =>
            request.log.error({ err }, 'password reset request failed'),
          );
        });
      }
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  async function sendResetLink(request: FastifyRequest, email: string): Promise<void> {
    const user = await findUserForLogin(app.db, email);
    if (!user || user.disabledAt) return;
    const token = randomToken();
    const link = `${app.config.publicUrl}/reset-password?token=${token}`;
    await app.db.transaction(async (tx) => {
      await insertPasswordReset(tx, {
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt: new Date(Date.now() + RESET_MINUTES * MINUTE),
      });
      await enqueueMessage(
        tx,
        user.email,
        passwordResetMessage({ recipientName: user.displayName, link, validMinutes: RESET_MINUTES }),
      );
      await recordAudit(tx, request.actor, {
        action: 'user.password_reset_request',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: 'Set a new password with a reset link; signs the account out everywhere',
        operationId: 'confirmPasswordReset',
        body: ResetConfirmBody,
        response: { 204: Type.Null(), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      limit(confirmPerAddress, request.ip);
      const passwordHash = await hashPassword(request.body.password);
      await app.db.transaction(async (tx) => {
        const userId = await consumePasswordReset(tx, hashToken(request.body.token));
        if (!userId) throw Errors.invalidResetToken();
        await setPassword(tx, userId, passwordHash);
        const revoked = await revokeUserSessions(tx, userId);
        await recordAudit(tx, request.actor, {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: userId,
          after: { sessions_revoked: revoked },
        });
      });
      return reply.code(204).send(null);
    },
  );
};

/** Refuses a password that equals the email or its name part (length is checked by the schema). */
function checkPassword(password: string, email: string): void {
  const lower = password.toLowerCase();
  if (lower === email || lower === email.split('@')[0]) {
    throw Errors.weakPassword('the password must not be your email address');
  }
}

export default authRoutes;
