ALTER TABLE "clients" ADD COLUMN "legal_name" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "client_type" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "customs_code" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "vat_regime" text DEFAULT 'subject' NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "vat_suspension_number" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "vat_suspension_issued_on" date;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "vat_suspension_expires_on" date;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "stamp_duty_exempt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "payment_terms_days" integer;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "payment_terms_end_of_month" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "credit_limit" numeric(15, 3);--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "blocked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "blocked_reason" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "bank_name" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "bank_account" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "swift" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "accounting_account" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "industry" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "addresses" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "clients_vat_suspension_expiry_idx" ON "clients" USING btree ("vat_suspension_expires_on") WHERE "clients"."vat_regime" = 'suspended' and "clients"."archived_at" is null;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_vat_regime" CHECK ("clients"."vat_regime" in ('subject', 'suspended', 'exempt'));--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_vat_suspension_complete" CHECK ("clients"."vat_regime" <> 'suspended' or ("clients"."vat_suspension_number" is not null and "clients"."vat_suspension_issued_on" is not null and "clients"."vat_suspension_expires_on" > "clients"."vat_suspension_issued_on"));