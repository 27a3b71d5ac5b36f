import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { and, count, eq } from 'drizzle-orm';
import { imageSize } from 'image-size';
import { randomUUID } from 'node:crypto';
import { userOrganisationIds } from '../../../db/queries/users.ts';
import { venuePhotos, venues } from '../../../db/schema/index.ts';
import { oversees } from '../../auth/access.ts';
import { requireVenueManager } from '../../auth/ownership.ts';
import { Errors } from '../../errors.ts';
import { errorResponses, Id } from '../../schemas/common.ts';
import { recordAudit } from '../../commands/audit.ts';
import { DiskStorage, type FileStorage } from '../../services/storage.ts';
import { Photo, VenueIdParams } from '../venues/manage-schema.ts';

/** Largest photo accepted, and most photos per venue. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTOS_PER_VENUE = 20;
/** What the file's own bytes must say it is (the client's Content-Type is not trusted). */
const TYPES: Record<string, { contentType: 'image/jpeg' | 'image/png' | 'image/webp'; extension: string }> = {
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
        operationId: 'uploadVenuePhoto',
        consumes: ['multipart/form-data'],
        params: VenueIdParams,
        response: { 201: Photo, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const venue = await requireVenueManager(app.db, request.user!, request.params.id);
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

      const [{ n }] = (await app.db
        .select({ n: count() })
        .from(venuePhotos)
        .where(eq(venuePhotos.venueId, venue.id))) as [{ n: number }];
      if (n >= PHOTOS_PER_VENUE) throw Errors.tooManyPhotos(PHOTOS_PER_VENUE);
      const id = randomUUID();
      const storageKey = `photos/${venue.id}/${id}.${type.extension}`;
      await storage.put(storageKey, bytes);
      try {
        const photo = await app.db.transaction(async (tx) => {
          const [row] = await tx
            .insert(venuePhotos)
            .values({
              id,
              venueId: venue.id,
              storageKey,
              contentType: type.contentType,
              bytes: bytes.length,
              width: size.width!,
              height: size.height!,
              caption,
              uploadedBy: request.user!.id,
            })
            .returning();
          const photo = toPhoto(row!);
          await recordAudit(tx, request.actor, {
            action: 'photo.create',
            entityType: 'venue_photo',
            entityId: id,
            adcode: venue.adcode,
            after: { ...photo, venue_id: venue.id },
          });
          return photo;
        });
        return reply.code(201).send(photo);
      } catch (error) {
        // The row did not land: the file must not linger either.
        await storage.delete(storageKey);
        throw error;
      }
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
      const venue = await requireVenueManager(app.db, request.user!, request.params.id);
      const deleted = await app.db.transaction(async (tx) => {
        const [row] = await tx
          .delete(venuePhotos)
          .where(and(eq(venuePhotos.id, request.params.photoId), eq(venuePhotos.venueId, venue.id)))
          .returning();
        if (!row) throw Errors.photoNotFound();
        await recordAudit(tx, request.actor, {
          action: 'photo.delete',
          entityType: 'venue_photo',
          entityId: row.id,
          adcode: venue.adcode,
          before: { ...toPhoto(row), venue_id: venue.id },
        });
        return row;
      });
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
      const [row] = await app.db
        .select({
          photo: venuePhotos,
          status: venues.status,
          adcode: venues.adcode,
          organisationId: venues.organisationId,
        })
        .from(venuePhotos)
        .innerJoin(venues, eq(venues.id, venuePhotos.venueId))
        .where(eq(venuePhotos.id, request.params.id));
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

/** A photo as the API shows it. */
export function toPhoto(p: typeof venuePhotos.$inferSelect) {
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

export default photoRoutes;
