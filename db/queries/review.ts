import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { organisationMembers, organisations, programmes, users, venueClaims, venues } from '../schema/index.ts';

/**
 * What the bureau reads and changes when it reviews: venue review states, claims, suspensions. The
 * `lock…` functions take the row with FOR UPDATE, so two reviewers deciding at once are serialised and
 * the second sees the first one's decision.
 */

/** A venue's review state, as audit entries show it before and after a decision. */
export interface VenueReviewState {
  id: string;
  nameZh: string;
  adcode: string | null;
  organisationId: string | null;
  createdBy: string | null;
  status: string;
  verificationStatus: string;
  reviewNote: string | null;
}

const venueReviewColumns = {
  id: venues.id,
  nameZh: venues.nameZh,
  adcode: venues.adcode,
  organisationId: venues.organisationId,
  createdBy: venues.createdBy,
  status: venues.status,
  verificationStatus: venues.verificationStatus,
  reviewNote: venues.reviewNote,
};

export async function lockVenueForReview(db: Db, id: string): Promise<VenueReviewState | undefined> {
  const [row] = await db.select(venueReviewColumns).from(venues).where(eq(venues.id, id)).for('update');
  return row;
}

/** Sets a venue's review columns and answers its new state. */
export async function setVenueReview(
  db: Db,
  id: string,
  values: { status?: string; verificationStatus?: string; reviewNote?: string | null; organisationId?: string },
): Promise<VenueReviewState> {
  const [row] = await db
    .update(venues)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(venues.id, id))
    .returning(venueReviewColumns);
  return row!;
}

/** Pending claims of venues in a region (an adcode prefix; '' for everywhere), oldest first. */
export async function pendingClaims(db: Db, regionPrefix: string) {
  return db
    .select({
      id: venueClaims.id,
      venueId: venues.id,
      venueName: venues.nameZh,
      adcode: venues.adcode,
      venueStatus: venues.status,
      verificationStatus: venues.verificationStatus,
      currentOrganisationId: venues.organisationId,
      claimantId: users.id,
      claimantName: users.displayName,
      claimantEmail: users.email,
      organisationId: organisations.id,
      organisationName: organisations.name,
      evidence: venueClaims.evidence,
      createdAt: venueClaims.createdAt,
    })
    .from(venueClaims)
    .innerJoin(venues, eq(venues.id, venueClaims.venueId))
    .innerJoin(users, eq(users.id, venueClaims.userId))
    .innerJoin(organisations, eq(organisations.id, venueClaims.organisationId))
    .where(and(eq(venueClaims.status, 'pending'), sql`coalesce(${venues.adcode}, '') LIKE ${regionPrefix + '%'}`))
    .orderBy(venueClaims.createdAt, venueClaims.id);
}

const claimColumns = {
  id: venueClaims.id,
  venueId: venueClaims.venueId,
  userId: venueClaims.userId,
  organisationId: venueClaims.organisationId,
  status: venueClaims.status,
  reason: venueClaims.reason,
  decidedBy: venueClaims.decidedBy,
  decidedAt: venueClaims.decidedAt,
};
export type ClaimState = { [K in keyof typeof claimColumns]: (typeof venueClaims.$inferSelect)[K] };

export async function findClaim(db: Db, id: string): Promise<ClaimState | undefined> {
  const [row] = await db.select(claimColumns).from(venueClaims).where(eq(venueClaims.id, id));
  return row;
}

export async function lockClaim(db: Db, id: string): Promise<ClaimState | undefined> {
  const [row] = await db.select(claimColumns).from(venueClaims).where(eq(venueClaims.id, id)).for('update');
  return row;
}

/** Decides one claim and answers its new state. */
export async function decideClaim(
  db: Db,
  id: string,
  decision: { status: 'approved' | 'rejected'; reason: string | null; decidedBy: string },
): Promise<ClaimState> {
  const [row] = await db
    .update(venueClaims)
    .set({ ...decision, decidedAt: sql`now()` })
    .where(eq(venueClaims.id, id))
    .returning(claimColumns);
  return row!;
}

/** Rejects every other pending claim of a venue (one was approved); answers the rejected claims. */
export async function rejectOtherClaims(
  db: Db,
  venueId: string,
  approvedId: string,
  decision: { reason: string; decidedBy: string },
): Promise<ClaimState[]> {
  return db
    .update(venueClaims)
    .set({ status: 'rejected', ...decision, decidedAt: sql`now()` })
    .where(and(eq(venueClaims.venueId, venueId), eq(venueClaims.status, 'pending'), ne(venueClaims.id, approvedId)))
    .returning(claimColumns);
}

/** Who hears about a venue's review: its organisation's members, or whoever created it. */
export async function venueContacts(
  db: Db,
  venue: { organisationId: string | null; createdBy: string | null },
): Promise<{ email: string; displayName: string }[]> {
  if (venue.organisationId) {
    return db
      .select({ email: users.email, displayName: users.displayName })
      .from(organisationMembers)
      .innerJoin(users, eq(users.id, organisationMembers.userId))
      .where(and(eq(organisationMembers.organisationId, venue.organisationId), sql`${users.disabledAt} IS NULL`))
      .orderBy(users.email);
  }
  if (!venue.createdBy) return [];
  return db
    .select({ email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, venue.createdBy));
}

/** A programme's review state with its venue's district and organisation. */
export async function lockProgrammeForReview(db: Db, id: string) {
  const [row] = await db
    .select({
      id: programmes.id,
      venueId: programmes.venueId,
      titleZh: programmes.titleZh,
      status: programmes.status,
      reviewNote: programmes.reviewNote,
      venueName: venues.nameZh,
      adcode: venues.adcode,
      organisationId: venues.organisationId,
      createdBy: venues.createdBy,
    })
    .from(programmes)
    .innerJoin(venues, eq(venues.id, programmes.venueId))
    .where(eq(programmes.id, id))
    .for('update', { of: programmes });
  return row;
}

export async function setProgrammeReview(db: Db, id: string, values: { status: string; reviewNote: string | null }) {
  const [row] = await db
    .update(programmes)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(programmes.id, id))
    .returning({ id: programmes.id, status: programmes.status, reviewNote: programmes.reviewNote });
  return row!;
}
