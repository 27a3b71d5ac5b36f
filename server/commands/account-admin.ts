/**
 * What an administrator does to accounts: invites bureau officers (and further admins), changes roles
 * and regions, deactivates and reactivates accounts. Each command runs in one transaction and is audited
 * (entity `user`, no district: only admins read these entries). Kaimen always keeps one active admin.
 */
import type { Db } from '../../db/client.ts';
import {
  activeAdminCount,
  findRegion,
  lockAccount,
  lockAdminSet,
  setAccountDisabled,
  setAccountRole,
  type AdminUserRow,
} from '../../db/queries/admin-users.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import { insertPasswordReset, revokeUserSessions } from '../../db/queries/sessions.ts';
import { findUserForLogin, insertUser } from '../../db/queries/users.ts';
import type { Role } from '../../domain/vocab.ts';
import { AdminErrors } from '../admin-errors.ts';
import { hashToken, randomToken } from '../auth/tokens.ts';
import { accountInvitationMessage } from '../messages/account-invitation.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

/** How long the link of an invitation to set a password works. */
export const ACCOUNT_INVITATION_DAYS = 7;

/** Roles an administrator invites people into (the others sign up themselves). */
export const INVITABLE_ACCOUNT_ROLES = ['bureau', 'admin'] as const;
export type InvitableAccountRole = (typeof INVITABLE_ACCOUNT_ROLES)[number];

/** Digits of an adcode that a region of each level keeps as its prefix. */
const PREFIX_DIGITS: Record<string, number> = { province: 2, city: 4, district: 6 };

/**
 * The adcode prefix a bureau of `role` oversees, from the province, city or district chosen by name
 * (its adcode): none for other roles. REGION_REQUIRED, REGION_NOT_FOR_ROLE, REGION_NOT_FOUND.
 */
export async function regionPrefixFor(tx: Db, role: Role, regionAdcode: string | undefined): Promise<string | null> {
  if (role !== 'bureau') {
    if (regionAdcode !== undefined) throw AdminErrors.regionNotForRole();
    return null;
  }
  if (regionAdcode === undefined) throw AdminErrors.regionRequired();
  const region = await findRegion(tx, regionAdcode);
  const digits = region && PREFIX_DIGITS[region.level];
  if (!region || !digits) throw AdminErrors.regionNotFound();
  return region.code.slice(0, digits);
}

const auditView = (row: AdminUserRow) => ({
  email: row.email,
  role: row.role,
  region_prefix: row.regionPrefix,
  deactivated: row.disabledAt !== null,
});

export interface InviteAccountInput {
  /** Lower-cased. */
  email: string;
  displayName: string;
  role: InvitableAccountRole;
  /** The adcode of the bureau's province, city or district. */
  regionAdcode?: string;
  /** A hash of a random password nobody knows (hashed outside the transaction): the link sets the real one. */
  placeholderHash: string;
  /** The page that sets a password with a link's token (`…/reset-password`). */
  setPasswordPageUrl: string;
}

/**
 * Makes the account of a bureau officer (or another admin) and sends its owner a link to set their
 * password, working once for ACCOUNT_INVITATION_DAYS (a password-reset token, stored as its hash).
 * ACCOUNT_EXISTS when the email has an account: change its role instead. Audited.
 */
export async function inviteAccount(tx: Db, actor: SignedInActor, input: InviteAccountInput): Promise<AdminUserRow> {
  const regionPrefix = await regionPrefixFor(tx, input.role, input.regionAdcode);
  const existing = await findUserForLogin(tx, input.email);
  if (existing) throw AdminErrors.accountExists(existing.role);
  const user = await insertUser(tx, {
    email: input.email,
    displayName: input.displayName,
    passwordHash: input.placeholderHash,
    role: input.role,
    regionPrefix,
  });
  // A racing invitation of the same email took it between the check and the insert.
  if (!user) throw AdminErrors.accountExists(input.role);
  const token = randomToken();
  await insertPasswordReset(tx, {
    tokenHash: hashToken(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + ACCOUNT_INVITATION_DAYS * 86_400_000),
  });
  await enqueueMessage(
    tx,
    user.email,
    accountInvitationMessage({
      recipientName: user.displayName,
      inviterName: actor.user.displayName,
      role: input.role,
      link: `${input.setPasswordPageUrl}?token=${token}`,
      validDays: ACCOUNT_INVITATION_DAYS,
    }),
  );
  const row = (await lockAccount(tx, user.id))!;
  await recordAudit(tx, actor, { action: 'user.invite', entityType: 'user', entityId: user.id, after: auditView(row) });
  return row;
}

export interface ChangeRoleInput {
  userId: string;
  role: Role;
  regionAdcode?: string;
}

/**
 * Gives an account another role (and a bureau its region). Takes effect on the account's next request
 * (every request reads the role afresh). NOT_YOURSELF for one's own account, LAST_ADMIN when it would
 * leave no active admin, USER_NOT_FOUND. Audited, before and after.
 */
export async function changeAccountRole(tx: Db, actor: SignedInActor, input: ChangeRoleInput): Promise<AdminUserRow> {
  if (input.userId === actor.user.id) throw AdminErrors.notYourself('change the role of');
  const regionPrefix = await regionPrefixFor(tx, input.role, input.regionAdcode);
  await lockAdminSet(tx);
  const before = await lockAccount(tx, input.userId);
  if (!before) throw AdminErrors.userNotFound();
  if (before.role === input.role && before.regionPrefix === regionPrefix) return before;
  if (before.role === 'admin' && input.role !== 'admin' && !before.disabledAt && (await activeAdminCount(tx)) <= 1) {
    throw AdminErrors.lastAdmin();
  }
  const after = (await setAccountRole(tx, input.userId, input.role, regionPrefix))!;
  await recordAudit(tx, actor, {
    action: 'user.role_change',
    entityType: 'user',
    entityId: input.userId,
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}

/**
 * Turns an account off: it can no longer sign in, and every session it has ends at once (revoked in the
 * same transaction). NOT_YOURSELF, LAST_ADMIN, ALREADY_DEACTIVATED, USER_NOT_FOUND. Audited, with the
 * number of sessions ended.
 */
export async function deactivateAccount(
  tx: Db,
  actor: SignedInActor,
  input: { userId: string },
): Promise<AdminUserRow> {
  if (input.userId === actor.user.id) throw AdminErrors.notYourself('deactivate');
  await lockAdminSet(tx);
  const before = await lockAccount(tx, input.userId);
  if (!before) throw AdminErrors.userNotFound();
  if (before.disabledAt) throw AdminErrors.alreadyDeactivated();
  if (before.role === 'admin' && (await activeAdminCount(tx)) <= 1) throw AdminErrors.lastAdmin();
  const after = (await setAccountDisabled(tx, input.userId, true))!;
  const sessionsEnded = await revokeUserSessions(tx, input.userId);
  await recordAudit(tx, actor, {
    action: 'user.deactivate',
    entityType: 'user',
    entityId: input.userId,
    before: auditView(before),
    after: { ...auditView(after), sessions_ended: sessionsEnded },
  });
  return after;
}

/** Turns a deactivated account on again (it signs in anew). NOT_DEACTIVATED, USER_NOT_FOUND. Audited. */
export async function reactivateAccount(
  tx: Db,
  actor: SignedInActor,
  input: { userId: string },
): Promise<AdminUserRow> {
  const before = await lockAccount(tx, input.userId);
  if (!before) throw AdminErrors.userNotFound();
  if (!before.disabledAt) throw AdminErrors.notDeactivated();
  const after = (await setAccountDisabled(tx, input.userId, false))!;
  await recordAudit(tx, actor, {
    action: 'user.reactivate',
    entityType: 'user',
    entityId: input.userId,
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}

export interface CreateAdminInput {
  email: string;
  displayName: string;
  passwordHash: string;
}

/**
 * `npm run admin:create`: makes an admin account, or says it exists (`created` false) and changes
 * nothing; ACCOUNT_EXISTS when the email has an account of another role. Audited with no actor (the
 * operator at the server's terminal).
 */
export async function createAdmin(
  tx: Db,
  input: CreateAdminInput,
): Promise<{ created: boolean; user: { id: string; email: string } }> {
  const existing = await findUserForLogin(tx, input.email);
  if (existing) {
    if (existing.role !== 'admin') throw AdminErrors.accountExists(existing.role);
    return { created: false, user: existing };
  }
  const user = await insertUser(tx, { ...input, role: 'admin' });
  if (!user) throw AdminErrors.accountExists('admin');
  await recordAudit(
    tx,
    { user: null, ip: 'terminal' },
    { action: 'user.create_admin', entityType: 'user', entityId: user.id, after: { email: user.email, role: 'admin' } },
  );
  return { created: true, user };
}
