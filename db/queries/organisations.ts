/**
 * Organisations that manage venues, and their members.
 */
import type { Db } from '../client.ts';
import { organisationMembers, organisations } from '../schema/index.ts';

export async function createOrganisation(db: Db, name: string, memberId: string): Promise<string> {
  const [organisation] = await db.insert(organisations).values({ name }).returning({ id: organisations.id });
  await db.insert(organisationMembers).values({ organisationId: organisation!.id, userId: memberId });
  return organisation!.id;
}
