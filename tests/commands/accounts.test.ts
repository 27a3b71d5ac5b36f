import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.ts';
import {
  organisationMembers,
  organisations,
  passwordResets,
  schoolMembers,
  sessions,
  users,
} from '../../db/schema/index.ts';
import type { Actor } from '../../server/commands/actor.ts';
import { hashToken } from '../../server/auth/tokens.ts';
import { registerAccount, type RegisterAccountInput } from '../../server/commands/register-account.ts';
import { requestPasswordReset, RESET_MINUTES } from '../../server/commands/request-password-reset.ts';
import { resetPassword } from '../../server/commands/reset-password.ts';
import { signIn } from '../../server/commands/sign-in.ts';
import { auditOf, codeOf, messagesTo } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { buildSchool } from '../support/factories.ts';

/** Sign-up and resets act for nobody signed in, from an address. */
const visitor: Actor = { user: null, ip: '203.0.113.7' };
const RESET_PAGE = 'https://kaimen.test/reset-password';
const LOGIN_PAGE = 'https://kaimen.test/login';

/** A parent's sign-up with a fresh email, no session presented; `overrides` change the role and more. */
function signUp(overrides: Partial<RegisterAccountInput> = {}): RegisterAccountInput {
  return {
    email: `account-${randomUUID().slice(0, 8)}@test.kaimen`,
    displayName: '王女士',
    passwordHash: 'argon2id hash made by the route',
    pages: { loginUrl: LOGIN_PAGE, resetUrl: RESET_PAGE },
    role: 'parent',
    ...overrides,
  } as RegisterAccountInput;
}

const sessionsOf = (tx: Db, userId: string) => tx.select().from(sessions).where(eq(sessions.userId, userId));

/** A sign-up that makes an account (a fresh email): the account. */
async function registered(tx: Db, input: RegisterAccountInput = signUp()) {
  const { user } = await registerAccount(tx, visitor, input);
  if (!user) throw new Error(`${input.email} had an account already`);
  return user;
}

describe.each(testEngines())('account commands on %s', (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDb(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('registerAccount puts a teacher in their school, pending, audits the sign-up and welcomes them by message, signed out', async () => {
    await rollback(database, async (tx) => {
      const school = await buildSchool(tx);
      const user = await registered(tx, signUp({ role: 'teacher', schoolId: school.id }));
      expect(user).toMatchObject({ role: 'teacher', displayName: '王女士', regionPrefix: null });
      const [membership] = await tx.select().from(schoolMembers).where(eq(schoolMembers.userId, user.id));
      expect(membership).toMatchObject({ schoolId: school.id, role: 'teacher', status: 'pending' });
      const [entry] = await auditOf(tx, user.id);
      expect(entry).toMatchObject({ action: 'user.register', actorId: null, ip: visitor.ip });
      expect(entry!.after).toEqual({ email: user.email, role: 'teacher', school_id: school.id });
      // Signing in is the login's work: the sign-up's answer must not differ for a taken address.
      expect(await sessionsOf(tx, user.id)).toEqual([]);
      const [welcome] = await messagesTo(tx, user.email);
      expect(welcome).toMatchObject({ topic: 'account_created' });
      expect(welcome!.body).toContain(LOGIN_PAGE);
      expect(welcome!.body).toContain(RESET_PAGE);
    });
  });

  it('registerAccount gives a venue manager an organisation of their own, and a parent none', async () => {
    await rollback(database, async (tx) => {
      const manager = await registered(tx, signUp({ role: 'venue_manager', organisationName: '某某博物馆' }));
      const owned = await tx
        .select({ name: organisations.name })
        .from(organisationMembers)
        .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
        .where(eq(organisationMembers.userId, manager.id));
      expect(owned).toEqual([{ name: '某某博物馆' }]);
      const parent = await registered(tx);
      expect(await tx.select().from(organisationMembers).where(eq(organisationMembers.userId, parent.id))).toEqual([]);
      expect((await auditOf(tx, parent.id))[0]!.after).toMatchObject({ role: 'parent', school_id: null });
    });
  });

  it('registerAccount refuses an unknown school (SCHOOL_NOT_FOUND), creating nothing', async () => {
    await rollback(database, async (tx) => {
      const lost = signUp({ role: 'teacher', schoolId: randomUUID() });
      expect(await codeOf(registerAccount(tx, visitor, lost))).toBe('SCHOOL_NOT_FOUND');
      expect(await tx.select().from(users).where(eq(users.email, lost.email))).toEqual([]);
    });
  });

  it('registerAccount with a taken email makes nothing, changes nothing, and tells the owner by message', async () => {
    await rollback(database, async (tx) => {
      const first = signUp();
      const user = await registered(tx, first);
      const again = await registerAccount(
        tx,
        visitor,
        signUp({ email: first.email, role: 'venue_manager', organisationName: '冒名机构', passwordHash: 'other' }),
      );
      expect(again).toEqual({ user: undefined });
      const [stored] = await tx.select().from(users).where(eq(users.email, first.email));
      expect(stored).toMatchObject({ id: user.id, role: 'parent', passwordHash: first.passwordHash });
      expect(await tx.select().from(organisationMembers).where(eq(organisationMembers.userId, user.id))).toEqual([]);
      expect(await auditOf(tx, user.id)).toHaveLength(1);
      expect(await sessionsOf(tx, user.id)).toEqual([]);
      const topics = (await messagesTo(tx, first.email)).map((m) => m.topic).sort();
      expect(topics).toEqual(['account_created', 'sign_up_existing_account']);
      const [notice] = (await messagesTo(tx, first.email)).filter((m) => m.topic === 'sign_up_existing_account');
      expect(notice!.body).toContain(LOGIN_PAGE);
      expect(notice!.body).toContain(RESET_PAGE);
    });
  });

  it('registerAccount with the email of a disabled account sends nothing', async () => {
    await rollback(database, async (tx) => {
      const first = signUp();
      const user = await registered(tx, first);
      await tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
      expect(await registerAccount(tx, visitor, signUp({ email: first.email }))).toEqual({ user: undefined });
      expect((await messagesTo(tx, first.email)).map((m) => m.topic)).toEqual(['account_created']);
    });
  });

  it('signIn starts a new session and ends the one presented, so a planted session id is never kept', async () => {
    await rollback(database, async (tx) => {
      const user = await registered(tx);
      const planted = await signIn(tx, visitor, { userId: user.id, replaces: null, userAgent: 'x'.repeat(400) });
      expect((await sessionsOf(tx, user.id))[0]).toMatchObject({
        tokenHash: hashToken(planted.token),
        csrfToken: planted.csrfToken,
        ip: visitor.ip,
        revokedAt: null,
        userAgent: 'x'.repeat(300),
      });
      const fresh = await signIn(tx, visitor, {
        userId: user.id,
        replaces: hashToken(planted.token),
        userAgent: undefined,
      });
      expect(fresh.token).not.toBe(planted.token);
      expect(fresh.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
      const byHash = new Map((await sessionsOf(tx, user.id)).map((s) => [s.tokenHash, s]));
      expect(byHash.get(hashToken(planted.token))!.revokedAt).not.toBeNull();
      expect(byHash.get(hashToken(fresh.token))).toMatchObject({ revokedAt: null, userAgent: null });
    });
  });

  it('requestPasswordReset sends a one-time link through the outbox and audits it; an unknown email gets nothing', async () => {
    await rollback(database, async (tx) => {
      const user = await registered(tx);
      expect(await requestPasswordReset(tx, visitor, { email: user.email, resetPageUrl: RESET_PAGE })).toBe(true);
      const [message] = (await messagesTo(tx, user.email)).filter((m) => m.topic === 'password_reset');
      expect(message).toMatchObject({ topic: 'password_reset' });
      expect(message!.body).toContain(`${RESET_MINUTES} 分钟内`);
      const link = (message!.data as { link: string }).link;
      expect(link).toMatch(new RegExp(`^${RESET_PAGE}\\?token=[\\w-]{43}$`));
      const token = new URL(link).searchParams.get('token')!;
      const [reset] = await tx.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
      expect(reset).toMatchObject({ tokenHash: hashToken(token), usedAt: null });
      expect((await auditOf(tx, user.id)).map((e) => e.action)).toEqual([
        'user.register',
        'user.password_reset_request',
      ]);

      const nobody = `nobody-${randomUUID()}@test.kaimen`;
      expect(await requestPasswordReset(tx, visitor, { email: nobody, resetPageUrl: RESET_PAGE })).toBe(false);
      expect(await messagesTo(tx, nobody)).toEqual([]);
    });
  });

  it('requestPasswordReset sends nothing to a disabled account', async () => {
    await rollback(database, async (tx) => {
      const user = await registered(tx);
      await tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
      expect(await requestPasswordReset(tx, visitor, { email: user.email, resetPageUrl: RESET_PAGE })).toBe(false);
      expect((await messagesTo(tx, user.email)).map((m) => m.topic)).toEqual(['account_created']);
    });
  });

  /** The token of each reset link sent to `email`, oldest first. */
  async function resetTokens(tx: Db, email: string): Promise<string[]> {
    return (await messagesTo(tx, email))
      .filter((m) => m.topic === 'password_reset')
      .map((m) => new URL((m.data as { link: string }).link).searchParams.get('token')!);
  }

  it('resetPassword sets the password and ends every session; the link then answers INVALID_RESET_TOKEN', async () => {
    await rollback(database, async (tx) => {
      const user = await registered(tx);
      await signIn(tx, visitor, { userId: user.id, replaces: null, userAgent: undefined });
      await signIn(tx, visitor, { userId: user.id, replaces: null, userAgent: undefined });
      await requestPasswordReset(tx, visitor, { email: user.email, resetPageUrl: RESET_PAGE });
      const [token] = await resetTokens(tx, user.email);

      const result = await resetPassword(tx, visitor, { token: token!, passwordHash: 'the new hash' });
      expect(result).toEqual({ userId: user.id, sessionsRevoked: 2, resetsRevoked: 0 });
      const [stored] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
      expect(stored!.passwordHash).toBe('the new hash');
      expect((await sessionsOf(tx, user.id)).every((s) => s.revokedAt !== null)).toBe(true);
      const entry = (await auditOf(tx, user.id)).at(-1);
      expect(entry).toMatchObject({ action: 'user.password_reset', after: { sessions_revoked: 2, resets_revoked: 0 } });

      expect(await codeOf(resetPassword(tx, visitor, { token: token!, passwordHash: 'again' }))).toBe(
        'INVALID_RESET_TOKEN',
      );
      expect(await codeOf(resetPassword(tx, visitor, { token: 'never-issued-token-0000', passwordHash: 'x' }))).toBe(
        'INVALID_RESET_TOKEN',
      );
    });
  });

  it('resetPassword ends every other outstanding reset link of the account, older and newer alike', async () => {
    await rollback(database, async (tx) => {
      const user = await registered(tx);
      const other = await registered(tx);
      for (let i = 0; i < 3; i++) {
        await requestPasswordReset(tx, visitor, { email: user.email, resetPageUrl: RESET_PAGE });
      }
      await requestPasswordReset(tx, visitor, { email: other.email, resetPageUrl: RESET_PAGE });
      const [oldest, used, newest] = await resetTokens(tx, user.email);

      const result = await resetPassword(tx, visitor, { token: used!, passwordHash: 'the new hash' });
      expect(result.resetsRevoked).toBe(2);
      for (const token of [oldest!, newest!]) {
        expect(await codeOf(resetPassword(tx, visitor, { token, passwordHash: 'stolen' }))).toBe('INVALID_RESET_TOKEN');
      }
      const [stored] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
      expect(stored!.passwordHash).toBe('the new hash');
      // Another account's link is not touched.
      const [othersToken] = await resetTokens(tx, other.email);
      expect(await resetPassword(tx, visitor, { token: othersToken!, passwordHash: 'fine' })).toMatchObject({
        userId: other.id,
      });
    });
  });
});
