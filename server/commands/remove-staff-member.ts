import type { Db } from '../../db/client.ts';
import { deleteStaffMember, lockOrganisation, managerCount, staffRoleOf } from '../../db/queries/staff.ts';
import { MANAGING_STAFF_ROLES } from '../../domain/vocab.ts';
import { requireOrganisationManager } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

/**
 * A manager removes a member from the organisation's staff (themselves too, unless they are its last
 * manager: LAST_MANAGER, 409). Ownership is read on every request, so the member's next request to the
 * organisation's venues is refused. STAFF_MEMBER_NOT_FOUND when the account is not on the staff. Audited.
 */
export async function removeStaffMember(
  tx: Db,
  actor: SignedInActor,
  input: { organisationId: string; userId: string },
): Promise<void> {
  await requireOrganisationManager(tx, actor.user, input.organisationId);
  await lockOrganisation(tx, input.organisationId);
  const role = await staffRoleOf(tx, input.organisationId, input.userId);
  if (!role) throw Errors.staffMemberNotFound();
  if (MANAGING_STAFF_ROLES.includes(role) && (await managerCount(tx, input.organisationId)) <= 1) {
    throw Errors.lastManager();
  }
  await deleteStaffMember(tx, input.organisationId, input.userId);
  await recordAudit(tx, actor, {
    action: 'staff.remove',
    entityType: 'organisation',
    entityId: input.organisationId,
    before: { user_id: input.userId, role },
  });
}
