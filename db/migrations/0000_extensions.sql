-- Extensions every later migration relies on. PostGIS stores venue points and boundaries; pg_trgm
-- serves fuzzy matching of names.
CREATE EXTENSION IF NOT EXISTS postgis;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Every 1- and 2-character gram of a text. A GIN index over these finds Chinese substrings of any
-- length in any database locale (pg_trgm drops CJK characters where the ctype is not UTF-8, and its
-- trigrams cannot serve 1- or 2-character queries): a name contains q only if its grams contain q's.
CREATE OR REPLACE FUNCTION kaimen_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[])
  FROM (
    SELECT substr(t, i, 1) AS g FROM generate_series(1, char_length(t)) AS i
    UNION ALL
    SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i
  ) AS grams
  WHERE g !~ '^\s+$'
$$;
