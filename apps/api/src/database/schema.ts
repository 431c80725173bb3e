// Every table of the business database, for drizzle's typed queries. drizzle-kit reads the
// `*.table.ts` files directly (drizzle.config.ts); add each new table file here too.
export * from '../audit/audit-log.table.js';
