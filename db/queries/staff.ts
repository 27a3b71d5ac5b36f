/**
 * Venue staff: the members of an organisation with their roles, and the invitations that add members.
 * Invitation tokens are stored only as SHA-256 hashes, as password-reset tokens are.
 */
import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { MANAGING_STAFF_ROLES, type InvitableStaffRole, type StaffRole } from '../../domain/vocab.ts';
import type { Db } from '../client.ts';
import { organisationInvitations, organisationMembers, organisations, slots, users, venues } from '../schema/index.ts';

/** The organisation, locked until the transaction ends, so staff changes of one organisation run one at a time. */
export async function lockOrganisation(db: Db, id: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id))
    .for('update');
  return row;
}

export async function getOrganisation(db: Db, id: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row;
}

/** The user's role in the organisation, or undefined when they are not on its staff. */
export async function staffRoleOf(db: Db, organisationId: string, userId: string): Promise<StaffRole | undefined> {
  const [row] = await db
    .select({ role: sql<StaffRole>`${organisationMembers.role}` })
    .from(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)));
  return row?.role;
}

/** The organisations the user is on the staff of, in any role. */
export async function staffOrganisationIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId));
  return rows.map((r) => r.id);
}

export interface StaffMemberRow {
  userId: string;
  email: string;
  displayName: string;
  role: StaffRole;
  joinedAt: Date;
}

/** The organisation's staff, managers first, then by name. */
export async function organisationStaff(db: Db, organisationId: string): Promise<StaffMemberRow[]> {
  return db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      role: sql<StaffRole>`${organisationMembers.role}`,
      joinedAt: organisationMembers.createdAt,
    })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(eq(organisationMembers.organisationId, organisationId))
    .orderBy(sql`${organisationMembers.role} = 'door_staff'`, asc(users.displayName), asc(users.id));
}

/** How many managers (the maker and co-managers) the organisation has. */
export async function managerCount(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        inArray(organisationMembers.role, [...MANAGING_STAFF_ROLES]),
      ),
    );
  return row?.n ?? 0;
}

/** Adds a member, or gives an existing one the role. */
export async function upsertStaffMember(db: Db, organisationId: string, userId: string, role: StaffRole) {
  await db
    .insert(organisationMembers)
    .values({ organisationId, userId, role })
    .onConflictDoUpdate({ target: [organisationMembers.organisationId, organisationMembers.userId], set: { role } });
}

export async function setStaffRole(db: Db, organisationId: string, userId: string, role: StaffRole): Promise<void> {
  await db
    .update(organisationMembers)
    .set({ role })
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)));
}

export async function deleteStaffMember(db: Db, organisationId: string, userId: string): Promise<void> {
  await db
    .delete(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)));
}

/** True when an account with this (lower-cased) e-mail is on the organisation's staff. */
export async function isStaffEmail(db: Db, organisationId: string, email: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: organisationMembers.userId })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(users.email, email)));
  return row !== undefined;
}

export const invitationColumns = {
  id: organisationInvitations.id,
  organisationId: organisationInvitations.organisationId,
  email: organisationInvitations.email,
  role: sql<InvitableStaffRole>`${organisationInvitations.role}`,
  expiresAt: organisationInvitations.expiresAt,
  acceptedAt: organisationInvitations.acceptedAt,
  revokedAt: organisationInvitations.revokedAt,
  createdAt: organisationInvitations.createdAt,
};
export interface InvitationRow {
  id: string;
  organisationId: string;
  email: string;
  role: InvitableStaffRole;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

/** Revokes the live invitations of this e-mail to the organisation (a new one replaces them). */
export async function revokeLiveInvitations(db: Db, organisationId: string, email: string): Promise<void> {
  await db
    .update(organisationInvitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(organisationInvitations.organisationId, organisationId),
        eq(organisationInvitations.email, email),
        isNull(organisationInvitations.acceptedAt),
        isNull(organisationInvitations.revokedAt),
      ),
    );
}

export async function insertInvitation(
  db: Db,
  values: {
    organisationId: string;
    email: string;
    role: InvitableStaffRole;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
): Promise<InvitationRow> {
  const [row] = await db.insert(organisationInvitations).values(values).returning(invitationColumns);
  return row!;
}

/** The organisation's invitations neither accepted nor revoked (expired ones too, marked by their date). */
export async function pendingInvitations(db: Db, organisationId: string): Promise<InvitationRow[]> {
  return db
    .select(invitationColumns)
    .from(organisationInvitations)
    .where(
      and(
        eq(organisationInvitations.organisationId, organisationId),
        isNull(organisationInvitations.acceptedAt),
        isNull(organisationInvitations.revokedAt),
      ),
    )
    .orderBy(asc(organisationInvitations.createdAt), asc(organisationInvitations.id));
}

/** One invitation, locked until the transaction ends. */
export async function lockInvitation(db: Db, id: string): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select(invitationColumns)
    .from(organisationInvitations)
    .where(eq(organisationInvitations.id, id))
    .for('update');
  return row;
}

/** The invitation of a token (by its hash), with its organisation's name; locked when asked. */
export async function invitationByTokenHash(
  db: Db,
  tokenHash: string,
  lock = false,
): Promise<(InvitationRow & { organisationName: string }) | undefined> {
  const query = db
    .select({ ...invitationColumns, organisationName: organisations.name })
    .from(organisationInvitations)
    .innerJoin(organisations, eq(organisations.id, organisationInvitations.organisationId))
    .where(eq(organisationInvitations.tokenHash, tokenHash));
  const [row] = await (lock ? query.for('update', { of: organisationInvitations }) : query);
  return row;
}

export async function markInvitationRevoked(db: Db, id: string): Promise<void> {
  await db
    .update(organisationInvitations)
    .set({ revokedAt: sql`now()` })
    .where(eq(organisationInvitations.id, id));
}

export async function markInvitationAccepted(db: Db, id: string, userId: string): Promise<void> {
  await db
    .update(organisationInvitations)
    .set({ acceptedAt: sql`now()`, acceptedBy: userId })
    .where(eq(organisationInvitations.id, id));
}

export interface StaffSlotRow {
  id: string;
  venueId: string;
  venueName: string;
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  status: string;
}

/** The slots starting in [from, to) at the venues of these organisations, in time order. */
export async function organisationSlots(
  db: Db,
  organisationIds: string[],
  from: Date,
  to: Date,
): Promise<StaffSlotRow[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      id: slots.id,
      venueId: venues.id,
      venueName: venues.nameZh,
      title: slots.title,
      startsAt: slots.startsAt,
      endsAt: slots.endsAt,
      capacity: slots.capacity,
      status: slots.status,
    })
    .from(slots)
    .innerJoin(venues, eq(venues.id, slots.venueId))
    .where(and(inArray(venues.organisationId, organisationIds), gte(slots.startsAt, from), lt(slots.startsAt, to)))
    .orderBy(asc(slots.startsAt), asc(venues.nameZh), asc(slots.id))
    .limit(500);
}

/** Makes a parent's account a venue staff account (it joins an organisation's staff by invitation). */
export async function makeVenueManager(db: Db, userId: string): Promise<void> {
  await db.update(users).set({ role: 'venue_manager' }).where(eq(users.id, userId));
}
