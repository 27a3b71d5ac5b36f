import type { Db } from '../../db/client.ts';
import { lockOrganisation, managerCount, setStaffRole, staffRoleOf } from '../../db/queries/staff.ts';
import { MANAGING_STAFF_ROLES, type InvitableStaffRole, type StaffRole } from '../../domain/vocab.ts';
import { requireOrganisationManager } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

export interface ChangeStaffRoleInput {
  organisationId: string;
  userId: string;
  role: InvitableStaffRole;
}

/**
 * A manager makes a member a co-manager or door staff. The organisation keeps at least one manager
 * (LAST_MANAGER, 409); STAFF_MEMBER_NOT_FOUND when the account is not on its staff. Takes effect on the
 * member's next request. Audited.
 */
export async function changeStaffRole(
  tx: Db,
  actor: SignedInActor,
  input: ChangeStaffRoleInput,
): Promise<{ userId: string; role: StaffRole }> {
  await requireOrganisationManager(tx, actor.user, input.organisationId);
  await lockOrganisation(tx, input.organisationId);
  const before = await staffRoleOf(tx, input.organisationId, input.userId);
  if (!before) throw Errors.staffMemberNotFound();
  if (before === input.role) return { userId: input.userId, role: before };
  const demoted = MANAGING_STAFF_ROLES.includes(before) && !MANAGING_STAFF_ROLES.includes(input.role);
  if (demoted && (await managerCount(tx, input.organisationId)) <= 1) throw Errors.lastManager();
  await setStaffRole(tx, input.organisationId, input.userId, input.role);
  await recordAudit(tx, actor, {
    action: 'staff.role_change',
    entityType: 'organisation',
    entityId: input.organisationId,
    before: { user_id: input.userId, role: before },
    after: { user_id: input.userId, role: input.role },
  });
  return { userId: input.userId, role: input.role };
}
