/**
 * Issue 13 row 9: a 30000 × 30000 PNG was accepted, and 30 concurrent uploads left 25 photos where the
 * limit is 20. The pixel limits are checked on both engines; the count under concurrency on PostgreSQL
 * over real HTTP (PGlite has one connection, so it cannot race), against the app as it ships and against
 * the same app whose connections skip the venue lock (db/client.ts `photoLock: false`, a test-only
 * switch refused in production): the positive control that shows the test can see the limit passed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../db/client.ts';
import { venuePhotos } from '../../db/schema/index.ts';
import { buildApp, type App } from '../../server/app.ts';
import { PHOTOS_PER_VENUE } from '../../server/commands/add-photo.ts';
import { loadConfig } from '../../server/config.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { openPrivateDb, testEngines, TEST_DATABASE_URL } from '../support/engines.ts';
import { buildVenue } from '../support/factories.ts';
import { withTestApp } from '../support/http.ts';

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A PNG whose header claims `width` × `height` pixels (a few hundred bytes: the header is all a reader needs to be fooled). */
function pngClaiming(width: number, height: number): Buffer {
  const header = Buffer.from(PNG);
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

/** A multipart/form-data body with one file. */
function multipart(file: Buffer) {
  const boundary = '----kaimen-photo-limits';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(testEngines())('photo pixel limits on %s', (engine) => {
  let database: Database;
  let app: App;
  let manager: TestActor;
  let venueId: string;

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private', uploads: true });
  beforeAll(async () => {
    manager = await createActor(database, { role: 'venue_manager' });
    venueId = (await buildVenue(database.db, { managedBy: manager })).id;
  });

  const upload = (file: Buffer) => {
    const body = multipart(file);
    return app.inject({
      method: 'POST',
      url: `/api/venues/${venueId}/photos`,
      headers: { ...manager.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  it('refuses an image over 8000 px a side or 40 megapixels with 413 PHOTO_TOO_MANY_PIXELS, storing nothing', async () => {
    for (const [width, height] of [
      [30000, 30000],
      [8001, 10],
      [10, 8001],
      [7000, 7000],
    ] as const) {
      const res = await upload(pngClaiming(width, height));
      expect(res.statusCode, `${width}×${height}: ${res.body}`).toBe(413);
      expect(res.json()).toMatchObject({ error: { code: 'PHOTO_TOO_MANY_PIXELS' } });
    }
    expect(await database.db.select().from(venuePhotos).where(eq(venuePhotos.venueId, venueId))).toEqual([]);
    const fits = await upload(pngClaiming(8000, 5000));
    expect(fits.statusCode, fits.body).toBe(201);
  });
});

interface Served {
  app: App;
  database: Database;
  base: string;
}

describe.runIf(TEST_DATABASE_URL)('photo count under 30 concurrent uploads over HTTP on PostgreSQL', () => {
  let dispose: () => Promise<void>;
  let database: Database;
  let uploads: string;
  let locked: Served;
  let unlocked: Served;
  let manager: TestActor;

  async function serve(url: string, photoLock: boolean): Promise<Served> {
    const served = await createDb({ databaseUrl: url, maxConnections: 32, photoLock });
    const app = await buildApp({ database: served, config: loadConfig({ KAIMEN_UPLOADS_DIR: uploads }), web: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    return { app, database: served, base };
  }

  beforeAll(async () => {
    const opened = await openPrivateDb('postgres');
    ({ database, dispose } = opened);
    uploads = mkdtempSync(join(tmpdir(), 'kaimen-photo-race-'));
    locked = await serve(opened.url!, true);
    unlocked = await serve(opened.url!, false);
    manager = await createActor(database, { role: 'venue_manager' });
  });
  afterAll(async () => {
    for (const served of [locked, unlocked]) {
      await served?.app.close();
      await served?.database.close();
    }
    await dispose?.();
    if (uploads) rmSync(uploads, { recursive: true, force: true });
  });

  /** 30 uploads to a new venue at once; answers the statuses and the photos the venue ends with. */
  async function rush(served: Served): Promise<{ statuses: number[]; photos: number }> {
    const venueId = (await buildVenue(database.db, { managedBy: manager })).id;
    const body = multipart(PNG);
    const statuses = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const res = await fetch(`${served.base}/api/venues/${venueId}/photos`, {
          method: 'POST',
          headers: { ...manager.headers, 'content-type': body.contentType },
          body: body.payload,
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    const photos = (await database.db.select().from(venuePhotos).where(eq(venuePhotos.venueId, venueId))).length;
    return { statuses, photos };
  }

  it('leaves exactly 20 photos, the other uploads refused with 409, never a 5xx', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const { statuses, photos } = await rush(locked);
      expect(photos).toBe(PHOTOS_PER_VENUE);
      expect(statuses.filter((s) => s === 201)).toHaveLength(PHOTOS_PER_VENUE);
      expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    }
  });

  it('positive control: without the venue lock the same rush leaves more than 20', async () => {
    let most = 0;
    for (let attempt = 0; attempt < 10 && most <= PHOTOS_PER_VENUE; attempt++) {
      most = Math.max(most, (await rush(unlocked)).photos);
    }
    expect(most).toBeGreaterThan(PHOTOS_PER_VENUE);
  });
});
