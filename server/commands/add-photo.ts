import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { countVenuePhotos, insertVenuePhoto, lockVenueForPhotos, type VenuePhotoRow } from '../../db/queries/photos.ts';
import { requireVenueManager } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { presentPhoto } from '../presenters/photo.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

/** Most photos one venue may have. */
export const PHOTOS_PER_VENUE = 20;

/** An image checked by its own bytes, stored (or about to be) under `storageKey`. */
export interface PhotoFile {
  id: string;
  storageKey: string;
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  bytes: number;
  width: number;
  height: number;
}

/** A new photo's id and where its file goes: under its venue, named by the id. */
export function newPhotoFile(
  venueId: string,
  image: Omit<PhotoFile, 'id' | 'storageKey'> & { extension: string },
): PhotoFile {
  const { extension, ...checked } = image;
  const id = randomUUID();
  return { id, storageKey: `photos/${venueId}/${id}.${extension}`, ...checked };
}

export interface AddPhotoInput {
  venueId: string;
  /** The stored file; the caller removes it again when this command fails (see withStoredFile). */
  file: PhotoFile;
  caption: string | null;
}

/**
 * A venue's manager adds a photo whose file is already stored: the row that shows it, audited. A venue
 * holds at most PHOTOS_PER_VENUE photos, counted with the venue's row locked so concurrent uploads to
 * one venue are serialised and cannot pass the limit together.
 */
export async function addPhoto(tx: Db, actor: SignedInActor, input: AddPhotoInput): Promise<VenuePhotoRow> {
  const venue = await requireVenueManager(tx, actor.user, input.venueId);
  await lockVenueForPhotos(tx, venue.id);
  if ((await countVenuePhotos(tx, venue.id)) >= PHOTOS_PER_VENUE) throw Errors.tooManyPhotos(PHOTOS_PER_VENUE);
  const row = await insertVenuePhoto(tx, {
    ...input.file,
    venueId: venue.id,
    caption: input.caption,
    uploadedBy: actor.user.id,
  });
  await recordAudit(tx, actor, {
    action: 'photo.create',
    entityType: 'venue_photo',
    entityId: row.id,
    adcode: venue.adcode,
    after: { ...presentPhoto(row), venue_id: venue.id },
  });
  return row;
}
