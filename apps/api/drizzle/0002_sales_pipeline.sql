CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"type" text NOT NULL,
	"subject" text NOT NULL,
	"description" text,
	"status" text NOT NULL,
	"due_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"reminder_at" timestamp with time zone,
	"lead_id" uuid,
	"opportunity_id" uuid,
	"quote_id" uuid,
	"client_id" uuid,
	"assigned_to" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "activities_one_link" CHECK (num_nonnulls("activities"."lead_id", "activities"."opportunity_id", "activities"."quote_id", "activities"."client_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"name" text NOT NULL,
	"fiscal_id" text,
	"address" text,
	"city" text,
	"country" char(2) NOT NULL,
	"currency" char(3) NOT NULL,
	"language" text NOT NULL,
	"assigned_to" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"client_id" uuid NOT NULL,
	"first_name" text,
	"last_name" text NOT NULL,
	"position" text,
	"phones" text[] DEFAULT '{}'::text[] NOT NULL,
	"emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"full_name" text NOT NULL,
	"company" text,
	"email" text,
	"phone" text,
	"industry" text,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"priority" text NOT NULL,
	"transport_needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"traffic" text,
	"estimated_volume_quantity" numeric(15, 3),
	"estimated_volume_unit" text,
	"estimated_value_amount" numeric(15, 3),
	"estimated_value_currency" char(3),
	"current_provider" text,
	"next_follow_up_date" date,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"converted_at" timestamp with time zone,
	"converted_client_id" uuid,
	"converted_opportunity_id" uuid,
	"assigned_to" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "leads_estimated_value_complete" CHECK (("leads"."estimated_value_amount" is null) = ("leads"."estimated_value_currency" is null))
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"title" text NOT NULL,
	"lead_id" uuid,
	"client_id" uuid,
	"value_amount" numeric(15, 3),
	"value_currency" char(3),
	"probability" integer NOT NULL,
	"stage" text NOT NULL,
	"expected_close_date" date,
	"origin" text,
	"destination" text,
	"transport_type" text,
	"traffic" text,
	"competitors" text[] DEFAULT '{}'::text[] NOT NULL,
	"close_reason" text,
	"closed_at" timestamp with time zone,
	"assigned_to" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "opportunities_has_parent" CHECK ("opportunities"."lead_id" is not null or "opportunities"."client_id" is not null),
	CONSTRAINT "opportunities_probability_range" CHECK ("opportunities"."probability" between 0 and 100),
	CONSTRAINT "opportunities_value_complete" CHECK (("opportunities"."value_amount" is null) = ("opportunities"."value_currency" is null))
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_converted_client_id_clients_id_fk" FOREIGN KEY ("converted_client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_converted_opportunity_id_opportunities_id_fk" FOREIGN KEY ("converted_opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_assigned_to_idx" ON "activities" USING gin ("assigned_to");--> statement-breakpoint
CREATE INDEX "activities_lead_idx" ON "activities" USING btree ("lead_id") WHERE "activities"."lead_id" is not null;--> statement-breakpoint
CREATE INDEX "activities_opportunity_idx" ON "activities" USING btree ("opportunity_id") WHERE "activities"."opportunity_id" is not null;--> statement-breakpoint
CREATE INDEX "activities_quote_idx" ON "activities" USING btree ("quote_id") WHERE "activities"."quote_id" is not null;--> statement-breakpoint
CREATE INDEX "activities_client_idx" ON "activities" USING btree ("client_id") WHERE "activities"."client_id" is not null;--> statement-breakpoint
CREATE INDEX "activities_open_due_idx" ON "activities" USING btree ("due_at") WHERE "activities"."status" in ('scheduled', 'postponed');--> statement-breakpoint
CREATE INDEX "clients_assigned_to_idx" ON "clients" USING gin ("assigned_to");--> statement-breakpoint
CREATE INDEX "clients_name_idx" ON "clients" USING btree ("name");--> statement-breakpoint
CREATE INDEX "contacts_client_idx" ON "contacts" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_one_primary_per_client" ON "contacts" USING btree ("client_id") WHERE "contacts"."is_primary";--> statement-breakpoint
CREATE INDEX "leads_assigned_to_idx" ON "leads" USING gin ("assigned_to");--> statement-breakpoint
CREATE INDEX "leads_status_idx" ON "leads" USING btree ("status");--> statement-breakpoint
CREATE INDEX "leads_follow_up_idx" ON "leads" USING btree ("next_follow_up_date");--> statement-breakpoint
CREATE INDEX "leads_tags_idx" ON "leads" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "opportunities_assigned_to_idx" ON "opportunities" USING gin ("assigned_to");--> statement-breakpoint
CREATE INDEX "opportunities_stage_idx" ON "opportunities" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "opportunities_lead_idx" ON "opportunities" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "opportunities_client_idx" ON "opportunities" USING btree ("client_id");