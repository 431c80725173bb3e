-- Quote carrier (apps/api/src/quotes/persistence/quotes.table.ts carrierCode): readable code of a
-- shipping line, airline or haulier; the read names it.
ALTER TABLE "quotes" ADD COLUMN "carrier_code" text;