import type { Db } from '../../db/client.ts';
import {
  insertDesignation,
  lockDesignationByTitle,
  restoreDesignation,
  type DesignationRow,
} from '../../db/queries/designations.ts';
import { lockVenueForReview } from '../../db/queries/venues.ts';
import type { DesignationLevel } from '../../domain/vocab.ts';
import { requireRegion } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { presentDesignation } from '../presenters/designation.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

export interface AwardDesignationInput {
  venueId: string;
  /** The official title, trimmed, e.g. 全国爱国主义教育示范基地. */
  title: string;
  issuer: string | null;
  level: DesignationLevel;
  year: number | null;
}

/**
 * The bureau of the venue's district records an official designation of it. A venue holds a title
 * once: a title it holds is DESIGNATION_EXISTS; a revoked one is restored (the same row, with the new
 * details), so its history stays in the audit log under one id. The venue is locked, so two awards of
 * one title queue up. Audited as designation.create or designation.restore.
 */
export async function awardDesignation(
  tx: Db,
  actor: SignedInActor,
  input: AwardDesignationInput,
): Promise<DesignationRow> {
  const { venueId, ...values } = input;
  const venue = await lockVenueForReview(tx, venueId);
  if (!venue) throw Errors.venueNotFound();
  requireRegion(actor.user, venue.adcode);
  const existing = await lockDesignationByTitle(tx, venueId, values.title);
  if (existing && existing.revokedAt === null) throw Errors.designationExists(values.title);
  const saved = existing
    ? await restoreDesignation(tx, existing.id, values)
    : await insertDesignation(tx, venueId, values);
  if (!saved) throw Errors.designationExists(values.title);
  await recordAudit(tx, actor, {
    action: existing ? 'designation.restore' : 'designation.create',
    entityType: 'designation',
    entityId: saved.id,
    adcode: venue.adcode,
    before: existing ? presentDesignation(existing) : null,
    after: presentDesignation(saved),
  });
  return saved;
}
