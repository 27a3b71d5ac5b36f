import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.ts';
import { venuePhotos } from '../../db/schema/index.ts';
import { addPhoto, newPhotoFile, PHOTOS_PER_VENUE } from '../../server/commands/add-photo.ts';
import { deletePhoto } from '../../server/commands/delete-photo.ts';
import { DiskStorage, withStoredFile } from '../../server/services/storage.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { auditOf, codeOf } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { actorOf, buildPhoto, buildVenue } from '../support/factories.ts';

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const pngFile = (venueId: string) =>
  newPhotoFile(venueId, { contentType: 'image/png', extension: 'png', bytes: PNG.length, width: 1, height: 1 });

describe.each(testEngines())('photo commands on %s', (engine) => {
  let database: Database;
  let manager: TestActor;
  let stranger: TestActor;
  const root = mkdtempSync(join(tmpdir(), 'kaimen-photo-commands-'));
  const storage = new DiskStorage(root);

  beforeAll(async () => {
    database = await openTestDb(engine);
    manager = await createActor(database, { role: 'venue_manager' });
    stranger = await createActor(database, { role: 'venue_manager' });
  });
  afterAll(async () => {
    await database?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const photosOf = (tx: Db, venueId: string) => tx.select().from(venuePhotos).where(eq(venuePhotos.venueId, venueId));

  it('addPhoto records the stored file as the venue’s photo and audits it', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const file = pngFile(venue.id);
      const photo = await addPhoto(tx, actorOf(manager), { venueId: venue.id, file, caption: '正门' });
      expect(photo).toMatchObject({
        id: file.id,
        storageKey: `photos/${venue.id}/${file.id}.png`,
        contentType: 'image/png',
        caption: '正门',
        uploadedBy: manager.user.id,
      });
      const [entry] = await auditOf(tx, photo.id);
      expect(entry).toMatchObject({ action: 'photo.create', entityType: 'venue_photo', actorId: manager.user.id });
      expect(entry!.after).toMatchObject({ url: `/api/photos/${photo.id}`, venue_id: venue.id, caption: '正门' });
    });
  });

  it(`addPhoto refuses a photo beyond a venue's ${PHOTOS_PER_VENUE} (TOO_MANY_PHOTOS) and others' venues (NOT_YOUR_VENUE)`, async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const add = (as = manager) =>
        codeOf(addPhoto(tx, actorOf(as), { venueId: venue.id, file: pngFile(venue.id), caption: null }));
      expect(await add(stranger)).toBe('NOT_YOUR_VENUE');
      for (let i = 0; i < PHOTOS_PER_VENUE; i++) await buildPhoto(tx, venue.id);
      expect(await add()).toBe('TOO_MANY_PHOTOS');
      expect(await photosOf(tx, venue.id)).toHaveLength(PHOTOS_PER_VENUE);
    });
  });

  it('with the file stored first, a refused photo leaves no file behind and an added one keeps its file', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const kept = pngFile(venue.id);
      await withStoredFile(storage, kept.storageKey, PNG, () =>
        addPhoto(tx, actorOf(manager), { venueId: venue.id, file: kept, caption: null }),
      );
      expect(await storage.get(kept.storageKey)).toEqual(PNG);
      const refused = pngFile(venue.id);
      const attempt = withStoredFile(storage, refused.storageKey, PNG, () =>
        addPhoto(tx, actorOf(stranger), { venueId: venue.id, file: refused, caption: null }),
      );
      expect(await codeOf(attempt)).toBe('NOT_YOUR_VENUE');
      expect(await storage.get(refused.storageKey)).toBeUndefined();
    });
  });

  it('deletePhoto removes the row of this venue’s photo, audits it and answers where its file is', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const photo = await buildPhoto(tx, venue.id);
      const deleted = await deletePhoto(tx, actorOf(manager), { venueId: venue.id, photoId: photo.id });
      expect(deleted.storageKey).toBe(photo.storageKey);
      expect(await photosOf(tx, venue.id)).toEqual([]);
      const [entry] = await auditOf(tx, photo.id);
      expect(entry).toMatchObject({ action: 'photo.delete', after: null });
      expect(entry!.before).toMatchObject({ id: photo.id, venue_id: venue.id });
    });
  });

  it('deletePhoto refuses a photo of another venue (PHOTO_NOT_FOUND) and others’ venues (NOT_YOUR_VENUE)', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const elsewhere = await buildPhoto(tx, (await buildVenue(tx)).id);
      const mine = await buildPhoto(tx, venue.id);
      const remove = (photoId: string, as = manager) =>
        codeOf(deletePhoto(tx, actorOf(as), { venueId: venue.id, photoId }));
      expect(await remove(elsewhere.id)).toBe('PHOTO_NOT_FOUND');
      expect(await remove(mine.id, stranger)).toBe('NOT_YOUR_VENUE');
      expect(await photosOf(tx, venue.id)).toHaveLength(1);
    });
  });
});
