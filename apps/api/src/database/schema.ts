// Every table of the business database, for drizzle's typed queries. drizzle-kit reads the
// `*.table.ts` files directly (drizzle.config.ts); add each new table file here too.
export * from '../audit/audit-log.table.js';
export * from '../users/staff-profile.table.js';
export * from '../clients/clients.table.js';
export * from '../leads/leads.table.js';
export * from '../opportunities/opportunities.table.js';
export * from '../activities/activities.table.js';
export * from '../quotes/persistence/quotes.table.js';
