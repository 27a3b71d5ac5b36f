-- Search that understands pinyin (issue 11): the Chinese name's pinyin, derived in JavaScript where the
-- name is written (domain/pinyin.ts), whole, as initials and as the name order's key. The substring search
-- columns are remade to include it (a generated column's expression cannot be altered before PostgreSQL 17),
-- with their gram index. Rows written before this migration have no pinyin yet: fillMissingPinyin
-- (db/queries/venue-pinyin.ts) fills them after migrating, found through the partial index below.
ALTER TABLE "venues" ADD COLUMN "name_pinyin" text;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "name_initials" text;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "name_sort" text;--> statement-breakpoint
ALTER TABLE "venues" DROP COLUMN "search_grams";--> statement-breakpoint
ALTER TABLE "venues" DROP COLUMN "search_text";--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(name_zh || ' ' || coalesce(name_en, '') || ' ' || coalesce(name_pinyin, '') || ' ' || coalesce(name_initials, ''))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS (kaimen_grams(lower(name_zh || ' ' || coalesce(name_en, '') || ' ' || coalesce(name_pinyin, '') || ' ' || coalesce(name_initials, '')))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "venues_search_grams_gin" ON "venues" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "venues_themes_gin" ON "venues" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "venues_pinyin_missing_idx" ON "venues" USING btree ("id") WHERE "venues"."name_pinyin" IS NULL;--> statement-breakpoint
-- A write that changes the name without its pinyin (a raw UPDATE, a tool) must not leave the old pinyin
-- findable: the pinyin is cleared, and fillMissingPinyin derives it again.
CREATE OR REPLACE FUNCTION kaimen_clear_stale_pinyin() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.name_zh IS DISTINCT FROM OLD.name_zh AND NEW.name_pinyin IS NOT DISTINCT FROM OLD.name_pinyin THEN
    NEW.name_pinyin := NULL;
    NEW.name_initials := NULL;
    NEW.name_sort := NULL;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER venues_clear_stale_pinyin BEFORE UPDATE OF name_zh ON venues
  FOR EACH ROW EXECUTE FUNCTION kaimen_clear_stale_pinyin();
