export * from './supplier-invoices.js';
export * from './job-profit.js';
