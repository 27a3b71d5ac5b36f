import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows, type Database, type Db } from '../../db/client.ts';
import { findSessionUser, insertSession } from '../../db/queries/sessions.ts';
import { insertUser } from '../../db/queries/users.ts';
import { users } from '../../db/schema/index.ts';
import type { Role } from '../../domain/vocab.ts';
import { hashToken, randomToken } from '../../server/auth/tokens.ts';
import {
  changeAccountRole,
  createAdmin,
  deactivateAccount,
  inviteAccount,
  reactivateAccount,
} from '../../server/commands/account-admin.ts';
import { auditOf, codeOf, messagesTo } from '../support/commands.ts';
import { rollback, testEngines, withTestDb } from '../support/engines.ts';
import { actorOf } from '../support/factories.ts';

const PAGE = 'http://kaimen.test/reset-password';

/** An account made inside the test's transaction, as the actor of a command. */
async function account(tx: Db, role: Role, regionPrefix: string | null = null) {
  const tag = Math.random().toString(36).slice(2, 10);
  const user = await insertUser(tx, {
    email: `${role}-${tag}@test.kaimen`,
    displayName: `测试 ${role} ${tag}`,
    passwordHash: 'not a hash',
    role,
    regionPrefix,
  });
  return actorOf({ user: { ...user!, csrfToken: 'test' } });
}

/** Only the admins this test makes count: every other admin of the shared database is set aside. */
const onlyTheseAdmins = (tx: Db) => tx.execute(sql`UPDATE users SET disabled_at = now() WHERE role = 'admin'`);

describe.each(testEngines())('account administration commands on %s', (engine) => {
  let database: Database;
  withTestDb(engine, (opened) => (database = opened));

  it('invites a bureau officer with the region chosen by name: its level sets the prefix; a link to set the password goes out; audited', async () => {
    await rollback(database, async (tx) => {
      const admin = await account(tx, 'admin');
      const invite = (email: string, regionAdcode?: string, role: 'bureau' | 'admin' = 'bureau') =>
        inviteAccount(tx, admin, {
          email,
          displayName: '东城区教育局',
          role,
          ...(regionAdcode ? { regionAdcode } : {}),
          placeholderHash: 'placeholder',
          setPasswordPageUrl: PAGE,
        });
      const district = await invite('dongcheng@test.kaimen', '110101');
      expect(district).toMatchObject({ role: 'bureau', regionPrefix: '110101', disabledAt: null });
      expect((await invite('beijing@test.kaimen', '110000')).regionPrefix).toBe('11');
      expect((await invite('shenzhen@test.kaimen', '440300')).regionPrefix).toBe('4403');
      expect((await invite('second-admin@test.kaimen', undefined, 'admin')).regionPrefix).toBeNull();

      const [message] = await messagesTo(tx, 'dongcheng@test.kaimen');
      expect(message).toMatchObject({ topic: 'account_invitation' });
      const link = (message!.data as { link: string }).link;
      expect(link).toMatch(new RegExp(`^${PAGE}\\?token=[A-Za-z0-9_-]{20,}$`));
      const token = link.split('token=')[1]!;
      const [reset] = await queryRows<{ user_id: string; expires_at: string }>(
        tx,
        sql`SELECT user_id, expires_at FROM password_resets WHERE token_hash = ${hashToken(token)}`,
      );
      expect(reset?.user_id).toBe(district.id);
      expect(new Date(reset!.expires_at).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
      expect(message!.body).not.toContain('placeholder');

      const [entry] = await auditOf(tx, district.id);
      expect(entry).toMatchObject({ action: 'user.invite', actorId: admin.user.id, entityType: 'user' });
      expect(entry!.after).toMatchObject({ email: 'dongcheng@test.kaimen', role: 'bureau', region_prefix: '110101' });

      expect(await codeOf(invite('dongcheng@test.kaimen', '110101'))).toBe('ACCOUNT_EXISTS');
      expect(await codeOf(invite('x1@test.kaimen'))).toBe('REGION_REQUIRED');
      expect(await codeOf(invite('x2@test.kaimen', '999999'))).toBe('REGION_NOT_FOUND');
      expect(await codeOf(invite('x3@test.kaimen', '110101', 'admin'))).toBe('REGION_NOT_FOR_ROLE');
    });
  });

  it('changes roles and regions, audited before and after; never your own; a bureau needs its region', async () => {
    await rollback(database, async (tx) => {
      const admin = await account(tx, 'admin');
      const parent = await account(tx, 'parent');
      const changed = await changeAccountRole(tx, admin, {
        userId: parent.user.id,
        role: 'bureau',
        regionAdcode: '310000',
      });
      expect(changed).toMatchObject({ role: 'bureau', regionPrefix: '31' });
      const back = await changeAccountRole(tx, admin, { userId: parent.user.id, role: 'teacher' });
      expect(back).toMatchObject({ role: 'teacher', regionPrefix: null });
      const entries = await auditOf(tx, parent.user.id);
      expect(entries.map((e) => e.action)).toEqual(['user.role_change', 'user.role_change']);
      expect(entries[0]!.before).toMatchObject({ role: 'parent', region_prefix: null });
      expect(entries[0]!.after).toMatchObject({ role: 'bureau', region_prefix: '31' });

      expect(await codeOf(changeAccountRole(tx, admin, { userId: parent.user.id, role: 'bureau' }))).toBe(
        'REGION_REQUIRED',
      );
      expect(await codeOf(changeAccountRole(tx, admin, { userId: admin.user.id, role: 'parent' }))).toBe(
        'NOT_YOURSELF',
      );
      const nobody = '00000000-0000-4000-8000-000000000000';
      expect(await codeOf(changeAccountRole(tx, admin, { userId: nobody, role: 'parent' }))).toBe('USER_NOT_FOUND');
    });
  });

  it('deactivating ends every session of the account at once, and it cannot sign in; reactivating lets it in again; audited', async () => {
    await rollback(database, async (tx) => {
      const admin = await account(tx, 'admin');
      const parent = await account(tx, 'parent');
      const tokens = [randomToken(), randomToken()];
      for (const token of tokens) {
        await insertSession(tx, {
          tokenHash: hashToken(token),
          userId: parent.user.id,
          csrfToken: 'x',
          expiresAt: new Date(Date.now() + 86_400_000),
        });
      }
      expect(await findSessionUser(tx, hashToken(tokens[0]!))).toBeDefined();
      const off = await deactivateAccount(tx, admin, { userId: parent.user.id });
      expect(off.disabledAt).toBeInstanceOf(Date);
      for (const token of tokens) expect(await findSessionUser(tx, hashToken(token))).toBeUndefined();
      const [live] = await queryRows<{ n: number }>(
        tx,
        sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${parent.user.id} AND revoked_at IS NULL`,
      );
      expect(live!.n).toBe(0);
      expect(await codeOf(deactivateAccount(tx, admin, { userId: parent.user.id }))).toBe('ALREADY_DEACTIVATED');
      expect(await codeOf(deactivateAccount(tx, admin, { userId: admin.user.id }))).toBe('NOT_YOURSELF');

      const on = await reactivateAccount(tx, admin, { userId: parent.user.id });
      expect(on.disabledAt).toBeNull();
      expect(await codeOf(reactivateAccount(tx, admin, { userId: parent.user.id }))).toBe('NOT_DEACTIVATED');
      const entries = await auditOf(tx, parent.user.id);
      expect(entries.map((e) => e.action)).toEqual(['user.deactivate', 'user.reactivate']);
      expect(entries[0]!.after).toMatchObject({ deactivated: true, sessions_ended: 2 });
    });
  });

  it('keeps one active admin: no demotion or deactivation of the last one (another admin was deactivated meanwhile)', async () => {
    await rollback(database, async (tx) => {
      await onlyTheseAdmins(tx);
      const first = await account(tx, 'admin');
      const second = await account(tx, 'admin');
      // Both admins act at once: the first's deactivation of the second wins, the second's of the first then
      // finds the first the last admin.
      await deactivateAccount(tx, first, { userId: second.user.id });
      expect(await codeOf(deactivateAccount(tx, second, { userId: first.user.id }))).toBe('LAST_ADMIN');
      expect(await codeOf(changeAccountRole(tx, second, { userId: first.user.id, role: 'parent' }))).toBe('LAST_ADMIN');
      // With another active admin, the demotion goes through.
      const third = await account(tx, 'admin');
      expect((await changeAccountRole(tx, third, { userId: first.user.id, role: 'parent' })).role).toBe('parent');
    });
  });

  it('admin:create makes an admin, says so when it exists, and refuses an email of another role', async () => {
    await rollback(database, async (tx) => {
      const input = { email: 'first-admin@test.kaimen', displayName: '管理员', passwordHash: 'h' };
      const made = await createAdmin(tx, input);
      expect(made.created).toBe(true);
      const [row] = await tx.select().from(users).where(eq(users.email, input.email));
      expect(row).toMatchObject({ role: 'admin', regionPrefix: null, disabledAt: null });
      expect((await auditOf(tx, made.user.id))[0]).toMatchObject({ action: 'user.create_admin', actorId: null });
      expect(await createAdmin(tx, input)).toMatchObject({ created: false, user: { id: made.user.id } });
      const parent = await account(tx, 'parent');
      expect(await codeOf(createAdmin(tx, { ...input, email: parent.user.email }))).toBe('ACCOUNT_EXISTS');
    });
  });
});
