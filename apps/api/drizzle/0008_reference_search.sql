-- Hand-written (drizzle-kit generate --custom): trigram index on the search document of locations
-- (apps/api/src/reference/locations/locations.reference.ts `search`), the one reference table with
-- thousands of rows; keep both in step (common/search/search.ts).
CREATE INDEX IF NOT EXISTS locations_search_idx ON locations
  USING gin (public.search_text(ARRAY[code, name, city, country]::text[]) gin_trgm_ops);
