// Every table of the business database, for drizzle's typed queries. drizzle-kit reads the
// `*.table.ts` files directly (drizzle.config.ts); add each new table file here too.
export * from '../audit/audit-log.table.js';
export * from '../users/staff-profile.table.js';
export * from '../clients/clients.table.js';
export * from '../leads/leads.table.js';
export * from '../opportunities/opportunities.table.js';
export * from '../activities/activities.table.js';
export * from '../quotes/persistence/quotes.table.js';
export * from '../reference/framework/reference-framework.table.js';
export * from '../reference/locations/locations.table.js';
export * from '../reference/equipment/equipment.table.js';
export * from '../reference/charge-types/charge-types.table.js';
export * from '../reference/exchange-rates/exchange-rates.table.js';
export * from '../reference/carriers/carriers.table.js';
export * from '../reference/partners/partners.table.js';
export * from '../notifications/notifications.table.js';
export * from '../jobs/persistence/jobs.table.js';
export * from '../sales-targets/sales-targets.table.js';
export * from '../invoices/persistence/invoices.table.js';
export * from '../supplier-invoices/persistence/supplier-invoices.table.js';
export * from '../attachments/attachments.table.js';
export * from '../payments/persistence/payments.table.js';
