/**
 * Claims of existing venues by venue managers' organisations, decided by the bureau of the venue's
 * district. `lockClaim` takes the row FOR UPDATE; a decision locks the venue first (see decide-claim).
 */
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { organisations, users, venueClaims, venues } from '../schema/index.ts';

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
/**
 * The claims of venues made for any of these organisations, newest first (at most `limit`): what the
 * venue console shows its managers while the bureau decides, and what it decided.
 */
export async function organisationClaims(db: Db, organisationIds: string[], limit = 50) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      id: venueClaims.id,
      venueId: venues.id,
      venueName: venues.nameZh,
      adcode: venues.adcode,
      claimantName: users.displayName,
      status: venueClaims.status,
      reason: venueClaims.reason,
      createdAt: venueClaims.createdAt,
      decidedAt: venueClaims.decidedAt,
    })
    .from(venueClaims)
    .innerJoin(venues, eq(venues.id, venueClaims.venueId))
    .innerJoin(users, eq(users.id, venueClaims.userId))
    .where(inArray(venueClaims.organisationId, organisationIds))
    .orderBy(desc(venueClaims.createdAt), venueClaims.id)
    .limit(limit);
}
export const claimColumns = {
  id: venueClaims.id,
  venueId: venueClaims.venueId,
  userId: venueClaims.userId,
  organisationId: venueClaims.organisationId,
  status: venueClaims.status,
  reason: venueClaims.reason,
  decidedBy: venueClaims.decidedBy,
  decidedAt: venueClaims.decidedAt,
};
export type ClaimState = {
  [K in keyof typeof claimColumns]: (typeof venueClaims.$inferSelect)[K];
};
export async function findClaim(db: Db, id: string): Promise<ClaimState | undefined> {
  const [row] = await db.select(claimColumns).from(venueClaims).where(eq(venueClaims.id, id));
  return row;
}
export async function lockClaim(db: Db, id: string): Promise<ClaimState | undefined> {
  const [row] = await db.select(claimColumns).from(venueClaims).where(eq(venueClaims.id, id)).for('update');
  return row;
}
/** Decides one claim and answers its new state. */
export async function setClaimDecision(
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
/** Records a pending claim; undefined when the claimant already has one waiting for this venue. */
export async function insertPendingClaim(
  db: Db,
  claim: { venueId: string; userId: string; organisationId: string; evidence: string },
) {
  const [row] = await db.insert(venueClaims).values(claim).onConflictDoNothing().returning();
  return row;
}
