CREATE TABLE "airlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"iata_code" text,
	"awb_prefix" char(3),
	"website" text
);
--> statement-breakpoint
CREATE TABLE "hauliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"tax_id" text,
	"phone" text,
	"email" text,
	"address" text,
	"city" text,
	"country" char(2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipping_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"scac" text,
	"website" text,
	"tracking_url_template" text
);
--> statement-breakpoint
CREATE TABLE "vessels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"name" text NOT NULL,
	"imo" char(7) NOT NULL,
	"flag" char(2),
	"shipping_line_id" uuid
);
--> statement-breakpoint
CREATE TABLE "charge_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"code" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"kind" text NOT NULL,
	"default_unit" text NOT NULL,
	"default_vat_rate" integer NOT NULL,
	"is_disbursement" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "equipment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"code" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"teu" numeric(3, 2) NOT NULL,
	"max_payload_kg" integer,
	"is_reefer" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"currency" char(3) NOT NULL,
	"date" date NOT NULL,
	"rate" numeric(12, 6) NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_code_counters" (
	"prefix" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_data_loads" (
	"dataset" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"rows" integer NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"city" text,
	"country" char(2) NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"timezone" text
);
--> statement-breakpoint
CREATE TABLE "agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"address" text,
	"city" text,
	"country" char(2) NOT NULL,
	"modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_name" text
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"tax_id" text,
	"phone" text,
	"email" text,
	"address" text,
	"city" text,
	"country" char(2) NOT NULL,
	"payment_terms_days" integer,
	"bank_account" text,
	"swift" text
);
--> statement-breakpoint
ALTER TABLE "vessels" ADD CONSTRAINT "vessels_shipping_line_id_shipping_lines_id_fk" FOREIGN KEY ("shipping_line_id") REFERENCES "public"."shipping_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "airlines_code_key" ON "airlines" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "airlines_awb_prefix_key" ON "airlines" USING btree ("awb_prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "hauliers_code_key" ON "hauliers" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "shipping_lines_code_key" ON "shipping_lines" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "shipping_lines_scac_key" ON "shipping_lines" USING btree ("scac");--> statement-breakpoint
CREATE UNIQUE INDEX "vessels_imo_key" ON "vessels" USING btree ("imo");--> statement-breakpoint
CREATE INDEX "vessels_shipping_line_idx" ON "vessels" USING btree ("shipping_line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charge_types_code_key" ON "charge_types" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_code_key" ON "equipment" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_rates_currency_date_key" ON "exchange_rates" USING btree ("currency","date");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_code_key" ON "locations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "locations_country_idx" ON "locations" USING btree ("country");--> statement-breakpoint
CREATE INDEX "locations_name_idx" ON "locations" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "agents_code_key" ON "agents" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "suppliers_code_key" ON "suppliers" USING btree ("code");