-- Hand-written (drizzle-kit generate --custom): duplicate clients (apps/api/src/clients/client-duplicates.ts).
-- A tax id compared without spaces, slashes, dots, dashes or case: "1234567/a/m/000" = "1234567 A M 000".
CREATE OR REPLACE FUNCTION public.tax_id_key(tax_id text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT nullif(upper(regexp_replace(tax_id, '[^0-9A-Za-z]', '', 'g')), '') $$;--> statement-breakpoint
-- A company name compared without accents, case, punctuation or legal form (search_text from 0004):
-- "Céramiques du Sahel" = "CERAMIQUES DU SAHEL S.A.R.L.".
CREATE OR REPLACE FUNCTION public.company_name_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT regexp_replace(
    regexp_replace(replace(public.search_text(ARRAY[name]), '.', ''),
      '\m(sarl|suarl|sa|sas|sasu|snc|spa|ste|societe|ltd|llc|gmbh|inc|cie)\M', '', 'g'),
    '[^a-z0-9]', '', 'g') $$;--> statement-breakpoint
-- One live client per tax id; archived clients keep theirs (a restore that collides answers 409).
CREATE UNIQUE INDEX IF NOT EXISTS clients_live_tax_id_uq ON clients (public.tax_id_key(fiscal_id))
  WHERE archived_at IS NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS clients_name_key_idx ON clients (public.company_name_key(name))
  WHERE archived_at IS NULL;
