import type { VenuePhotoRow } from '../../db/queries/photos.ts';

/** A venue photo as the API shows it: its bytes are at `url`. */
export function presentPhoto(p: VenuePhotoRow) {
  return {
    id: p.id,
    url: `/api/photos/${p.id}`,
    content_type: p.contentType,
    bytes: p.bytes,
    width: p.width,
    height: p.height,
    caption: p.caption,
  };
}
