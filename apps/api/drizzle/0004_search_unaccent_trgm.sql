-- Hand-written (drizzle-kit generate --custom): the free-text search of apps/api/src/common/search.
-- PGlite loads both extensions as contrib modules (database/connection.ts); PostgreSQL ships them in contrib.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- One normalised text per record: fields joined by spaces, accents removed, lower case. Declared
-- IMMUTABLE (unaccent(regdictionary, text) is; the dictionary is named, not looked up through the
-- search_path) so it can be indexed; schema-qualified so a restore with an empty search_path works.
CREATE OR REPLACE FUNCTION public.search_text(parts text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, array_to_string(parts, ' '))) $$;--> statement-breakpoint
-- Trigram GIN indexes on the exact documents the records definitions search (LIKE '%word%').
CREATE INDEX IF NOT EXISTS clients_search_idx ON clients
  USING gin (public.search_text(ARRAY[name, fiscal_id, city]::text[]) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS contacts_search_idx ON contacts
  USING gin (public.search_text(ARRAY[last_name, first_name, position]::text[] || emails) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS leads_search_idx ON leads
  USING gin (public.search_text(ARRAY[full_name, company, email, phone]::text[] || tags) gin_trgm_ops);
