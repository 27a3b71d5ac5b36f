import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { revokeSession } from '../../../db/queries/sessions.ts';
import { findUserForLogin, userAffiliations, type UserRow } from '../../../db/queries/users.ts';
import { hashPassword, refuseWeakPassword, verifyPassword } from '../../auth/passwords.ts';
import { countAttempt, RateLimiter } from '../../auth/rate-limit.ts';
import { runPublicCommand } from '../../commands/actor.ts';
import { registerAccount, type NewAccountRole } from '../../commands/register-account.ts';
import { RESET_MINUTES, requestPasswordReset } from '../../commands/request-password-reset.ts';
import { resetPassword } from '../../commands/reset-password.ts';
import { signIn, type NewSession, type SessionRequest } from '../../commands/sign-in.ts';
import { Errors } from '../../errors.ts';
import { presentMe } from '../../presenters/user.ts';
import { errorResponses } from '../../schemas/common.ts';
import {
  LoginBody,
  Me,
  RegisterBody,
  ResetConfirmBody,
  ResetRequestBody,
  ResetRequested,
  SignUpAccepted,
} from './schema.ts';

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
  const limit = (request: FastifyRequest, limiter: RateLimiter, key: string) => {
    const wait = countAttempt(request, limiter, key);
    if (wait !== undefined) throw Errors.rateLimited(wait);
  };
  // KAIMEN_RATE_LIMITS=off (load tests from one address, never in production): logins and sign-ups go unlimited.
  const limitSignIn = app.config.rateLimits ? limit : () => {};

  /** Sets the new session's cookie and answers the account as `GET /api/me` does. */
  async function answerSignedIn(request: FastifyRequest, reply: FastifyReply, user: UserRow, session: NewSession) {
    app.setSessionCookie(reply, request, session.token, session.expiresAt);
    return presentMe(user, await userAffiliations(app.db, user.id), session.csrfToken);
  }

  app.post(
    '/api/auth/register',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: 'Create an account (parent, teacher, school admin or venue manager); then sign in',
        description:
          'Answers 202 with the same body whether or not the email already has an account, so sign-up tells nobody which addresses have one; the address gets a message either way (a welcome, or "someone tried to sign up; sign in or reset the password"). It does not sign in: POST /api/auth/login with the same email and password does. Teachers join a pending or verified school (its admin approves them; 409 SCHOOL_REJECTED for a rejected one); school admins then register or claim their school; venue managers get an organisation for their venues. Bureau and admin accounts are made by an administrator.',
        operationId: 'register',
        body: RegisterBody,
        response: { 202: SignUpAccepted, ...errorResponses(400, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      limitSignIn(request, registerPerAddress, request.ip);
      const { body } = request;
      const email = body.email.trim().toLowerCase();
      refuseWeakPassword(body.password, email);
      const role = roleOfSignUp(body);
      // argon2 runs before the transaction, which then holds its connection only for the writes. Both
      // outcomes hash, write in one transaction and queue one message, so they take about as long.
      const passwordHash = await hashPassword(body.password);
      await runPublicCommand(app.db, registerAccount, request.actor, {
        email,
        displayName: body.display_name.trim(),
        passwordHash,
        pages: { loginUrl: `${app.config.publicUrl}/login`, resetUrl: `${app.config.publicUrl}/reset-password` },
        ...role,
      });
      return reply.code(202).send({ status: 'accepted' as const });
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
      limitSignIn(request, loginPerAddress, request.ip);
      limitSignIn(request, loginPerAccount, accountKey);
      const user = await findUserForLogin(app.db, email);
      const valid = await verifyPassword(user?.passwordHash, request.body.password);
      if (!user || !valid || user.disabledAt) throw Errors.invalidCredentials();
      loginPerAccount.reset(accountKey);
      const session = await runPublicCommand(app.db, signIn, request.actor, {
        userId: user.id,
        ...sessionRequest(request),
      });
      return answerSignedIn(request, reply, user, session);
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
      const user = request.user!;
      void reply.header('cache-control', 'no-store');
      return presentMe(user, await userAffiliations(app.db, user.id), user.csrfToken);
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: 'Ask for a password-reset link by email',
        description: `Always answers 202 at once, whether or not the email has an account; the link, valid ${RESET_MINUTES} minutes, goes out through the outbox.`,
        operationId: 'requestPasswordReset',
        body: ResetRequestBody,
        response: { 202: ResetRequested, ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      limit(request, resetPerAddress, request.ip);
      // Past the per-account limit the answer stays the same, so it reveals nothing; no message goes out.
      if (countAttempt(request, resetPerAccount, email) === undefined) {
        const { actor } = request;
        const input = { email, resetPageUrl: `${app.config.publicUrl}/reset-password` };
        // The work happens after the answer, so its timing cannot tell whether the account exists.
        setImmediate(() => {
          void runPublicCommand(app.db, requestPasswordReset, actor, input).catch((err: unknown) =>
            request.log.error({ err }, 'password reset request failed'),
          );
        });
      }
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

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
      limit(request, confirmPerAddress, request.ip);
      const passwordHash = await hashPassword(request.body.password);
      await runPublicCommand(app.db, resetPassword, request.actor, { token: request.body.token, passwordHash });
      return reply.code(204).send(null);
    },
  );
};

/** The session a sign-in replaces (never kept, against fixation) and the browser it comes from. */
function sessionRequest(request: FastifyRequest): SessionRequest {
  return { replaces: request.sessionTokenHash, userAgent: request.headers['user-agent'] };
}

/** What a sign-up's role brings: a teacher's school (SCHOOL_REQUIRED without one), a manager's organisation. */
function roleOfSignUp(body: RegisterBody): NewAccountRole {
  switch (body.role) {
    case 'teacher':
      if (!body.school_id) throw Errors.schoolRequired();
      return { role: 'teacher', schoolId: body.school_id };
    case 'school_admin':
      return { role: 'school_admin' };
    case 'venue_manager':
      return { role: 'venue_manager', organisationName: (body.organisation_name ?? body.display_name).trim() };
    default:
      return { role: 'parent' };
  }
}

export default authRoutes;
