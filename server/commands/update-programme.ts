import type { Db } from '../../db/client.ts';
import { lockProgramme, setProgrammeFields, type ProgrammeRow } from '../../db/queries/programmes.ts';
import { requireVenueManager } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { presentProgramme } from '../presenters/programme.ts';
import type { PatchProgrammeBody } from '../schemas/programme-fields.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { programmeValues } from './create-programme.ts';
import { checkRanges } from './ranges.ts';

export interface UpdateProgrammeInput {
  programmeId: string;
  /** The fields that change; null clears an optional one. */
  changes: PatchProgrammeBody;
}

/**
 * A venue's manager edits one of its programmes. A suspended programme stays suspended: only its
 * bureau reinstates it. Audited with the fields before and after.
 */
export async function updateProgramme(
  tx: Db,
  actor: SignedInActor,
  input: UpdateProgrammeInput,
): Promise<ProgrammeRow> {
  // Locked, so the audit's before is exactly what this edit replaces, even with edits racing.
  const current = await lockProgramme(tx, input.programmeId);
  if (!current) throw Errors.programmeNotFound();
  const venue = await requireVenueManager(tx, actor.user, current.venueId);
  const before = presentProgramme(current);
  checkRanges({ ...before, ...input.changes });
  const changed = await setProgrammeFields(tx, current.id, programmeValues(input.changes));
  await recordAudit(tx, actor, {
    action: 'programme.update',
    entityType: 'programme',
    entityId: current.id,
    adcode: venue.adcode,
    before,
    after: presentProgramme(changed),
  });
  return changed;
}
