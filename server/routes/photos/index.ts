import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { imageSize } from 'image-size';
import { photoWithVenue } from '../../../db/queries/photos.ts';
import { userOrganisationIds } from '../../../db/queries/users.ts';
import { oversees } from '../../auth/access.ts';
import { requireVenueManager } from '../../auth/ownership.ts';
import { runCommand } from '../../commands/actor.ts';
import { addPhoto, newPhotoFile, type PhotoFile } from '../../commands/add-photo.ts';
import { deletePhoto } from '../../commands/delete-photo.ts';
import { Errors } from '../../errors.ts';
import { presentPhoto } from '../../presenters/photo.ts';
import { errorResponses, Id } from '../../schemas/common.ts';
import { Photo, VenueIdParams } from '../../schemas/venue-console.ts';
import { DiskStorage, withStoredFile, type FileStorage } from '../../services/storage.ts';

/** Largest photo accepted. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/**
 * Largest image accepted, whatever its file size: a small PNG can claim 30000 × 30000 pixels, and every
 * reader that decodes it (a thumbnailer, a browser) would need gigabytes. Read from the header only.
 */
export const PHOTO_MAX_SIDE = 8000;
export const PHOTO_MAX_PIXELS = 40_000_000;
/** What the file's own bytes must say it is (the client's Content-Type is not trusted). */
const TYPES: Record<string, { contentType: PhotoFile['contentType']; extension: string }> = {
  jpg: { contentType: 'image/jpeg', extension: 'jpg' },
  png: { contentType: 'image/png', extension: 'png' },
  webp: { contentType: 'image/webp', extension: 'webp' },
};

/** Venue photos: managers upload and delete them; anyone sees those of published venues. */
const photoRoutes: FastifyPluginAsyncTypebox = async (app, options: { storage?: FileStorage }) => {
  const storage = options.storage ?? new DiskStorage(app.config.uploadsDir);
  await app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 2, fieldSize: 1000 } });

  app.post(
    '/api/venues/:id/photos',
    {
      config: { access: { roles: ['venue_manager', 'admin'] } },
      schema: {
        tags: ['venue console'],
        summary: 'Upload a photo (multipart `file`, optional `caption`): JPEG, PNG or WebP up to 5 MB',
        description:
          'At most 8000 pixels a side and 40 megapixels (413 PHOTO_TOO_MANY_PIXELS), read from the image header; ' +
          'at most 20 photos a venue, counted under a lock on the venue so concurrent uploads cannot pass it (409 TOO_MANY_PHOTOS).',
        operationId: 'uploadVenuePhoto',
        consumes: ['multipart/form-data'],
        params: VenueIdParams,
        response: { 201: Photo, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      // Checked before the upload is read (a stranger's 5 MB are not worth reading); addPhoto checks again.
      const venue = await requireVenueManager(app.db, request.user!, request.params.id);
      const { bytes, image, caption } = await readUpload(request);
      const file = newPhotoFile(venue.id, image);
      const photo = await withStoredFile(storage, file.storageKey, bytes, () =>
        runCommand(app.db, addPhoto, request.actor, { venueId: venue.id, file, caption }),
      );
      return reply.code(201).send(presentPhoto(photo));
    },
  );

  app.delete(
    '/api/venues/:id/photos/:photoId',
    {
      config: { access: { roles: ['venue_manager', 'admin'] } },
      schema: {
        tags: ['venue console'],
        summary: 'Delete a photo',
        operationId: 'deleteVenuePhoto',
        params: Type.Object({ id: Id, photoId: Id }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id: venueId, photoId } = request.params;
      const deleted = await runCommand(app.db, deletePhoto, request.actor, { venueId, photoId });
      await storage.delete(deleted.storageKey);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/photos/:id',
    {
      schema: {
        tags: ['venues'],
        summary: "A venue photo's bytes (photos of unpublished venues only for their managers and bureau)",
        operationId: 'getPhoto',
        params: Type.Object({ id: Id }),
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const row = await photoWithVenue(app.db, request.params.id);
      if (!row) throw Errors.photoNotFound();
      if (row.status !== 'published') {
        const user = request.user;
        const manages =
          user?.role === 'venue_manager' &&
          row.organisationId !== null &&
          (await userOrganisationIds(app.db, user.id)).includes(row.organisationId);
        if (!user || !(manages || oversees(user, row.adcode))) throw Errors.photoNotFound();
      }
      const bytes = await storage.get(row.photo.storageKey);
      if (!bytes) throw Errors.photoNotFound();
      void reply
        .type(row.photo.contentType)
        .header('cache-control', row.status === 'published' ? 'public, max-age=86400' : 'private, no-store')
        .header('x-content-type-options', 'nosniff');
      return reply.send(bytes);
    },
  );
};

/** The uploaded file, what its own bytes say it is, and its caption; the 4xx for an upload that is none. */
async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw Errors.photoMissing();
  const file = await request.file();
  if (!file) throw Errors.photoMissing();
  let bytes: Buffer;
  try {
    bytes = await file.toBuffer();
  } catch {
    throw Errors.photoTooLarge(PHOTO_MAX_BYTES);
  }
  const captionField = file.fields.caption;
  const caption =
    captionField && !Array.isArray(captionField) && captionField.type === 'field'
      ? String(captionField.value).trim().slice(0, 200) || null
      : null;
  let size: { type?: string; width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    throw Errors.photoType();
  }
  const type = size.type ? TYPES[size.type] : undefined;
  if (!type || !size.width || !size.height) throw Errors.photoType();
  if (size.width > PHOTO_MAX_SIDE || size.height > PHOTO_MAX_SIDE || size.width * size.height > PHOTO_MAX_PIXELS) {
    throw Errors.photoPixels(PHOTO_MAX_SIDE, PHOTO_MAX_PIXELS / 1_000_000);
  }
  const image = { ...type, bytes: bytes.length, width: size.width, height: size.height };
  return { bytes, image, caption };
}

export default photoRoutes;
