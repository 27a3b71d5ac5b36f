import type { Db } from '../../db/client.ts';
import { deleteVenuePhoto, type VenuePhotoRow } from '../../db/queries/photos.ts';
import { requireVenueManager } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { presentPhoto } from '../presenters/photo.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

export interface DeletePhotoInput {
  venueId: string;
  photoId: string;
}

/**
 * A venue's manager deletes one of its photos: the row goes, audited, and the row is answered so the
 * caller removes the file once this has committed (before, a failed commit would leave a row without
 * its file).
 */
export async function deletePhoto(tx: Db, actor: SignedInActor, input: DeletePhotoInput): Promise<VenuePhotoRow> {
  const venue = await requireVenueManager(tx, actor.user, input.venueId);
  const row = await deleteVenuePhoto(tx, { venueId: venue.id, photoId: input.photoId });
  if (!row) throw Errors.photoNotFound();
  await recordAudit(tx, actor, {
    action: 'photo.delete',
    entityType: 'venue_photo',
    entityId: row.id,
    adcode: venue.adcode,
    before: { ...presentPhoto(row), venue_id: venue.id },
  });
  return row;
}
