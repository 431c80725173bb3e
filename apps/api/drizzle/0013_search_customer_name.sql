ALTER TABLE "opportunities" ADD COLUMN "customer_name" text;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "search_document" text GENERATED ALWAYS AS (public.search_text(ARRAY[title, origin, destination, customer_name]::text[])) STORED;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "customer_name" text;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "search_document" text GENERATED ALWAYS AS (public.search_text(ARRAY[number, title, customer_name]::text[])) STORED;--> statement-breakpoint
-- Hand-written: quotes and opportunities are searched by their customer's name, which lives in
-- clients (or leads, for a prospect). Matching through a subquery read and normalised every row
-- (7 s for one free-text search on 100,000 quotes, bench/RESULTS.md). The name is now copied onto
-- the row and kept there by the triggers below, and the normalised search text is a stored
-- generated column (computed after BEFORE triggers) with a trigram index, like clients' search.
-- The copy is derived data: no version bump, no audit entry, never written by the API.
CREATE OR REPLACE FUNCTION public.customer_name_of(client uuid, lead uuid) RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce((SELECT c.name FROM public.clients c WHERE c.id = client),
                        (SELECT coalesce(l.company, l.full_name) FROM public.leads l WHERE l.id = lead)) $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.set_customer_name() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN NEW.customer_name := public.customer_name_of(NEW.client_id, NEW.lead_id); RETURN NEW; END $$;--> statement-breakpoint
CREATE TRIGGER quotes_customer_name BEFORE INSERT OR UPDATE OF client_id, lead_id ON quotes
  FOR EACH ROW EXECUTE FUNCTION public.set_customer_name();--> statement-breakpoint
CREATE TRIGGER opportunities_customer_name BEFORE INSERT OR UPDATE OF client_id, lead_id ON opportunities
  FOR EACH ROW EXECUTE FUNCTION public.set_customer_name();--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.propagate_customer_name() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_TABLE_NAME = 'clients' THEN
    UPDATE public.quotes SET customer_name = NEW.name WHERE client_id = NEW.id;
    UPDATE public.opportunities SET customer_name = NEW.name WHERE client_id = NEW.id;
  ELSE
    UPDATE public.quotes SET customer_name = coalesce(NEW.company, NEW.full_name)
     WHERE lead_id = NEW.id AND client_id IS NULL;
    UPDATE public.opportunities SET customer_name = coalesce(NEW.company, NEW.full_name)
     WHERE lead_id = NEW.id AND client_id IS NULL;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER clients_customer_name AFTER UPDATE OF name ON clients
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION public.propagate_customer_name();--> statement-breakpoint
CREATE TRIGGER leads_customer_name AFTER UPDATE OF company, full_name ON leads
  FOR EACH ROW WHEN (OLD.company IS DISTINCT FROM NEW.company OR OLD.full_name IS DISTINCT FROM NEW.full_name)
  EXECUTE FUNCTION public.propagate_customer_name();--> statement-breakpoint
UPDATE quotes SET customer_name = public.customer_name_of(client_id, lead_id);--> statement-breakpoint
UPDATE opportunities SET customer_name = public.customer_name_of(client_id, lead_id);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS quotes_search_idx ON quotes USING gin (search_document gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS opportunities_search_idx ON opportunities USING gin (search_document gin_trgm_ops);
