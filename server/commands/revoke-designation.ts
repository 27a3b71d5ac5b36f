import type { Db } from '../../db/client.ts';
import { lockDesignation, markDesignationRevoked, type DesignationRow } from '../../db/queries/designations.ts';
import { requireRegion } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { presentDesignation } from '../presenters/designation.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

export interface RevokeDesignationInput {
  designationId: string;
  /** Why, kept in the audit log only; null when none was given. */
  reason: string | null;
}

/**
 * The bureau of the venue's district revokes a designation: the venue keeps the record, marked revoked,
 * and no longer matches the designation filter. A revoked one is DESIGNATION_REVOKED. Audited with the
 * reason.
 */
export async function revokeDesignation(
  tx: Db,
  actor: SignedInActor,
  input: RevokeDesignationInput,
): Promise<DesignationRow> {
  const found = await lockDesignation(tx, input.designationId);
  if (!found) throw Errors.designationNotFound();
  requireRegion(actor.user, found.adcode);
  if (found.designation.revokedAt !== null) throw Errors.designationRevoked();
  const revoked = await markDesignationRevoked(tx, input.designationId);
  await recordAudit(tx, actor, {
    action: 'designation.revoke',
    entityType: 'designation',
    entityId: input.designationId,
    adcode: found.adcode,
    before: presentDesignation(found.designation),
    after: { ...presentDesignation(revoked), reason: input.reason },
  });
  return revoked;
}
