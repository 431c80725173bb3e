CREATE TABLE "payment_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount" numeric(15, 3) NOT NULL,
	"withholding_amount" numeric(15, 3) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"archived_at" timestamp with time zone,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"client_id" uuid NOT NULL,
	"client_name" text NOT NULL,
	"received_on" date NOT NULL,
	"method" text NOT NULL,
	"bank_reference" text,
	"amount" numeric(15, 3) NOT NULL,
	"currency" char(3) NOT NULL,
	"allocated_amount" numeric(15, 3) NOT NULL,
	"withholding_amount" numeric(15, 3) NOT NULL,
	"withholding_certificate_ref" text,
	"notes" text,
	"status" text DEFAULT 'recorded' NOT NULL,
	"reversed_at" timestamp with time zone,
	"reversed_by" text,
	"reversal_reason" text,
	CONSTRAINT "payments_status" CHECK ("payments"."status" in ('recorded', 'reversed')),
	CONSTRAINT "payments_method" CHECK ("payments"."method" in ('transfer', 'cheque', 'cash', 'bill_of_exchange')),
	CONSTRAINT "payments_allocated" CHECK ("payments"."allocated_amount" <= "payments"."amount")
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "credited_amount" numeric(15, 3) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "paid_amount" numeric(15, 3) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_allocations_key" ON "payment_allocations" USING btree ("payment_id","invoice_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_invoice_idx" ON "payment_allocations" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_number_key" ON "payments" USING btree ("number");--> statement-breakpoint
CREATE INDEX "payments_client_idx" ON "payments" USING btree ("client_id","received_on");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_settlement" CHECK ("invoices"."credited_amount" >= 0 and "invoices"."paid_amount" >= 0
        and "invoices"."paid_amount" <= coalesce("invoices"."total_currency", "invoices"."total_tnd"));--> statement-breakpoint
-- An issued invoice stays frozen, except its settlement sums: issuing a credit note, recording or
-- reversing a payment moves credited_amount / paid_amount (apps/api/src/invoices/persistence/
-- invoice-settlement.ts), under the invoice's row lock.
CREATE OR REPLACE FUNCTION invoices_issued_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'issued invoice % cannot be deleted', OLD.number USING ERRCODE = 'check_violation';
  END IF;
  IF (to_jsonb(NEW) - 'sent_at' - 'version' - 'updated_at' - 'credited_amount' - 'paid_amount')
     <> (to_jsonb(OLD) - 'sent_at' - 'version' - 'updated_at' - 'credited_amount' - 'paid_amount') THEN
    RAISE EXCEPTION 'issued invoice % cannot be changed', OLD.number USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Invoices credited before this migration: their credited sum from the issued credit notes.
UPDATE "invoices" SET "credited_amount" = c."credited" FROM (
	SELECT "credited_invoice_id" AS "id", sum(coalesce("total_currency", "total_tnd")) AS "credited"
	FROM "invoices" WHERE "kind" = 'credit_note' AND "status" = 'issued' GROUP BY "credited_invoice_id"
) AS c WHERE "invoices"."id" = c."id";
