CREATE INDEX "clients_updated_at_idx" ON "clients" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "quotes_updated_at_idx" ON "quotes" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "quotes_created_at_idx" ON "quotes" USING btree ("created_at","id");