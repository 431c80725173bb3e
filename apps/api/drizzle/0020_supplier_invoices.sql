CREATE TABLE "supplier_invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supplier_invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"job_charge_id" uuid,
	"job_id" uuid NOT NULL,
	"description" text NOT NULL,
	"amount" numeric(15, 3) NOT NULL,
	"vat_rate" integer NOT NULL,
	"is_disbursement" boolean NOT NULL,
	"amount_tnd" numeric(15, 3) NOT NULL,
	"vat_tnd" numeric(15, 3) NOT NULL,
	CONSTRAINT "supplier_invoice_lines_vat_rate" CHECK ("supplier_invoice_lines"."vat_rate" in (19, 13, 7, 0))
);
--> statement-breakpoint
CREATE TABLE "supplier_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"supplier_code" text,
	"supplier_name" text NOT NULL,
	"supplier_tax_id" text,
	"supplier_number" text NOT NULL,
	"invoice_date" date NOT NULL,
	"due_date" date,
	"currency" char(3) NOT NULL,
	"exchange_rate" numeric(12, 6) NOT NULL,
	"paid" boolean DEFAULT false NOT NULL,
	"paid_on" date,
	"notes" text,
	"job_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"net_tnd" numeric(15, 3) NOT NULL,
	"vat_tnd" numeric(15, 3) NOT NULL,
	"vat_breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"disbursements_tnd" numeric(15, 3) NOT NULL,
	"total_tnd" numeric(15, 3) NOT NULL,
	"total_currency" numeric(15, 3),
	CONSTRAINT "supplier_invoices_paid_on" CHECK ("supplier_invoices"."paid" = ("supplier_invoices"."paid_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "supplier_invoice_lines" ADD CONSTRAINT "supplier_invoice_lines_supplier_invoice_id_supplier_invoices_id_fk" FOREIGN KEY ("supplier_invoice_id") REFERENCES "public"."supplier_invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoice_lines" ADD CONSTRAINT "supplier_invoice_lines_job_charge_id_job_charges_id_fk" FOREIGN KEY ("job_charge_id") REFERENCES "public"."job_charges"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoice_lines" ADD CONSTRAINT "supplier_invoice_lines_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_invoice_lines_position_key" ON "supplier_invoice_lines" USING btree ("supplier_invoice_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_invoice_lines_job_charge_key" ON "supplier_invoice_lines" USING btree ("job_charge_id");--> statement-breakpoint
CREATE INDEX "supplier_invoice_lines_job_idx" ON "supplier_invoice_lines" USING btree ("job_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_invoices_number_key" ON "supplier_invoices" USING btree (coalesce("supplier_code", lower(btrim("supplier_name"))),lower(btrim("supplier_number")));--> statement-breakpoint
CREATE INDEX "supplier_invoices_date_idx" ON "supplier_invoices" USING btree ("invoice_date");--> statement-breakpoint
CREATE INDEX "supplier_invoices_jobs_idx" ON "supplier_invoices" USING gin ("job_ids");