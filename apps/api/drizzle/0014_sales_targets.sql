CREATE TABLE "sales_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"commercial_id" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"revenue_tnd" numeric(15, 3),
	"margin_tnd" numeric(15, 3),
	"new_clients" integer,
	"quotes_sent" integer,
	CONSTRAINT "sales_targets_period" CHECK ("sales_targets"."period" in ('month', 'quarter', 'year'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sales_targets_commercial_period_key" ON "sales_targets" USING btree ("commercial_id","period","period_start") WHERE "sales_targets"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "sales_targets_period_idx" ON "sales_targets" USING btree ("period_start");