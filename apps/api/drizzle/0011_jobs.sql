CREATE TABLE "job_charges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"side" text NOT NULL,
	"stage" text NOT NULL,
	"charge_type_code" text,
	"description" text NOT NULL,
	"supplier_code" text,
	"quantity" numeric(15, 3) NOT NULL,
	"unit_price" numeric(15, 3) NOT NULL,
	"currency" char(3) NOT NULL,
	"exchange_rate" numeric(12, 6) NOT NULL,
	"vat_rate" integer NOT NULL,
	"is_disbursement" boolean DEFAULT false NOT NULL,
	"supplier_invoice_ref" text,
	"amount_tnd" numeric(15, 3) NOT NULL,
	"quote_line_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "job_charges_side" CHECK ("job_charges"."side" in ('revenue', 'cost')),
	CONSTRAINT "job_charges_stage" CHECK ("job_charges"."stage" in ('planned', 'actual'))
);
--> statement-breakpoint
CREATE TABLE "job_containers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"number" text NOT NULL,
	"size_type" text NOT NULL,
	"seal_number" text,
	"tare_kg" numeric(15, 3),
	"gross_kg" numeric(15, 3),
	"vgm_kg" numeric(15, 3),
	"packages" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_counters" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "job_counters_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
CREATE TABLE "job_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"place" text,
	"note" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"number" text NOT NULL,
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"quote_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"contact_id" uuid,
	"mode" text NOT NULL,
	"direction" text NOT NULL,
	"incoterm" text,
	"incoterm_place" text,
	"origin_code" text,
	"origin_address" text,
	"destination_code" text,
	"destination_address" text,
	"commodity" text,
	"packages_count" integer,
	"gross_weight_kg" numeric(15, 3),
	"volume_m3" numeric(15, 3),
	"dangerous_goods" boolean DEFAULT false NOT NULL,
	"un_number" text,
	"imo_class" text,
	"containers_requested" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"shipper_id" uuid,
	"consignee_id" uuid,
	"notify_id" uuid,
	"agent_code" text,
	"carrier_code" text,
	"carrier_text" text,
	"booking_number" text,
	"vessel_imo" text,
	"vessel_name" text,
	"voyage_number" text,
	"flight_number" text,
	"pol_code" text,
	"pod_code" text,
	"place_of_receipt" text,
	"place_of_delivery" text,
	"etd" date,
	"eta" date,
	"atd" date,
	"ata" date,
	"cargo_cutoff_at" timestamp with time zone,
	"doc_cutoff_at" timestamp with time zone,
	"vgm_cutoff_at" timestamp with time zone,
	"customs_declaration_ref" text,
	"mbl_number" text,
	"hbl_number" text,
	"mawb_number" text,
	"hawb_number" text,
	"cmr_number" text,
	"notify_client_of_milestones" boolean DEFAULT false NOT NULL,
	"notes" text,
	"cancel_reason" text,
	"assigned_to" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_charges" ADD CONSTRAINT "job_charges_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_containers" ADD CONSTRAINT "job_containers_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_milestones" ADD CONSTRAINT "job_milestones_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_shipper_id_clients_id_fk" FOREIGN KEY ("shipper_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_consignee_id_clients_id_fk" FOREIGN KEY ("consignee_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_notify_id_clients_id_fk" FOREIGN KEY ("notify_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_charges_job_idx" ON "job_charges" USING btree ("job_id","side","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "job_containers_number_key" ON "job_containers" USING btree ("job_id","number");--> statement-breakpoint
CREATE INDEX "job_milestones_job_idx" ON "job_milestones" USING btree ("job_id","occurred_at");--> statement-breakpoint
CREATE INDEX "jobs_assigned_to_idx" ON "jobs" USING gin ("assigned_to");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_number_key" ON "jobs" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_quote_key" ON "jobs" USING btree ("quote_id");--> statement-breakpoint
CREATE INDEX "jobs_client_idx" ON "jobs" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status","eta");--> statement-breakpoint
CREATE INDEX "jobs_etd_idx" ON "jobs" USING btree ("etd");