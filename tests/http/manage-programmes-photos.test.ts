import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { venuePhotos } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { withTestApp } from '../support/http.ts';

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A multipart/form-data body with one file and an optional caption. */
function multipart(file: Buffer, filename: string, contentType: string, caption?: string) {
  const boundary = '----kaimen-test-boundary';
  const parts: Buffer[] = [];
  if (caption !== undefined) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\n${caption}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(testEngines())('programmes and photos on %s', (engine) => {
  let database: Database;
  let app: App;
  let manager: TestActor;
  let other: TestActor;
  let venueId: string;

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private', uploads: true });
  beforeAll(async () => {
    manager = await createActor(database, { role: 'venue_manager' });
    other = await createActor(database, { role: 'venue_manager' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/venues',
      headers: manager.headers,
      payload: { name_zh: '照片测试馆', kinds: ['museum'], lng: 116.4, lat: 39.9, adcode: '110101' },
    });
    venueId = res.json<{ id: string }>().id;
  });

  const upload = (actor: TestActor, file: Buffer, name = 'a.png', type = 'image/png', caption?: string) => {
    const body = multipart(file, name, type, caption);
    return app.inject({
      method: 'POST',
      url: `/api/venues/${venueId}/photos`,
      headers: { ...actor.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  it('adds and edits a programme of one’s own venue only, with ranges checked', async () => {
    const created = await app.inject({
      method: 'POST',
      url: `/api/venues/${venueId}/programmes`,
      headers: manager.headers,
      payload: {
        title_zh: '青铜器里的中国',
        themes: ['culture_heritage'],
        grade_min: 4,
        grade_max: 9,
        duration_minutes: 90,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const programme = created.json<{ id: string; status: string; price_per_head_fen: number }>();
    expect(programme).toMatchObject({ status: 'published', price_per_head_fen: 0 });
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/programmes/${programme.id}`,
      headers: manager.headers,
      payload: { grade_min: 10 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'INVALID_RANGE' } });
    const foreign = await app.inject({
      method: 'PATCH',
      url: `/api/programmes/${programme.id}`,
      headers: other.headers,
      payload: { volunteer: true },
    });
    expect(foreign.json()).toMatchObject({ error: { code: 'NOT_YOUR_VENUE' } });
    const ok = await app.inject({
      method: 'PATCH',
      url: `/api/programmes/${programme.id}`,
      headers: manager.headers,
      payload: { volunteer: true, title_en: 'China in bronze' },
    });
    expect(ok.json()).toMatchObject({ volunteer: true, title_en: 'China in bronze', grade_min: 4 });
    const list = await app.inject({ url: `/api/manage/venues/${venueId}/programmes`, headers: manager.headers });
    expect(list.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toEqual([programme.id]);
  });

  it('stores a photo checked by its bytes, shows it only to managers while the venue is a draft, and deletes it', async () => {
    const res = await upload(manager, PNG, 'entrance.png', 'image/png', '正门');
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json<{ id: string; url: string; width: number; caption: string }>();
    expect(photo).toMatchObject({ width: 1, caption: '正门', url: `/api/photos/${photo.id}` });
    expect((await app.inject({ url: photo.url })).statusCode).toBe(404);
    const seen = await app.inject({ url: photo.url, headers: manager.headers });
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe('image/png');
    expect(seen.rawPayload.equals(PNG)).toBe(true);

    const del = await app.inject({
      method: 'DELETE',
      url: `/api/venues/${venueId}/photos/${photo.id}`,
      headers: manager.headers,
    });
    expect(del.statusCode).toBe(204);
    expect((await app.inject({ url: photo.url, headers: manager.headers })).statusCode).toBe(404);
  });

  it('refuses a file that is not an image whatever it claims, one too large, and others’ venues, storing nothing', async () => {
    const fake = await upload(manager, Buffer.from('<script>alert(1)</script>'), 'x.png', 'image/png');
    expect(fake.statusCode).toBe(415);
    expect(fake.json()).toMatchObject({ error: { code: 'UNSUPPORTED_PHOTO_TYPE' } });
    const huge = await upload(manager, Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: { code: 'PHOTO_TOO_LARGE' } });
    const foreign = await upload(other, PNG);
    expect(foreign.statusCode).toBe(403);
    const empty = await app.inject({
      method: 'POST',
      url: `/api/venues/${venueId}/photos`,
      headers: { ...manager.headers, 'content-type': 'application/json' },
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    expect(await database.db.select().from(venuePhotos).where(eq(venuePhotos.venueId, venueId))).toEqual([]);
  });
});
