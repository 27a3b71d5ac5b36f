/**
 * Programmes (activities and courses a venue offers). `lockProgrammeForReview` and `lockProgramme` take
 * the row FOR UPDATE, so two reviewers (or editors) at once are serialised and the second sees the first
 * one's change.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { programmes, venues } from '../schema/index.ts';

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
export async function programmeVenue(db: Db, programmeId: string): Promise<string | undefined> {
  const [row] = await db.select({ venueId: programmes.venueId }).from(programmes).where(eq(programmes.id, programmeId));
  return row?.venueId;
}

export type ProgrammeRow = typeof programmes.$inferSelect;
export type ProgrammeValues = Partial<typeof programmes.$inferInsert>;

/** A venue's programmes, suspended ones included, by title. */
export async function listVenueProgrammes(db: Db, venueId: string): Promise<ProgrammeRow[]> {
  return db
    .select()
    .from(programmes)
    .where(eq(programmes.venueId, venueId))
    .orderBy(asc(programmes.titleZh), asc(programmes.id));
}

export async function insertProgramme(db: Db, values: typeof programmes.$inferInsert): Promise<ProgrammeRow> {
  const [row] = await db.insert(programmes).values(values).returning();
  return row!;
}

/** The programme, locked until the transaction ends; undefined when there is none. */
export async function lockProgramme(db: Db, id: string): Promise<ProgrammeRow | undefined> {
  const [row] = await db.select().from(programmes).where(eq(programmes.id, id)).for('update');
  return row;
}

/** Writes the given columns (absent ones keep their values) and answers the programme. */
export async function setProgrammeFields(db: Db, id: string, values: ProgrammeValues): Promise<ProgrammeRow> {
  const [row] = await db
    .update(programmes)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(programmes.id, id))
    .returning();
  return row!;
}
