/**
 * Accounts as an administrator sees them: listed and searched, their roles and regions changed, turned
 * off and on again (server/commands/*-user.ts, server/routes/admin-users).
 */
import { and, asc, eq, gt, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../domain/vocab.ts';
import type { Db } from '../client.ts';
import { districts, users } from '../schema/index.ts';
import { userColumns, type UserRow } from './users.ts';

export interface AdminUserRow extends UserRow {
  createdAt: Date;
}

export interface AdminUserFilter {
  /** Part of the email or the display name, case-insensitive. */
  q?: string;
  role?: Role;
  status?: 'active' | 'deactivated';
  /** Rows after this email (the list is ordered by email, which is unique). */
  afterEmail?: string;
  limit: number;
}

/** `%`, `_` and `\` match themselves in a search. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Accounts by email, filtered: `limit` of them after `afterEmail`. */
export async function listAccounts(db: Db, filter: AdminUserFilter): Promise<AdminUserRow[]> {
  const where: SQL[] = [];
  if (filter.q) {
    const pattern = likePattern(filter.q);
    where.push(or(ilike(users.email, pattern), ilike(users.displayName, pattern))!);
  }
  if (filter.role) where.push(eq(users.role, filter.role));
  if (filter.status === 'active') where.push(isNull(users.disabledAt));
  if (filter.status === 'deactivated') where.push(sql`${users.disabledAt} IS NOT NULL`);
  if (filter.afterEmail !== undefined) where.push(gt(users.email, filter.afterEmail));
  return db
    .select({ ...userColumns, createdAt: users.createdAt })
    .from(users)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(users.email))
    .limit(filter.limit);
}

/** One account, locked for the rest of the transaction (FOR UPDATE). */
export async function lockAccount(db: Db, id: string): Promise<AdminUserRow | undefined> {
  const [row] = await db
    .select({ ...userColumns, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, id))
    .for('update');
  return row;
}

/**
 * Serialises every change that could leave no active admin (a demotion, a deactivation): an advisory
 * lock held to the end of the transaction, taken before the admins are counted.
 */
export async function lockAdminSet(db: Db): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('kaimen:admins'))`);
}

/** Active (not deactivated) admin accounts. */
export async function activeAdminCount(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)));
  return row?.n ?? 0;
}

export async function setAccountRole(
  db: Db,
  id: string,
  role: Role,
  regionPrefix: string | null,
): Promise<AdminUserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ role, regionPrefix })
    .where(eq(users.id, id))
    .returning({ ...userColumns, createdAt: users.createdAt });
  return row;
}

/** Turns an account off (`disabled` true, now) or on again. */
export async function setAccountDisabled(db: Db, id: string, disabled: boolean): Promise<AdminUserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ disabledAt: disabled ? sql`now()` : null })
    .where(eq(users.id, id))
    .returning({ ...userColumns, createdAt: users.createdAt });
  return row;
}

/** A province, city or district by its adcode, with its level and name. */
export async function findRegion(
  db: Db,
  adcode: string,
): Promise<{ code: string; level: string; name: string } | undefined> {
  const [row] = await db
    .select({ code: districts.code, level: districts.level, name: districts.name })
    .from(districts)
    .where(eq(districts.code, adcode));
  return row;
}

/** The names of the regions that adcode prefixes stand for (2 digits a province, 4 a city, 6 a district). */
export async function regionNames(db: Db, prefixes: string[]): Promise<Map<string, string>> {
  const codes = [...new Set(prefixes)].map((p) => p.padEnd(6, '0'));
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: districts.code, name: districts.name })
    .from(districts)
    .where(inArray(districts.code, codes));
  const byCode = new Map(rows.map((r) => [r.code, r.name]));
  return new Map(prefixes.map((p) => [p, byCode.get(p.padEnd(6, '0')) ?? p]));
}
