/**
 * The stored pinyin of venue names (migration 0010): derived in JavaScript where a name is written
 * (`withPinyin` at create, update, import and seed), and filled for rows without it by
 * `fillMissingPinyin`, which `Database.migrate()` runs after the migrations (rows from before 0010,
 * or written by a tool that did not derive it: the database clears a stale pinyin when the name changes).
 */
import { isNull, sql } from 'drizzle-orm';
import { namePinyin, type NamePinyin } from '../../domain/pinyin.ts';
import type { Db } from '../client.ts';
import { venues } from '../schema/venues.ts';

/** The pinyin columns for a Chinese name. */
export function pinyinColumns(nameZh: string): NamePinyin {
  return namePinyin(nameZh);
}

/** The values with the pinyin of their `nameZh` added, when they carry one. */
export function withPinyin<T extends { nameZh?: unknown }>(values: T): T & Partial<NamePinyin> {
  return typeof values.nameZh === 'string' ? { ...values, ...namePinyin(values.nameZh) } : values;
}

/** Derives the pinyin of every venue that has none, in batches; answers how many it filled. */
export async function fillMissingPinyin(db: Db, batchSize = 500): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db
      .select({ id: venues.id, nameZh: venues.nameZh })
      .from(venues)
      .where(isNull(venues.namePinyin))
      .limit(batchSize);
    if (rows.length === 0) return filled;
    const input = JSON.stringify(rows.map((r) => ({ id: r.id, ...namePinyin(r.nameZh) })));
    await db.execute(sql`UPDATE ${venues} SET name_pinyin = r."namePinyin", name_initials = r."nameInitials",
        name_sort = r."nameSort"
      FROM jsonb_to_recordset(${input}::jsonb) AS r(id uuid, "namePinyin" text, "nameInitials" text, "nameSort" text)
      WHERE ${venues.id} = r.id`);
    filled += rows.length;
    if (rows.length < batchSize) return filled;
  }
}
